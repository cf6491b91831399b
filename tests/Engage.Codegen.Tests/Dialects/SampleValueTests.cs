namespace Engage.Codegen.Tests.Dialects;

/// <summary>
/// Docs that declare most endpoints by example calls (Fixtures/dialects/samples, our own words about an invented
/// lighthouse API): a path segment the page shows as a thing's id or name ("id": "harbour-red", "a set called
/// `storm_warning`") is a parameter, where a fixed route word ("status") stays a word; a table whose rows name their
/// endpoints among a cell's words declares them (one row's passing mention does not); <c>curl -G</c> sends its data
/// as a query (a GET); a command goes on after a forgotten backslash; and a note that names an endpoint by the tail
/// of its path refers to the declared one. logbook.md: request examples written as HTML <c>&lt;pre&gt;&lt;code&gt;</c> blocks
/// with spans inside the URL; an example of a summary row's path makes that row's operation under its own heading;
/// a value an example shows in a declared parameter's place ("winter" for <c>{logbook}</c>) is that parameter in another
/// example's path; an elided value (<c>/pages/...page-12</c>); an inline code path split by a span; and an example
/// sent to another host than all the others, which makes no operation (ENG020). A curl command in a section that declares
/// its endpoint by a Definition line gives that endpoint its request. tide-tables.md: once a page's example spells a path
/// with a parameter (a table "called `north_quay`"), a word in its place that the page's examples both read and replace
/// by (GET and PUT <c>/tide_tables/south_quay</c>) is that parameter too, where a word called once stays a route
/// (<c>/lanterns/status</c>) and a POST to a word is an action (<c>/tide_tables/check</c>).
/// </summary>
public sealed class SampleValueTests
{
    private static readonly DialectFixture s_samples = new("samples", "Engage.Dialects.Samples");

    [Fact]
    public void Samples_fixture_compiles_and_no_docs_problem_is_an_error() => s_samples.AssertCompilesAndNoDocsProblemIsAnError();

    [Fact]
    public void Each_documented_operation_is_made_once_with_sample_values_read_as_parameters()
    {
        var operations = s_samples.Operations.Select(o => o.Substring(o.IndexOf(' ') + 1)).OrderBy(o => o, StringComparer.Ordinal).ToList();
        Assert.Equal(
            new[]
            {
                "DELETE /lanterns/{lanternId}",
                "DELETE /pages/{pageId}",
                "DELETE /signal_sets/{name}",
                "GET /lanterns/status",
                "GET /lanterns/{lanternId}",
                "GET /logbooks/{logbook}/count",
                "GET /logbooks/{logbook}/entries",
                "GET /shores/{shore}/lanterns/search",
                "GET /signal_sets",
                "GET /signal_sets/{name}",
                "POST /lanterns",
                "POST /lanterns/{lanternId}/relight",
                "POST /logbooks/{logbook}/entries",
                "PUT /signal_sets/{name}",
                "GET /tide_tables/{tideTableName}",
                "POST /tide_tables/check",
                "PUT /tide_tables/{tideTableName}",
            }.OrderBy(o => o, StringComparer.Ordinal).ToArray(),
            operations);
    }

    [Fact]
    public void A_get_with_its_data_in_the_query_illustrates_the_declared_search()
    {
        // curl -G ... --data-urlencode: a GET of /shores/north/lanterns/search, the declared /shores/:shore/lanterns/search.
        var search = Assert.Single(s_samples.Operations, o => o.EndsWith("/lanterns/search", StringComparison.Ordinal));
        Assert.StartsWith("LighthouseLanternsClient.", search, StringComparison.Ordinal);
        Assert.DoesNotContain(s_samples.Operations, o => o.Contains("POST /shores", StringComparison.Ordinal));
    }

