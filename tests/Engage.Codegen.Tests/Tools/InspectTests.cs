using Engage.Codegen.Inspect;

namespace Engage.Codegen.Tests.Tools;

/// <summary>The docs inspection a user runs before building: what it lists and how it counts against a reader's list.</summary>
public class InspectTests
{
    private static DocsReport ReportOf(string dialect)
    {
        var directory = Path.Combine(GeneratorHarness.RepositoryRoot, "tests", "Engage.Codegen.Tests", "Fixtures", "dialects", dialect);
        return DocsReport.Create(Directory.GetFiles(directory, "*.md", SearchOption.AllDirectories).Order(StringComparer.Ordinal).Select(f => (f, File.ReadAllText(f))));
    }

    [Fact]
    public void The_report_lists_each_operation_with_its_source_line_and_the_totals_per_page()
    {
        var report = ReportOf("bullets");
        var text = report.Render();
        Assert.Contains("GET    /groves/{groveId}/trees/{treeId}.json  Trees.GetTreeAsync  auth=KeyAndSecret paging=-  [trees.md:29]", text);
        Assert.Contains("sections/trees.md\t7", text);
        Assert.Contains("README.md\t0", text);
        Assert.Contains("info ENG017 README.md:1:", text);
        Assert.Contains("base address: https://orchard.example.test/{AccountId}/api/v1 (callers set AccountId)", text);
        Assert.Contains("total: 7 operations", text);
    }

    [Fact]
    public void Each_list_shows_its_paging_style_and_how_it_ends()
    {
        var report = ReportOf("paging");
        var text = report.Render();
        Assert.Contains("Invoices.ListAsync  auth=Token paging=PageNumber(page, per_page; Link next, X-Total-Count)", text);
        Assert.Contains("Customers.ListAsync  auth=Token paging=PageNumber(page, page_size; next Links?.Next, X-Total-Count)", text);
        Assert.Contains("Payments.ListAsync  auth=Token paging=Offset(offset, limit; X-Total-Count, Total, short page)", text);
        Assert.Contains("Invoices.GetAsync  auth=Token paging=-", text);
        Assert.Contains("paged: ", report.RenderSummary());
        Assert.Contains("Offset(offset, limit; X-Total-Count, Total, short page) x1", report.RenderSummary());
    }

    [Theory]
    [InlineData("shown-offsets", "error body: field map (from index.md:10)")]
    [InlineData("cursors", "error body: message and errors object (from index.md:20)")]
    [InlineData("tokens", "error body: errors array (field, message) (from index.md:16)")]
    [InlineData("paging", null)] // no errors section
    public void The_report_names_the_shape_of_the_error_body_an_errors_section_shows(string dialect, string? line)
    {
        var lines = ReportOf(dialect).Render().Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        Assert.Equal(line, lines.SingleOrDefault(l => l.StartsWith("error body:", StringComparison.Ordinal)));
    }

    [Fact]
    public void Expect_counts_the_readers_endpoints_found_missed_and_not_listed()
    {
        var report = ReportOf("github");
        var reader = new[]
        {
            "GET /warehouses/:warehouse/crates",
            "GET /warehouses/:warehouse/crates/:id",
            "POST /warehouses/:warehouse/crates",
            "DELETE /warehouses/:warehouse/crates/:id",
            "POST /warehouses/:warehouse/weigh",
            "POST /warehouses/:warehouse/weigh/:id",
            "GET /warehouses/:warehouse/stats",
            "GET /warehouses/:warehouse/shelves",
            "POST /warehouses/:warehouse/shelves",
            "GET /warehouses/:warehouse/shelves/{shelf_id}",
            "PUT /warehouses/:warehouse/shelves/{shelf_id}", // not in the docs: must show as missed
            "GET /users/:username/tokens",
        };
        var comparison = ReaderComparison.Compare(report, reader);
        Assert.StartsWith("reader: 12 endpoints; generated with that method and path: 11 (91.7%); missed: 1; generated but not listed: 1", comparison);
        Assert.Contains("missed    PUT /warehouses/{}/shelves/{}", comparison);
        Assert.Contains("not listed POST /users/{}/tokens", comparison);
    }

    [Theory]
    [InlineData("github", "auth: header Authorization: token <AccessToken> (from README.md:14)")]
    [InlineData("slate", "auth: header X-Harbor-Key: <ApiKey> (from index.html.md:26)")]
    [InlineData("bullets", "auth: Basic <Username>:<Password> (from README.md:14)")]
    public void The_report_says_where_the_auth_scheme_was_read(string dialect, string expected)
    {
        // The line of the sample that shows it: the curl with the header, or with -u (read in each fixture).
        var text = ReportOf(dialect).Render();
        Assert.Contains(expected, text.Split('\n')[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Docs_that_state_no_scheme_say_the_default_stands()
    {
        var directory = Path.Combine(GeneratorHarness.RepositoryRoot, "tests", "Engage.Codegen.Tests", "Fixtures", "dialects", "elements");
        var report = DocsReport.Create(Directory.GetFiles(directory).Order(StringComparer.Ordinal).Select(f => (f, File.ReadAllText(f))));
        Assert.Contains("auth: Basic <ApiKey>:<ApiSecret> (no statement in the docs: the default)", report.Render().Split('\n')[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Project_properties_are_decisions_the_inspection_names()
    {
        var page = Path.Combine(GeneratorHarness.RepositoryRoot, "tests", "Engage.Codegen.Tests", "Fixtures", "overrides", "Aviary.md");
        var properties = new Dictionary<string, string>
        {
            ["ApiBaseAddress"] = "https://birds.example.org/v2",
            ["ApiAuth"] = "query key",
            ["ApiExclude"] = "DELETE /admin/**; PUT nowhere",
        };
        var lines = DocsReport.Create(new[] { (page, File.ReadAllText(page)) }, properties: properties).Render().Split('\n');
        Assert.Contains("base address: https://birds.example.org/v2 (from the ApiBaseAddress property)", lines[0], StringComparison.Ordinal);
        Assert.Contains("auth: query key=<ApiKey> (from the ApiAuth property)", lines[0], StringComparison.Ordinal);
        Assert.Equal("ApiExclude: DELETE /admin/**; PUT nowhere (partly not understood: see ENG019)", lines[1].TrimEnd('\r'));
    }
}
