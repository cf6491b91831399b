using System.Collections.Immutable;
using Engage.Codegen.Inference;
using Engage.Codegen.Model;
using Engage.Codegen.Parsing;

namespace Engage.Codegen.Tests;

/// <summary>Parse and inference over pages given as text, as the generator runs them, without emission or compilation.</summary>
internal static class InferenceHarness
{
    public static InferredApi Of(params (string Path, string Text)[] pages)
    {
        var docs = pages.Select(p => DocParser.Parse(new DocSource(p.Path, p.Text), CancellationToken.None)).ToImmutableArray();
        return ApiBuilder.Build(docs, new GeneratorSettings("Engage.Kennels", null, null), CancellationToken.None);
    }

    /// <summary>The API inferred from one page, <c>/docs/kennels.md</c>.</summary>
    public static ApiSpec Api(string markdown) => Of(("/docs/kennels.md", markdown)).Api;

    /// <summary>The one operation <paramref name="api"/> has for <paramref name="path"/>.</summary>
    public static OperationSpec Operation(ApiSpec api, string path) =>
        Assert.Single(api.Resources.SelectMany(r => r.Operations), o => o.PathTemplate == path);
}
