using Microsoft.OpenApi;

namespace Engage.Codegen.Inspect.OpenApi;

/// <summary>One difference between two versions of an API, and whether it breaks a caller built against the old one.</summary>
public sealed record ApiChange(bool Breaking, string Where, string What);

/// <summary>
/// What changed between two OpenAPI descriptions of one API (two exports of its docs, or an export and a file):
/// operations, their parameters, the members of their bodies and answers with types, required flags and
/// nullability, enum values, auth and paging. Descriptions and <c>x-source</c> are not compared. Breaking for
/// callers: an operation, parameter, member or enum value removed; a type changed; a required request member or
/// parameter added, or an optional one made required; a response member made nullable; an operationId changed (the
/// generated method's name); the auth an operation takes, or its paging, changed. Additions of optional things
/// are not.
/// </summary>
public static class OpenApiDiff
{
    public static IReadOnlyList<ApiChange> Compare(OpenApiDocument before, OpenApiDocument after)
    {
        var changes = new List<ApiChange>();
        var old = Operations(before);
        var now = Operations(after);
        var requestSchemas = new HashSet<string>(StringComparer.Ordinal);
        var responseSchemas = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (key, operation) in old)
        {
            var where = key.Display;
            if (!now.TryGetValue(key, out var current))
            {
                changes.Add(new ApiChange(true, where, $"the operation {operation.OperationId} was removed"));
                continue;
            }

            if (operation.OperationId != current.OperationId)
            {
                changes.Add(new ApiChange(true, where, $"the operationId (the generated method) changed from {operation.OperationId} to {current.OperationId}"));
            }

            CompareParameters(where, operation, current, changes);
            var oldBody = Body(operation.RequestBody?.Content);
            var newBody = Body(current.RequestBody?.Content);
            CompareTypes(where, "the request body", oldBody, newBody, changes);
            Collect(oldBody, requestSchemas);
            Collect(newBody, requestSchemas);
            var oldAnswer = Answer(operation);
            var newAnswer = Answer(current);
            CompareTypes(where, "the response", oldAnswer, newAnswer, changes);
            Collect(oldAnswer, responseSchemas);
            Collect(newAnswer, responseSchemas);

            var oldAuth = Security(operation);
            var newAuth = Security(current);
            if (oldAuth != newAuth)
            {
                changes.Add(new ApiChange(true, where, $"the auth changed from {Show(oldAuth)} to {Show(newAuth)}"));
            }

            var oldPaging = Paging(operation);
            var newPaging = Paging(current);
            if (oldPaging != newPaging)
            {
                changes.Add(new ApiChange(true, where, $"the paging changed from {Show(oldPaging)} to {Show(newPaging)}"));
            }
        }

        foreach (var (key, operation) in now.Where(n => !old.ContainsKey(n.Key)))
        {
            changes.Add(new ApiChange(false, key.Display, $"the operation {operation.OperationId} was added"));
        }

