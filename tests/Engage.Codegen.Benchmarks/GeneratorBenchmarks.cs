using System.Collections.Immutable;
using BenchmarkDotNet.Attributes;
using Engage.Codegen.Tests;
using Markdig;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Engage.Codegen.Benchmarks;

/// <summary>
/// Build-time cost: a full generation, an unrelated C# edit and a one-page edit, next to Markdig
/// parsing the same Markdown and nothing else (the floor, baseline) and Refit's generator on an
/// equivalent interface (the peer), all in one run.
/// </summary>
[MemoryDiagnoser]
public class GeneratorBenchmarks
{
    private static readonly MarkdownPipeline s_pipeline = new MarkdownPipelineBuilder().UseYamlFrontMatter().UsePipeTables().Build();

    private List<InMemoryDoc> _docs = null!;
    private CSharpCompilation _userCompilation = null!;
    private CSharpCompilation _editedCompilation = null!;
    private CSharpCompilation _refitCompilation = null!;
    private TestOptionsProvider _options = null!;
    private GeneratorDriver _warm = null!;
    private InMemoryDoc _page = null!;
    private InMemoryDoc _editedPage = null!;
    private bool _edited;
    private ISourceGenerator _refit = null!;

    /// <summary>docs-input (13 operations) or the synthetic set (100 resources, 1,000 operations).</summary>
    [Params("docs-input", "synthetic-1000")]
    public string DocSet { get; set; } = "docs-input";

    [GlobalSetup]
    public void Setup()
    {
        _docs = DocSet == "docs-input"
            ? new[] { "index.md", "lists.md", "users.md" }.Select(f => new InMemoryDoc("/docs/" + f, File.ReadAllText(Path.Combine(Repository.Root, "docs-input", f)))).ToList()
            : SyntheticDocs.Pages(100).Select(p => new InMemoryDoc(p.Path, p.Text)).ToList();
        var references = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Where(p => Path.GetFileName(p).StartsWith("System", StringComparison.Ordinal) || Path.GetFileName(p) == "netstandard.dll")
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))
            .Append(MetadataReference.CreateFromFile(typeof(Refit.GetAttribute).Assembly.Location))
            .ToList();
        var parse = new CSharpParseOptions(LanguageVersion.CSharp12);
        CSharpCompilation Compile(string code) => CSharpCompilation.Create("Bench", new[] { CSharpSyntaxTree.ParseText(code, parse) }, references, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        _userCompilation = Compile("namespace User { internal static class Code { public const int X = 1; } }");
        _editedCompilation = Compile("namespace User { internal static class Code { public const int X = 2; } }");
        _refitCompilation = Compile(DocSet == "docs-input" ? DocsInputRefitSource : SyntheticDocs.RefitSource(100));
        _options = SyntheticDocs.DriverOptions(_docs);
        _warm = NewDriver().RunGenerators(_userCompilation);
        _page = _docs[^1];
        _editedPage = new InMemoryDoc(_page.Path, _page.Text.Replace("Does something", "Does one thing").Replace("Gets the details", "Fetches the details"));
        _refit = BuildCostBenchmarks.LoadGenerator("refit-generator", "InterfaceStubGeneratorV2.dll");
    }

    private GeneratorDriver NewDriver() => CSharpGeneratorDriver.Create(
        new[] { new ApiClientGenerator().AsSourceGenerator() }, _docs.Cast<AdditionalText>(), new CSharpParseOptions(LanguageVersion.CSharp12), _options);

    [Benchmark(Baseline = true, Description = "Markdig parse only (floor)")]
    public int MarkdigParse()
    {
        var blocks = 0;
        foreach (var doc in _docs)
        {
            blocks += Markdown.Parse(doc.Text, s_pipeline).Count;
        }

        return blocks;
    }

    [Benchmark(Description = "Engage.Codegen full generation")]
    public int FullGeneration() => NewDriver().RunGenerators(_userCompilation).GetRunResult().GeneratedTrees.Length;

    [Benchmark(Description = "Engage.Codegen after an unrelated C# edit")]
    public int UnrelatedEdit()
    {
        _edited = !_edited;
        _warm = _warm.RunGenerators(_edited ? _editedCompilation : _userCompilation);
        return _warm.GetRunResult().GeneratedTrees.Length;
    }

    [Benchmark(Description = "Engage.Codegen after editing one .md")]
    public int OneDocEdit()
    {
        _edited = !_edited;
        _warm = (_edited ? _warm.ReplaceAdditionalText(_page, _editedPage) : _warm.ReplaceAdditionalText(_editedPage, _page)).RunGenerators(_userCompilation);
        return _warm.GetRunResult().GeneratedTrees.Length;
    }

    [Benchmark(Description = "Refit generator, same operations (peer)")]
    public int RefitGeneration() => RefitRun().GeneratedTrees.Length;

    internal GeneratorDriverRunResult RefitRun() => CSharpGeneratorDriver.Create(_refit).RunGenerators(_refitCompilation).GetRunResult();

    private const string DocsInputRefitSource = """
        #nullable enable
        using System.Collections.Generic;
        using System.Threading.Tasks;
        using Refit;
        namespace DocsInput.Refit
        {
            public sealed class User { public string Id { get; set; } = ""; public string Uid { get; set; } = ""; public string? Email { get; set; } public Dictionary<string, object> Meta { get; set; } = new(); }
            public sealed class UserPage { public List<User> Data { get; set; } = new(); public bool HasMore { get; set; } }
            public sealed class EngageList { public string Id { get; set; } = ""; public string Title { get; set; } = ""; }
            public sealed class ListPage { public List<EngageList> Data { get; set; } = new(); public bool HasMore { get; set; } }
            public sealed class Status { public string Value { get; set; } = ""; }
            public interface IUsers
            {
                [Post("/users")] Task<User> CreateAsync([Body] Dictionary<string, object> request);
                [Get("/users/{uid}")] Task<User> GetAsync(string uid);
                [Put("/users/{uid}")] Task<User> UpdateAsync(string uid, [Body] Dictionary<string, object> request);
                [Post("/users/{uid}/events")] Task<Status> AddEventAsync(string uid, [Body] Dictionary<string, object> request);
                [Get("/users")] Task<UserPage> ListAsync(int? limit, [AliasAs("after_id")] string? afterId, [AliasAs("before_id")] string? beforeId);
            }
            public interface ILists
            {
                [Post("/lists")] Task<EngageList> CreateAsync([Body] Dictionary<string, object> request);
                [Get("/lists")] Task<ListPage> ListAsync(int? limit, [AliasAs("after_id")] string? afterId, [AliasAs("before_id")] string? beforeId);
                [Get("/lists/{id}")] Task<EngageList> GetAsync(string id);
                [Put("/lists/{id}")] Task<EngageList> UpdateAsync(string id, [Body] Dictionary<string, object> request);
                [Delete("/lists/{id}")] Task<Status> DeleteAsync(string id);
                [Post("/lists/{id}/subscribers")] Task<Dictionary<string, string>> SubscribeAsync(string id, [Body] Dictionary<string, object> request);
                [Put("/lists/{id}/subscribers/{uid}")] Task<Dictionary<string, bool>> UpdateSubscriberAsync(string id, string uid, [Body] Dictionary<string, object> request);
                [Delete("/lists/{id}/subscribers/{uid}")] Task<Status> RemoveSubscriberAsync(string id, string uid);
            }
        }
        """;
}

internal static class Repository
{
    public static string Root { get; } = Find();

    private static string Find()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Engage.Codegen.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("Engage.Codegen.sln not found");
    }
}
