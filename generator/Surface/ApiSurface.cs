using System.Collections.Generic;

namespace Engage.Codegen.Surface;

/// <summary>
/// What a caller compiled against a client depends on, in the terms of the OpenAPI document the <c>openapi</c> verb
/// writes: each operation (by method and path shape) with its operationId, parameters, body and answer types, auth
/// and paging; each component schema with its members or enum values; each security scheme. Built from the
/// inferred API (<see cref="SurfaceOfApi"/>) or read from an exported file (<see cref="SurfaceReader"/>), so the
/// build and the tool compare the same things the same way (<see cref="SurfaceComparer"/>). Descriptions and
/// sources are carried to locate a change, never compared.
/// </summary>
internal sealed class ApiSurface
{
    public ApiSurface(
        IReadOnlyList<SurfaceOperation> operations,
        IReadOnlyDictionary<string, SurfaceSchema> schemas,
        IReadOnlyDictionary<string, string> schemes)
    {
        Operations = operations;
        Schemas = schemas;
        Schemes = schemes;
    }

    /// <summary>Each operation once per method and path shape, in the document's order.</summary>
    public IReadOnlyList<SurfaceOperation> Operations { get; }

    /// <summary>Component schemas by name.</summary>
    public IReadOnlyDictionary<string, SurfaceSchema> Schemas { get; }

    /// <summary>Security schemes by name, each as <c>http basic</c>, <c>apiKey header X-Key</c>.</summary>
    public IReadOnlyDictionary<string, string> Schemes { get; }
}

/// <summary>
/// One operation. <see cref="Path"/> is the first spelling of its shape (<c>/users/{id}</c>); <see cref="Security"/> is
/// <c>none</c> or the schemes it requires (<c>apiKey and apiSecret</c>); <see cref="Paging"/> <c>none</c> or its style;
/// <see cref="Source"/> where the docs say it (<c>users.md:42</c>).
/// </summary>
internal sealed record SurfaceOperation(
    string Method,
    string Path,
    string OperationId,
    IReadOnlyList<SurfaceParameter> Parameters,
    SurfaceType? Body,
    SurfaceType? Answer,
    string Security,
    string Paging,
    string? Source)
{
    /// <summary>What identifies it across versions: the method and the path without its parameters' names.</summary>
    public string Key => Method + " " + PathShape.Of(Path);

    /// <summary>How a report names it: <c>GET /users/{id}</c>.</summary>
    public string Display => Method + " " + Path;
}

/// <summary>A query or header parameter (path parameters belong to the path): <see cref="In"/> is <c>query</c> or <c>header</c>.</summary>
internal sealed record SurfaceParameter(string In, string Name, bool Required, SurfaceType Type);

/// <summary>
/// A type in words, as a report prints it: <c>string</c>, <c>integer/int64</c>, <c>array of User</c>, <c>map of any</c>,
/// <c>one of string, number, boolean</c>, <c>User or null</c>. <see cref="Plain"/> is the word without its own
/// <c>or null</c>; <see cref="References"/> the component schemas it names.
/// </summary>
internal sealed record SurfaceType(string Plain, bool Nullable, IReadOnlyList<string> References)
{
    public string Word => Nullable ? Plain + " or null" : Plain;
}

/// <summary>A component schema: an object's members, or an enum's values (then <see cref="EnumValues"/> is set).</summary>
internal sealed record SurfaceSchema(string Name, IReadOnlyList<SurfaceMember> Members, IReadOnlyList<string>? EnumValues, string? Source);

/// <summary>A member of an object schema, by its JSON name.</summary>
internal sealed record SurfaceMember(string Name, SurfaceType Type, bool Required);
