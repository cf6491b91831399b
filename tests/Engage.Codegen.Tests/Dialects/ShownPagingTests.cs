namespace Engage.Codegen.Tests.Dialects;

/// <summary>
/// A doc set whose paged lists show how they page the same way (Fixtures/dialects/shown-offsets, our own pages):
/// two lists say they are paginated and show an offset, a count and a total in their pages; a third says it takes
/// the pagination parameters and shows none of them, so it pages as the others show; a list that says nothing of
/// pages is not paged.
/// </summary>
public sealed class ShownPagingTests
{
    private static readonly DialectFixture s_fixture = new("shown-offsets", "Engage.Dialects.ShownOffsets");

    [Fact]
    public void It_compiles_and_no_docs_problem_is_an_error() => s_fixture.AssertCompilesAndNoDocsProblemIsAnError();

    [Theory]
    [InlineData("QuayMooringsClient", "ListAsync", true)]
    [InlineData("QuayTidesClient", "ListAsync", true)]
    [InlineData("QuayReceiptsClient", "ListAsync", true)]
    [InlineData("QuayReceiptsClient", "ListNoticesAsync", false)]
    public void Only_the_lists_that_say_they_page_are_paged(string client, string method, bool paged) =>
        Assert.Equal(paged, s_fixture.Operation(client, method).Paged);

    [Fact]
    public void A_list_that_shows_nothing_of_how_it_pages_sends_the_offset_and_count_the_others_show()
    {
        var source = s_fixture.Result.Source("QuayReceiptsClient.g.cs");
        var list = source.Substring(source.IndexOf("ListAsync(", StringComparison.Ordinal));
        list = list.Substring(0, list.IndexOf("ListNoticesAsync(", StringComparison.Ordinal) is var end and > 0 ? end : list.Length);
        Assert.Contains("OffsetPageable", list, StringComparison.Ordinal);
        Assert.Contains("query.Add(\"offset\"", list, StringComparison.Ordinal);
        Assert.Contains("query.Add(\"count\"", list, StringComparison.Ordinal);
        Assert.DoesNotContain("\"page\"", list, StringComparison.Ordinal);
    }
}
