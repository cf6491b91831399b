using System.Text.Json.Nodes;
using Engage.Codegen.Model;
using Engage.Codegen.Surface;
using Microsoft.OpenApi;

namespace Engage.Codegen.Inspect.OpenApi;

/// <summary>
/// What the docs say, as an OpenAPI 3.1 document: the inferred API (the generator's own parse and inference, as a
/// build runs them) with its title, base address, operations (<c>operationId</c> the telemetry name
/// <c>Resource_Method</c>, summary and description from the docs, path and query parameters with their types and
/// required flags, the body and response as component schemas), 204 answers without content, the error body,
/// auth (<see cref="OpenApiSecurity"/>), paging as <c>x-engage-paging</c> and each operation's and schema's source
/// as <c>x-source</c>.
/// </summary>
internal static class OpenApiExport
{
    public static OpenApiDocument Build(ApiSpec api)
    {
        var document = new OpenApiDocument
        {
            Info = new OpenApiInfo
            {
                Title = api.ApiName + " API",
                Version = "docs",
                Description = "Read from the API's Markdown docs by Engage.Codegen; every operation and schema says where (x-source).",
            },
            Paths = new OpenApiPaths(),
            Components = new OpenApiComponents(),
        };

        if (Server(api) is { } server)
        {
            document.Servers = new List<OpenApiServer> { server };
        }

        var schemas = new OpenApiSchemas(api, document);
        schemas.AddComponents();
        var error = AddErrorBody(api, document);
        OpenApiSecurity.AddSchemes(api, document);

        // Paths that differ only in their parameters' names are one path in OpenAPI: the first spelling names them.
        var documentPath = PathShape.FirstSpellings(api.Resources.SelectMany(r => r.Operations).Select(o => o.PathTemplate));
        foreach (var resource in api.Resources)
        {
            foreach (var operation in resource.Operations)
            {
                var path = documentPath(operation.PathTemplate);

                if (!document.Paths.TryGetValue(path, out var found) || found is not OpenApiPathItem item)
                {
                    item = new OpenApiPathItem { Operations = new Dictionary<HttpMethod, OpenApiOperation>() };
                    document.Paths[path] = item;
                }

                item.Operations![new HttpMethod(operation.HttpMethod)] = Operation(api, resource, operation, ParameterNames(path), schemas, error, document);
            }
        }

        return document;
    }

    private static OpenApiOperation Operation(ApiSpec api, ResourceSpec resource, OperationSpec operation, IReadOnlyList<string> pathNames,
        OpenApiSchemas schemas, IOpenApiSchema error, OpenApiDocument document)
    {
        var result = new OpenApiOperation
        {
            OperationId = OperationId(operation),
            Summary = OpenApiSchemas.Text(operation.Heading),
            Description = OpenApiSchemas.Text(operation.Summary),
            Tags = new HashSet<OpenApiTagReference> { new(resource.PropertyName, document) },
            Parameters = new List<IOpenApiParameter>(),
            Responses = new OpenApiResponses(),
            Security = OpenApiSecurity.For(api, operation, document),
            Extensions = OpenApiSchemas.Source(operation.Source) ?? new Dictionary<string, IOpenApiExtension>(StringComparer.Ordinal),
        };
        document.Tags ??= new HashSet<OpenApiTag>();
        if (!document.Tags.Any(t => t.Name == resource.PropertyName))
        {
            document.Tags.Add(new OpenApiTag { Name = resource.PropertyName, Description = OpenApiSchemas.Text(resource.Title) });
        }

        if (operation.Auth == AuthKind.Key)
        {
            result.Extensions!["x-engage-key-only"] = new JsonNodeExtension(JsonValue.Create(true));
        }

        for (var i = 0; i < pathNames.Count; i++)
        {
            result.Parameters.Add(new OpenApiParameter { Name = pathNames[i], In = ParameterLocation.Path, Required = true, Schema = new OpenApiSchema { Type = JsonSchemaType.String } });
        }

        foreach (var property in operation.RequestProperties.Where(p => !operation.RequestInBody || p.InQuery))
        {
            result.Parameters.Add(new OpenApiParameter
            {
                Name = property.JsonName,
                In = ParameterLocation.Query,
                Required = property.Required,
                Description = OpenApiSchemas.Text(property.Summary),
                Schema = schemas.Of(property.Type),
            });
        }

        if (operation.RequestInBody && operation.RequestType is { } requestType)
        {
            result.RequestBody = new OpenApiRequestBody
            {
                Required = !operation.RequestOptional,
                Content = Json(new OpenApiSchemaReference(requestType, document)),
            };
        }

        if (operation.ResponseType.Kind == TypeKind.None)
        {
            result.Responses["204"] = new OpenApiResponse { Description = "No content." };
        }
        else
        {
            result.Responses["200"] = new OpenApiResponse { Description = "What the docs show it answers.", Content = Json(schemas.Of(operation.ResponseType)) };
        }

        result.Responses["default"] = new OpenApiResponse { Description = "An error, with the body the docs show for errors.", Content = Json(error) };
        if (operation.Paging is { } paging)
        {
            result.Extensions!["x-engage-paging"] = new JsonNodeExtension(Paging(api, operation, paging));
        }

        if (result.Extensions!.Count == 0)
        {
            result.Extensions = null;
        }

        return result;
    }

    /// <summary>The telemetry name, <c>Resource_Method</c> (<c>Users_Get</c>): what a rename of the generated method changes.</summary>
    public static string OperationId(OperationSpec operation) => SurfaceOfApi.OperationId(operation);

