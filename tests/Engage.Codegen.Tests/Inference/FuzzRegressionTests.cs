namespace Engage.Codegen.Tests.Inference;

/// <summary>Defects the ten-times-longer fuzz run of issue 13 found, each kept as a small page that once broke.</summary>
public class FuzzRegressionTests
{
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
}
