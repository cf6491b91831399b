using Engage.Codegen.Inspect.OpenApi;
using Microsoft.CodeAnalysis;
using Microsoft.OpenApi;

namespace Engage.Codegen.Tests.Surface;

/// <summary>
/// <c>&lt;ApiSurface Include="api.openapi.json" /&gt;</c> (issue 22): the build compares the docs with the surface the
/// project exported and committed. The pantry fixture's update (Fixtures/diff) makes one change of each kind: each
/// breaking one is ENG022, a warning located in the new docs where the change is (or in the surface file at what
/// was removed); each addition is ENG023 (info); a file it cannot read is ENG024; the client is generated either way.
/// </summary>
public sealed class SurfaceCheckTests
{
    private const string SurfacePath = "/project/api.openapi.json";

    private static string Fixture(string side) => Path.Combine(GeneratorHarness.RepositoryRoot, "tests", "Engage.Codegen.Tests", "Fixtures", "diff", side);

    private static IReadOnlyList<InMemoryDoc> Docs(string side) =>
        Directory.GetFiles(Fixture(side), "*.md").Order(StringComparer.Ordinal).Select(f => new InMemoryDoc("/docs/" + side + "/" + Path.GetFileName(f), File.ReadAllText(f))).ToList();

    /// <summary>The surface file the <c>openapi</c> verb writes for one side's docs, as a project would commit it.</summary>
    private static string Exported(string side) =>
        OpenApiCommand.Export(Fixture(side), null, null, new Dictionary<string, string>())!.SerializeAsJsonAsync(OpenApiSpecVersion.OpenApi3_1).GetAwaiter().GetResult();

    private static GenerationResult Build(string side, string? surface) =>
        GeneratorHarness.Run(Docs(side), ns: "Pantry.Client", surfaces: surface is null ? null : new[] { new InMemoryDoc(SurfacePath, surface) });

    private static List<Diagnostic> Surface(GenerationResult result) =>
        result.GeneratorDiagnostics.Where(d => d.Id is "ENG022" or "ENG023" or "ENG024").ToList();

    [Fact]
    public void Each_breaking_change_is_a_warning_located_where_the_docs_changed_or_at_the_removal_in_the_surface_file()
    {
        var surface = Exported("before");
        var result = Build("after", surface);
        Assert.Empty(result.CompileProblems);
        Assert.Contains(result.Sources, s => s.HintName.Contains("Jars", StringComparison.Ordinal));

        // A warning, which the harness's compilation (warnings as errors, as a strict user build) makes an error.
        var breaking = Surface(result).Where(d => d.Id == "ENG022").ToList();
        Assert.All(breaking, d => Assert.Equal(DiagnosticSeverity.Warning, d.DefaultSeverity));
        Assert.All(breaking, d => Assert.Equal(DiagnosticSeverity.Error, d.Severity));
        var messages = breaking.Select(d => d.GetMessage()).ToList();
        foreach (var expected in new[]
        {
            "DELETE /jars/{id}: the operation Jars_Delete was removed",
            "GET /jars: the query parameter `page` was removed",
            "#/components/schemas/Jar: the member `color` was removed",
            "#/components/schemas/JarKind: the enum value `tin` was removed",
            "#/components/schemas/Jar: the member `volume_ml` changed type from integer/int32 to string",
            "#/components/schemas/CreateJarRequest: a required request member `shelf` was added",
            "GET /jars: a required parameter `pantry` was added",
            "#/components/schemas/CreateJarRequest: the request member `volume_ml` is now required",
            "#/components/schemas/Jar: the response member `label` can now be null",
            "POST /jars/{id}/seal: the operationId (the generated method) changed from Jars_Seal to Jars_Close",
            "GET /jars/{id}: the auth changed from `bearer` to `none`",
            "GET /jars: the paging changed from `page` to `offset`",
            // The request model's member too, and the answer's model, named after the renamed method.
            "#/components/schemas/CreateJarRequest: the member `volume_ml` changed type from integer/int32 or null to string",
            "POST /jars/{id}/seal: the response changed from SealJarResponse to CloseJarResponse",
        })
        {
            Assert.Contains(messages, m => m.StartsWith(expected + ", against the API surface in api.openapi.json", StringComparison.Ordinal));
        }

        Assert.Equal(14, breaking.Count);
        Assert.All(messages, m => Assert.Contains("engage-codegen openapi --project <your project> -o api.openapi.json", m, StringComparison.Ordinal));

        // A removal is located in the surface file, at the operation it removed.
        var removed = breaking.Single(d => d.GetMessage().StartsWith("DELETE /jars/{id}", StringComparison.Ordinal)).Location.GetLineSpan();
        Assert.Equal(SurfacePath, removed.Path);
        Assert.Contains("\"Jars_Delete\"", surface.Split('\n')[removed.StartLinePosition.Line], StringComparison.Ordinal);

        // A change is located in the new docs, at the endpoint line (jars.md:17 is "GET /jars", :66 "POST /jars/{id}/seal").
        var after = File.ReadAllLines(Path.Combine(Fixture("after"), "jars.md"));
        var paging = breaking.Single(d => d.GetMessage().StartsWith("GET /jars: the paging", StringComparison.Ordinal)).Location.GetLineSpan();
        Assert.Equal("/docs/after/jars.md", paging.Path);
        Assert.Equal("GET /jars", after[paging.StartLinePosition.Line]);
        var renamed = breaking.Single(d => d.GetMessage().StartsWith("POST /jars/{id}/seal: the operationId", StringComparison.Ordinal)).Location.GetLineSpan();
        Assert.Equal("POST /jars/{id}/seal", after[renamed.StartLinePosition.Line]);

        // A member's change is located at its object's section.
        var member = breaking.Single(d => d.GetMessage().Contains("`color` was removed", StringComparison.Ordinal)).Location.GetLineSpan();
        Assert.Equal("/docs/after/jars.md", member.Path);
    }

