using System.Text.Json.Nodes;
using Engage.Codegen.Model;
using Engage.Codegen.Surface;
using Microsoft.OpenApi;

namespace Engage.Codegen.Inspect.OpenApi;

/// <summary>
/// The inferred models and enums as JSON Schema (OpenAPI 3.1): models as component schemas with their required
/// members, nullable members as type arrays with <c>null</c>, integers with <c>int32</c>/<c>int64</c>, dates as
/// <c>date</c>/<c>date-time</c> strings, open objects as <c>additionalProperties</c>, an extensible enum as
/// <c>anyOf</c> its known values and a plain string (clients generated from it accept new values), a scalar that
/// can be several JSON kinds as <c>oneOf</c>, and an untyped member as <c>{}</c>.
/// </summary>
internal sealed class OpenApiSchemas
{
    private readonly ApiSpec _api;
    private readonly OpenApiDocument _document;

    public OpenApiSchemas(ApiSpec api, OpenApiDocument document)
    {
        _api = api;
        _document = document;
    }

    /// <summary>Adds every model a response or a body uses, and every enum, to the document's components.</summary>
    public void AddComponents()
    {
        var schemas = _document.Components!.Schemas ??= new Dictionary<string, IOpenApiSchema>(StringComparer.Ordinal);
        // A request model sent in the query is no body: its members are the operation's query parameters.
        foreach (var model in _api.Models.Where(SurfaceOfApi.IsComponent))
        {
            schemas[model.Name] = Model(model);
        }

        foreach (var enumeration in _api.Enums)
        {
            var known = new OpenApiSchema { Type = JsonSchemaType.String, Enum = enumeration.Members.Select(m => (System.Text.Json.Nodes.JsonNode)JsonValue.Create(m.Value)).ToList() };
            schemas[enumeration.Name] = new OpenApiSchema
            {
                Description = Text(enumeration.Summary),
                AnyOf = new List<IOpenApiSchema> { known, new OpenApiSchema { Type = JsonSchemaType.String } },
                Extensions = Source(enumeration.Source),
            };
        }
    }

    /// <summary>The schema of a member, parameter or body of a type; <paramref name="nullable"/> adds <c>null</c>.</summary>
    public IOpenApiSchema Of(TypeRef type, bool nullable = false)
    {
        OpenApiSchema Plain(JsonSchemaType kind, string? format = null) => new() { Type = nullable ? kind | JsonSchemaType.Null : kind, Format = format };
        switch (type.Kind)
        {
            case TypeKind.String: return Plain(JsonSchemaType.String);
            case TypeKind.Int32: return Plain(JsonSchemaType.Integer, "int32");
            case TypeKind.Int64: return Plain(JsonSchemaType.Integer, "int64");
            case TypeKind.Decimal: return Plain(JsonSchemaType.Number);
            case TypeKind.Double: return Plain(JsonSchemaType.Number, "double");
            case TypeKind.Boolean: return Plain(JsonSchemaType.Boolean);
            case TypeKind.DateTimeOffset: return Plain(JsonSchemaType.String, "date-time");
            case TypeKind.DateOnly: return Plain(JsonSchemaType.String, "date");
            case TypeKind.List: return new OpenApiSchema { Type = nullable ? JsonSchemaType.Array | JsonSchemaType.Null : JsonSchemaType.Array, Items = Of(type.Element!) };
            case TypeKind.Dictionary:
                return new OpenApiSchema { Type = nullable ? JsonSchemaType.Object | JsonSchemaType.Null : JsonSchemaType.Object, AdditionalProperties = Of(type.Element!) };
            case TypeKind.Scalar:
                // ApiScalar: a string, a number or a boolean, whichever the server sends.
                var kinds = new List<IOpenApiSchema>
                {
                    new OpenApiSchema { Type = JsonSchemaType.String },
                    new OpenApiSchema { Type = JsonSchemaType.Number },
                    new OpenApiSchema { Type = JsonSchemaType.Boolean },
                };
                if (nullable)
                {
                    kinds.Add(new OpenApiSchema { Type = JsonSchemaType.Null });
                }

                return new OpenApiSchema { OneOf = kinds };
            case TypeKind.Model or TypeKind.Enum:
                IOpenApiSchema reference = new OpenApiSchemaReference(type.Name!, _document);
                return nullable ? new OpenApiSchema { OneOf = new List<IOpenApiSchema> { reference, new OpenApiSchema { Type = JsonSchemaType.Null } } } : reference;
            default:
                return new OpenApiSchema(); // JsonElement: any JSON value
        }
    }

    private OpenApiSchema Model(ModelSpec model)
    {
        var schema = new OpenApiSchema
        {
            Type = JsonSchemaType.Object,
            Description = Text(model.Summary),
            Properties = new Dictionary<string, IOpenApiSchema>(StringComparer.Ordinal),
            Required = new HashSet<string>(StringComparer.Ordinal),
            Extensions = Source(model.Source),
        };
        foreach (var property in model.Properties)
        {
            if (property.Name == ModelSpec.AdditionalPropertiesName && property.Type.Kind == TypeKind.Dictionary)
            {
                // The members the docs do not name: an open object.
                schema.AdditionalProperties = Of(property.Type.Element!);
                continue;
            }

            if (!SurfaceOfApi.IsBodyMember(property))
            {
                continue; // sent in the query string: a parameter of its operation, not a member of the body
            }

            var member = Of(property.Type, property.Nullable);
            if (member is OpenApiSchema described && property.Summary.Length > 0)
            {
                described.Description = Text(property.Summary);
            }

            schema.Properties[property.JsonName] = member;
            if (property.Required)
            {
                schema.Required.Add(property.JsonName);
            }
        }

        return schema;
    }

    /// <summary>Where the docs say it, as <c>x-source: "users.md:42"</c>.</summary>
    public static Dictionary<string, IOpenApiExtension>? Source(string? source) =>
        string.IsNullOrEmpty(source) ? null : new Dictionary<string, IOpenApiExtension>(StringComparer.Ordinal) { ["x-source"] = new JsonNodeExtension(JsonValue.Create(source)) };

    /// <summary>Doc text as a description: null when there is none.</summary>
    public static string? Text(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
