using System;
using System.Globalization;
using System.Text.RegularExpressions;
using Engage.Codegen.Model;

namespace Engage.Codegen.Parsing;

/// <summary>
/// Reads how a docs set says lists page, from its "Pagination" sections and header samples: the page
/// or offset parameter and the size parameter the prose names (<c>?page=2</c>, <c>`per_page`</c>,
/// <c>`offset`</c> and <c>`limit`</c>), whether pages are linked by <c>Link: &lt;...&gt;; rel="next"</c>,
/// the total-count headers shown, the page size stated ("returns up to 50 records") and where numbering starts.
/// </summary>
internal static class PagingReader
{

    private static readonly Regex s_pageParameter = R(@"[?&]page=\d|`\??page`|\bpage\s+parameter\b");
    private static readonly Regex s_sizeParameter = R(@"[?&`](per_page|page_size|pagesize|per-page|limit|size|count)\b(?:=\d|`)");
    private static readonly Regex s_offsetParameter = R(@"[?&`](offset|start)\b(?:=\d|`)");
    private static readonly Regex s_zeroBased = R(@"\b(?:0|zero)[-\s](?:based|indexed)\b|\b(?:starts?|starting|numbered|counted|counting)\s+(?:at|" +
        @"from)\s+(?:0|zero)\b|\bfirst\s+page\s+is\s+(?:page\s+)?(?:0|zero)\b|[?&]page=0\b");
    private static readonly Regex s_pageSize = R(@"\bup\s+to\s+(\d{1,4})\s+\w+|\b(\d{1,4})\s+\w+(?:\s+\w+)?\s+per\s+page\b");
    private static readonly Regex s_linkNext = R(@"rel\s*=\s*""?next""?");
    private static readonly Regex s_totalCount = R(@"\b(X-(?:WP-)?Total(?:-Count)?|X-Total-Results|Total-Count)\b(?!-)");
    private static readonly Regex s_someLists = R(@"\b(?:endpoints?|requests?|lists?|resources?|calls?|apis?)\s+(?:which|that)\s+(?:support|use|" +
        @"are)\s+(?:pagination|paginated|paging)\b|\bsome\s+(?:endpoints|lists|requests|resources)\b|" +
        @"\bwhere\s+(?:pagination|paging)\s+is\s+supported\b");
    private static readonly Regex s_tokenHeader = R(@"\b(X-[A-Za-z0-9-]*?(?:Next-?Token|Next-?Cursor|Continuation-?Token|Next-?Page-?Token))\b");

    /// <summary>The response header that carries a next token, as prose names it (<c>X-Nomad-NextToken</c>), or null.</summary>
    public static string? TokenHeader(string prose) => s_tokenHeader.Match(prose) is { Success: true } named ? named.Groups[1].Value : null;
    private static readonly Regex s_totalPages = R(@"\b(X-(?:WP-)?Total-?Pages|X-Page-Count)\b");

    /// <summary>Whether a heading introduces paging prose.</summary>
    public static bool IsPagingHeading(string lowerHeading) =>
        lowerHeading.Contains("paginat") || lowerHeading.Contains("paging") || lowerHeading == "link header";

    /// <summary>
    /// The paging a page describes, or null when it says nothing of paging. The position parameter comes
    /// from its pagination prose; <paramref name="pageText"/> is the whole page, for header samples
    /// (<c>Link</c>, <c>X-Total-Count</c>) wherever they stand.
    /// </summary>
    public static PagingHintSpec? Read(string pagingProse, string pageText, bool global)
    {
        // Most pages say nothing of paging: no pagination prose, no "rel" and no "Total" anywhere.
        var mentionsHeaders = pageText.IndexOf("rel", StringComparison.OrdinalIgnoreCase) >= 0
            || pageText.IndexOf("Total", StringComparison.OrdinalIgnoreCase) >= 0;
        if (pagingProse.Length == 0 && !mentionsHeaders)
        {
            return null;
        }

        var offset = s_offsetParameter.Match(pagingProse);
        var page = s_pageParameter.IsMatch(pagingProse);
        var linkHeader = mentionsHeaders && s_linkNext.IsMatch(pageText);
        var totalCount = mentionsHeaders ? s_totalCount.Match(pageText) : Match.Empty;
        var totalPages = mentionsHeaders ? s_totalPages.Match(pageText) : Match.Empty;
        // "the response will contain an HTTP header named `X-Nomad-Nexttoken`": lists with a next-token parameter send it back.
        var tokenHeader = pagingProse.Length > 0 ? TokenHeader(pagingProse) : null;
        if (!page && !offset.Success && !linkHeader && !totalCount.Success && !totalPages.Success)
        {
            return tokenHeader is null ? null : new PagingHintSpec(null, false, null, 1, false, null, null, null, global, TokenHeader: tokenHeader);
        }

        var size = s_sizeParameter.Match(pagingProse);
        var sizeName = size.Success ? size.Groups[1].Value : null;
        int? pageSize = null;
        var stated = s_pageSize.Match(pagingProse);
        if (stated.Success)
        {
            var digits = stated.Groups[1].Success ? stated.Groups[1].Value : stated.Groups[2].Value;
            if (int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0)
            {
                pageSize = value;
            }
        }

        return new PagingHintSpec(
            page ? "page" : offset.Success ? offset.Groups[1].Value : null,
            !page && offset.Success,
            sizeName,
            page && s_zeroBased.IsMatch(pagingProse) ? 0 : 1,
            linkHeader,
            totalCount.Success ? totalCount.Groups[1].Value : null,
            totalPages.Success ? totalPages.Groups[1].Value : null,
            pageSize,
            global,
            s_someLists.IsMatch(pagingProse),
            TokenHeader: tokenHeader);
    }

    private static Regex R(string pattern) => new(pattern, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, Patterns.Timeout);
}
