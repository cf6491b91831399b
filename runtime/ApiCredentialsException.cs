using System;

namespace Engage.Codegen.Runtime;

/// <summary>An operation needs the API secret and the client holds only the key; nothing was sent.</summary>
public sealed class ApiCredentialsException : InvalidOperationException
{
    /// <summary>Creates the exception.</summary>
    public ApiCredentialsException(string message) : base(message)
    {
    }
}