    [Fact]
    public void Each_addition_is_info()
    {
        var added = Surface(Build("after", Exported("before"))).Where(d => d.Id == "ENG023").ToList();
        Assert.All(added, d => Assert.Equal(DiagnosticSeverity.Info, d.Severity));
        var messages = added.Select(d => d.GetMessage()).ToList();
        foreach (var expected in new[]
        {
            "POST /jars/{id}/open: the operation Jars_Open was added",
            "GET /jars: an optional parameter `label` was added",
            "#/components/schemas/JarKind: the enum value `stone` was added",
            "#/components/schemas/ListJarsResponse: the member `offset` was added",
            "#/components/schemas/ListJarsResponse: the member `limit` was added",
            "GET /jars: an optional parameter `offset` was added",
            "GET /jars: an optional parameter `limit` was added",
        })
        {
            Assert.Contains(messages, m => m.StartsWith(expected + ", against the API surface in api.openapi.json", StringComparison.Ordinal));
        }

        Assert.Equal(7, added.Count);

        var opened = added.Single(d => d.GetMessage().StartsWith("POST /jars/{id}/open", StringComparison.Ordinal)).Location.GetLineSpan();
        Assert.Equal("POST /jars/{id}/open", File.ReadAllLines(Path.Combine(Fixture("after"), "jars.md"))[opened.StartLinePosition.Line]);
    }

    [Fact]
    public void The_surface_of_the_same_docs_reports_nothing_and_without_the_item_nothing_is_compared()
    {
        Assert.Empty(Surface(Build("before", Exported("before"))));
        Assert.Empty(Surface(Build("after", null)));
    }

    [Fact]
    public void Editing_the_surface_file_reruns_the_comparison_and_nothing_before_or_after_it()
    {
        var surface = new InMemoryDoc(SurfacePath, Exported("before"));
        var first = GeneratorHarness.Run(Docs("after"), ns: "Pantry.Client", surfaces: new[] { surface });
        Assert.NotEmpty(Surface(first));
        var accepted = new InMemoryDoc(SurfacePath, Exported("after"));
        var second = first.Driver.ReplaceAdditionalText(surface, accepted)
            .RunGenerators(GeneratorHarness.CreateCompilation("namespace User { internal static class Placeholder { } }"));

        var steps = second.GetRunResult().Results.Single().TrackedSteps;
        Assert.Equal(IncrementalStepRunReason.Modified, steps[TrackingNames.SurfaceCheck].Single().Outputs.Single().Reason);
        foreach (var step in new[] { TrackingNames.ParsedDoc, TrackingNames.Api, TrackingNames.Emitted, TrackingNames.GeneratedFiles })
        {
            Assert.All(steps[step].SelectMany(r => r.Outputs), o => Assert.True(o.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, $"{step} was {o.Reason}"));
        }

        Assert.DoesNotContain(second.GetRunResult().Diagnostics, d => d.Id is "ENG022" or "ENG023" or "ENG024");
    }

    [Theory]
    [InlineData("openapi: 3.1.0\npaths: {}\n", "it is not a JSON object")]
    [InlineData("{\"paths\": {}}", "it has no 'openapi' version or no 'paths'")]
    [InlineData("{\"openapi\": \"3.1.1\", \"paths\": {", "it is not valid JSON")]
    public void A_file_it_cannot_read_is_a_located_warning_and_the_client_still_generates(string text, string reason)
    {
        var result = Build("after", text);
        var unreadable = Assert.Single(Surface(result));
        Assert.Equal("ENG024", unreadable.Id);
        Assert.Equal(DiagnosticSeverity.Warning, unreadable.DefaultSeverity);
        Assert.Equal(SurfacePath, unreadable.Location.GetLineSpan().Path);
        Assert.Contains(reason, unreadable.GetMessage(), StringComparison.Ordinal);
        Assert.Empty(result.CompileProblems);
        Assert.Contains(result.Sources, s => s.HintName.Contains("Jars", StringComparison.Ordinal));
    }
}