        CompareSchemes(before, after, changes);
        CompareComponents(before, after, requestSchemas, responseSchemas, changes);
        return changes.OrderByDescending(c => c.Breaking).ThenBy(c => c.Where, StringComparer.Ordinal).ThenBy(c => c.What, StringComparer.Ordinal).ToList();
    }

    /// <summary>The changes as Markdown, breaking ones first.</summary>
    public static string Render(IReadOnlyList<ApiChange> changes)
    {
        var text = new System.Text.StringBuilder("# API changes\n\n");
        if (changes.Count == 0)
        {
            return text.Append("No change to operations, parameters, members, types, enums, auth or paging.\n").ToString();
        }

        foreach (var (breaking, title) in new[] { (true, "Breaking for callers"), (false, "Not breaking") })
        {
            var part = changes.Where(c => c.Breaking == breaking).ToList();
            text.Append("## ").Append(title).Append(" (").Append(part.Count).Append(")\n\n");
            foreach (var change in part)
            {
                text.Append("- `").Append(change.Where).Append("`: ").Append(change.What).Append('\n');
            }

            if (part.Count == 0)
            {
                text.Append("None.\n");
            }

            text.Append('\n');
        }

        return text.ToString();
    }

    private readonly record struct OperationKey(string Method, string Shape, string Display);

    private static Dictionary<OperationKey, OpenApiOperation> Operations(OpenApiDocument document)
    {
        var result = new Dictionary<OperationKey, OpenApiOperation>();
        foreach (var (path, item) in document.Paths)
        {
            foreach (var (method, operation) in item.Operations ?? new Dictionary<HttpMethod, OpenApiOperation>())
            {
                var verb = method.Method.ToUpperInvariant();
                result[new OperationKey(verb, PathShape.Of(path), verb + " " + path)] = operation;
            }
        }

        return result;
    }

    private static void CompareParameters(string where, OpenApiOperation before, OpenApiOperation after, List<ApiChange> changes)
    {
        static Dictionary<string, IOpenApiParameter> ByName(OpenApiOperation operation) =>
            (operation.Parameters ?? new List<IOpenApiParameter>()).Where(p => p.In != ParameterLocation.Path)
                .GroupBy(p => p.In + " " + p.Name, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);

        var old = ByName(before);
        var now = ByName(after);
        foreach (var (name, parameter) in old)
        {
            if (!now.TryGetValue(name, out var current))
            {
                changes.Add(new ApiChange(true, where, $"the {parameter.In?.ToString().ToLowerInvariant()} parameter `{parameter.Name}` was removed"));
                continue;
            }

            if (!parameter.Required && current.Required)
            {
                changes.Add(new ApiChange(true, where, $"the parameter `{parameter.Name}` is now required"));
            }

            if (Type(parameter.Schema) != Type(current.Schema))
            {
                changes.Add(new ApiChange(true, where, $"the parameter `{parameter.Name}` changed type from {Type(parameter.Schema)} to {Type(current.Schema)}"));
            }
        }

        foreach (var (name, parameter) in now.Where(n => !old.ContainsKey(n.Key)))
        {
            changes.Add(parameter.Required
                ? new ApiChange(true, where, $"a required parameter `{parameter.Name}` was added")
                : new ApiChange(false, where, $"an optional parameter `{parameter.Name}` was added"));
        }
    }

    private static void CompareTypes(string where, string what, IOpenApiSchema? before, IOpenApiSchema? after, List<ApiChange> changes)
    {
        if (Type(before) != Type(after))
        {
            changes.Add(new ApiChange(true, where, $"{what} changed from {Type(before)} to {Type(after)}"));
        }
    }

    /// <summary>Component schemas of the same name: members, their types, required flags, nullability; enum values.</summary>
    private static void CompareComponents(OpenApiDocument before, OpenApiDocument after, HashSet<string> requests, HashSet<string> responses, List<ApiChange> changes)
    {
        var old = before.Components?.Schemas ?? new Dictionary<string, IOpenApiSchema>();
        var now = after.Components?.Schemas ?? new Dictionary<string, IOpenApiSchema>();
        foreach (var (name, schema) in old)
        {
            if (!now.TryGetValue(name, out var current))
            {
                continue; // a type no longer used: its operations report it
            }

            var where = "#/components/schemas/" + name;
            if (EnumValues(schema) is { } oldValues && EnumValues(current) is { } newValues)
            {
                foreach (var value in oldValues.Except(newValues, StringComparer.Ordinal))
                {
                    changes.Add(new ApiChange(true, where, $"the enum value `{value}` was removed"));
                }

                foreach (var value in newValues.Except(oldValues, StringComparer.Ordinal))
                {
                    changes.Add(new ApiChange(false, where, $"the enum value `{value}` was added"));
                }

                continue;
            }

            var inRequest = requests.Contains(name);
            var inResponse = responses.Contains(name) || !inRequest;
            var oldMembers = schema.Properties ?? new Dictionary<string, IOpenApiSchema>();
            var newMembers = current.Properties ?? new Dictionary<string, IOpenApiSchema>();
            var oldRequired = schema.Required ?? new HashSet<string>();
            var newRequired = current.Required ?? new HashSet<string>();
            foreach (var (member, type) in oldMembers)
            {
                if (!newMembers.TryGetValue(member, out var now2))
                {
                    changes.Add(new ApiChange(true, where, $"the member `{member}` was removed"));
                    continue;
                }

                if (Type(type, nullable: false) != Type(now2, nullable: false))
                {
                    changes.Add(new ApiChange(true, where, $"the member `{member}` changed type from {Type(type)} to {Type(now2)}"));
                }
                else if (inResponse && !Nullable(type) && Nullable(now2))
                {
                    changes.Add(new ApiChange(true, where, $"the response member `{member}` can now be null"));
                }

                if (inRequest && !oldRequired.Contains(member) && newRequired.Contains(member))
                {
                    changes.Add(new ApiChange(true, where, $"the request member `{member}` is now required"));
                }
            }

            foreach (var member in newMembers.Keys.Where(m => !oldMembers.ContainsKey(m)))
            {
                changes.Add(inRequest && newRequired.Contains(member)
                    ? new ApiChange(true, where, $"a required request member `{member}` was added")
                    : new ApiChange(false, where, $"the member `{member}` was added"));
            }
        }
    }

    private static void CompareSchemes(OpenApiDocument before, OpenApiDocument after, List<ApiChange> changes)
    {
        var old = before.Components?.SecuritySchemes ?? new Dictionary<string, IOpenApiSecurityScheme>();
        var now = after.Components?.SecuritySchemes ?? new Dictionary<string, IOpenApiSecurityScheme>();
        foreach (var (name, scheme) in old)
        {
            if (now.TryGetValue(name, out var current) && Describe(scheme) != Describe(current))
            {
                changes.Add(new ApiChange(true, "#/components/securitySchemes/" + name, $"the scheme changed from {Describe(scheme)} to {Describe(current)}"));
            }
        }

        static string Describe(IOpenApiSecurityScheme scheme) => $"{scheme.Type} {scheme.Scheme} {scheme.In} {scheme.Name}".Replace("  ", " ", StringComparison.Ordinal).Trim();
    }

    private static IOpenApiSchema? Body(IDictionary<string, IOpenApiMediaType>? content) =>
        content is not null && content.TryGetValue("application/json", out var json) ? json.Schema : content?.Values.FirstOrDefault()?.Schema;

    private static IOpenApiSchema? Answer(OpenApiOperation operation) =>
        operation.Responses?.Where(r => r.Key.StartsWith('2')).Select(r => Body(r.Value.Content)).FirstOrDefault(s => s is not null);

    /// <summary>The component schemas a body or an answer reaches, through members, items and choices.</summary>
    private static void Collect(IOpenApiSchema? schema, HashSet<string> names, int depth = 0)
    {
        if (schema is null || depth > 32)
        {
            return;
        }

        if (schema is OpenApiSchemaReference reference)
        {
            if (reference.Reference.Id is { } id && names.Add(id) && reference.Target is { } target)
            {
                Collect(target, names, depth + 1);
            }

            return;
        }

        foreach (var member in schema.Properties?.Values ?? Enumerable.Empty<IOpenApiSchema>())
        {
            Collect(member, names, depth + 1);
        }

        Collect(schema.Items, names, depth + 1);
        Collect(schema.AdditionalProperties, names, depth + 1);
        foreach (var inner in (schema.OneOf ?? Enumerable.Empty<IOpenApiSchema>()).Concat(schema.AnyOf ?? Enumerable.Empty<IOpenApiSchema>()))
        {
            Collect(inner, names, depth + 1);
        }
    }

    private static string Security(OpenApiOperation operation) =>
        operation.Security is not { Count: > 0 } requirements ? "none"
            : string.Join(" or ", requirements.Select(r => string.Join(" and ", r.Keys.Select(k => k.Reference.Id).Order(StringComparer.Ordinal))));

    private static string Paging(OpenApiOperation operation) =>
        operation.Extensions is { } extensions && extensions.TryGetValue("x-engage-paging", out var paging) && paging is JsonNodeExtension { Node: { } node }
            ? node["style"]?.ToString() ?? "paged"
            : "none";

    private static string Show(string value) => "`" + value + "`";

    /// <summary>A schema's type in words, for comparing and for the report: <c>string</c>, <c>integer/int64</c>, <c>array of User</c>, <c>User</c>.</summary>
    private static string Type(IOpenApiSchema? schema, bool nullable = true)
    {
        if (schema is null)
        {
            return "nothing";
        }

        if (schema is OpenApiSchemaReference reference)
        {
            return reference.Reference.Id ?? "?";
        }

        if (schema.OneOf is { Count: > 0 } choices)
        {
            var kinds = choices.Where(c => c.Type != JsonSchemaType.Null).Select(c => Type(c, nullable)).ToList();
            var withNull = choices.Count != kinds.Count && nullable ? " or null" : string.Empty;
            return (kinds.Count == 1 ? kinds[0] : "one of " + string.Join(", ", kinds)) + withNull;
        }

        if (schema.AnyOf is { Count: > 0 })
        {
            return "enum";
        }

        var type = schema.Type ?? 0;
        var plain = type & ~JsonSchemaType.Null;
        var word = plain switch
        {
            JsonSchemaType.Array => "array of " + Type(schema.Items),
            JsonSchemaType.Object when schema.AdditionalProperties is { } values => "map of " + Type(values),
            0 => "any",
            _ => plain.ToString().ToLowerInvariant() + (schema.Format is { } format ? "/" + format : string.Empty),
        };
        return nullable && (type & JsonSchemaType.Null) != 0 ? word + " or null" : word;
    }

    private static bool Nullable(IOpenApiSchema schema) =>
        (schema.Type is { } type && (type & JsonSchemaType.Null) != 0) || (schema.OneOf?.Any(c => c.Type == JsonSchemaType.Null) ?? false);

    private static List<string>? EnumValues(IOpenApiSchema schema) =>
        schema.AnyOf?.FirstOrDefault(s => s.Enum is { Count: > 0 })?.Enum?.Select(v => v.ToString()).ToList();
}
