using System;
using System.Collections.Generic;
using System.Linq;
using Engage.Codegen.Model;
using Engage.Codegen.Parsing;

namespace Engage.Codegen.Surface;

/// <summary>
/// Reads the surface of an OpenAPI 3.1 document in JSON (the file the <c>openapi</c> verb writes and a project
/// commits as <c>&lt;ApiSurface&gt;</c>) with the generator's own JSON reader: no analyzer dependency. It reads what
/// the comparison needs (paths and their operations, parameters, bodies, 2xx answers, security, <c>x-engage-paging</c>,
/// component schemas and security schemes) and describes types as <see cref="SurfaceOfApi"/> does.
/// </summary>
internal static class SurfaceReader
{
    private static readonly string[] Methods = { "get", "put", "post", "delete", "options", "head", "patch", "trace" };

    /// <summary>The document's surface, or null with the reason when the text is not an OpenAPI document in JSON.</summary>
    public static (ApiSurface? Surface, string? Problem) Read(string text)
    {
        var (root, problems) = LenientJson.Parse(text);
        if (root is null || root.Kind != JsonKind.Object)
        {
            return (null, "it is not a JSON object");
        }

        if (problems.Count > 0)
        {
            return (null, "it is not valid JSON: " + problems[0].Message);
        }

        if (String(root.Property("openapi")) is null || root.Property("paths") is not { Kind: JsonKind.Object } paths)
        {
            return (null, "it has no 'openapi' version or no 'paths'");
        }

        var operations = new Dictionary<string, SurfaceOperation>(StringComparer.Ordinal);
        foreach (var path in paths.Properties)
        {
            foreach (var item in path.Value.Properties.Where(p => Methods.Contains(p.Name) && p.Value.Kind == JsonKind.Object))
            {
                var operation = Operation(path.Name, item.Name.ToUpperInvariant(), item.Value);
                operations[operation.Key] = operation;
            }
        }

        var schemas = new Dictionary<string, SurfaceSchema>(StringComparer.Ordinal);
        var components = root.Property("components");
        foreach (var schema in Object(components?.Property("schemas")))
        {
            schemas[schema.Name] = Schema(schema.Name, schema.Value);
        }

        var schemes = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var scheme in Object(components?.Property("securitySchemes")))
        {
            var parts = new[] { "type", "scheme", "in", "name" }.Select(n => String(scheme.Value.Property(n))).Where(s => !string.IsNullOrEmpty(s));
            schemes[scheme.Name] = string.Join(" ", parts);
        }

