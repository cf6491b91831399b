using System.Collections.Immutable;
using System.Diagnostics;
using Engage.Codegen.Emit;
using Engage.Codegen.Inference;
using Engage.Codegen.Model;
using Engage.Codegen.Parsing;
using Engage.Codegen.Tests;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Engage.Codegen.Benchmarks;

/// <summary>`-- --stages`: where a full generation of the synthetic set spends its time (parse, infer, emit, Roslyn's own work).</summary>
internal static class Stages
{
    public static void Run(string? dump = null)
    {
        var pages = SyntheticDocs.Pages(100);
        var sources = pages.Select(p => new DocSource(p.Path, p.Text)).ToList();
        var refit = new GeneratorBenchmarks { DocSet = "synthetic-1000" };
        refit.Setup();
        var refitTrees = refit.RefitRun().GeneratedTrees;
        Console.WriteLine($"Refit's generator on the same 1,000 operations: {refitTrees.Length} files, {refitTrees.Sum(t => t.Length) / 1024} KB");
        Console.WriteLine($"What Refit's side compiles (interfaces, hand-written models, generated code): {CompileShape.Describe(BuildCostParts.Sources(BuildCostParts.RefitGenerated))}");
        Console.WriteLine($"What Refit's side compiles with System.Text.Json source generation (AOT-safe): {CompileShape.Describe(BuildCostParts.Sources(BuildCostParts.RefitJsonGenerated))}");
        for (var round = 0; round < 12; round++)
        {
            var total = Stopwatch.StartNew();
            var watch = Stopwatch.StartNew();
            var docs = sources.Select(s => DocParser.Parse(s, CancellationToken.None)).ToList();
            var parse = watch.Elapsed;
            watch.Restart();
            var api = ApiBuilder.Build(docs.ToImmutableArray(), new GeneratorSettings("Bench", null, null), CancellationToken.None).Api;
            var infer = watch.Elapsed;
            watch.Restart();
            var files = Emitter.Emit(api).ToList();
            var emit = watch.Elapsed;
            watch.Restart();
            // Roslyn's driver taking in the same files from a generator that only adds them: its share of a full generation.
            var replay = new Replay(files);
            CSharpGeneratorDriver.Create(replay).RunGenerators(CSharpCompilation.Create("Replay")).GetRunResult();
            var driver = watch.Elapsed;
            watch.Restart();
            var trees = files.Select(f => CSharpSyntaxTree.ParseText(f.Text, new CSharpParseOptions(LanguageVersion.CSharp12))).ToList();
            var roslynParse = watch.Elapsed;
            watch.Restart();
            var markdig = pages.Sum(p => Markdig.Markdown.Parse(p.Text).Count);
            var markdigOnly = watch.Elapsed;
            if (round == 0 && dump is not null)
            {
                // `--stages --dump DIR`: the generated files, to read what the output is made of.
                Directory.CreateDirectory(dump);
                foreach (var file in files)
                {
                    File.WriteAllText(Path.Combine(dump, file.HintName), file.Text);
                }
            }

            if (round == 0)
            {
                Console.WriteLine($"What Engage.Codegen's side compiles (the generated client): {CompileShape.Describe(trees)}");

                // What the output is made of, by kind of file.
                static string Kind(string hint) =>
                    hint.Contains("JsonContext", StringComparison.Ordinal) ? "JSON context" :
                    hint.Contains("ServiceCollection", StringComparison.Ordinal) ? "DI registration" :
                    hint.EndsWith(".Models.g.cs", StringComparison.Ordinal) ? "a page's request and response models" :
                    hint.Contains("Public", StringComparison.Ordinal) && hint.EndsWith("Client.g.cs", StringComparison.Ordinal) ? "public client" :
                    hint.EndsWith("Client.g.cs", StringComparison.Ordinal) ? "client and resources" :
                    hint.EndsWith("Request.g.cs", StringComparison.Ordinal) ? "request models" :
                    hint.EndsWith("Response.g.cs", StringComparison.Ordinal) ? "response models" : "other models and enums";
                foreach (var group in files.GroupBy(f => Kind(f.HintName)).OrderByDescending(g => g.Sum(f => f.Text.Length)))
                {
                    Console.WriteLine($"  {group.Key}: {group.Count()} files, {group.Sum(f => f.Text.Length) / 1024} KB");
                }
            }

            // The real generator in Roslyn's driver, with its steps timed by the driver.
            var docs2 = pages.Select(p => new InMemoryDoc(p.Path, p.Text)).ToList();
            var options = SyntheticDocs.DriverOptions(docs2);
            watch.Restart();
            var run = CSharpGeneratorDriver.Create(new[] { new ApiClientGenerator().AsSourceGenerator() }, docs2, new CSharpParseOptions(LanguageVersion.CSharp12), options,
                new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true)).RunGenerators(CSharpCompilation.Create("Real")).GetRunResult();
            var real = watch.Elapsed;
            if (round >= 10)
            {
                Console.WriteLine($"  the real generator in the driver: {real.TotalMilliseconds:F1} ms; steps: " + string.Join(", ", run.Results[0].TrackedSteps.Select(p => $"{p.Key} {p.Value.Sum(s => s.ElapsedTime.TotalMilliseconds):F1} ms ({p.Value.Length})")));
            }

            Console.WriteLine($"round {round}: parse {parse.TotalMilliseconds:F1} ms (Markdig alone {markdigOnly.TotalMilliseconds:F1}), infer {infer.TotalMilliseconds:F1} ms, emit {emit.TotalMilliseconds:F1} ms ({files.Count} files, {files.Sum(f => f.Text.Length) / 1024} KB), driver taking them in {driver.TotalMilliseconds:F1} ms, Roslyn parsing the output {roslynParse.TotalMilliseconds:F1} ms; {markdig + trees.Count}");
        }
    }

    /// <summary>A generator that adds files made beforehand, to time the driver alone.</summary>
    private sealed class Replay(List<GeneratedFile> files) : IIncrementalGenerator
    {
        public void Initialize(IncrementalGeneratorInitializationContext context) =>
            context.RegisterPostInitializationOutput(production =>
            {
                foreach (var file in files)
                {
                    production.AddSource(file.HintName, Microsoft.CodeAnalysis.Text.SourceText.From(file.Text, System.Text.Encoding.UTF8));
                }
            });
    }
}
