using System.Collections;
using System.Reflection;
using Engage.Codegen;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Engage.Codegen.Tests;

/// <summary>
/// The pipeline re-runs only what an edit touches, proven with trackIncrementalGeneratorSteps, and
/// the client follows the docs: pages, parameters and endpoints added or removed show up at once.
/// </summary>
public class IncrementalityTests
{
    private static readonly string[] s_trackedSteps =
    {
        TrackingNames.DocSource, TrackingNames.ParsedDoc, TrackingNames.Settings, TrackingNames.Api, TrackingNames.Model, TrackingNames.Emitted, TrackingNames.GeneratedFiles, TrackingNames.Diagnostics,
    };

    private static GeneratorDriver Rerun(GenerationResult first, Func<GeneratorDriver, GeneratorDriver>? changeDriver = null, Func<Compilation, Compilation>? changeCompilation = null)
    {
        var driver = changeDriver?.Invoke(first.Driver) ?? first.Driver;
        var compilation = GeneratorHarness.CreateCompilation("namespace User { internal static class Placeholder { } }");
        compilation = (CSharpCompilation)(changeCompilation?.Invoke(compilation) ?? compilation);
        return driver.RunGenerators(compilation);
    }

    private static IEnumerable<(string Step, IncrementalStepRunReason Reason, object Value)> Outputs(GeneratorDriver driver, string step) =>
        driver.GetRunResult().Results.Single().TrackedSteps.TryGetValue(step, out var runs)
            ? runs.SelectMany(run => run.Outputs.Select(output => (step, output.Reason, output.Value)))
            : Enumerable.Empty<(string, IncrementalStepRunReason, object)>();

    [Fact]
    public void An_unrelated_csharp_edit_reruns_no_parsing_and_no_emitting()
    {
        var first = GeneratorHarness.Run(GeneratorHarness.DocsInputFiles());
        var second = Rerun(first, changeCompilation: c => c.AddSyntaxTrees(CSharpSyntaxTree.ParseText("namespace User { internal static class Edited { public const int X = 1; } }", (CSharpParseOptions)c.SyntaxTrees.First().Options)));

        var outputs = s_trackedSteps.SelectMany(step => Outputs(second, step)).ToList();
        Assert.NotEmpty(outputs);
        Assert.All(outputs, o => Assert.True(o.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, $"{o.Step} was {o.Reason}"));
        Assert.All(second.GetRunResult().Results.Single().TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(r => r.Outputs),
            o => Assert.True(o.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, $"output was {o.Reason}"));
    }

    [Fact]
    public void Editing_one_page_reparses_only_that_page_and_reemits_only_the_types_it_changed()
    {
        var docs = GeneratorHarness.DocsInputFiles();
        var first = GeneratorHarness.Run(docs);
        var users = docs.Single(d => d.Path.EndsWith("users.md"));
        var edited = new InMemoryDoc(users.Path, users.GetText()!.ToString().Replace("Gets the details of a user by the identifier you gave them.", "Fetches one user by the identifier you gave them."));
        var second = Rerun(first, changeDriver: d => d.ReplaceAdditionalText(users, edited));

        var parsed = Outputs(second, TrackingNames.ParsedDoc).ToList();
        Assert.Equal(3, parsed.Count);
        var modified = Assert.Single(parsed, p => p.Reason == IncrementalStepRunReason.Modified);
        Assert.EndsWith("users.md", ((dynamic)modified.Value).Path);
        Assert.All(parsed.Where(p => p != modified), p => Assert.True(p.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged));

        var files = Outputs(second, TrackingNames.GeneratedFiles).ToList();
        var changed = files.Where(f => f.Reason is IncrementalStepRunReason.Modified or IncrementalStepRunReason.New).Select(f => (string)((dynamic)f.Value).HintName).ToList();
        Assert.Equal(new[] { "EngageUsersClient.g.cs" }, changed);
        Assert.True(files.Count >= 10, $"{files.Count} files");
        Assert.Equal(files.Count - 1, files.Count(f => f.Reason == IncrementalStepRunReason.Unchanged));
        Assert.Contains("Fetches one user", second.GetRunResult().GeneratedTrees.Single(t => t.FilePath.EndsWith("EngageUsersClient.g.cs")).ToString());
    }

