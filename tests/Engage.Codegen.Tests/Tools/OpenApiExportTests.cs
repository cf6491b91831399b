using Engage.Codegen.Inspect.OpenApi;
using Engage.Codegen.Surface;
using Engage.Codegen.Tests.Dialects;
using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;

namespace Engage.Codegen.Tests.Tools;

/// <summary>
/// The <c>openapi</c> verb (issue 22): the export of docs-input and of every dialect fixture is a valid OpenAPI 3.1
/// document by Microsoft.OpenApi's own reader (no error, no warning, in JSON and in YAML), and it agrees with the
/// client the generator makes from the same pages: the same operations (method and path), each operationId the
/// telemetry name of the generated method, and a generated type for each component schema of a model.
/// </summary>
public sealed class OpenApiExportTests
{
    public static TheoryData<string> Folders()
    {
        var data = new TheoryData<string> { "docs-input" };
        foreach (var dialect in Directory.GetDirectories(Path.Combine(GeneratorHarness.RepositoryRoot, "tests", "Engage.Codegen.Tests", "Fixtures", "dialects")).Order(StringComparer.Ordinal))
        {
            data.Add("dialects/" + Path.GetFileName(dialect));
        }

        return data;
    }

    private static string FolderPath(string folder) => folder == "docs-input"
        ? Path.Combine(GeneratorHarness.RepositoryRoot, "docs-input")
        : Path.Combine(GeneratorHarness.RepositoryRoot, "tests", "Engage.Codegen.Tests", "Fixtures", folder);

