using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

// Shared by the tests and the benchmarks (linked into tests/Engage.Codegen.Benchmarks).
namespace Engage.Codegen.Tests;

/// <summary>An in-memory docs file, passed to the generator as an AdditionalText.</summary>
public sealed class InMemoryDoc(string path, string text) : AdditionalText
{
    public override string Path { get; } = path;

    public string Text { get; } = text;

    public override SourceText GetText(System.Threading.CancellationToken cancellationToken = default) => SourceText.From(Text, Encoding.UTF8);
}

/// <summary>
/// Analyzer options that mark chosen files as ApiDocs (and others as ApiSurface files) and carry MSBuild properties,
/// as the build files do.
/// </summary>
public sealed class TestOptionsProvider(IReadOnlyDictionary<string, string> globals, ISet<string> apiDocs, ISet<string>? apiSurfaces = null) : AnalyzerConfigOptionsProvider
{
    public override AnalyzerConfigOptions GlobalOptions { get; } = new Options(globals);

    public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => new Options(new Dictionary<string, string>());

    public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) =>
        new Options(apiDocs.Contains(textFile.Path)
            ? new Dictionary<string, string> { ["build_metadata.AdditionalFiles.EngageApiDocs"] = "true" }
            : apiSurfaces?.Contains(textFile.Path) == true
                ? new Dictionary<string, string> { ["build_metadata.AdditionalFiles.EngageApiSurface"] = "true" }
                : new Dictionary<string, string>());

    private sealed class Options(IReadOnlyDictionary<string, string> values) : AnalyzerConfigOptions
    {
        public override bool TryGetValue(string key, out string value) => values.TryGetValue(key, out value!);
    }
}

