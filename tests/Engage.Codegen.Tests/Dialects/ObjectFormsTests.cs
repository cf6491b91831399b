using System.Text.Json;
using Engage.Codegen.Runtime;
using Engage.Codegen.Runtime.Serialization;

namespace Engage.Codegen.Tests.Dialects;

/// <summary>
/// Objects described in prose structures rather than by one JSON example, on pages of our own words about
/// invented APIs. Fixtures/dialects/objects: a resource section whose "Properties" subheading holds the
/// object's field table (types as the docs write them: text, int, numeric); lists and items whose sections
/// show no response, typed by the object their path names; a pagination section whose example page wraps
/// every list; a prose mention of an endpoint that yields to the section declaring it; headings written as
/// HTML elements; parenthetical type lists (<c>(number | optional, default 1)</c>, routes.mdx); a paging sentence in
/// a section whose subsection holds the endpoint, and a list without an example typed by another list of the same
/// collection (trails.md); a member whose description names an object's section ("see Portion Detail below") typed
/// by that object, and a GET's field table that lists the fields of the object its example shows, which describes the
/// response and asks for nothing (feeders.md); "Available filters:" over bare `offset` and `limit` bullets, a unix
/// timestamp and an "(int64, since version 2)" note (nests.md); query parameters named in prose, and an HTTP response
/// sample whose body follows its headers without a blank line (perches.md); an example page that shows its own page
/// number and size (ponds.md). Fixtures/dialects/models: a "data model" table in HTML with no types, typed by the example a
/// list shows; moments left null in the example; a guide word ("token") in an action heading.
/// </summary>
public sealed class ObjectFormsTests
{
    private static readonly DialectFixture s_objects = new("objects", "Engage.Dialects.Objects");
    private static readonly DialectFixture s_models = new("models", "Engage.Dialects.Models");

    [Fact]
    public void Objects_fixture_compiles_and_no_docs_problem_is_an_error() => s_objects.AssertCompilesAndNoDocsProblemIsAnError();

    [Fact]
    public void Models_fixture_compiles_and_no_docs_problem_is_an_error() => s_models.AssertCompilesAndNoDocsProblemIsAnError();

    [Fact]
    public void A_properties_subheading_describes_the_object_its_section_names()
    {
        // Kennel.md: "## Dogs" over "### Properties" with Name | Type | Description rows.
        Assert.Equal(typeof(string), s_objects.MemberType("Dog", "Id"));
        Assert.Equal(typeof(string), s_objects.MemberType("Dog", "Name"));
        Assert.Equal(typeof(int), s_objects.MemberType("Dog", "Age"));
        Assert.Equal(typeof(decimal), s_objects.MemberType("Dog", "Weight"));
        Assert.Equal(typeof(string), s_objects.MemberType("Kennel", "Label"));
    }

    [Fact]
    public void A_get_without_a_response_returns_the_object_its_path_names()
    {
        var get = s_objects.Type("KennelDogsClient").Operation("GetAsync");
        Assert.Equal(typeof(Task<>).MakeGenericType(s_objects.Type("Dog")), get.ReturnType);

        // "/dogs/:id/photo" names no documented object: it stays untyped.
        var photo = s_objects.Type("KennelDogsClient").Operation("GetPhotoAsync");
        Assert.Equal(typeof(Task<JsonElement>), photo.ReturnType);
    }

    [Theory]
    [InlineData("KennelDogsClient", "ListAsync", "Dog")]
    [InlineData("KennelDogsClient", "ListKennelsAsync", "Kennel")]
    [InlineData("KennelKennelsClient", "ListAsync", "Kennel")]
    public void Lists_page_in_the_envelope_the_pagination_section_shows(string client, string method, string item)
    {
        // "Every call that returns several results is paginated": items and has_more around the path's objects.
        Assert.True(s_objects.Operation(client, method).Paged);
        var returns = s_objects.Type(client).Operation(method).ReturnType;
        Assert.Equal(typeof(AsyncPageable<>).MakeGenericType(s_objects.Type(item)), returns);
        var source = s_objects.Result.Source(client + ".g.cs");
        var body = source.Substring(source.IndexOf(method + "(", StringComparison.Ordinal));
        Assert.Contains("\"page\"", body, StringComparison.Ordinal);
        Assert.Contains("\"limit\"", body, StringComparison.Ordinal);
    }