    [Fact]
    public void No_roslyn_or_markdig_object_is_held_in_any_pipeline_model()
    {
        var first = GeneratorHarness.Run(GeneratorHarness.DocsInputFiles());
        var forbidden = new[] { typeof(Compilation), typeof(ISymbol), typeof(SyntaxNode), typeof(SyntaxTree), typeof(AdditionalText), typeof(Location), typeof(Microsoft.CodeAnalysis.Text.SourceText), typeof(Markdig.Syntax.MarkdownObject) };
        var visited = new HashSet<object>(ReferenceEqualityComparer.Instance);
        var checkedObjects = 0;
        void Walk(object? value, string path, int depth)
        {
            if (value is null || value is string || value.GetType().IsPrimitive || value.GetType().IsEnum || depth > 64 || (!value.GetType().IsValueType && !visited.Add(value)))
            {
                return;
            }

            checkedObjects++;
            var type = value.GetType();
            Assert.False(forbidden.Any(f => f.IsAssignableFrom(type)) || type.Namespace?.StartsWith("Markdig", StringComparison.Ordinal) == true, $"{path} holds a {type.FullName}");
            if (value is IEnumerable sequence)
            {
                var index = 0;
                foreach (var item in sequence)
                {
                    Walk(item, $"{path}[{index++}]", depth + 1);
                }

                return;
            }

            foreach (var field in type.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic))
            {
                Walk(field.GetValue(value), path + "." + field.Name, depth + 1);
            }
        }

        foreach (var step in s_trackedSteps)
        {
            foreach (var output in Outputs(first.Driver, step))
            {
                Walk(output.Value, step, 0);
            }
        }