        return (new ApiSurface(operations.Values.ToList(), schemas, schemes), null);
    }

    private static SurfaceOperation Operation(string path, string method, JsonNode operation)
    {
        var parameters = new List<SurfaceParameter>();
        foreach (var parameter in Array(operation.Property("parameters")))
        {
            var location = String(parameter.Property("in")) ?? "query";
            if (location != "path" && String(parameter.Property("name")) is { } name)
            {
                parameters.Add(new SurfaceParameter(location, name, parameter.Property("required")?.Text == "true", Type(parameter.Property("schema"))));
            }
        }

        var body = Content(operation.Property("requestBody")?.Property("content"));
        var answer = Object(operation.Property("responses"))
            .Where(r => r.Name.StartsWith("2", StringComparison.Ordinal))
            .Select(r => Content(r.Value.Property("content")))
            .FirstOrDefault(s => s is not null);
        var requirements = Array(operation.Property("security")).Where(r => r.Properties.Count > 0).ToList();
        var security = requirements.Count == 0 ? "none"
            : string.Join(" or ", requirements.Select(r => string.Join(" and ", r.Properties.Select(p => p.Name).OrderBy(n => n, StringComparer.Ordinal))));
        var paging = operation.Property("x-engage-paging") is { Kind: JsonKind.Object } style ? String(style.Property("style")) ?? "paged" : "none";
        return new SurfaceOperation(method, path, String(operation.Property("operationId")) ?? string.Empty, parameters,
            body is null ? null : Type(body), answer is null ? null : Type(answer), security, paging, String(operation.Property("x-source")));
    }

    private static SurfaceSchema Schema(string name, JsonNode schema)
    {
        var values = Array(schema.Property("anyOf")).Select(s => s.Property("enum")).FirstOrDefault(e => e is { Kind: JsonKind.Array, Items.Count: > 0 });
        if (values is not null)
        {
            var known = values.Items.Select(v => v.Text ?? "null").ToList();
            return new SurfaceSchema(name, System.Array.Empty<SurfaceMember>(), known, String(schema.Property("x-source")));
        }

        var required = new HashSet<string>(Array(schema.Property("required")).Select(r => r.Text ?? string.Empty), StringComparer.Ordinal);
        var members = Object(schema.Property("properties")).Select(p => new SurfaceMember(p.Name, Type(p.Value), required.Contains(p.Name))).ToList();
        return new SurfaceSchema(name, members, null, String(schema.Property("x-source")));
    }

    /// <summary>The schema of a content map: its JSON one, else its first.</summary>
    private static JsonNode? Content(JsonNode? content)
    {
        var media = Object(content).ToList();
        return (media.FirstOrDefault(m => m.Name == "application/json") ?? media.FirstOrDefault())?.Value.Property("schema");
    }

    /// <summary>A schema's type in words: a reference's name, <c>one of</c> its choices, <c>enum</c> for <c>anyOf</c>, else its type and format.</summary>
    private static SurfaceType Type(JsonNode? schema, int depth = 0)
    {
        if (schema is null || schema.Kind != JsonKind.Object || depth > 32)
        {
            return new SurfaceType(schema is null ? "nothing" : "any", false, System.Array.Empty<string>());
        }

        if (String(schema.Property("$ref")) is { } reference)
        {
            var name = reference.Substring(reference.LastIndexOf('/') + 1);
            return new SurfaceType(name, false, new[] { name });
        }

        if (Array(schema.Property("oneOf")).ToList() is { Count: > 0 } choices)
        {
            var kinds = choices.Where(c => !Types(c).SequenceEqual(new[] { "null" })).Select(c => Type(c, depth + 1)).ToList();
            var words = kinds.Select(k => k.Word).ToList();
            var choice = words.Count == 1 ? words[0] : "one of " + string.Join(", ", words);
            return new SurfaceType(choice, kinds.Count != choices.Count, kinds.SelectMany(k => k.References).ToList());
        }

        if (Array(schema.Property("anyOf")).Any())
        {
            return new SurfaceType("enum", false, System.Array.Empty<string>());
        }

        var types = Types(schema);
        var plain = types.Where(t => t != "null").ToList();
        var nullable = plain.Count != types.Count;
        if (plain.Count == 1 && plain[0] == "array")
        {
            var item = Type(schema.Property("items"), depth + 1);
            return new SurfaceType("array of " + item.Word, nullable, item.References);
        }

        if (plain.Count == 1 && plain[0] == "object" && schema.Property("additionalProperties") is { Kind: JsonKind.Object } values)
        {
            var value = Type(values, depth + 1);
            return new SurfaceType("map of " + value.Word, nullable, value.References);
        }

        var word = plain.Count == 0 ? "any" : string.Join(", ", plain) + (String(schema.Property("format")) is { } format ? "/" + format : string.Empty);
        return new SurfaceType(word, nullable, System.Array.Empty<string>());
    }

    /// <summary>A schema's <c>type</c>: one name or an array of them.</summary>
    private static List<string> Types(JsonNode schema) => schema.Property("type") switch
    {
        { Kind: JsonKind.String, Text: { } one } => new List<string> { one },
        { Kind: JsonKind.Array } many => many.Items.Select(i => i.Text ?? string.Empty).ToList(),
        _ => new List<string>(),
    };

    private static string? String(JsonNode? node) => node is { Kind: JsonKind.String } ? node.Text : null;

    private static IEnumerable<JsonProperty> Object(JsonNode? node) => node is { Kind: JsonKind.Object } ? node.Properties : Enumerable.Empty<JsonProperty>();

    private static IEnumerable<JsonNode> Array(JsonNode? node) => node is { Kind: JsonKind.Array } ? node.Items : Enumerable.Empty<JsonNode>();
}
