using System;
using System.ComponentModel;
using System.Text;

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

        var escaped = Uri.EscapeDataString(value);

        // Uri.EscapeDataString leaves '.', so "." and ".." would be removed as dot-segments.
        if (escaped.Trim('.').Length == 0)
        {
            var builder = new StringBuilder(escaped.Length * 3);
            foreach (var _ in escaped)
            {
                builder.Append("%2E");
            }

            return builder.ToString();
        }

        return escaped;
    }
}
