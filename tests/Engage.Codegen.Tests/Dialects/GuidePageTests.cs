namespace Engage.Codegen.Tests.Dialects;

/// <summary>
/// A reference page that documents an operation around its declaring section (Fixtures/dialects/guides, our own
/// words about an invented coast-watch API): a parameters heading with a qualifier ("### Paging parameters") labels
/// part of the section above it as "### Query parameters" does; a guide section's sample call of a declared
/// operation, and the parameters its section documents, attach to that operation; parameter names that reach into a
/// nested object (<c>position.lat</c>, <c>crew[].role</c>) make the object a member, never a member of that dotted
/// name; and the query string of an endpoint line is sent in the query, whatever the method. log.md: a list whose prose
/// names the cursor to send back for the next page (<c>`continue`</c>) and whose page shows it (<c>metadata.continue</c>)
/// pages by it, where nothing else on the page documents the parameter. towers.md: an operation two sections document,
/// its parameters in one and what it answers in the other, takes both.
/// </summary>
public sealed class GuidePageTests
{
    private static readonly DialectFixture s_fixture = new("guides", "Engage.Dialects.Guides");

    [Fact]
    public void It_compiles_and_no_docs_problem_is_an_error() => s_fixture.AssertCompilesAndNoDocsProblemIsAnError();

    [Fact]
    public void A_qualified_parameters_heading_belongs_to_the_section_above_so_its_page_parameters_page_the_list()
    {
        Assert.True(s_fixture.Operation("WatchtowerSightingsClient", "ListAsync").Paged);
        var source = s_fixture.Result.Source("WatchtowerSightingsClient.g.cs");
        Assert.Contains("query.Add(\"page\"", source, StringComparison.Ordinal);
        Assert.Contains("query.Add(\"per_page\"", source, StringComparison.Ordinal);
    }

    [Fact]
    public void A_sample_call_in_a_guide_section_adds_its_sections_parameters_to_the_declared_list_and_makes_no_operation()
    {
        Assert.Equal(
            new[] { "WatchtowerSightingsClient.CreateAsync POST /sightings", "WatchtowerSightingsClient.ListAsync GET /sightings" },
            s_fixture.Operations.Where(o => o.StartsWith("WatchtowerSightingsClient.", StringComparison.Ordinal)));
        var request = s_fixture.Type("ListSightingsRequest");
        Assert.Equal(new[] { "Page", "PerPage", "Ship", "Tower" }, request.GetProperties().Select(p => p.Name).Order(StringComparer.Ordinal));
        var note = Assert.Single(s_fixture.Result.GeneratorDiagnostics, d => d.Id == "ENG016" && d.Location.GetLineSpan().Path.EndsWith("sightings.md", StringComparison.Ordinal));
        Assert.Contains("curl", DialectFixture.LineOf(note), StringComparison.Ordinal);
    }

    [Fact]
    public void Dotted_and_bracketed_names_make_their_object_a_member_and_the_lines_query_string_goes_in_the_query()
    {
        var request = s_fixture.Type("CreateSightingRequest");
        Assert.Equal(new[] { "Crew", "Notify", "Position", "Ship" }, request.GetProperties().Where(p => p.Name != "AdditionalProperties").Select(p => p.Name).Order(StringComparer.Ordinal));
        var source = s_fixture.Result.Source("WatchtowerSightingsClient.g.cs");
        Assert.Contains("query.Add(\"notify\"", source, StringComparison.Ordinal);
        var models = s_fixture.Result.Source("WatchtowerSightingsClient.Models.g.cs");
        Assert.DoesNotContain("\"position.lat\"", models, StringComparison.Ordinal);
        Assert.DoesNotContain("\"crew[]\"", models, StringComparison.Ordinal);
        Assert.Contains("\"position\"u8", models, StringComparison.Ordinal);
    }

    [Fact]
    public void A_cursor_the_prose_says_to_send_back_for_the_next_page_pages_the_list_it_comes_back_in()
    {
        Assert.True(s_fixture.Operation("WatchtowerWatchLogClient", "ListAsync").Paged);
        Assert.False(s_fixture.Operation("WatchtowerWatchLogClient", "CountAsync").Paged);
        var source = s_fixture.Result.Source("WatchtowerWatchLogClient.g.cs");
        Assert.Contains("query.Add(\"continue\"", source, StringComparison.Ordinal);
        Assert.Contains("Metadata?.Continue", source, StringComparison.Ordinal);
    }

    [Fact]
    public void An_operation_whose_documenting_section_shows_no_answer_answers_as_its_other_section_shows()
    {
        // "Narrowing the tower list" documents GET /towers with its parameters and makes the operation; "Reading the
        // towers" shows what it answers.
        Assert.Equal(new[] { "WatchtowerTowersClient.ListAsync GET /towers" }, s_fixture.Operations.Where(o => o.StartsWith("WatchtowerTowersClient.", StringComparison.Ordinal)));
        Assert.Equal(new[] { "Coast", "Manned" }, s_fixture.Type("ListTowersRequest").GetProperties().Select(p => p.Name).Order(StringComparer.Ordinal));
        var towers = s_fixture.MemberType("ListTowersResponse", "Towers");
        var tower = towers.GetGenericArguments().Single();
        Assert.Equal(typeof(int), tower.GetProperty("HeightM")!.PropertyType);
        Assert.Equal(typeof(string), tower.GetProperty("Name")!.PropertyType);
    }
}