    private static (OpenApiDocument Document, OpenApiDiagnostic Diagnostic, string Text) Export(string folder, bool yaml)
    {
        var file = Path.Combine(Path.GetTempPath(), "engage-openapi-" + Guid.NewGuid().ToString("N") + (yaml ? ".yaml" : ".json"));
        try
        {
            var output = new StringWriter();
            var errors = new StringWriter();
            Assert.Equal(0, OpenApiCommand.Run(new[] { FolderPath(folder), "-o", file }, output, errors));
            Assert.Equal(string.Empty, errors.ToString());
            var text = File.ReadAllText(file);
            var settings = new OpenApiReaderSettings();
            settings.AddYamlReader();
            var read = OpenApiDocument.Parse(text, yaml ? "yaml" : "json", settings);
            return (read.Document!, read.Diagnostic!, text);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Theory]
    [MemberData(nameof(Folders))]
    public void The_export_reads_back_as_OpenAPI_3_1_without_errors_or_warnings(string folder)
    {
        foreach (var yaml in new[] { false, true })
        {
            var (document, diagnostic, text) = Export(folder, yaml);
            Assert.Empty(diagnostic.Errors.Select(e => e.ToString()));
            Assert.Empty(diagnostic.Warnings.Select(w => w.ToString()));
            Assert.Equal(OpenApiSpecVersion.OpenApi3_1, diagnostic.SpecificationVersion);
            Assert.NotEmpty(document.Paths);
            Assert.Contains("x-source", text, StringComparison.Ordinal);
        }
    }

    [Theory]
    [MemberData(nameof(Folders))]
    public void The_export_has_the_generated_clients_operations_and_types(string folder)
    {
        var ns = "Engage.OpenApiCheck." + new string(folder.Where(char.IsLetter).ToArray());
        var directory = FolderPath(folder);
        var generated = GeneratorHarness.Run(
            Directory.GetFiles(directory, "*", SearchOption.AllDirectories).Where(f => f.EndsWith(".md", StringComparison.Ordinal) || f.EndsWith(".mdx", StringComparison.Ordinal))
                .Order(StringComparer.Ordinal).Select(f => new InMemoryDoc(f, File.ReadAllText(f))), ns: ns);
        Assert.Empty(generated.CompileProblems);
        var assembly = generated.LoadAssembly();
        var methods = DocsInputTests.OperationsOf(assembly)
            .Where(o => !o.Method.DeclaringType!.Name.Contains("Public", StringComparison.Ordinal))
            .Select(o => (Key: o.Operation.Method + " " + PathShape.Of(o.Operation.Path), o.Method.Name))
            .Distinct()
            .ToList();

        var (document, _, _) = Export(folder, yaml: false);
        var exported = document.Paths.SelectMany(p => p.Value.Operations!.Select(o => (Key: o.Key.Method.ToUpperInvariant() + " " + PathShape.Of(p.Key), o.Value.OperationId!))).ToList();

        Assert.Equal(methods.Select(m => m.Key).Order(StringComparer.Ordinal), exported.Select(e => e.Key).Order(StringComparer.Ordinal));
        foreach (var (key, operationId) in exported)
        {
            // Resource_Method, the name the telemetry of the generated method carries: the method is Method + "Async".
            var method = operationId.Substring(operationId.IndexOf('_') + 1) + "Async";
            Assert.Contains(methods, m => m.Key == key && m.Name == method);
        }

        foreach (var schema in document.Components!.Schemas!.Keys.Where(k => k != "ApiError"))
        {
            Assert.NotNull(assembly.GetType(ns + "." + schema));
        }
    }

    [Fact]
    public void Docs_inputs_export_states_its_auth_paging_and_nullable_members()
    {
        var (document, _, _) = Export("docs-input", yaml: false);
        var basic = Assert.Single(document.Components!.SecuritySchemes!);
        Assert.Equal(SecuritySchemeType.Http, basic.Value.Type);
        Assert.Equal("basic", basic.Value.Scheme);

        var list = document.Paths["/lists"].Operations![HttpMethod.Get];
        Assert.Equal("Lists_List", list.OperationId);
        var paging = Assert.IsType<JsonNodeExtension>(list.Extensions!["x-engage-paging"]).Node;
        Assert.Equal("id-cursor", paging["style"]!.GetValue<string>());
        Assert.Equal("after_id", paging["request"]!["cursor"]!.GetValue<string>());
        Assert.Equal("data", paging["items"]!.GetValue<string>());

        var user = document.Components.Schemas!["User"];
        Assert.Equal(JsonSchemaType.String | JsonSchemaType.Null, user.Properties!["first_name"].Type);
        Assert.Equal(JsonSchemaType.String, user.Properties["email"].Type);
        var platform = document.Components.Schemas["UserDevicePlatform"];
        Assert.Equal(2, platform.AnyOf!.Count); // the known values, or any string: a new platform still reads
    }

    [Fact]
    public void An_id_and_a_token_sent_together_are_two_schemes_required_together_and_a_prefixed_token_says_its_prefix()
    {
        var folder = Path.Combine(Path.GetTempPath(), "engage-openapi-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            // Our own page about an invented API (as in TwoHeaderAuthTests): a sample sends an id header and a token header.
            File.WriteAllText(Path.Combine(folder, "board.md"), """
                # The Board API

                Base URL: `https://api.board.test/v1`

                Every call names the user and carries that user's token:

                ```bash
                curl -H "X-Board-User-Id: u-77" -H "X-Board-Auth-Token: tok_9f2" https://api.board.test/v1/notes
                ```

                ## List notes

                ```
                GET /notes
                ```

                ```json
                [{"id": "n1", "text": "Hello"}]
                ```
                """);
            var file = Path.Combine(folder, "board.openapi.json");
            Assert.Equal(0, OpenApiCommand.Run(new[] { folder, "-o", file }, TextWriter.Null, TextWriter.Null));
            var document = OpenApiDocument.Parse(File.ReadAllText(file), "json").Document!;
            var schemes = document.Components!.SecuritySchemes!;
            Assert.Equal("X-Board-User-Id", schemes[SecuritySchemes.Key].Name);
            Assert.Equal("X-Board-Auth-Token", schemes[SecuritySchemes.Secret].Name);
            var requirement = Assert.Single(document.Paths["/notes"].Operations![HttpMethod.Get].Security!);
            Assert.Equal(2, requirement.Count); // one requirement naming both: sent together, not either one
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }

        var (github, _, _) = Export("dialects/github", yaml: false);
        var token = github.Components!.SecuritySchemes![SecuritySchemes.Key];
        Assert.Equal(ParameterLocation.Header, token.In);
        Assert.Equal("Authorization", token.Name);
        Assert.Contains("after the prefix 'token '", token.Description, StringComparison.Ordinal);
    }
}