    [Fact]
    public void A_mention_by_the_tail_of_a_path_and_a_single_rows_mention_make_no_operation()
    {
        Assert.DoesNotContain(s_samples.Operations, o => o.EndsWith(" GET /lanterns/search", StringComparison.Ordinal));
        Assert.DoesNotContain(s_samples.Operations, o => o.Contains("/keys", StringComparison.Ordinal));
        var reference = Assert.Single(s_samples.Result.GeneratorDiagnostics, d => d.Id == "ENG016" && d.GetMessage().Contains("GET /lanterns/search", StringComparison.Ordinal));
        Assert.Contains("takes at most 200 characters", DialectFixture.LineOf(reference), StringComparison.Ordinal);
    }

    [Fact]
    public void A_sample_id_is_named_after_its_collection_and_the_field_that_shows_it()
    {
        var get = s_samples.Type("LighthouseLanternsClient").Operation("GetAsync");
        Assert.Equal(new[] { "lanternId", "requestOptions", "cancellationToken" }, get.GetParameters().Select(p => p.Name).ToArray());
        Assert.Equal(typeof(string), get.GetParameters()[0].ParameterType);
    }

    [Fact]
    public void Examples_in_html_code_blocks_make_the_summary_rows_operation_under_their_heading()
    {
        Assert.Contains("LighthouseLogbookClient.ReadEntriesAsync GET /logbooks/{logbook}/entries", s_samples.Operations);
    }

    [Fact]
    public void A_value_shown_in_a_declared_parameters_place_is_that_parameter_elsewhere()
    {
        // "winter" stood for {logbook} in /logbooks/winter/entries: /logbooks/winter/count is /logbooks/{logbook}/count.
        Assert.Contains("LighthouseLogbookClient.CountAsync GET /logbooks/{logbook}/count", s_samples.Operations);
        Assert.DoesNotContain(s_samples.Operations, o => o.Contains("winter", StringComparison.Ordinal));
    }

    [Fact]
    public void An_elided_value_a_span_inside_a_path_and_a_url_on_the_next_line_are_read()
    {
        Assert.Contains("LighthouseLogbookClient.DeleteAsync DELETE /pages/{pageId}", s_samples.Operations);
        Assert.Contains("LighthouseLogbookClient.WriteEntryAsync POST /logbooks/{logbook}/entries", s_samples.Operations);
    }

    [Fact]
    public void An_example_sent_to_another_host_makes_no_operation()
    {
        Assert.DoesNotContain(s_samples.Operations, o => o.Contains(" /1/", StringComparison.Ordinal));
        var other = Assert.Single(s_samples.Result.GeneratorDiagnostics, d => d.Id == "ENG020");
        Assert.Contains("old.lighthouse.test/1/logbooks", DialectFixture.LineOf(other), StringComparison.Ordinal);
        Assert.Contains("http://localhost:7070", other.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_word_that_is_singular_in_s_keeps_its_s()
    {
        // "## Lantern status": status, like radius or analysis, is no plural.
        Assert.Contains("LighthouseLanternsClient.LanternStatusAsync GET /lanterns/status", s_samples.Operations);
    }

    [Fact]
    public void A_curl_command_that_calls_the_declared_endpoint_gives_its_request()
    {
        // "## Hang a lantern": the endpoint is the Definition line; the section's curl sends -d '{ "id": ..., "candles": 4 }'.
        var create = s_samples.Type("LighthouseLanternsClient").Operation("CreateAsync");
        var request = create.GetParameters()[0].ParameterType;
        Assert.Equal("CreateLanternRequest", request.Name);
        Assert.Equal(typeof(string), request.GetProperty("Id")!.PropertyType);
        Assert.Equal(typeof(int?), request.GetProperty("Candles")!.PropertyType); // optional: only the example shows it
    }

    [Fact]
    public void A_url_that_goes_on_after_a_backslash_inside_its_quotes_is_one_url()
    {
        // "http://localhost:7070/lanterns\" then "/status?verbose=true": the shell joins them without a space.
        var status = s_samples.Type("LighthouseLanternsClient").Operation("LanternStatusAsync");
        var request = status.GetParameters()[0].ParameterType;
        Assert.Equal(typeof(bool?), request.GetProperty("Verbose")!.PropertyType);
        Assert.DoesNotContain(s_samples.Result.GeneratorDiagnostics, d => d.Id == "ENG001");
    }
}
