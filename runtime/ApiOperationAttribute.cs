using System;

namespace Engage.Codegen.Runtime;

/// <summary>
/// Describes a generated operation: the documented HTTP method and path, the credentials it needs,
/// whether it pages, and the Markdown line it was generated from.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = true)]
public sealed class ApiOperationAttribute : Attribute
{
    /// <summary>Creates the attribute.</summary>
    /// <param name="method">The HTTP method, upper case.</param>
    /// <param name="path">The path template relative to the API root, parameters written <c>{name}</c>.</param>
    public ApiOperationAttribute(string method, string path)
    {
        Method = method;
        Path = path;
    }

    /// <summary>The HTTP method, upper case.</summary>
    public string Method { get; }

    /// <summary>The path template relative to the API root, parameters written <c>{name}</c>.</summary>
    public string Path { get; }

    /// <summary>The credentials the operation needs.</summary>
    public ApiAuth Auth { get; set; } = ApiAuth.KeyAndSecret;

    /// <summary>Whether the operation returns a cursor-paged list.</summary>
    public bool Paged { get; set; }

    /// <summary>The Markdown file and line the operation was generated from, as <c>file.md:line</c>.</summary>
    public string? Source { get; set; }

    /// <summary>
    /// Request members (JSON names, comma separated) that need the API secret when set, although the
    /// operation otherwise works with the key alone.
    /// </summary>
    public string? SecretRequiredFor { get; set; }
}
