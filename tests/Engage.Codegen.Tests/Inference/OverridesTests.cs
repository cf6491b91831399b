using Engage.Codegen.Runtime;

namespace Engage.Codegen.Tests.Inference;

/// <summary>
/// The user's last word in the project file (Fixtures/overrides/Aviary.md, our own page): ApiBaseAddress,
/// ApiAuth, ApiPaging and ApiExclude change what the docs were read to say, a value that cannot be read is
/// reported and ignored, and the diagnostics about guesses name the property that decides instead.
/// </summary>
public sealed class OverridesTests
{
    private const string Namespace = "Engage.Overrides";

    private static readonly string s_page = Path.Combine(GeneratorHarness.RepositoryRoot, "tests", "Engage.Codegen.Tests", "Fixtures", "overrides", "Aviary.md");

    private static readonly Lazy<GenerationResult> s_asRead = new(() => Run(new Dictionary<string, string>()));

    private static readonly Lazy<GenerationResult> s_overridden = new(() => Run(new Dictionary<string, string>
    {
        ["ApiBaseAddress"] = "https://birds.example.org/v2/",
        ["ApiAuth"] = "header Authorization prefix Bearer",
        ["ApiPaging"] = "none /birds; offset /api/feedings",
        ["ApiExclude"] = "DELETE /admin/**",
    }));

    private static GenerationResult Run(Dictionary<string, string> properties) =>
        GeneratorHarness.Run(new[] { new InMemoryDoc(s_page, File.ReadAllText(s_page)) }, ns: Namespace, properties: properties);

    private static IReadOnlyList<string> Routes(GenerationResult result) =>
        DocsInputTests.OperationsOf(result.LoadAssembly())
            .Where(o => !o.Method.DeclaringType!.Name.Contains("Public", StringComparison.Ordinal))
            .Select(o => (o.Operation.Paged ? "paged " : string.Empty) + o.Operation.Method + " " + o.Operation.Path)
            .Distinct().Order(StringComparer.Ordinal).ToList();

    private static ApiClientOptions Options(GenerationResult result) =>
        (ApiClientOptions)Activator.CreateInstance(result.LoadAssembly().GetType(Namespace + ".AviaryClientOptions", throwOnError: true)!)!;

    [Fact]
    public void Both_compile_clean()
    {
        Assert.Empty(s_asRead.Value.CompileProblems);
        Assert.Empty(s_overridden.Value.CompileProblems);
        Assert.DoesNotContain(s_overridden.Value.GeneratorDiagnostics, d => d.Id == "ENG019");
    }

    [Fact]
    public void As_read_the_docs_decide()
    {
        Assert.Equal(
            new[] { "DELETE /admin/records", "DELETE /birds/{id}", "GET /birds/{id}", "paged GET /birds", "paged GET /feedings" },
            Routes(s_asRead.Value));
        Assert.Equal(new Uri("https://aviary.example.net/api"), Options(s_asRead.Value).BaseAddress);
        Assert.Contains("\"X-Aviary-Key\"", string.Concat(s_asRead.Value.Sources.Select(s => s.Text)), StringComparison.Ordinal);
    }

    [Fact]
    public void The_project_properties_override_what_the_docs_say()
    {
        // ApiExclude drops the admin call; ApiPaging leaves birds unpaged and pages feedings by offset.
        Assert.Equal(new[] { "DELETE /birds/{id}", "GET /birds", "GET /birds/{id}", "paged GET /feedings" }, Routes(s_overridden.Value));
        var source = string.Concat(s_overridden.Value.Sources.Select(s => s.Text));
        var feedings = source.Substring(source.IndexOf("/feedings", StringComparison.Ordinal));
        Assert.Contains("\"offset\"", feedings, StringComparison.Ordinal);

        // ApiBaseAddress and ApiAuth: the address and a bearer token in Authorization instead of the docs' header.
        var options = Options(s_overridden.Value);
        Assert.Equal(new Uri("https://birds.example.org/v2"), options.BaseAddress);
        Assert.NotNull(options.GetType().GetProperty("AccessToken"));
        Assert.Contains("\"Bearer \"", source, StringComparison.Ordinal);
        Assert.DoesNotContain("X-Aviary-Key", source, StringComparison.Ordinal);
    }

    [Fact]
    public void A_value_that_cannot_be_read_is_reported_and_ignored()
    {
        var result = Run(new Dictionary<string, string> { ["ApiAuth"] = "token X-Key", ["ApiPaging"] = "pages /birds", ["ApiBaseAddress"] = "birds.example.org" });
        var reported = result.GeneratorDiagnostics.Where(d => d.Id == "ENG019").Select(d => d.GetMessage()).ToList();
        Assert.Equal(3, reported.Count);
        Assert.Contains(reported, m => m.Contains("ApiAuth = 'token X-Key'", StringComparison.Ordinal));
        Assert.Contains(reported, m => m.Contains("ApiPaging = 'pages /birds'", StringComparison.Ordinal));
        Assert.Contains(reported, m => m.Contains("ApiBaseAddress = 'birds.example.org'", StringComparison.Ordinal));
        Assert.Empty(result.CompileProblems);
        Assert.Equal(Routes(s_asRead.Value), Routes(result));
    }

    [Fact]
    public void Guesses_about_the_base_address_and_paging_name_the_property_that_decides()
    {
        var result = GeneratorHarness.Run(new[] { new InMemoryDoc("/docs/perches.md", "# Perches\n\n## List perches\n\n```\nGET /perches\n```\n\n```json\n[{\"id\": 1}]\n```\n") }, ns: Namespace);
        var noRoot = Assert.Single(result.GeneratorDiagnostics, d => d.Id == "ENG009");
        Assert.Contains("ApiBaseAddress", noRoot.GetMessage(), StringComparison.Ordinal);
        Assert.Contains("ApiPaging", DiagnosticDescriptors.PagingIncomplete.MessageFormat.ToString(), StringComparison.Ordinal);
        Assert.Contains("ApiBaseAddress", DiagnosticDescriptors.AccountSpecificRoot.MessageFormat.ToString(), StringComparison.Ordinal);
        Assert.Contains("ApiBaseAddress", DiagnosticDescriptors.AccountInRoot.MessageFormat.ToString(), StringComparison.Ordinal);
    }
}