        Assert.True(checkedObjects > 100, $"only {checkedObjects} objects walked");
    }

    [Fact]
    public void The_pipeline_never_reads_the_compilation_or_syntax()
    {
        var sources = Directory.GetFiles(Path.Combine(GeneratorHarness.RepositoryRoot, "generator"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}"))
            .Select(File.ReadAllText).ToList();
        Assert.NotEmpty(sources);
        Assert.DoesNotContain(sources, s => s.Contains("CompilationProvider") || s.Contains("SyntaxProvider") || s.Contains("System.IO.File."));
    }

    [Fact]
    public void Fixing_a_docs_warning_that_changes_nothing_else_reports_anew_and_reemits_nothing()
    {
        // A trailing comma in an example (ENG003) is read the same as without it: the model is equal,
        // so only the diagnostics change; emission, which sees the model alone, is not re-run.
        var docs = GeneratorHarness.DocsInputFiles();
        var lists = docs.Single(d => d.Path.EndsWith("lists.md"));
        var original = lists.GetText()!.ToString();
        var withComma = new InMemoryDoc(lists.Path, original.Replace("\"description\": \"Awesome product waiting list\"\n}", "\"description\": \"Awesome product waiting list\",\n}"));
        Assert.NotEqual(original, withComma.GetText()!.ToString());
        var first = GeneratorHarness.Run(docs.Select(d => d == lists ? withComma : d));
        Assert.Contains(first.GeneratorDiagnostics, d => d.Id == "ENG003");

        var second = Rerun(first, changeDriver: d => d.ReplaceAdditionalText(withComma, new InMemoryDoc(lists.Path, original)));

        Assert.Equal(IncrementalStepRunReason.Modified, Assert.Single(Outputs(second, TrackingNames.Diagnostics)).Reason);
        Assert.DoesNotContain(second.GetRunResult().Diagnostics, d => d.Id == "ENG003");
        Assert.Equal(IncrementalStepRunReason.Unchanged, Assert.Single(Outputs(second, TrackingNames.Model)).Reason);
        Assert.Equal(IncrementalStepRunReason.Cached, Assert.Single(Outputs(second, TrackingNames.Emitted)).Reason);
        Assert.All(Outputs(second, TrackingNames.GeneratedFiles), f => Assert.True(f.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, $"{((dynamic)f.Value).HintName} was {f.Reason}"));
    }

    [Fact]
    public void Adding_a_page_adds_a_resource_property()
    {
        var docs = GeneratorHarness.DocsInputFiles();
        var first = GeneratorHarness.Run(docs);
        var segments = new InMemoryDoc("/docs/segments.md", "---\ntitle: Segments\n---\n\n# Segments\n\n## Get a segment\n\nWorks with username authentication.\n\n```\nGET /segments/{id}\n```\n\nExample response:\n\n```json\n{\"id\": \"s1\", \"title\": \"VIP\", \"size\": 12}\n```\n");
        var options = new TestOptionsProvider(
            new Dictionary<string, string> { ["build_property.ApiClientNamespace"] = "Engage.Snapshot" },
            docs.Select(d => d.Path).Append(segments.Path).ToHashSet());
        var second = Rerun(first, changeDriver: d => d.AddAdditionalTexts(System.Collections.Immutable.ImmutableArray.Create<AdditionalText>(segments)).WithUpdatedAnalyzerConfigOptions(options));
        var client = second.GetRunResult().GeneratedTrees.Single(t => t.FilePath.EndsWith("EngageClient.g.cs")).ToString();
        Assert.Contains("public virtual global::Engage.Snapshot.EngageSegmentsClient Segments { get; }", client);
        var resource = second.GetRunResult().GeneratedTrees.Single(t => t.FilePath.EndsWith("EngageSegmentsClient.g.cs")).ToString();
        Assert.Contains("Task<global::Engage.Snapshot.GetSegmentResponse> GetAsync(string id", resource);
    }

    [Fact]
    public void Adding_a_parameter_changes_the_request_model()
    {
        var docs = GeneratorHarness.DocsInputFiles();
        var first = GeneratorHarness.Run(docs);
        var lists = docs.Single(d => d.Path.EndsWith("lists.md"));
        var edited = new InMemoryDoc(lists.Path, lists.GetText()!.ToString().Replace(
            "- `double_optin` - Optional. Set to `true` to send new subscribers an email asking them to confirm.\n\nExample request data:",
            "- `double_optin` - Optional. Set to `true` to send new subscribers an email asking them to confirm.\n- `sender_name` - Optional. The name confirmation emails come from.\n\nExample request data:"));
        Assert.NotEqual(lists.GetText()!.ToString(), edited.GetText()!.ToString());
        var second = Rerun(first, changeDriver: d => d.ReplaceAdditionalText(lists, edited));
        // Request and response models of a page's operations live beside its client.
        var models = second.GetRunResult().GeneratedTrees.Single(t => t.FilePath.EndsWith("EngageListsClient.Models.g.cs")).ToString();
        var start = models.IndexOf("public sealed partial class CreateListRequest", StringComparison.Ordinal);
        var request = models.Substring(start, models.IndexOf("\n    }", start, StringComparison.Ordinal) - start);
        // The model's read and write methods in the shared converters class.
        var read = models.IndexOf("Read_CreateListRequest(ref Utf8JsonReader", StringComparison.Ordinal);
        var write = models.IndexOf("Write_CreateListRequest(Utf8JsonWriter", read, StringComparison.Ordinal);
        var converter = models.Substring(read, write - read);
        var writer = models.Substring(write, models.IndexOf("writer.WriteEndObject();", write, StringComparison.Ordinal) - write);
        Assert.DoesNotContain("SenderName", first.Source("EngageListsClient.Models.g.cs"), StringComparison.Ordinal);
        Assert.Contains("public string? SenderName { get => _senderName; set { _senderName = value;", request);
        Assert.Contains("(reader.ValueTextEquals(\"sender_name\"u8)) value.SenderName =", converter);
        Assert.Contains("writer.WriteString(\"sender_name\"u8, value.SenderName);", writer);
    }

    [Fact]
    public void Removing_an_endpoint_removes_its_method()
    {
        var docs = GeneratorHarness.DocsInputFiles();
        var first = GeneratorHarness.Run(docs);
        Assert.Contains("RemoveSubscriberAsync", first.Source("EngageListsClient.g.cs"));
        var lists = docs.Single(d => d.Path.EndsWith("lists.md"));
        var text = lists.GetText()!.ToString();
        var edited = new InMemoryDoc(lists.Path, text.Substring(0, text.IndexOf("## Remove subscriber from a list", StringComparison.Ordinal)));
        var second = Rerun(first, changeDriver: d => d.ReplaceAdditionalText(lists, edited));
        var trees = second.GetRunResult().GeneratedTrees;
        Assert.DoesNotContain("RemoveSubscriberAsync", trees.Single(t => t.FilePath.EndsWith("EngageListsClient.g.cs")).ToString());
        Assert.DoesNotContain(trees, t => t.FilePath.EndsWith("RemoveListSubscriberResponse.g.cs"));
    }
}

public class CompilerVersionTests
{
    [Fact]
    public void The_generator_runs_through_the_roslyn_4_8_compiler_api_of_the_dotnet_8_sdk()
    {
        Assert.Equal(new Version(4, 8, 0, 0), typeof(CSharpCompilation).Assembly.GetName().Version);
        var referenced = typeof(ApiClientGenerator).Assembly.GetReferencedAssemblies().Single(a => a.Name == "Microsoft.CodeAnalysis");
        Assert.True(referenced.Version <= new Version(4, 8, 0, 0), $"the generator needs Microsoft.CodeAnalysis {referenced.Version}");
        var result = GeneratorHarness.Run(GeneratorHarness.DocsInputFiles());
        Assert.Contains(result.Sources, s => s.HintName == "EngageClient.g.cs");
        Assert.Empty(result.CompileProblems);
    }
}
