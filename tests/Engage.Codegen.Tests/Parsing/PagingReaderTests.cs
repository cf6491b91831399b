using Engage.Codegen.Model;
using Engage.Codegen.Parsing;

namespace Engage.Codegen.Tests.Parsing;

/// <summary>The phrasings of "Pagination" sections that select a paging style, each in our own words.</summary>
public class PagingReaderTests
{
    private static PagingHintSpec? Hint(string markdown) =>
        DocParser.Parse(new DocSource("/docs/intro.md", markdown), CancellationToken.None).Paging;

    [Fact]
    public void A_page_query_with_a_stated_page_size_pages_by_number_and_a_short_page_ends()
    {
        var hint = Hint("# The Kiln API\n\n## Pagination\n\nLists return up to 40 records. Ask for more with `?page=2`, then `?page=3`, until a page comes back empty.\n");
        Assert.NotNull(hint);
        Assert.Equal("page", hint!.PositionParameter);
        Assert.False(hint.Offsets);
        Assert.Equal(40, hint.PageSize);
        Assert.Equal(1, hint.FirstPage);
        Assert.False(hint.LinkHeader);
        Assert.True(hint.Global);
    }

    [Fact]
    public void A_link_header_sample_and_total_headers_are_read_from_anywhere_on_the_page()
    {
        var hint = Hint("""
            # The Kiln API

            ## Paging

            Use `page` and `per_page`. Pages are numbered from zero.

            ## Headers you will see

            ```
            Link: <https://kiln.test/v1/pots?page=1>; rel="next"
            X-WP-Total: 120
            X-WP-TotalPages: 6
            ```
            """);
        Assert.Equal("page", hint!.PositionParameter);
        Assert.Equal("per_page", hint.SizeParameter);
        Assert.Equal(0, hint.FirstPage);
        Assert.True(hint.LinkHeader);
        Assert.Equal("X-WP-Total", hint.TotalCountHeader);
        Assert.Equal("X-WP-TotalPages", hint.TotalPagesHeader);
    }

    [Fact]
    public void Offset_and_limit_prose_pages_by_offset()
    {
        var hint = Hint("# The Kiln API\n\n## Pagination\n\nSkip items with `offset` and choose how many come back with `limit`. `X-Total-Count` holds the total.\n");
        Assert.Equal("offset", hint!.PositionParameter);
        Assert.True(hint.Offsets);
        Assert.Equal("limit", hint.SizeParameter);
        Assert.Equal("X-Total-Count", hint.TotalCountHeader);
    }

    [Fact]
    public void A_page_with_endpoints_speaks_only_of_its_own_lists()
    {
        var hint = Hint("# Pots\n\n## List pots\n\n`GET /pots`\n\n### Pagination\n\nWe return 25 pots per page; ask for the next with `&page=2`.\n");
        Assert.Equal(25, hint!.PageSize);
        Assert.False(hint.Global);
    }

    [Fact]
    public void Cursor_prose_and_pages_without_paging_give_no_hint()
    {
        Assert.Null(Hint("# The Kiln API\n\n## Pagination\n\nPass `after_id` set to the last item's id; `has_more` says whether more follow.\n"));
        Assert.Null(Hint("# The Kiln API\n\nBase URL: `https://kiln.test/v1`\n"));
    }
}
