using System.Reflection;
using Engage.Codegen.Runtime;

namespace Engage.Codegen.Tests.Dialects;

/// <summary>
/// Endpoint forms beyond fences and headings, each on pages of our own words about invented APIs
/// (Fixtures/dialects): elements whose attributes state the endpoint (JSX and MDX components, a div
/// whose class is the method), template markup that is no text, request examples that declare where a
/// doc set has nothing else and only illustrate where it has, a summary table that links to the
/// sections documenting each endpoint, method and code path in a paragraph, and tables whose header
/// names the method and URL columns.
/// </summary>
public sealed class EndpointFormsTests
{
    private static readonly DialectFixture s_elements = new("elements", "Engage.Dialects.Elements");
    private static readonly DialectFixture s_examples = new("examples", "Engage.Dialects.Examples");
    private static readonly DialectFixture s_labelled = new("labelled", "Engage.Dialects.Labelled");
    private static readonly DialectFixture s_tables = new("tables", "Engage.Dialects.Tables");

    public static TheoryData<string> Fixtures => new() { "elements", "examples", "labelled", "tables" };

    private static DialectFixture Of(string name) => name switch
    {
        "elements" => s_elements,
        "examples" => s_examples,
        "labelled" => s_labelled,
        _ => s_tables,
    };

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Each_fixture_compiles_and_no_docs_problem_is_an_error(string fixture) =>
        Of(fixture).AssertCompilesAndNoDocsProblemIsAnError();

    [Fact]
    public void Elements_state_the_method_and_path_in_attributes_or_as_a_class_and_text()
    {
        // greenhouse.mdx: three <Endpoint> components under "### Beds"; vents.md: three <div class="endpoint verb">,
        // one whose parameter is described in words ("{vent name or id}"); pumps.mdx: three listed before its
        // first heading, two of them documented in sections below.
        Assert.Equal(
            new[]
            {
                "DELETE /beds/{bed_id}", "DELETE /vents/{vent_name_or_id}", "GET /beds", "GET /pumps", "GET /pumps/{pumpId}", "GET /vents/{vent_id}",
                "POST /beds/{bed_id}/water", "POST /pumps/{pumpId}/prime", "PUT /vents/{vent_id}",
            },
            Routes(s_elements));
    }

    [Fact]
    public void Endpoints_listed_before_a_pages_first_heading_are_an_index_of_its_sections()
    {
        // pumps.mdx lists three endpoints under "**Endpoints**"; two have sections of their own, which make them
        // (the list's lines are reported as ENG016), and the third is known from the list alone.
        var listed = s_elements.Result.GeneratorDiagnostics.Where(d => d.Id == "ENG016").Select(DialectFixture.LineOf).ToList();
        Assert.Equal(new[] { "GET /pumps", "POST /pumps/:pumpId/prime" }, listed);
        Assert.Equal("pumps.mdx:17", s_elements.Operation("GreenhousePumpsClient", "ListAsync").Source);
        Assert.Equal(typeof(int), Response(s_elements, "GET", "/pumps").GetGenericArguments()[0].GetProperty("LitresPerMinute")!.PropertyType);
    }

    [Fact]
    public void Each_element_reads_only_its_own_content()
    {
        // The list's example is the list's alone; the water call's table is its request; the delete says 204.
        var list = Response(s_elements, "GET", "/beds");
        Assert.True(list.IsGenericType);
        var bed = list.GetGenericArguments()[0];
        Assert.Equal(typeof(decimal), bed.GetProperty("Moisture")!.PropertyType);
        var water = Method(s_elements, "POST", "/beds/{bed_id}/water");
        var request = water.GetParameters().Single(p => p.ParameterType.Namespace == s_elements.Namespace).ParameterType;
        Assert.Equal(new[] { "Seconds", "AdditionalProperties" }, request.GetProperties().Select(p => p.Name)); // and the request model's raw values
        Assert.Equal(typeof(Task), Method(s_elements, "DELETE", "/beds/{bed_id}").ReturnType);
    }

    [Fact]
    public void Template_markup_is_no_text_and_breaks_nothing_around_it()
    {
        // vents.md holds a Liquid include, a Liquid output line and a kramdown attribute line; the MDX page
        // imports a component and exports a constant. None of it reaches a doc comment or a name.
        var sources = string.Join("\n", s_elements.Result.Sources.Select(s => s.Text));
        Assert.DoesNotContain("include", sources, StringComparison.Ordinal);
        Assert.DoesNotContain("page.intro_table", sources, StringComparison.Ordinal);
        Assert.DoesNotContain(".note", sources, StringComparison.Ordinal);
        Assert.DoesNotContain("@site", sources, StringComparison.Ordinal);
        Assert.Equal(typeof(int), Response(s_elements, "GET", "/vents/{vent_id}").GetProperty("Angle")!.PropertyType);
    }

