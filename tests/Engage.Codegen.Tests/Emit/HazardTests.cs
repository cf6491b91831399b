using System.Diagnostics;
using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace Engage.Codegen.Tests;

/// <summary>Docs are untrusted input: no doc text becomes code, names stay valid and unique, size and encoding never break the build.</summary>
public class HazardTests
{
    private static readonly string s_hazards = Path.Combine(GeneratorHarness.RepositoryRoot, "tests", "Engage.Codegen.Tests", "Fixtures", "hazards", "things.md");

    private static readonly Lazy<GenerationResult> s_result = new(() => GeneratorHarness.Run(new[] { new InMemoryDoc("/hazards/things.md", File.ReadAllText(s_hazards)) }, ns: "Engage.Hazards"));

    [Fact]
    public void Hostile_doc_text_compiles_and_adds_no_statement_member_or_directive()
    {
        var result = s_result.Value;
        Assert.Empty(result.CompileProblems);
        foreach (var tree in result.OutputCompilation.SyntaxTrees.Where(t => t.FilePath.Contains("Engage.Codegen")))
        {
            var root = tree.GetRoot();
            Assert.Empty(tree.GetDiagnostics());
            Assert.DoesNotContain(root.DescendantTokens(), t => t.IsKind(SyntaxKind.IdentifierToken) && t.ValueText is "Evil" or "script");
            Assert.DoesNotContain(root.DescendantNodes().OfType<InvocationExpressionSyntax>(), i => i.Expression.ToString().EndsWith("Evil", StringComparison.Ordinal));
            var directives = root.DescendantTrivia(descendIntoTrivia: true).Where(t => t.IsDirective).Select(t => t.ToString().Trim()).Distinct().ToList();
            Assert.All(directives, d => Assert.Contains(d, new[] { "#nullable enable annotations", "#nullable disable warnings", "#pragma warning disable CS0618 // generated code reads and writes members the docs call deprecated" }));
            foreach (var comment in root.DescendantTrivia().Where(t => t.IsKind(SyntaxKind.SingleLineDocumentationCommentTrivia)))
            {
                Assert.DoesNotContain(comment.ToFullString(), c => c is '\0' or '\u202e' or '\u2066');
            }
        }
    }

    [Fact]
    public void Doc_text_lands_only_inside_string_literals_and_escaped_comments()
    {
        var result = s_result.Value;
        var literals = result.OutputCompilation.SyntaxTrees.SelectMany(t => t.GetRoot().DescendantTokens()).Where(t => t.IsKind(SyntaxKind.StringLiteralToken) || t.IsKind(SyntaxKind.Utf8StringLiteralToken)).Select(t => t.ValueText).ToList();
        Assert.Contains("quote\"key", literals);
        Assert.Contains("back\\slash", literals);
        Assert.Contains("</summary>", literals);
        var thing = result.Source("Thing.g.cs");
        Assert.Contains("Identifier */ Evil() \"); Evil(); //", thing);
        Assert.Contains("/// <summary>Identifier */ Evil() \"); Evil(); //</summary>", thing);
    }

