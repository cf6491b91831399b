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
        var inferred = ApiBuilder.Build(docs, new GeneratorSettings("Engage.Forced", null, null), CancellationToken.None);
        return new ApiClientGenerator.BuildResult(inferred.Api, inferred.Diagnostics, docs[0].Path);
    }

    [Fact]
    public void A_sound_api_is_written_and_adds_no_diagnostic()
    {
        var built = Built();
        var result = ApiClientGenerator.Emit(new ApiClientGenerator.EmitInput(built.Api, built.FirstPath), CancellationToken.None);
        Assert.NotEmpty(result.Files);
        Assert.Empty(result.Diagnostics);
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
        var forced = new ApiClientGenerator.EmitInput(api with { Resources = api.Resources.Select((r, i) => i == 0 ? broken : r).ToEquatableArray() }, built.FirstPath);

        var result = ApiClientGenerator.Emit(forced, CancellationToken.None);

        Assert.Empty(result.Files);
        var failure = Assert.Single(result.Diagnostics, d => d.Id == "ENG099");
        var diagnostic = failure.ToDiagnostic();
        Assert.Contains("writing the client failed", diagnostic.GetMessage(), StringComparison.Ordinal);
        Assert.Equal(built.FirstPath, diagnostic.Location.GetLineSpan().Path);
        Assert.Single(result.Diagnostics);
    }
}
