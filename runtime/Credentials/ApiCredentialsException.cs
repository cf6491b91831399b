using System;

namespace Engage.Codegen.Runtime;

/// <summary>
/// An operation needs a credential the client does not hold (the API secret on a key-only client, the
/// Basic user name and password for an operation the docs say takes them); nothing was sent.
/// </summary>
public sealed class ApiCredentialsException : InvalidOperationException
{
    /// <summary>Creates the exception.</summary>
    public ApiCredentialsException(string message) : base(message)
    {
    }
}