    [Fact]
    public void A_prose_mention_yields_to_the_section_that_declares_the_endpoint()
    {
        // "for the endpoint `DELETE /dogs/:id`" under "Using the API" comes first in the page, with a curl example.
        var delete = s_objects.Operation("KennelDogsClient", "DeleteAsync");
        Assert.Equal("/dogs/{id}", delete.Path);
        Assert.Equal("Kennel.md:59", delete.Source);
        Assert.Contains(s_objects.Result.GeneratorDiagnostics, d => d.Id == "ENG016" && DialectFixture.LineOf(d).Contains("DELETE /dogs/:id", StringComparison.Ordinal));
    }

    [Fact]
    public void Html_headings_open_sections_like_markdown_ones()
    {
        // walkers.md: three <h3> sections under an <h2>, each with its own request line and example. Get Walker shows
        // its call twice, by number (a sample id: {walkerId}) and by login (another value in the same place): one operation.
        Assert.Equal(
            new[]
            {
                "KennelWalkerClient.GetAsync GET /walkers/{walkerId}",
                "KennelWalkerClient.ListAsync GET /walkers",
            },
            s_objects.Operations.Where(o => o.StartsWith("KennelWalkerClient", StringComparison.Ordinal) && o.Contains(" GET ", StringComparison.Ordinal)));
        var get = s_objects.Type("KennelWalkerClient").Operation("GetAsync").ReturnType.GetGenericArguments()[0];
        Assert.Equal(new[] { "Id", "Name", "WalkedAt" }, get.GetProperties().Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.Contains(s_objects.Operations, o => o.StartsWith("KennelWalkerClient.", StringComparison.Ordinal) && o.EndsWith(" PUT /walkers/{walkerId}/rest", StringComparison.Ordinal));
        var variant = Assert.Single(s_objects.Result.GeneratorDiagnostics, d => d.Id == "ENG016" && d.GetMessage().Contains("GET /walkers/strider", StringComparison.Ordinal));
        Assert.Contains("GET /walkers/strider", DialectFixture.LineOf(variant), StringComparison.Ordinal);
    }

    [Fact]
    public void A_data_model_table_without_types_takes_them_from_the_example_that_shows_the_object()
    {
        // leashes.md: the HTML table names six fields; the list's example shows a leash.
        Assert.Equal(typeof(string), s_models.MemberType("Leash", "Id"));
        Assert.Equal(typeof(int), s_models.MemberType("Leash", "LengthCm"));
        Assert.Equal(typeof(DateTimeOffset), s_models.MemberType("Leash", "CreatedAt"));

        // Null in the example: "When the leash was last clipped" and `returned_at` are moments that may be absent.
        Assert.Equal(typeof(DateTimeOffset?), s_models.MemberType("Leash", "ClippedAt"));
        Assert.Equal(typeof(DateTimeOffset?), s_models.MemberType("Leash", "ReturnedAt"));
        var list = s_models.Type("LeashesLeashesClient").Operation("ListAsync").ReturnType;
        Assert.Equal(typeof(Task<>).MakeGenericType(typeof(List<>).MakeGenericType(s_models.Type("Leash"))), list);
    }

    [Fact]
    public void An_action_heading_is_an_endpoint_even_with_a_guide_word_in_it()
    {
        // token.md: "Get the current token" shows only a curl line; "Tokens", a guide, shows one too.
        Assert.Equal(new[] { "LeashesAccessTokenClient.GetAsync GET /token", "LeashesLeashesClient.ListAsync GET /leashes" }, s_models.Operations);
    }

    [Fact]
    public void Times_written_with_a_space_and_utc_are_read_as_dates()
    {
        var converter = ApiJson.DateTimeOffset;
        var reader = new Utf8JsonReader("\"2026-03-01 10:00:00 UTC\""u8);
        reader.Read();
        Assert.Equal(new DateTimeOffset(2026, 3, 1, 10, 0, 0, TimeSpan.Zero), converter.Read(ref reader, typeof(DateTimeOffset), new JsonSerializerOptions()));

        reader = new Utf8JsonReader("\"2026-03-01 10:00:00+02:00\""u8);
        reader.Read();
        Assert.Equal(new DateTimeOffset(2026, 3, 1, 10, 0, 0, TimeSpan.FromHours(2)), converter.Read(ref reader, typeof(DateTimeOffset), new JsonSerializerOptions()));

        reader = new Utf8JsonReader("\"next tuesday\""u8);
        reader.Read();
        var threw = false;
        try
        {
            converter.Read(ref reader, typeof(DateTimeOffset), new JsonSerializerOptions());
        }
        catch (JsonException)
        {
            threw = true;
        }

        Assert.True(threw);
    }

    [Fact]
    public void A_parenthetical_type_list_declares_the_type_and_counting_numbers_are_whole()
    {
        // routes.mdx: "`page`: (number | optional, default 1)", "`grade`: (number | optional)".
        var request = s_objects.Type("ListRoutesRequest");
        Assert.Equal(typeof(int?), request.GetProperty("Page")!.PropertyType);
        Assert.Equal(typeof(int?), request.GetProperty("PageSize")!.PropertyType);
        Assert.Equal(typeof(decimal?), request.GetProperty("Grade")!.PropertyType);
        Assert.Equal(typeof(string), request.GetProperty("Search")!.PropertyType);
        Assert.True(s_objects.Operation("KennelRoutesClient", "ListAsync").Paged);
        var source = s_objects.Result.Source("KennelRoutesClient.g.cs");
        Assert.Contains("\"pageSize\"", source.Substring(source.IndexOf("ListAsync(", StringComparison.Ordinal)), StringComparison.Ordinal);
    }

    [Fact]
    public void A_paging_sentence_covers_the_endpoints_of_its_subsections_only()
    {
        // trails.md: "## List trails" says it takes the pagination parameters; its endpoint is under "### For walkers".
        Assert.True(s_objects.Operation("KennelTrailsClient", "ListAsync").Paged);
        Assert.False(s_objects.Operation("KennelTrailsClient", "ListNotesAsync").Paged);
        Assert.False(s_objects.Operation("KennelTrailsClient", "GetAsync").Paged);
    }

    [Fact]
    public void A_list_without_an_example_takes_the_items_another_list_of_its_collection_shows()
    {
        // trails.md: notes on a trail show an example; notes on a signpost show none.
        var trailNotes = s_objects.Type("KennelTrailsClient").Operation("ListNotesAsync").ReturnType;
        var signpostNotes = s_objects.Type("KennelTrailsClient").Operation("ListNotesForSignpostAsync").ReturnType;
        Assert.Equal(trailNotes, signpostNotes);
        var note = trailNotes.GetGenericArguments()[0].GetGenericArguments()[0];
        Assert.Equal(typeof(DateTimeOffset), note.GetProperty("LeftAt")!.PropertyType);
    }

    [Fact]
    public void A_member_whose_description_names_an_objects_section_is_that_object()
    {
        // feeders.md: "`portions` ... A list of portions; see Portion Detail below", and "### Portion Detail" with its table.
        var portion = s_objects.Type("Portion");
        Assert.Equal(typeof(int), portion.GetProperty("Grams")!.PropertyType);
        Assert.Equal(typeof(string), portion.GetProperty("Seed")!.PropertyType);
        var request = s_objects.Type("KennelFeedersClient").Operation("FillAsync").GetParameters()
            .Single(p => p.ParameterType.Namespace == s_objects.Namespace).ParameterType;
        Assert.Equal(typeof(List<>).MakeGenericType(portion), request.GetProperty("Portions")!.PropertyType);
        Assert.Equal(typeof(string), request.GetProperty("Note")!.PropertyType);
    }

    [Fact]
    public void A_gets_table_of_the_fields_its_example_shows_describes_the_response_not_the_request()
    {
        // feeders.md: "Fields the report holds:" over seed_left, last_filled, visits and keeper, each a key of the example.
        var report = s_objects.Type("KennelFeedersClient").Operation("GetReportAsync");
        Assert.DoesNotContain(report.GetParameters(), p => p.ParameterType.Namespace == s_objects.Namespace);
        var response = report.ReturnType.GetGenericArguments()[0];
        Assert.Equal(typeof(int), response.GetProperty("SeedLeft")!.PropertyType);
        Assert.Equal(typeof(DateTimeOffset), response.GetProperty("LastFilled")!.PropertyType);
    }

    [Fact]
    public void Filters_are_parameters_and_bare_counting_names_are_whole_numbers()
    {
        // nests.md: "Available filters:" then `offset` and `limit` with nothing said of them; the list pages by offset.
        var request = s_objects.Type("ListNestsRequest");
        Assert.Equal(typeof(int?), request.GetProperty("Offset")!.PropertyType);
        Assert.Equal(typeof(int?), request.GetProperty("Limit")!.PropertyType);
        Assert.Equal(typeof(long?), request.GetProperty("After")!.PropertyType);       // "(unix timestamp, ...)": seconds, not a date
        Assert.Equal(typeof(long?), request.GetProperty("AfterNestId")!.PropertyType); // "(int64, since version 2)"
        Assert.True(s_objects.Operation("KennelNestsClient", "ListAsync").Paged);
        var source = s_objects.Result.Source("KennelNestsClient.g.cs");
        Assert.Contains("\"offset\"", source.Substring(source.IndexOf("ListAsync(", StringComparison.Ordinal)), StringComparison.Ordinal);
    }

    [Fact]
    public void Prose_names_query_parameters_and_a_response_may_follow_its_headers_directly()
    {
        // perches.md: "the `species` query parameter", "the query parameter `order`"; "HTTP/1.1 200", a header, then "{".
        var request = s_objects.Type("SearchPerchRequest");
        Assert.Equal(typeof(string), request.GetProperty("Species")!.PropertyType);
        Assert.Equal(typeof(string), request.GetProperty("Order")!.PropertyType);
        Assert.True(s_objects.Operation("KennelPerchesClient", "SearchAsync").Paged);
        var source = s_objects.Result.Source("KennelPerchesClient.g.cs");
        var search = source.Substring(source.IndexOf("SearchAsync(", StringComparison.Ordinal));
        Assert.Contains("\"perpage\"", search, StringComparison.Ordinal);
        var page = s_objects.Type("SearchPerchResponse");
        Assert.Equal(typeof(int), page.GetProperty("TotalCount")!.PropertyType);
    }

    [Fact]
    public void A_page_that_shows_its_number_and_size_pages_by_number()
    {
        // ponds.md: {"data": [...], "count": 1, "page": 1, "pageSize": 20}; the ducks' page shows no place of its own.
        Assert.True(s_objects.Operation("KennelPondsClient", "ListAsync").Paged);
        var source = s_objects.Result.Source("KennelPondsClient.g.cs");
        var list = source.Substring(source.IndexOf("ListAsync(", StringComparison.Ordinal));
        Assert.Contains("\"page\"", list, StringComparison.Ordinal);
        Assert.Contains("\"pageSize\"", list, StringComparison.Ordinal);
        Assert.False(s_objects.Operation("KennelPondsClient", "GetDucksAsync").Paged);
    }
}
