using Engage.Codegen.Runtime;

namespace Engage.Codegen.Tests.Paging;

/// <summary>
/// The runtime's page-number and offset pageables against a scripted server (a fetch function): how
/// the end is told in each case, and the <c>Link</c> header reader.
/// </summary>
public class PositionPagingTests
{
    private static async Task<List<int>> Sizes(AsyncPageable<int> pageable)
    {
        var sizes = new List<int>();
        await foreach (var page in pageable.AsPages())
        {
            sizes.Add(page.Values.Count);
        }

        return sizes;
    }

    private static PageNumberPageable<int> Numbered(Func<PageRequest, PageResult<int>> server, bool shortPageEnds = false, int? defaultPageSize = null, int? pageSize = null, int firstPage = 1) =>
        new((request, _) => Task.FromResult(server(request)), firstPage, null, pageSize, linksOnly: false, shortPageEnds, defaultPageSize, CancellationToken.None);

    private static PageResult<int> Items(int count, long fingerprint) => new(Enumerable.Range(0, count).ToList(), fingerprint: fingerprint);

    [Fact]
    public async Task Without_links_totals_or_has_more_an_empty_page_ends_the_list()
    {
        var requested = new List<int>();
        var sizes = await Sizes(Numbered(r =>
        {
            requested.Add(r.PageNumber);
            return Items(r.PageNumber switch { 1 => 15, 2 => 30, 3 => 50, _ => 0 }, r.PageNumber);
        }));
        Assert.Equal(new[] { 15, 30, 50, 0 }, sizes);
        Assert.Equal(new[] { 1, 2, 3, 4 }, requested);
    }

    [Fact]
    public async Task A_short_page_ends_the_list_only_where_the_docs_say_pages_are_full()
    {
        Assert.Equal(new[] { 50, 20 }, await Sizes(Numbered(r => Items(r.PageNumber == 1 ? 50 : r.PageNumber == 2 ? 20 : 5, r.PageNumber), shortPageEnds: true, defaultPageSize: 50)));
        Assert.Equal(new[] { 50, 20, 5, 0 }, await Sizes(Numbered(r => Items(r.PageNumber switch { 1 => 50, 2 => 20, 3 => 5, _ => 0 }, r.PageNumber))));
    }

    [Fact]
    public async Task Total_pages_count_from_the_first_page_number()
    {
        var requested = new List<int>();
        await Sizes(Numbered(r =>
        {
            requested.Add(r.PageNumber);
            return new PageResult<int>(new[] { r.PageNumber }, totalPages: 3, fingerprint: r.PageNumber + 1);
        }, firstPage: 0));
        Assert.Equal(new[] { 0, 1, 2 }, requested);
    }

    [Fact]
    public async Task Offsets_follow_the_items_received_and_stop_at_the_total()
    {
        var offsets = new List<long>();
        var pageable = new OffsetPageable<int>(
            (r, _) =>
            {
                offsets.Add(r.Offset);
                return Task.FromResult(new PageResult<int>(Enumerable.Repeat(1, r.Offset == 0 ? 3 : 4).ToList(), totalCount: 10, fingerprint: r.Offset + 1));
            },
            null,
            10,
            shortPageEnds: true,
            null,
            CancellationToken.None);
        Assert.Equal(new[] { 3, 4, 4 }, await Sizes(pageable));
        Assert.Equal(new long[] { 0, 3, 7 }, offsets);
        Assert.Equal(10, pageable.TotalCount);
    }

    [Fact]
    public async Task An_empty_page_that_claims_more_stops_with_a_paging_exception()
    {
        var pageable = Numbered(r => new PageResult<int>(Array.Empty<int>(), hasMore: true));
        await Assert.ThrowsAsync<ApiPagingException>(() => Sizes(pageable));
    }

    [Fact]
    public void A_token_from_another_kind_of_list_is_refused()
    {
        var pageable = Numbered(r => Items(0, 1));
        Assert.Throws<ArgumentException>(() => pageable.AsPages("offset:0:0"));
    }

    [Theory]
    [InlineData("<https://a.test/x?page=2>; rel=\"next\", <https://a.test/x?page=9>; rel=\"last\"", "https://a.test/x?page=2")]
    [InlineData("<https://a.test/x?page=9>; rel=\"last\",\n  <https://a.test/x?page=2>; rel=\"next\"", "https://a.test/x?page=2")]
    [InlineData("<https://a.test/x?a=1,2>; rel=\"prev next\"", "https://a.test/x?a=1,2")]
    [InlineData("</v1/x?page=2>; rel=next", "https://a.test/v1/x?page=2")]
    [InlineData("<https://a.test/x?page=9>; rel=\"last\"", null)]
    [InlineData("garbage", null)]
    public void The_link_header_next_relation_is_read_and_resolved(string header, string? expected)
    {
        var headers = new Dictionary<string, IReadOnlyList<string>>(StringComparer.OrdinalIgnoreCase) { ["Link"] = new[] { header } };
        var response = new ApiResponse<int>(0, 200, headers, new Uri("https://a.test/v1/x?page=1"), ReadOnlySpan<byte>.Empty);
        Assert.Equal(expected, response.NextLink);
    }
}
