using System;
using System.ComponentModel;

namespace Engage.Codegen.Runtime;

/// <summary>Builds request paths from documented templates. Used by generated code.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class ApiPath
{
    /// <summary>
    /// Escapes a value so that it reaches the server as exactly one path segment: <c>a/b</c>,
    /// <c>../lists</c>, <c>%2F</c> or <c>?x=1</c> can never change the route.
    /// </summary>
    public static string Segment(string value)
    {
        if (value is null)
        {
            throw new ArgumentNullException(nameof(value));
        }

        if (value.Length == 0)
        {
            throw new ArgumentException("A path parameter must not be empty.", nameof(value));
        }

        // "." and ".." are dot-segments: servers remove them, even percent-encoded (RFC 3986 6.2.2.2),
        // so they would change the route. No escaping can carry them; refuse them.
        if (value == "." || value == "..")
        {
            throw new ArgumentException($"A path parameter cannot be '{value}': servers treat it as a relative path step.", nameof(value));
        }

        return Uri.EscapeDataString(value);
    }
}
