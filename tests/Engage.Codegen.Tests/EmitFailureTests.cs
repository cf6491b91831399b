using System.Collections.Immutable;
using Engage.Codegen.Inference;
using Engage.Codegen.Model;
using Engage.Codegen.Parsing;

namespace Engage.Codegen.Tests;

/// <summary>
/// Emission is wrapped like parsing and inference: an exception while writing the client becomes
/// ENG099 at the first docs file, beside the diagnostics inference reported, never an exception out
/// of the generator (which Roslyn would turn into CS8785 and a client that silently disappears).
/// </summary>
public class EmitFailureTests
{
    private static ApiClientGenerator.BuildResult Built()
    {
        var docs = GeneratorHarness.DocsInputFiles()
            .Select(d => DocParser.Parse(new DocSource(d.Path, d.GetText()!.ToString()), CancellationToken.None))
            .ToImmutableArray();
        var api = ApiBuilder.Build(docs, new GeneratorSettings("Engage.Forced", null, null), CancellationToken.None);
        return new ApiClientGenerator.BuildResult(api, api.Diagnostics, docs[0].Path);
    }

    [Fact]
    public void A_sound_api_is_written_and_keeps_its_diagnostics()
    {
        var built = Built();
        var result = ApiClientGenerator.Emit(built, CancellationToken.None);
        Assert.NotEmpty(result.Files);
        Assert.Equal(built.Diagnostics, result.Diagnostics);
    }

    [Fact]
    public void A_failure_while_writing_is_ENG099_at_the_first_docs_file_and_nothing_escapes()
    {
        // Forced: a response typed as a list with no element type, which no inference produces; the
        // emitter dereferences the element and throws.
        var built = Built();
        var api = built.Api!;
        var resource = api.Resources[0];
        var broken = resource with { Operations = resource.Operations.Select((o, i) => i == 0 ? o with { ResponseType = new TypeRef(TypeKind.List) } : o).ToEquatableArray() };
        var forced = built with { Api = api with { Resources = api.Resources.Select((r, i) => i == 0 ? broken : r).ToEquatableArray() } };

        var result = ApiClientGenerator.Emit(forced, CancellationToken.None);

        Assert.Empty(result.Files);
        var failure = Assert.Single(result.Diagnostics, d => d.Id == "ENG099");
        var diagnostic = failure.ToDiagnostic();
        Assert.Contains("writing the client failed", diagnostic.GetMessage(), StringComparison.Ordinal);
        Assert.Equal(built.FirstPath, diagnostic.Location.GetLineSpan().Path);
        Assert.Equal(built.Diagnostics.Count + 1, result.Diagnostics.Count);
    }
}
