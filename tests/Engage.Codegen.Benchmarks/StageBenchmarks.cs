using System.Collections.Immutable;
using BenchmarkDotNet.Attributes;
using Engage.Codegen.Emit;
using Engage.Codegen.Inference;
using Engage.Codegen.Model;
using Engage.Codegen.Parsing;
using Markdig;

namespace Engage.Codegen.Benchmarks;

/// <summary>
/// The generator's own stages on the synthetic 1,000-operation set, without Roslyn's driver, next to
/// Markdig's parse in the same run: where a full generation spends its time.
/// </summary>
[MemoryDiagnoser]
public class StageBenchmarks
{
    private static readonly MarkdownPipeline s_pipeline = new MarkdownPipelineBuilder().UseYamlFrontMatter().UsePipeTables().Build();

    private List<DocSource> _sources = null!;
    private ImmutableArray<DocSpec> _docs;
    private ApiSpec _api = null!;

    [GlobalSetup]
    public void Setup()
    {
        _sources = SyntheticDocs.Pages(100).Select(p => new DocSource(p.Path, p.Text)).ToList();
        _docs = _sources.Select(s => DocParser.Parse(s, CancellationToken.None)).ToImmutableArray();
        _api = ApiBuilder.Build(_docs, new GeneratorSettings("Bench", null, null), CancellationToken.None).Api;
    }

    [Benchmark(Baseline = true, Description = "Markdig parse only (floor)")]
    public int MarkdigParse() => _sources.Sum(s => Markdown.Parse(s.Text, s_pipeline).Count);

    [Benchmark(Description = "stage 1: parse (Markdig and reading sections)")]
    public int Parse() => _sources.Sum(s => DocParser.Parse(s, CancellationToken.None).Endpoints.Count);

    [Benchmark(Description = "stage 2: inference")]
    public int Infer() => ApiBuilder.Build(_docs, new GeneratorSettings("Bench", null, null), CancellationToken.None).Api.Models.Count;

    [Benchmark(Description = "stage 3: emission")]
    public int Emit() => Emitter.Emit(_api).Sum(f => f.Text.Length);

    [Benchmark(Description = "stages 1-3 in a row, without the driver")]
    public int AllStages()
    {
        var docs = _sources.Select(s => DocParser.Parse(s, CancellationToken.None)).ToImmutableArray();
        var api = ApiBuilder.Build(docs, new GeneratorSettings("Bench", null, null), CancellationToken.None).Api;
        return Emitter.Emit(api).Sum(f => f.Text.Length);
    }
}