    private static Dictionary<string, IOpenApiMediaType> Json(IOpenApiSchema schema) =>
        new(StringComparer.Ordinal) { ["application/json"] = new OpenApiMediaType { Schema = schema } };

    /// <summary>The error body as the runtime reads it: the shape the docs' errors section shows, else <c>{"error": string}</c>.</summary>
    private static IOpenApiSchema AddErrorBody(ApiSpec api, OpenApiDocument document)
    {
        var schema = new OpenApiSchema
        {
            Type = JsonSchemaType.Object,
            Properties = new Dictionary<string, IOpenApiSchema>(StringComparer.Ordinal) { ["error"] = new OpenApiSchema { Type = JsonSchemaType.String } },
            Description = "The body of an error answer.",
        };
        if (api.ErrorBody is { } body)
        {
            schema.Properties = new Dictionary<string, IOpenApiSchema>(StringComparer.Ordinal);
            schema.AdditionalProperties = new OpenApiSchema();
            schema.Description = $"The body of an error answer, shaped as the docs show it: {body.Shape}.";
            schema.Extensions = OpenApiSchemas.Source(body.Source);
        }

        var name = SurfaceOfApi.ErrorSchemaName(api);
        document.Components!.Schemas![name] = schema;
        return new OpenApiSchemaReference(name, document);
    }

    /// <summary><c>x-engage-paging: {style, request, next, items, total}</c>: what the generated pager sends and reads.</summary>
    private static JsonObject Paging(ApiSpec api, OperationSpec operation, PagingSpec paging)
    {
        // The spec names members as the generated code does (AfterId, Links?.Next); the document names them on the wire.
        string? Sent(string? name) => name is null ? null : operation.RequestProperties.FirstOrDefault(p => p.Name == name || p.JsonName == name)?.JsonName ?? name;
        string? Read(string? path)
        {
            if (path is null)
            {
                return null;
            }

            var model = operation.ResponseType.Kind == TypeKind.Model ? api.Models.FirstOrDefault(m => m.Name == operation.ResponseType.Name) : null;
            var wire = new List<string>();
            foreach (var part in path.Split("?."))
            {
                var property = model?.Properties.FirstOrDefault(p => p.Name == part);
                wire.Add(property?.JsonName ?? part);
                model = property?.Type.Kind == TypeKind.Model ? api.Models.FirstOrDefault(m => m.Name == property.Type.Name) : null;
            }

            return string.Join(".", wire);
        }

        var request = new JsonObject();
        var next = new JsonObject();
        if (paging.Position is { } position)
        {
            request["position"] = Sent(position.PositionParameter);
            request["first"] = position.FirstPage;
            if (position.SizeParameter is not null)
            {
                request["size"] = Sent(position.SizeParameter);
            }

            if (position.NextLinkMember is not null)
            {
                next["link"] = Read(position.NextLinkMember);
            }
            else if (position.LinksOnly)
            {
                next["link"] = "Link header";
            }

            if (position.HasMoreMember is not null)
            {
                next["hasMore"] = Read(position.HasMoreMember);
            }
        }
        else
        {
            Add(request, "cursor", Sent(paging.NextRequestProperty ?? paging.AfterProperty));
            Add(request, "previous", Sent(paging.PreviousRequestProperty ?? paging.BeforeProperty));
            Add(request, "size", Sent(paging.LimitProperty));
            Add(next, "cursor", paging.NextResponseProperty is { } nextCursor ? Read(nextCursor)
                : paging.ItemIdProperty is { } id ? "(the last item's " + ItemMember(api, paging.ItemType, id) + ")" : null);
            Add(next, "hasMore", Read(paging.HasMoreProperty));
        }

        var result = new JsonObject
        {
            ["style"] = SurfaceOfApi.PagingStyleName(paging.Style),
            ["request"] = request,
            ["next"] = next,
            ["items"] = paging.ItemsProperty.Length == 0 ? "(the body)" : Read(paging.ItemsProperty),
        };
        if (paging.Position is { } counted && (counted.TotalCountMember is { } member ? Read(member) : counted.TotalCountHeader) is { } total)
        {
            result["total"] = total;
        }

        return result;

        static void Add(JsonObject target, string name, string? value)
        {
            if (value is not null)
            {
                target[name] = value;
            }
        }
    }

    private static string ItemMember(ApiSpec api, TypeRef item, string name) =>
        item.Kind == TypeKind.Model && api.Models.FirstOrDefault(m => m.Name == item.Name)?.Properties.FirstOrDefault(p => p.Name == name) is { } property ? property.JsonName : name;

    /// <summary>The base address, with a server variable for a per-account part (<c>{AccountId}</c>) or placeholder.</summary>
    private static OpenApiServer? Server(ApiSpec api)
    {
        if (api.AccountRoot is { } account)
        {
            return new OpenApiServer
            {
                Url = account.Template,
                Description = "The base address; " + account.OptionName + " differs for each account.",
                Variables = new Dictionary<string, OpenApiServerVariable>(StringComparer.Ordinal)
                {
                    [account.OptionName] = new() { Default = account.Example.Length > 0 ? account.Example : account.OptionName, Description = "Your " + Engage.Codegen.Emit.Emitter.Spoken(account.OptionName) + "." },
                },
            };
        }

        return api.BaseAddress is { Length: > 0 } address ? new OpenApiServer { Url = address } : null;
    }

    private static List<string> ParameterNames(string path)
    {
        var names = new List<string>();
        for (var open = path.IndexOf('{'); open >= 0; open = path.IndexOf('{', open + 1))
        {
            var close = path.IndexOf('}', open);
            if (close < 0)
            {
                break;
            }

            names.Add(path.Substring(open + 1, close - open - 1));
        }

        return names;
    }
}
