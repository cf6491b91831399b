using Engage.Codegen.Inspect.OpenApi;

namespace Engage.Codegen.Tests.Tools;

/// <summary>
/// The <c>diff</c> verb (issue 22) on a pair of our own pages about an invented pantry API, before and after an
/// update (Fixtures/diff): one change of each kind, each classified as a caller built against the old docs would
/// feel it, and the exit code that says whether anything breaks.
/// </summary>
public sealed class OpenApiDiffTests
{
    private static string Fixture(string side) => Path.Combine(GeneratorHarness.RepositoryRoot, "tests", "Engage.Codegen.Tests", "Fixtures", "diff", side);

    private static (int Exit, string Report, string Errors) Diff(string before, string after)
    {
        var output = new StringWriter();
        var errors = new StringWriter();
        var exit = DiffCommand.Run(new[] { before, after }, output, errors);
        return (exit, output.ToString(), errors.ToString());
    }

    [Fact]
    public void Each_kind_of_change_is_reported_and_classified_and_a_breaking_one_exits_1()
    {
        var (exit, report, errors) = Diff(Fixture("before"), Fixture("after"));
        Assert.Equal(string.Empty, errors);
        Assert.Equal(1, exit);
        var breaking = report.Substring(report.IndexOf("## Breaking for callers", StringComparison.Ordinal), report.IndexOf("## Not breaking", StringComparison.Ordinal) - report.IndexOf("## Breaking for callers", StringComparison.Ordinal));
        var notBreaking = report.Substring(report.IndexOf("## Not breaking", StringComparison.Ordinal));

        // Breaking: removed things, changed types, new requirements, a member that can now be null, a renamed method,
        // the auth and the paging an operation takes.
        Assert.Contains("`DELETE /jars/{id}`: the operation Jars_Delete was removed", breaking, StringComparison.Ordinal);
        Assert.Contains("`GET /jars`: the query parameter `page` was removed", breaking, StringComparison.Ordinal);
        Assert.Contains("`#/components/schemas/Jar`: the member `color` was removed", breaking, StringComparison.Ordinal);
        Assert.Contains("`#/components/schemas/JarKind`: the enum value `tin` was removed", breaking, StringComparison.Ordinal);
        Assert.Contains("`#/components/schemas/Jar`: the member `volume_ml` changed type from integer/int32 to string", breaking, StringComparison.Ordinal);
        Assert.Contains("`#/components/schemas/CreateJarRequest`: a required request member `shelf` was added", breaking, StringComparison.Ordinal);
        Assert.Contains("`GET /jars`: a required parameter `pantry` was added", breaking, StringComparison.Ordinal);
        Assert.Contains("`#/components/schemas/CreateJarRequest`: the request member `volume_ml` is now required", breaking, StringComparison.Ordinal);
        Assert.Contains("`#/components/schemas/Jar`: the response member `label` can now be null", breaking, StringComparison.Ordinal);
        Assert.Contains("`POST /jars/{id}/seal`: the operationId (the generated method) changed from Jars_Seal to Jars_Close", breaking, StringComparison.Ordinal);
        Assert.Contains("`GET /jars/{id}`: the auth changed from `bearer` to `none`", breaking, StringComparison.Ordinal);
        Assert.Contains("`GET /jars`: the paging changed from `page` to `offset`", breaking, StringComparison.Ordinal);

        // Not breaking: additions of optional things.
        Assert.Contains("`POST /jars/{id}/open`: the operation Jars_Open was added", notBreaking, StringComparison.Ordinal);
        Assert.Contains("`GET /jars`: an optional parameter `label` was added", notBreaking, StringComparison.Ordinal);
        Assert.Contains("`#/components/schemas/JarKind`: the enum value `stone` was added", notBreaking, StringComparison.Ordinal);
        Assert.Contains("`#/components/schemas/ListJarsResponse`: the member `offset` was added", notBreaking, StringComparison.Ordinal);
        Assert.DoesNotContain("Jars_Open", breaking, StringComparison.Ordinal);
    }