    [Fact]
    public void Hazardous_names_become_valid_unique_deterministic_identifiers_and_every_json_key_round_trips()
    {
        var result = s_result.Value;
        var again = GeneratorHarness.Run(new[] { new InMemoryDoc("/hazards/things.md", File.ReadAllText(s_hazards)) }, ns: "Engage.Hazards");
        Assert.Equal(result.Sources.ToArray(), again.Sources.ToArray());

        var assembly = result.LoadAssembly();
        var thing = assembly.GetType("Engage.Hazards.Thing", throwOnError: true)!;
        var names = thing.GetProperties().Select(p => p.Name).ToList();
        Assert.Equal(names.Count, names.Distinct().Count());
        Assert.All(names, n => Assert.True(SyntaxFacts.IsValidIdentifier(n) && n.Length <= 128, n));
        Assert.Contains("Class", names);
        Assert.Contains("_1stPlace", names);
        Assert.Contains("NaïveField", names);
        Assert.Contains("Name", names);
        Assert.Contains("Name2", names);

        var create = assembly.GetType("Engage.Hazards.HazardThingsEvilClient", throwOnError: true)!.GetMethods().Where(m => m.Name.StartsWith("Create", StringComparison.Ordinal) && m.Name.EndsWith("Async", StringComparison.Ordinal)).Select(m => m.Name).Distinct().OrderBy(n => n);
        // Two sections headed "Create a thing": the second one's path tells it apart (POST /things/{class}/copies).
        Assert.Equal(new[] { "CreateAsync", "CreateCopiesForThingAsync" }, create);
        // Two sections headed "Get a thing" too: the second one's path names it, so no name is left to collide (no ENG007).
        var get = assembly.GetType("Engage.Hazards.HazardThingsEvilClient", throwOnError: true)!.GetMethods().Where(m => m.Name is "GetAsync" or "GetAsync2" or "ListAgainForThingAsync").Select(m => m.Name).Distinct().OrderBy(n => n, StringComparer.Ordinal);
        Assert.Equal(new[] { "GetAsync", "ListAgainForThingAsync" }, get);
        Assert.DoesNotContain(result.GeneratorDiagnostics, d => d.Id == "ENG007");

        var example = File.ReadAllText(s_hazards);
        var json = example.Substring(example.IndexOf("```json\n", StringComparison.Ordinal) + 8);
        json = json.Substring(0, json.IndexOf("```", StringComparison.Ordinal));
        using var original = JsonDocument.Parse(json);
        var context = (System.Text.Json.Serialization.JsonSerializerContext)assembly.GetType("Engage.Hazards.HazardJsonContext")!.GetProperty("Default")!.GetValue(null)!;
        var info = context.GetTypeInfo(thing)!;
        var model = JsonSerializer.Deserialize(json, info)!;
        var written = JsonSerializer.Serialize(model, info);
        using var roundTripped = JsonDocument.Parse(written);
        Assert.Equal(
            original.RootElement.EnumerateObject().Select(p => p.Name).OrderBy(n => n, StringComparer.Ordinal),
            roundTripped.RootElement.EnumerateObject().Select(p => p.Name).OrderBy(n => n, StringComparer.Ordinal));
        Assert.Equal("\"); Evil(); //", roundTripped.RootElement.GetProperty("quote\"key").GetString());
        Assert.Equal("lower", roundTripped.RootElement.GetProperty("name").GetString());
        Assert.Equal("upper", roundTripped.RootElement.GetProperty("Name").GetString());
    }

    [Fact]
    public void A_five_megabyte_doc_set_generates_in_bounded_time()
    {
        var docs = new List<InMemoryDoc>();
        var filler = string.Concat(Enumerable.Repeat("This paragraph explains the endpoint at length, as real docs sometimes do. ", 40));
        for (var page = 0; docs.Sum(d => d.GetText()!.Length) < 5_000_000; page++)
        {
            var text = new StringBuilder($"# Resource{page}\n\n");
            for (var endpoint = 0; endpoint < 10; endpoint++)
            {
                text.Append($"## Action{endpoint} thing\n\n{filler}\n\n{filler}\n\n```\nPOST /resource{page}/{{id}}/action{endpoint}\n```\n\n- `name` - Required. {filler}\n\n```json\n{{\"status\": \"ok\"}}\n```\n\n");
            }

            docs.Add(new InMemoryDoc($"/big/page{page}.md", text.ToString()));
        }

        // How generation time grows with the docs is GenerationScalingTests' ratio, not a wall-clock bound here.
        var result = GeneratorHarness.Run(docs, ns: "Engage.Big");
        Assert.Equal(docs.Count * 10, result.Sources.Sum(s => s.Text.Split("ApiOperation(\"POST\"").Length - 1));
        Assert.DoesNotContain(result.GeneratorDiagnostics, d => d.Id == "ENG099");
        Assert.Empty(result.CompileProblems);
    }

