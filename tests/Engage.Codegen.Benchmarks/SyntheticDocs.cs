using System.Text;
using Engage.Codegen.Tests;

namespace Engage.Codegen.Benchmarks;

/// <summary>
/// A synthetic doc set in Engage's conventions (N resources of 10 endpoints each) and the
/// equivalent Refit interface, made by code rather than checked in.
/// </summary>
public static class SyntheticDocs
{
    /// <summary>What the benchmarks' driver runs get from the project: the namespace <c>Bench</c>, each doc marked as an API doc.</summary>
    internal static TestOptionsProvider DriverOptions(IEnumerable<InMemoryDoc> docs) =>
        new(new Dictionary<string, string> { ["build_property.ApiClientNamespace"] = "Bench" }, docs.Select(d => d.Path).ToHashSet());

    public static List<(string Path, string Text)> Pages(int resources)
    {
        var pages = new List<(string, string)> { ("/synthetic/index.md", "---\ntitle: API\n---\n\n# API Introduction\n\nThe Synthetic API is made by code.\n\n### API Root\n\n`api.example.com/v1`\n") };
        for (var r = 0; r < resources; r++)
        {
            var name = $"widget{r}";
            var text = new StringBuilder($"---\nlayout: docs\ntitle: Widget{r}s\n---\n\n# Widget{r}s\n\n## The Widget{r} object\n\n```json\n{{\n  \"id\": \"5fc6477241fcec31a9548e98\",\n  \"title\": \"A widget\",\n  \"count\": 3,\n  \"price\": 9.99,\n  \"active\": true,\n  \"created_at\": \"2021-01-12T05:24:39.062+00:00\",\n  \"meta\": {{\"plan\": \"pro\"}}\n}}\n```\n\n");
            text.Append("- `id` - Identifier.\n- `title` - Title, 64 characters max.\n- `count` - Number of parts.\n- `price` - Price in USD.\n- `active` - Whether it is active.\n- `created_at` - Date it was created, if known.\n- `meta` - Extra attributes. Each value can be a string, number or boolean.\n\n");
            void Endpoint(string heading, string line, string auth, string parameters, string returns) =>
                text.Append($"## {heading}\n\nDoes something with widgets.\n\n{auth}\n\n```\n{line}\n```\n\n{parameters}{returns}\n\n");
            const string body = "Parameters:\n\n- `title` - Required. Title.\n- `count` - Optional. Number of parts.\n- `active` - Optional. Set to `true` to activate.\n- `meta` - Optional. Extra attributes. Each value can be a string, number or boolean.\n\n";
            var returnsObject = $"The method returns the widget{r} object.";
            Endpoint($"Create a widget{r}", $"POST /{name}s", "Works with username authentication.", body, returnsObject);
            Endpoint($"Get a widget{r}", $"GET /{name}s/{{id}}", "", "", returnsObject);
            Endpoint($"Update a widget{r}", $"PUT /{name}s/{{id}}", "", body.Replace("Required", "Optional"), returnsObject);
            Endpoint($"Delete a widget{r}", $"DELETE /{name}s/{{id}}", "", "", "Example response:\n\n```json\n{\"status\": \"ok\"}\n```");
            Endpoint($"List widget{r}s", $"GET /{name}s", "", "Parameters:\n\n- `limit` - Optional. Number per page. Defaults to 10. Maximum of 30.\n- `after_id` - Optional. After this id.\n- `before_id` - Optional. Before this id.\n\n",
                $"Example response:\n\n```json\n{{\"data\": [{{\"id\": \"5fc6477241fcec31a9548e98\", \"title\": \"A widget\", \"count\": 3, \"price\": 9.99, \"active\": true, \"created_at\": \"2021-01-12T05:24:39.062+00:00\", \"meta\": {{}}}}], \"has_more\": true}}\n```\n\nThe method returns a list of widget{r} objects.");
            Endpoint($"Add widget{r} events", $"POST /{name}s/{{id}}/events", "", "- `event` - Required. Title.\n- `value` - Optional. Can be a string, number or boolean.\n\n", "Example response:\n\n```json\n{\"status\": \"ok\"}\n```");
            Endpoint($"Add widget{r} tags", $"POST /{name}s/{{id}}/tags", "", "- `tag` - Required. The tag.\n\n", "Example response:\n\n```json\n{\"status\": \"ok\"}\n```");
            Endpoint($"Remove widget{r} tags", $"DELETE /{name}s/{{id}}/tags/{{tag}}", "", "", "Example response:\n\n```json\n{\"status\": \"ok\"}\n```");
            Endpoint($"Archive widget{r} parts", $"PUT /{name}s/{{id}}/parts/{{part}}", "", "- `archived` - Required. Set to `true` to archive.\n\n", "Example response:\n\n```json\n{\"archived\": true}\n```");
            Endpoint($"Count widget{r} parts", $"GET /{name}s/{{id}}/parts", "", "", "Example response:\n\n```json\n{\"count\": 4}\n```");
            pages.Add(($"/synthetic/widget{r}s.md", text.ToString()));
        }

        return pages;
    }

