using System.Collections.Immutable;
using System.Reflection;
using System.Text;
using Engage.Codegen;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace Engage.Codegen.Tests;

/// <summary>The outcome of one generator run: sources, generator diagnostics, and the compiled result.</summary>
public sealed record GenerationResult(
    ImmutableArray<(string HintName, string Text)> Sources,
    ImmutableArray<Diagnostic> GeneratorDiagnostics,
    ImmutableArray<Diagnostic> CompilationDiagnostics,
    Compilation OutputCompilation,
    GeneratorDriver Driver)
{
    public string Source(string hintName) => Sources.Single(s => s.HintName == hintName).Text;

    /// <summary>Errors and warnings of compiling the generated code (nullable on, warnings count).</summary>
    public IEnumerable<Diagnostic> CompileProblems => CompilationDiagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning);

    public Assembly LoadAssembly()
    {
        using var stream = new MemoryStream();
        var emit = OutputCompilation.Emit(stream);
        Assert.True(emit.Success, string.Join("\n", emit.Diagnostics));
        return Assembly.Load(stream.ToArray());
    }
}

/// <summary>Runs the generator through the Roslyn 4.8 API the generator is built against.</summary>
public static class GeneratorHarness
{
    public static readonly string RepositoryRoot = FindRoot();

    public static string DocsInput(string file) => File.ReadAllText(Path.Combine(RepositoryRoot, "docs-input", file));

    public static IReadOnlyList<InMemoryDoc> DocsInputFiles() =>
        new[] { "index.md", "lists.md", "users.md" }.Select(f => new InMemoryDoc("/docs/" + f, DocsInput(f))).ToList();

    private static readonly Lazy<ImmutableArray<MetadataReference>> s_references = new(() =>
    {
        var trusted = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator);
        return trusted
            .Where(p => Path.GetFileName(p).StartsWith("System", StringComparison.Ordinal) || Path.GetFileName(p) is "netstandard.dll" or "mscorlib.dll" or "Microsoft.Win32.Primitives.dll"
                // What the runtime package brings: the registration and logging types generated code names.
                || Path.GetFileName(p).StartsWith("Microsoft.Extensions.", StringComparison.Ordinal))
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))
            .Append(MetadataReference.CreateFromFile(typeof(Engage.Codegen.Runtime.ApiPipeline).Assembly.Location))
            .ToImmutableArray();
    });

    public static GenerationResult Run(
        IEnumerable<InMemoryDoc> docs,
        string ns = "Engage.Snapshot",
        string? clientName = null,
        IEnumerable<AdditionalText>? otherFiles = null,
        string userCode = "namespace User { internal static class Placeholder { } }",
        IReadOnlyDictionary<string, string>? properties = null,
        IEnumerable<InMemoryDoc>? surfaces = null)
    {
        var docList = docs.ToList();
        var surfaceList = surfaces?.ToList() ?? new List<InMemoryDoc>();
        var globals = new Dictionary<string, string> { ["build_property.ApiClientNamespace"] = ns };
        foreach (var (name, value) in properties ?? new Dictionary<string, string>())
        {
            globals["build_property." + name] = value;
        }

        if (clientName is not null)
        {
            globals["build_property.ApiClientName"] = clientName;
        }

        var options = new TestOptionsProvider(globals, new HashSet<string>(docList.Select(d => d.Path)), new HashSet<string>(surfaceList.Select(d => d.Path)));
        var compilation = CreateCompilation(userCode);
        GeneratorDriver driver = CSharpGeneratorDriver.Create(
            new[] { new ApiClientGenerator().AsSourceGenerator() },
            docList.Concat(surfaceList).Cast<AdditionalText>().Concat(otherFiles ?? Enumerable.Empty<AdditionalText>()),
            (CSharpParseOptions)compilation.SyntaxTrees.First().Options,
            options,
            new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));
        driver = driver.RunGeneratorsAndUpdateCompilation(compilation, out var output, out var generatorDiagnostics);
        var run = driver.GetRunResult().Results.Single();
        Assert.Null(run.Exception);
        var sources = run.GeneratedSources.Select(s => (s.HintName, s.SourceText.ToString())).ToImmutableArray();
        return new GenerationResult(sources, generatorDiagnostics, StrictNullable(output).GetDiagnostics(), output, driver);
    }

    /// <summary>
    /// The compilation with every generated file's nullable warnings back on: generated files turn
    /// them off for the user's build (<c>#nullable disable warnings</c>), and the tests hold the
    /// generated code to them. The directive is replaced by a comment, so lines stay where they are.
    /// </summary>
    public static Compilation StrictNullable(Compilation output)
    {
        foreach (var tree in output.SyntaxTrees.ToList())
        {
            var text = tree.ToString();
            if (text.Contains(Engage.Codegen.Emit.Emitter.NullableWarningsOff, StringComparison.Ordinal))
            {
                var strict = text.Replace(Engage.Codegen.Emit.Emitter.NullableWarningsOff, "// nullable warnings on for the tests", StringComparison.Ordinal)
                    .Replace(Engage.Codegen.Emit.Emitter.NullableAnnotations, "#nullable enable", StringComparison.Ordinal);
                output = output.ReplaceSyntaxTree(tree, CSharpSyntaxTree.ParseText(strict, (CSharpParseOptions)tree.Options, tree.FilePath));
            }
        }

        return output;
    }

    public static CSharpCompilation CreateCompilation(string userCode) =>
        CSharpCompilation.Create(
            "Generated",
            new[] { CSharpSyntaxTree.ParseText(userCode, new CSharpParseOptions(LanguageVersion.CSharp12, DocumentationMode.Diagnose)) },
            s_references.Value,
            new CSharpCompilationOptions(
                OutputKind.DynamicallyLinkedLibrary,
                nullableContextOptions: NullableContextOptions.Enable,
                generalDiagnosticOption: ReportDiagnostic.Error,
                // The .NET SDK suppresses these assembly-unification notices in every project (NoWarn 1701;1702).
                specificDiagnosticOptions: new Dictionary<string, ReportDiagnostic> { ["CS1701"] = ReportDiagnostic.Suppress, ["CS1702"] = ReportDiagnostic.Suppress }));

    private static string FindRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Engage.Codegen.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("Engage.Codegen.sln not found above " + AppContext.BaseDirectory);
    }
}