    [Fact]
    public void Json_nested_300_levels_and_markdown_nested_300_levels_do_not_overflow()
    {
        var deep = string.Concat(Enumerable.Repeat("{\"a\": ", 300)) + "1" + new string('}', 300);
        var quotes = string.Concat(Enumerable.Repeat("> ", 300)) + "quoted";
        var lists = string.Join("\n", Enumerable.Range(0, 300).Select(i => new string(' ', i * 2) + "- item"));
        var doc = $"# Deep\n\n## The Deep object\n\n```json\n{deep}\n```\n\n## Get deep\n\n{quotes}\n\n{lists}\n\n```\nGET /deep\n```\n\nExample response:\n\n```json\n{deep}\n```\n";
        var result = GeneratorHarness.Run(new[] { new InMemoryDoc("/deep.md", doc) }, ns: "Engage.Deep");
        Assert.Contains(result.GeneratorDiagnostics, d => d.Id == "ENG003" && d.GetMessage().Contains("nesting deeper"));
        Assert.DoesNotContain(result.GeneratorDiagnostics, d => d.Id == "ENG099");
        Assert.Empty(result.CompileProblems);
        Assert.Contains(result.Sources, s => s.Text.Contains("ApiOperation(\"GET\", \"/deep\""));
    }

    [Fact]
    public void Bom_crlf_and_tabs_read_the_same_as_plain_text()
    {
        string Operations(IEnumerable<InMemoryDoc> docs) => string.Join("\n", GeneratorHarness.Run(docs).Sources.SelectMany(s => s.Text.Split('\n')).Where(l => l.Contains("ApiOperation(") || l.Contains(" { get; set; }")).Select(l => l.Trim()));
        var plain = Operations(GeneratorHarness.DocsInputFiles());
        var windows = Operations(GeneratorHarness.DocsInputFiles().Select(d => new InMemoryDoc(d.Path, "\uFEFF" + d.GetText()!.ToString().Replace("\n", "\r\n").Replace("\n  \"", "\n\t\""))));
        Assert.Equal(plain, windows);
    }

    private sealed class BytesDoc(string path, byte[] bytes) : AdditionalText
    {
        public override string Path { get; } = path;

        public override SourceText GetText(CancellationToken cancellationToken = default) => SourceText.From(new MemoryStream(bytes), Encoding.UTF8, throwIfBinaryDetected: false);
    }

    [Fact]
    public void Invalid_utf8_is_read_without_failure()
    {
        var text = Encoding.UTF8.GetBytes(GeneratorHarness.DocsInput("users.md"));
        var broken = text.Take(2000).Concat(new byte[] { 0xFF, 0xFE, 0xC3, 0x28, 0xE2, 0x82 }).Concat(text.Skip(2000)).ToArray();
        var driverDocs = new AdditionalText[] { new BytesDoc("/docs/users.md", broken) };
        var compilation = GeneratorHarness.CreateCompilation("namespace User { }");
        var options = new TestOptionsProvider(new Dictionary<string, string> { ["build_property.ApiClientNamespace"] = "Engage.Bytes" }, new HashSet<string> { "/docs/users.md" });
        var driver = CSharpGeneratorDriver.Create(new[] { new ApiClientGenerator().AsSourceGenerator() }, driverDocs, (CSharpParseOptions)compilation.SyntaxTrees.First().Options, options)
            .RunGeneratorsAndUpdateCompilation(compilation, out var output, out var diagnostics);
        var run = driver.GetRunResult().Results.Single();
        Assert.Null(run.Exception);
        Assert.DoesNotContain(diagnostics, d => d.Id == "ENG099");
        Assert.Empty(GeneratorHarness.StrictNullable(output).GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning));
        Assert.Equal(5, run.GeneratedSources.Sum(s => s.SourceText.ToString().Split("ApiOperation(\"").Length - 1));
    }
}
