using System.Reflection;
using BenchmarkDotNet.Attributes;
using Engage.Codegen.Tests;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Engage.Codegen.Benchmarks;

/// <summary>
/// The generator's cost to a user's build for the 1,000-operation synthetic set: generation plus the
/// C# compile (to an assembly) of everything that compilation then holds, against Refit's generator
/// plus the compile of the equivalent Refit interfaces and hand-written models (the peer, baseline),
/// and against the same with System.Text.Json's source generator over those models (what a Refit user
/// writes to serialize without reflection, trimming- and AOT-safe, as the generated client does).
/// Both compile against the same references and the same build settings; each benchmark fails if
/// its compile has an error. Two settings, as the .NET SDK passes them to the compiler: its default
/// (no XML documentation file, so doc comments are read as plain comments) and a project with
/// <c>GenerateDocumentationFile</c> (doc comments parsed, checked and written to an XML file).
/// </summary>
[MemoryDiagnoser]
public class BuildCostBenchmarks
{
    private List<InMemoryDoc> _docs = null!;
    private CSharpCompilation _user = null!;
    private CSharpCompilation _refitUser = null!;
    private CSharpCompilation _refitJsonUser = null!;
    private TestOptionsProvider _options = null!;
    private ISourceGenerator _refit = null!;
    private ISourceGenerator _systemTextJson = null!;
    private CSharpParseOptions _parse = null!;

    /// <summary>"default": the SDK's default build; "GenerateDocumentationFile": with the XML documentation file.</summary>
    [Params("default", "GenerateDocumentationFile")]
    public string Build { get; set; } = "default";

    private bool WritesDocs => Build == "GenerateDocumentationFile";

    [GlobalSetup]
    public void Setup()
    {
        _docs = SyntheticDocs.Pages(100).Select(p => new InMemoryDoc(p.Path, p.Text)).ToList();
        var references = References();
        // What csc gets from the SDK: without /doc the parser reads doc comments as plain comments.
        _parse = new CSharpParseOptions(LanguageVersion.CSharp12, WritesDocs ? DocumentationMode.Diagnose : DocumentationMode.None);
        var options = new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable);
        _user = CSharpCompilation.Create("UserApp", new[] { CSharpSyntaxTree.ParseText("namespace User { internal static class Code { public const int X = 1; } }", _parse) }, references, options);
        _refitUser = CSharpCompilation.Create("UserApp", new[] { CSharpSyntaxTree.ParseText(SyntheticDocs.RefitSource(100), _parse) }, references, options);
        _refitJsonUser = _refitUser.AddSyntaxTrees(CSharpSyntaxTree.ParseText(SyntheticDocs.RefitJsonContextSource(100), _parse));
        _options = SyntheticDocs.DriverOptions(_docs);
        _refit = LoadGenerator("refit-generator", "InterfaceStubGeneratorV2.dll");
        _systemTextJson = LoadGenerator("stj-generator", "System.Text.Json.SourceGeneration.dll");

        // The benchmarks share one process (the quick job runs in process): without this, whichever
        // runs first pays for compiling Roslyn itself to machine code, and a compiler server that
        // builds every day has long since done that.
        for (var i = 0; i < 2; i++)
        {
            Refit();
            RefitWithJsonSourceGeneration();
            EngageCodegen();
        }
    }

    [Benchmark(Baseline = true, Description = "Refit: generator + compile of interfaces and hand-written models (peer)")]
    public long Refit() => GenerateAndCompile(CSharpGeneratorDriver.Create(new[] { _refit }, parseOptions: _parse), _refitUser, WritesDocs);

    [Benchmark(Description = "Refit + System.Text.Json source generation: both generators + compile (AOT-safe peer)")]
    public long RefitWithJsonSourceGeneration() => GenerateAndCompile(CSharpGeneratorDriver.Create(new[] { _refit, _systemTextJson }, parseOptions: _parse), _refitJsonUser, WritesDocs);

    [Benchmark(Description = "Engage.Codegen: generator + compile of what it writes")]
    public long EngageCodegen() => GenerateAndCompile(
        CSharpGeneratorDriver.Create(new[] { new ApiClientGenerator().AsSourceGenerator() }, _docs.Cast<AdditionalText>(), _parse, _options), _user, WritesDocs);

    /// <summary>What both sides compile against: the platform, the runtime package and what it brings, and Refit.</summary>
    internal static List<MetadataReference> References()
    {
        var platform = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Where(p => Path.GetFileName(p).StartsWith("System", StringComparison.Ordinal) || Path.GetFileName(p) is "netstandard.dll" or "mscorlib.dll");
        var packages = new[] { "Engage.Codegen.Runtime.dll", "Polly.Core.dll", "Refit.dll" }
            .Concat(Directory.GetFiles(AppContext.BaseDirectory, "Microsoft.Extensions.*.dll").Select(Path.GetFileName).Where(f => f is not null).Select(f => f!))
            .Select(f => Path.Combine(AppContext.BaseDirectory, f));
        return platform.Concat(packages).Distinct().Select(p => (MetadataReference)MetadataReference.CreateFromFile(p)).ToList();
    }

    /// <summary>A generator assembly copied beside the benchmarks by the project file, loaded as the compiler would.</summary>
    internal static ISourceGenerator LoadGenerator(string folder, string file)
    {
        var path = Path.Combine(AppContext.BaseDirectory, folder, file);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException("The project file copies this generator beside the benchmarks from the SDK or a package; it is missing.", path);
        }

        var type = Assembly.LoadFrom(path).GetTypes().First(t => typeof(IIncrementalGenerator).IsAssignableFrom(t) && !t.IsAbstract);
        return ((IIncrementalGenerator)Activator.CreateInstance(type)!).AsSourceGenerator();
    }

    /// <summary>Runs the generator, compiles the result to an assembly (and its XML documentation when asked) in memory, and returns the assembly's size.</summary>
    internal static long GenerateAndCompile(GeneratorDriver driver, CSharpCompilation compilation, bool writeDocs)
    {
        driver.RunGeneratorsAndUpdateCompilation(compilation, out var output, out _);
        using var assembly = new MemoryStream();
        using var docs = writeDocs ? new MemoryStream() : null;
        var result = output.Emit(assembly, xmlDocumentationStream: docs);
        if (!result.Success)
        {
            throw new InvalidOperationException("The compile failed: " + string.Join("; ", result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Take(3)));
        }

        return assembly.Length;
    }
}
