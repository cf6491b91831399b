using System;
using System.Collections.Generic;
using System.Linq;
using Engage.Codegen.Model;

namespace Engage.Codegen.Surface;

/// <summary>
/// The surface of an inferred API, as the OpenAPI export describes it (the tool's <c>OpenApiExport</c>; a test reads
/// every fixture's export back and finds no difference): operations under the first spelling of each path shape,
/// query parameters, the body as its request model, the answer's type, the schemes each requires and its paging
/// style; every model sent or read as JSON, every enum, and the error body as components.
/// </summary>
internal static class SurfaceOfApi
{
    /// <summary>The component schema of the error body: <c>ApiError</c>, unless a model or enum has that name.</summary>
    public const string ErrorSchema = "ApiError";

    public static ApiSurface Build(ApiSpec api)
    {
        var schemas = new Dictionary<string, SurfaceSchema>(StringComparer.Ordinal);
        foreach (var model in api.Models.Where(IsComponent))
        {
            schemas[model.Name] = new SurfaceSchema(model.Name, Members(model), null, model.Source);
        }

        foreach (var enumeration in api.Enums)
        {
            var values = enumeration.Members.Select(m => m.Value).ToList();
            schemas[enumeration.Name] = new SurfaceSchema(enumeration.Name, Array.Empty<SurfaceMember>(), values, enumeration.Source);
        }

        var error = ErrorSchemaName(api);
        schemas[error] = new SurfaceSchema(
            error,
            api.ErrorBody is null ? new[] { new SurfaceMember("error", Plain("string"), false) } : Array.Empty<SurfaceMember>(),
            null,
            api.ErrorBody?.Source);

        var documentPath = PathShape.FirstSpellings(api.Resources.SelectMany(r => r.Operations).Select(o => o.PathTemplate));
        var operations = new Dictionary<string, SurfaceOperation>(StringComparer.Ordinal);
        foreach (var resource in api.Resources)
        {
            foreach (var operation in resource.Operations)
            {
                var path = documentPath(operation.PathTemplate);

                var parameters = operation.RequestProperties.Where(p => !operation.RequestInBody || p.InQuery)
                    .Select(p => new SurfaceParameter("query", p.JsonName, p.Required, Of(p.Type)))
                    .ToList();
                var body = operation.RequestInBody && operation.RequestType is { } request ? new SurfaceType(request, false, new[] { request }) : null;
                var answer = operation.ResponseType.Kind == TypeKind.None ? null : Of(operation.ResponseType);
                var required = SecuritySchemes.Required(api, operation);
                var security = required.Count == 0 ? "none" : string.Join(" and ", required.OrderBy(n => n, StringComparer.Ordinal));
                var paging = operation.Paging is { } spec ? PagingStyleName(spec.Style) : "none";
                var surface = new SurfaceOperation(
                    operation.HttpMethod, path, OperationId(operation), parameters, body, answer, security, paging, operation.Source);
                operations[surface.Key] = surface; // the same method and shape twice: the last, as in the document
            }
        }

        var schemes = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, shape) in SecuritySchemes.Of(api))
        {
            schemes[name] = shape;
        }

        return new ApiSurface(operations.Values.ToList(), schemas, schemes);
    }

    /// <summary>The operationId: the telemetry name, <c>Resource_Method</c> (<c>Users_Get</c>), which a rename of the generated method changes.</summary>
    public static string OperationId(OperationSpec operation) => operation.TelemetryName.Replace('.', '_');

    /// <summary>How the export and a report name a paging style.</summary>
    public static string PagingStyleName(PagingStyle style) => style switch
    {
        PagingStyle.IdCursor => "id-cursor",
        PagingStyle.OpaqueCursor => "cursor",
        PagingStyle.PageNumber => "page",
        _ => "offset",
    };

    /// <summary>Whether a model is a component schema: every one but a request model sent in the query (its members are parameters).</summary>
    public static bool IsComponent(ModelSpec model) => model.Role != ModelRole.Request || model.SentAsBody;

    /// <summary>The error body's schema name: <c>ApiError</c>, with underscores before it while a model or enum has it.</summary>
    public static string ErrorSchemaName(ApiSpec api)
    {
        var taken = new HashSet<string>(api.Models.Where(IsComponent).Select(m => m.Name).Concat(api.Enums.Select(e => e.Name)), StringComparer.Ordinal);
        var name = ErrorSchema;
        while (taken.Contains(name))
        {
            name = "_" + name;
        }

        return name;
    }

    /// <summary>Whether a member is one of the body's: not the open object's other members, not a query parameter.</summary>
    public static bool IsBodyMember(PropertySpec property) =>
        !(property.Name == ModelSpec.AdditionalPropertiesName && property.Type.Kind == TypeKind.Dictionary) && !property.InQuery;

    private static List<SurfaceMember> Members(ModelSpec model) =>
        model.Properties.Where(IsBodyMember).Select(p => new SurfaceMember(p.JsonName, Of(p.Type, p.Nullable), p.Required)).ToList();

    /// <summary>A type as the export writes its schema, in words.</summary>
    private static SurfaceType Of(TypeRef type, bool nullable = false)
    {
        switch (type.Kind)
        {
            case TypeKind.String: return Plain("string", nullable);
            case TypeKind.Int32: return Plain("integer/int32", nullable);
            case TypeKind.Int64: return Plain("integer/int64", nullable);
            case TypeKind.Decimal: return Plain("number", nullable);
            case TypeKind.Double: return Plain("number/double", nullable);
            case TypeKind.Boolean: return Plain("boolean", nullable);
            case TypeKind.DateTimeOffset: return Plain("string/date-time", nullable);
            case TypeKind.DateOnly: return Plain("string/date", nullable);
            case TypeKind.List:
                var item = Of(type.Element!);
                return new SurfaceType("array of " + item.Word, nullable, item.References);
            case TypeKind.Dictionary:
                var value = Of(type.Element!);
                return new SurfaceType("map of " + value.Word, nullable, value.References);
            case TypeKind.Scalar:
                return Plain("one of string, number, boolean", nullable);
            case TypeKind.Model or TypeKind.Enum:
                return new SurfaceType(type.Name!, nullable, new[] { type.Name! });
            default:
                return Plain("any"); // any JSON value, null among them
        }
    }

    private static SurfaceType Plain(string word, bool nullable = false) => new(word, nullable, Array.Empty<string>());
}
