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

        return Escape(value, nameof(value));
    }

    /// <summary>
    /// <see cref="Segment(string)"/> for a generated method's path parameter: a null or empty value
    /// throws <see cref="ArgumentException"/> ("A value is required.") and a dot-segment throws too,
    /// each naming <paramref name="parameterName"/>, the caller's parameter.
    /// </summary>
    /// <param name="value">The parameter's value.</param>
    /// <param name="parameterName">The generated method's parameter name, for the exception.</param>
    public static string Segment(string value, string parameterName)
    {
        if (string.IsNullOrEmpty(value))
        {
            throw new ArgumentException("A value is required.", parameterName);
        }

        return Escape(value, parameterName);
    }

    private static string Escape(string value, string parameterName)
    {
        // "." and ".." are dot-segments: servers remove them, even percent-encoded (RFC 3986 6.2.2.2),
        // so they would change the route. No escaping can carry them; refuse them.
        if (value == "." || value == "..")
        {
            throw new ArgumentException($"A path parameter cannot be '{value}': servers treat it as a relative path step.", parameterName);
        }

        return Uri.EscapeDataString(value);
    }
}
