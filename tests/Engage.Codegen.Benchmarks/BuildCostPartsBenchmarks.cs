using BenchmarkDotNet.Attributes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Engage.Codegen.Benchmarks;

/// <summary>
/// Where the build cost goes: the C# compile (parse and emit, the SDK's default build) of each row of
/// <see cref="BuildCostParts"/>, the generated client whole and with one part taken out at a time,
/// beside Refit's side in parts. The generators run once in setup, so only the compile is measured.
/// Read the allocations: they repeat within about 1% on this machine where the times do not.
/// </summary>
[MemoryDiagnoser]
public class BuildCostPartsBenchmarks
{
    private List<string> _sources = null!;
    private List<MetadataReference> _references = null!;
    private CSharpParseOptions _parse = null!;
    private CSharpCompilationOptions _options = null!;

    [ParamsSource(nameof(Parts))]
    public string Compiled { get; set; } = BuildCostParts.Whole;

    public static IEnumerable<string> Parts => BuildCostParts.Names;

    [GlobalSetup]
    public void Setup()
    {
        _sources = BuildCostParts.Sources(Compiled);
        _references = BuildCostBenchmarks.References();
        _parse = new CSharpParseOptions(LanguageVersion.CSharp12, DocumentationMode.None);
        _options = new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable);
        Compile(); // fails the row at once if its sources do not compile; BenchmarkDotNet's warm-ups do the rest
    }

    [Benchmark(Description = "parse + compile to an assembly")]
    public long Compile()
    {
        var compilation = CSharpCompilation.Create("UserApp", _sources.Select(s => CSharpSyntaxTree.ParseText(s, _parse)), _references, _options);
        using var assembly = new MemoryStream();
        var result = compilation.Emit(assembly);
        if (!result.Success)
        {
            throw new InvalidOperationException($"'{Compiled}' does not compile: " + string.Join("; ", result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Take(3)));
        }

        return assembly.Length;
    }
}