    /// <summary>
    /// The same operations as a Refit interface per resource, with hand-written models equivalent to
    /// the generated ones: the object, a page of them, and one typed request body per operation that
    /// sends one (required where the docs say so), so both sides give the user the same types.
    /// Refit reads them by reflection with the settings' naming policy; the generated side writes
    /// converters instead, which is part of what its compile costs.
    /// </summary>
    public static string RefitSource(int resources)
    {
        var source = new StringBuilder("#nullable enable\nusing System.Collections.Generic;\nusing System.Threading.Tasks;\nusing Refit;\nnamespace Synthetic.Refit\n{\n");
        source.Append("public sealed class Status { public string Status_ { get; set; } = \"\"; }\npublic sealed class Count { public int Value { get; set; } }\npublic sealed class Archived { public bool Value { get; set; } }\n");
        for (var r = 0; r < resources; r++)
        {
            var name = $"widget{r}s";
            source.Append($"public sealed class Widget{r} {{ public string Id {{ get; set; }} = \"\"; public string Title {{ get; set; }} = \"\"; public int Count {{ get; set; }} public decimal Price {{ get; set; }} public bool Active {{ get; set; }} public System.DateTimeOffset? CreatedAt {{ get; set; }} public Dictionary<string, object> Meta {{ get; set; }} = new(); }}\n");
            source.Append($"public sealed class CreateWidget{r}Request {{ public required string Title {{ get; set; }} public int? Count {{ get; set; }} public bool? Active {{ get; set; }} public Dictionary<string, object>? Meta {{ get; set; }} }}\n");
            source.Append($"public sealed class UpdateWidget{r}Request {{ public string? Title {{ get; set; }} public int? Count {{ get; set; }} public bool? Active {{ get; set; }} public Dictionary<string, object>? Meta {{ get; set; }} }}\n");
            source.Append($"public sealed class AddWidget{r}EventRequest {{ public required string Event {{ get; set; }} public object? Value {{ get; set; }} }}\n");
            source.Append($"public sealed class AddWidget{r}TagRequest {{ public required System.Text.Json.JsonElement Tag {{ get; set; }} }}\n");
            source.Append($"public sealed class ArchiveWidget{r}PartRequest {{ public required bool Archived {{ get; set; }} }}\n");
            source.Append($"public sealed class Widget{r}Page {{ public List<Widget{r}> Data {{ get; set; }} = new(); public bool HasMore {{ get; set; }} }}\n");
            source.Append($"public interface IWidget{r}s\n{{\n");
            source.Append($"    [Post(\"/{name}\")] Task<Widget{r}> CreateAsync([Body] CreateWidget{r}Request request);\n");
            source.Append($"    [Get(\"/{name}/{{id}}\")] Task<Widget{r}> GetAsync(string id);\n");
            source.Append($"    [Put(\"/{name}/{{id}}\")] Task<Widget{r}> UpdateAsync(string id, [Body] UpdateWidget{r}Request request);\n");
            source.Append($"    [Delete(\"/{name}/{{id}}\")] Task<Status> DeleteAsync(string id);\n");
            source.Append($"    [Get(\"/{name}\")] Task<Widget{r}Page> ListAsync(int? limit, [AliasAs(\"after_id\")] string? afterId, [AliasAs(\"before_id\")] string? beforeId);\n");
            source.Append($"    [Post(\"/{name}/{{id}}/events\")] Task<Status> AddEventAsync(string id, [Body] AddWidget{r}EventRequest request);\n");
            source.Append($"    [Post(\"/{name}/{{id}}/tags\")] Task<Status> AddTagAsync(string id, [Body] AddWidget{r}TagRequest request);\n");
            source.Append($"    [Delete(\"/{name}/{{id}}/tags/{{tag}}\")] Task<Status> RemoveTagAsync(string id, string tag);\n");
            source.Append($"    [Put(\"/{name}/{{id}}/parts/{{part}}\")] Task<Archived> ArchivePartAsync(string id, string part, [Body] ArchiveWidget{r}PartRequest request);\n");
            source.Append($"    [Get(\"/{name}/{{id}}/parts\")] Task<Count> CountPartsAsync(string id);\n");
            source.Append("}\n");
        }

        return source.Append("}\n").ToString();
    }

    /// <summary>
    /// What a Refit user writes to read and write those models without reflection, as the generated
    /// client does (trimming- and Native AOT-safe): a System.Text.Json source-generated context over
    /// every model of <see cref="RefitSource"/>, with the API's snake_case names. Compiled beside
    /// <see cref="RefitSource"/>, with the System.Text.Json generator run next to Refit's.
    /// </summary>
    public static string RefitJsonContextSource(int resources)
    {
        var source = new StringBuilder("namespace Synthetic.Refit\n{\n");
        source.Append("[System.Text.Json.Serialization.JsonSourceGenerationOptions(PropertyNamingPolicy = System.Text.Json.Serialization.JsonKnownNamingPolicy.SnakeCaseLower)]\n");
        foreach (var shared in new[] { "Status", "Count", "Archived" })
        {
            source.Append($"[System.Text.Json.Serialization.JsonSerializable(typeof({shared}))]\n");
        }

        for (var r = 0; r < resources; r++)
        {
            foreach (var model in new[] { $"Widget{r}", $"Widget{r}Page", $"CreateWidget{r}Request", $"UpdateWidget{r}Request", $"AddWidget{r}EventRequest", $"AddWidget{r}TagRequest", $"ArchiveWidget{r}PartRequest" })
            {
                source.Append($"[System.Text.Json.Serialization.JsonSerializable(typeof({model}))]\n");
            }
        }

        return source.Append("internal sealed partial class RefitJsonContext : System.Text.Json.Serialization.JsonSerializerContext\n{\n}\n}\n").ToString();
    }
}