    [Fact]
    public void The_same_docs_against_their_own_export_change_nothing_and_exit_0()
    {
        var file = Path.Combine(Path.GetTempPath(), "engage-diff-" + Guid.NewGuid().ToString("N") + ".yaml");
        try
        {
            Assert.Equal(0, OpenApiCommand.Run(new[] { Fixture("before"), "-o", file }, TextWriter.Null, TextWriter.Null));
            var (exit, report, errors) = Diff(file, Fixture("before"));
            Assert.Equal(string.Empty, errors);
            Assert.Equal(0, exit);
            Assert.Contains("No change", report, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void Only_additions_exit_0()
    {
        var (exit, report, _) = Diff(Fixture("before"), Fixture("before"));
        Assert.Equal(0, exit);
        Assert.Contains("No change", report, StringComparison.Ordinal);

        // The same pages with one section added: an addition only.
        var folder = Directory.CreateTempSubdirectory("engage-diff-");
        try
        {
            foreach (var page in Directory.GetFiles(Fixture("before")))
            {
                File.Copy(page, Path.Combine(folder.FullName, Path.GetFileName(page)));
            }

            File.AppendAllText(Path.Combine(folder.FullName, "jars.md"), "\n## Weigh a jar\n\n```\nGET /jars/{id}/weight\n```\n\nExample response:\n\n```json\n{\"grams\": 640}\n```\n");
            var (added, addedReport, _) = Diff(Fixture("before"), folder.FullName);
            Assert.Equal(0, added);
            Assert.Contains("`GET /jars/{id}/weight`: the operation Jars_Weigh was added", addedReport, StringComparison.Ordinal);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData("only-one")]
    [InlineData("/no/such/folder /no/such/file.json")]
    public void Usage_and_missing_sides_exit_2(string arguments)
    {
        var errors = new StringWriter();
        Assert.Equal(2, DiffCommand.Run(arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries), TextWriter.Null, errors));
        Assert.NotEqual(string.Empty, errors.ToString());
    }

    [Fact]
    public void With_a_project_the_verbs_read_its_ApiDocs_and_properties_as_the_build_does()
    {
        var folder = Directory.CreateTempSubdirectory("engage-project-");
        try
        {
            // A project outside the repository: its <ApiDocs> glob names the "before" pages, ApiAuth overrides the bearer
            // scheme the docs state, ApiExclude leaves DELETE out, and ApiClientNamespace names the client's namespace.
            foreach (var page in Directory.GetFiles(Fixture("before")))
            {
                Directory.CreateDirectory(Path.Combine(folder.FullName, "docs"));
                File.Copy(page, Path.Combine(folder.FullName, "docs", Path.GetFileName(page)));
            }

            var project = Path.Combine(folder.FullName, "Pantry.csproj");
            File.WriteAllText(project, """
                <Project Sdk="Microsoft.NET.Sdk">
                  <PropertyGroup>
                    <TargetFramework>net10.0</TargetFramework>
                    <ApiClientNamespace>Pantry.Client</ApiClientNamespace>
                    <ApiAuth>header X-Pantry-Key</ApiAuth>
                    <ApiExclude>DELETE /jars/*</ApiExclude>
                  </PropertyGroup>
                  <ItemGroup>
                    <ApiDocs Include="docs/*.md" />
                  </ItemGroup>
                </Project>
                """);

            var errors = new StringWriter();
            var read = Engage.Codegen.Inspect.ProjectDocs.Read(project, errors);
            Assert.True(read is not null, errors.ToString());
            Assert.Equal(new[] { "index.md", "jars.md" }, read!.Pages.Select(Path.GetFileName).Order(StringComparer.Ordinal));
            Assert.Equal("Pantry.Client", read.Namespace);
            Assert.Equal("header X-Pantry-Key", read.Properties["ApiAuth"]);

            var file = Path.Combine(folder.FullName, "pantry.openapi.json");
            Assert.Equal(0, OpenApiCommand.Run(new[] { "--project", project, "-o", file }, TextWriter.Null, errors));
            var document = Microsoft.OpenApi.OpenApiDocument.Parse(File.ReadAllText(file), "json").Document!;
            Assert.Equal("X-Pantry-Key", Assert.Single(document.Components!.SecuritySchemes!).Value.Name);
            Assert.DoesNotContain(document.Paths.SelectMany(p => p.Value.Operations!.Keys), m => m == HttpMethod.Delete);

            // The diff reads a docs folder with the project's overrides too: the same docs, the same project, no change.
            var output = new StringWriter();
            Assert.Equal(0, DiffCommand.Run(new[] { file, Path.Combine(folder.FullName, "docs"), "--project", project }, output, errors));
            Assert.Contains("No change", output.ToString(), StringComparison.Ordinal);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
