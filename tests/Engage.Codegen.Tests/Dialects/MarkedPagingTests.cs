using Engage.Codegen.Runtime;

namespace Engage.Codegen.Tests.Dialects;

/// <summary>
/// Paging that the docs state list by list (Fixtures/dialects/marked-paging, our own pages): a pagination
/// section "for endpoints which support pagination" speaks only of the lists that say they page ("Returns a
/// paginated list", or a page that says its lists are paginated); a list that says nothing is not paged, and
/// neither is an object with an array in it. pens.md: a paging sentence in a subsection of an endpoint's section
/// speaks of that endpoint, not of the page; a list that says it does not paginate is not paged.
/// </summary>
public sealed class MarkedPagingTests
{
    private static readonly DialectFixture s_fixture = new("marked-paging", "Engage.Dialects.MarkedPaging");

    [Fact]
    public void It_compiles_and_no_docs_problem_is_an_error() => s_fixture.AssertCompilesAndNoDocsProblemIsAnError();

    [Theory]
    [InlineData("RanchHerdsClient", "ListAsync", true)]     // "Returns a paginated list"
    [InlineData("RanchHerdsClient", "ListTagsAsync", false)] // a list that says nothing of pages
    [InlineData("RanchBarnsClient", "ListAsync", true)]     // its page says its lists are paginated
    [InlineData("RanchBarnsClient", "GetAsync", false)]     // one barn, with an array of doors in it
    [InlineData("RanchPensClient", "SearchAsync", true)]    // "The results are paginated" in a subsection of its own
    [InlineData("RanchPensClient", "ListGatesAsync", false)] // that sentence speaks of the search, not of the page's lists
    [InlineData("RanchPensClient", "ListAsync", false)]     // /feed-types: "This list doesn't support pagination"
    public void Only_the_lists_the_docs_say_page_are_paged(string client, string method, bool paged)
    {
        Assert.Equal(paged, s_fixture.Operation(client, method).Paged);
        var returns = s_fixture.Type(client).Operation(method).ReturnType;
        Assert.Equal(paged, returns.IsGenericType && returns.GetGenericTypeDefinition() == typeof(AsyncPageable<>));
    }

    [Fact]
    public void A_marked_list_pages_in_the_style_the_pagination_section_describes()
    {
        // README.md's section names `?page` and `per_page` and shows a Link header: the herds list sends them
        // and follows the next link.
        var herds = s_fixture.Result.Source("RanchHerdsClient.g.cs");
        var list = herds.Substring(herds.IndexOf("ListAsync(", StringComparison.Ordinal));
        Assert.Contains("\"page\"", list, StringComparison.Ordinal);
        Assert.Contains("\"per_page\"", list, StringComparison.Ordinal);
    }

    [Fact]
    public void A_marked_list_whose_page_shows_an_offset_pages_by_offset()
    {
        // herds.md: "this list supports pagination", and its example page holds offset, count and total.
        var feedings = s_fixture.Operation("RanchHerdsClient", "ListFeedingsAsync");
        Assert.True(feedings.Paged);
        var source = s_fixture.Result.Source("RanchHerdsClient.g.cs");
        var list = source.Substring(source.IndexOf("ListFeedingsAsync(", StringComparison.Ordinal));
        Assert.Contains("\"offset\"", list, StringComparison.Ordinal);
        Assert.Contains("\"count\"", list, StringComparison.Ordinal);
    }
}