    [Fact]
    public void Request_examples_declare_where_the_docs_have_nothing_else()
    {
        // dogs.md shows every endpoint only as curl, two of them in one section; overview.md's table lists
        // three of them and links to their sections, which make the operations (ENG016 at each row). The POST's
        // command holds a site's line-highlight directive ("# highlight-next-line"), which the site removes: the
        // command goes on after it.
        Assert.Equal(
            new[]
            {
                "GET /walks/{dog_id}",
                "GET /yards/{yard_slug}/dogs",
                "GET /yards/{yard_slug}/dogs/{dog_id}",
                "GET /yards/{yard_slug}/dogs/{dog_id}/walks",
                "POST /yards/{yard_slug}/dogs",
            },
            Routes(s_examples));
        Assert.Contains("\"https://api.kennel.test/v3\"", s_examples.Result.Source("KennelClient.g.cs"), StringComparison.Ordinal);
        var rows = s_examples.Result.GeneratorDiagnostics.Where(d => d.Id == "ENG016").Select(DialectFixture.LineOf).ToList();
        Assert.Equal(3, rows.Count);
        Assert.All(rows, row => Assert.Contains("](/docs/dogs#", row, StringComparison.Ordinal));

        // The section's curl data is the request; its examples type the responses.
        var register = Method(s_examples, "POST", "/yards/{yard_slug}/dogs");
        var request = register.GetParameters().Single(p => p.ParameterType.Namespace == s_examples.Namespace).ParameterType;
        Assert.Equal(typeof(int?), request.GetProperty("Age")!.PropertyType); // optional: only the example shows it
        Assert.Equal(typeof(int), Response(s_examples, "GET", "/yards/{yard_slug}/dogs/{dog_id}").GetProperty("Age")!.PropertyType);
    }

    [Fact]
    public void Request_examples_only_illustrate_where_the_docs_declare_endpoints_in_their_own_form()
    {
        // Plants.md declares with "GET `/plants`" lines (and once in bold prose, "Call **GET /status**", in a
        // section with nothing else). Its curl samples show declared endpoints (inside their sections) or, in
        // "Sample calls", a report that no section declares: reported, not generated.
        Assert.Equal(
            new[] { "GET /plants", "GET /plants/{plant_id}", "GET /status", "POST /plants/{plant_id}/repot", "PUT /plants/{plant_id}" },
            Routes(s_labelled));
        var sample = Assert.Single(s_labelled.Result.GeneratorDiagnostics, d => d.Id == "ENG018");
        Assert.Contains("reports/sold", DialectFixture.LineOf(sample), StringComparison.Ordinal);
        Assert.Contains("'Sample calls'", sample.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_paragraph_with_the_method_before_a_code_path_or_a_label_before_the_line_is_an_endpoint()
    {
        // "GET `/plants/#{plant_id}`" (Ruby's interpolation is a parameter) and "**Definition**" above
        // "`POST ${NURSERY_HOST}/plants/:plant_id/repot`" (the host is the caller's).
        var repot = s_labelled.Operation("NurseryPlantsClient", "RepotAsync");
        Assert.Equal("/plants/{plant_id}/repot", repot.Path);
        Assert.Equal("Plants.md:30", repot.Source);
        Assert.Equal("`POST ${NURSERY_HOST}/plants/:plant_id/repot`", File.ReadAllLines(Path.Combine(s_labelled.Directory, "Plants.md"))[29]);
        Assert.Equal(new[] { "plantId" }, Method(s_labelled, "GET", "/plants/{plant_id}").GetParameters().Take(1).Select(p => p.Name));
    }

    [Fact]
    public void A_header_that_names_the_method_and_url_columns_states_the_endpoint_in_each_row()
    {
        // send.md and read.md: one endpoint each in a URL / Requires Auth / HTTP Method table (RPC-style
        // paths with dots); reference.md: URL / HTTP Verb rows whose path cells are HTML with an entity;
        // shelves.md: one row whose method cell names two methods (the first is the operation's) and whose
        // path cell holds two paths (two operations).
        Assert.Equal(
            new[] { "GET /api/v2/boards/{boardId}", "GET /api/v2/notes.list", "POST /api/v2/boards", "POST /api/v2/notes.post", "POST /api/v2/shelf", "POST /api/v2/shelf/{name}" },
            Routes(s_tables));
        var post = Method(s_tables, "POST", "/api/v2/notes.post");
        var request = post.GetParameters().Single(p => p.ParameterType.Namespace == s_tables.Namespace).ParameterType;
        Assert.Equal(new[] { "Board", "Text" }, request.GetProperties().Select(p => p.Name).Where(n => n is "Board" or "Text").Order());
    }

    private static List<string> Routes(DialectFixture fixture) =>
        fixture.Operations.Select(o => o.Substring(o.IndexOf(' ') + 1)).Order(StringComparer.Ordinal).ToList();

    private static MethodInfo Method(DialectFixture fixture, string httpMethod, string path) =>
        DocsInputTests.OperationsOf(fixture.Assembly)
            .Where(o => !o.Method.DeclaringType!.Name.Contains("Public", StringComparison.Ordinal))
            .Where(o => o.Operation.Method == httpMethod && o.Operation.Path == path)
            .Select(o => o.Method)
            .OrderByDescending(m => m.GetParameters().Length)
            .First();

    private static Type Response(DialectFixture fixture, string httpMethod, string path)
    {
        var returnType = Method(fixture, httpMethod, path).ReturnType;
        return returnType.IsGenericType ? returnType.GetGenericArguments()[0] : returnType;
    }
}
