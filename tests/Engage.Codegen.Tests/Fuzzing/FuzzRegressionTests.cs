namespace Engage.Codegen.Tests.Inference;

/// <summary>Defects the ten-times-longer fuzz run of issue 13 found, each kept as a small page that once broke.</summary>
public class FuzzRegressionTests
{
    [Fact]
    public void An_empty_front_matter_is_read_as_no_title_not_a_failure()
    {
        // Found by the ten-times-longer fuzz run (issue 13): mutation case 2499 of index.md put "---" twice at the top.
        var doc = Engage.Codegen.Parsing.DocParser.Parse(new Engage.Codegen.Model.DocSource("/docs/index.md", "---\n---\nlayout: docs\ntitle: API\n---\n\n# API Introduction\n\n## Users\n\n`GET /users`\n"), CancellationToken.None);
        Assert.DoesNotContain(doc.Diagnostics, d => d.Id == "ENG099");
        Assert.Null(doc.FrontMatterTitle);
        Assert.Equal("GET /users", Assert.Single(doc.Endpoints).HttpMethod + " " + doc.Endpoints[0].PathTemplate);
    }

    [Fact]
    public void A_required_untyped_member_that_needs_the_secret_compiles_and_always_asks_for_it()
    {
        // Random case 5643: `if (request.Event is not null)` on a required JsonElement did not compile (CS0037).
        const string page = """
            # Things

            ## Create a thing

            Works with username authentication.

            ```
            PUT /things/{id}
            ```

            - `event` - Required. Requires both username and password authentication.
            """;
        var result = GeneratorHarness.Run(new[] { new InMemoryDoc("/fuzz/things.md", page) }, ns: "Engage.Fuzz");
        Assert.Empty(result.CompileProblems);
        var client = result.Sources.Single(s => s.HintName == "ApiThingsClient.g.cs").Text;
        Assert.Contains("_pipeline.EnsureSecret(\"Setting `event` in \\\"Create a thing\\\"\");", client);
        Assert.DoesNotContain("request.Event is not null", client);
    }

    [Fact]
    public void A_heading_without_words_names_its_operation_by_the_method()
    {
        // Random case 18 (2026-12-03): a heading of digits alone ("## 1 2 3") over a request to a path of several
        // segments stopped the name rule, which looked for the path's last segment among the heading's words.
        Assert.Equal("Get", Engage.Codegen.Inference.ApiBuilder.OperationBaseName("GET", "/v1/kilns/{id}/firing_log", "1 2 3"));
        Assert.Equal("Get", Engage.Codegen.Inference.ApiBuilder.OperationBaseName("GET", "/v1/kilns/{id}/firing_log", "Get"));
    }

    [Fact]
    public void A_member_the_docs_call_required_and_deprecated_stays_required_and_compiles()
    {
        // Random case 96 (2026-12-04): a required parameter whose description said "Deprecated: ..." was emitted required with
        // [Obsolete], which C# refuses (CS9042). It stays required (the server may refuse a request without it); the remarks say it.
        const string page = """
            # Things

            ## Create a thing

            ```
            POST /things
            ```

            - `code` - Required. Deprecated: use `key`.
            - `key` - Optional. The key.
            """;
        var result = GeneratorHarness.Run(new[] { new InMemoryDoc("/fuzz/things.md", page) }, ns: "Engage.Fuzz");
        Assert.Empty(result.CompileProblems);
        var models = string.Concat(result.Sources.Select(s => s.Text));
        Assert.Contains("public required string Code { get; set; }", models, StringComparison.Ordinal);
        Assert.Contains("Required. Deprecated: use", models, StringComparison.Ordinal);
        Assert.DoesNotContain("Obsolete(\"Deprecated: use `key`.", models, StringComparison.Ordinal);
    }
}
