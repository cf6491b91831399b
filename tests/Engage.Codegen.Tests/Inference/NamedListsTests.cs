using Engage.Codegen.Model;

namespace Engage.Codegen.Tests.Inference;

/// <summary>
/// A GET that shows no answer still answers with what its section says. A route that ends in a collection
/// ("will return all kennels", <c>/sheds/{shed}/kennels.json</c>) answers with the kennels another list showed: a
/// format suffix (<c>.json</c>, <c>.xml</c>) is no part of the collection's name. A heading that says it lists
/// ("List walkers followed by a dog") answers with a list, of the walkers another list showed where there is one,
/// else of items no example types; and such a list pages as the doc set's lists do. A sentence that names the endpoint
/// and says it searches for (or returns all) a thing the docs show ("Call **GET /search** to search for walkers") answers
/// with a list of it. A heading that lists nothing ("Check a kennel") stays untyped.
/// </summary>
public class NamedListsTests
{
    private const string Paging =
        "# Kennels API\n\n## Pagination\n\nEvery list is paginated: add `?page=2`, then `?page=3`, until a page comes back empty. " +
        "Pages hold 50 records.\n\n";

    private const string Kennels = Paging +
        "## List kennels\n\n* `GET /kennels.json` will return all kennels.\n\n```json\n[{\"id\": 1, \"name\": \"North\"}]\n```\n\n" +
        "## Kennels of a shed\n\n* `GET /sheds/1/kennels.json` will return all kennels of the shed.\n\n" +
        "## Check a kennel\n\n* `GET /kennels/1/check.json` will check the kennel.\n";

    private const string Walkers = Paging +
        "## List walkers of a dog\n\n```\nGET /dogs/:dog/walkers\n```\n\n```json\n[{\"id\": 3, \"name\": \"Ada\"}]\n```\n\n" +
        "## List friends of a dog\n\n```\nGET /dogs/:dog/friends\n```\n\n" +
        "## List walkers followed by a dog\n\n```\nGET /dogs/:dog/following\n```\n\n" +
        "## Searching\n\nCall **GET /search?query=YOUR_QUERY** to search for walkers by name.\n\n" +
        "## Finding\n\nCall **GET /find?query=YOUR_QUERY** to search for leashes by colour.\n";

    private static ApiSpec Infer(string markdown) => InferenceHarness.Api(markdown);

    private static OperationSpec Operation(ApiSpec api, string path) => InferenceHarness.Operation(api, path);

    [Fact]
    public void A_collection_route_with_a_format_suffix_answers_with_the_items_another_list_showed()
    {
        var api = Infer(Kennels);
        var shown = Operation(api, "/kennels.json");
        var ofShed = Operation(api, "/sheds/{shedId}/kennels.json");
        Assert.Equal(TypeKind.List, shown.ResponseType.Kind);
        Assert.Equal(shown.ResponseType, ofShed.ResponseType);
        Assert.Equal(PagingStyle.PageNumber, ofShed.Paging?.Style);
        Assert.Equal(TypeKind.JsonElement, Operation(api, "/kennels/{kennelId}/check.json").ResponseType.Kind);
    }

    [Fact]
    public void A_heading_that_lists_answers_with_a_list_that_pages_as_the_sets_lists_do()
    {
        var api = Infer(Walkers);
        var walkers = Operation(api, "/dogs/{dog}/walkers");
        var friends = Operation(api, "/dogs/{dog}/friends");
        var following = Operation(api, "/dogs/{dog}/following");

        // The walkers another list showed; friends no list showed, so their items stay untyped.
        Assert.Equal(walkers.ResponseType, following.ResponseType);
        Assert.Equal(TypeRef.ListOf(TypeRef.JsonElement), friends.ResponseType);
        Assert.All(new[] { walkers, friends, following }, o => Assert.Equal(PagingStyle.PageNumber, o.Paging?.Style));
    }

    [Fact]
    public void A_sentence_that_searches_for_a_documented_thing_answers_with_a_list_of_it()
    {
        // The sentence that names the endpoint is its description; "to search for walkers" names the walkers a list showed.
        var api = Infer(Walkers);
        var search = Operation(api, "/search");
        Assert.Equal(Operation(api, "/dogs/{dog}/walkers").ResponseType, search.ResponseType);
        Assert.Equal(PagingStyle.PageNumber, search.Paging?.Style);
        Assert.StartsWith("Call GET /search", search.Summary, StringComparison.Ordinal);

        // Leashes no list shows and no object documents: the answer stays untyped and unpaged.
        var find = Operation(api, "/find");
        Assert.Equal(TypeKind.JsonElement, find.ResponseType.Kind);
        Assert.Null(find.Paging);
    }
}
