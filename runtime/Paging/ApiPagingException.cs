using System;

namespace Engage.Codegen.Runtime;

/// <summary>
/// The server broke the paging contract (repeated a cursor, a link or a whole page, sent an empty page
/// that claims more, or linked to another origin); paging stopped instead of looping or leaking.
/// </summary>
public sealed class ApiPagingException : InvalidOperationException
{
    /// <summary>Creates the exception.</summary>
    public ApiPagingException(string message) : base(message)
    {
    }
}
