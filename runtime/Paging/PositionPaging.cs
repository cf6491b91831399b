using System;
using System.Collections.Generic;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;

namespace Engage.Codegen.Runtime;

/// <summary>What one request of a page-number or offset list asks for.</summary>
public readonly struct PageRequest
{
    /// <summary>Creates the request.</summary>
    public PageRequest(int pageNumber, long offset, int? pageSize, string? nextLink)
    {
        PageNumber = pageNumber;
        Offset = offset;
        PageSize = pageSize;
        NextLink = nextLink;
    }

    /// <summary>The page number to send (<c>page</c>), counted from the API's first page.</summary>
    public int PageNumber { get; }

    /// <summary>How many items come before this page (<c>offset</c>, <c>start</c>): the items already received, whatever each page held.</summary>
    public long Offset { get; }

    /// <summary>Items per page to ask for (<c>per_page</c>, <c>limit</c>), or null for the server's default.</summary>
    public int? PageSize { get; }

    /// <summary>The URL the server gave for this page; when set, it is requested exactly as given.</summary>
    public string? NextLink { get; }
}

/// <summary>What the server returned for one page of a page-number or offset list.</summary>
public readonly struct PageResult<T>
{
    /// <summary>Creates the result.</summary>
    /// <param name="items">The page's items.</param>
    /// <param name="nextLink">The server's URL for the next page (a <c>Link: rel="next"</c> header or a body field), or null.</param>
    /// <param name="hasMore">The server's <c>has_more</c>, or null when it sends none.</param>
    /// <param name="totalCount">The total item count the server reports, or null.</param>
    /// <param name="totalPages">The total page count the server reports, or null.</param>
    /// <param name="fingerprint">A hash of the page's body (<see cref="ApiResponse{T}.Fingerprint"/>); 0 for none.</param>
    public PageResult(IReadOnlyList<T>? items, string? nextLink = null, bool? hasMore = null, long? totalCount = null, long? totalPages = null, long fingerprint = 0)
    {
        Items = items ?? Array.Empty<T>();
        NextLink = string.IsNullOrEmpty(nextLink) ? null : nextLink;
        HasMore = hasMore;
        TotalCount = totalCount;
        TotalPages = totalPages;
        Fingerprint = fingerprint;
    }

    /// <summary>The page's items.</summary>
    public IReadOnlyList<T> Items { get; }

    /// <summary>The server's URL for the next page, or null.</summary>
    public string? NextLink { get; }

    /// <summary>The server's <c>has_more</c>, or null.</summary>
    public bool? HasMore { get; }

    /// <summary>The total item count the server reports, or null.</summary>
    public long? TotalCount { get; }

    /// <summary>The total page count the server reports, or null.</summary>
    public long? TotalPages { get; }

    /// <summary>A hash of the page's body, or 0.</summary>
    public long Fingerprint { get; }
}

/// <summary>
/// What both position styles share (<see cref="PageNumberPageable{T}"/> and <see cref="OffsetPageable{T}"/>): the
/// fetch, where to start, the page size, how the end is decided, the call's token and the span's name; and the
/// enumeration of <see cref="PositionPaging"/> over them.
/// </summary>
internal readonly struct PositionList<T>
{
    private readonly Func<PageRequest, CancellationToken, Task<PageResult<T>>> _fetch;
    private readonly string _prefix;
    private readonly int _firstPage;
    private readonly int _startPage;
    private readonly long _startOffset;
    private readonly int? _pageSize;
    private readonly bool _linksOnly;
    private readonly bool _shortPageEnds;
    private readonly int? _defaultPageSize;
    private readonly CancellationToken _cancellationToken;
    private readonly string? _operation;

    public PositionList(
        Func<PageRequest, CancellationToken, Task<PageResult<T>>> fetch,
        string prefix,
        (int FirstPage, int StartPage, long StartOffset) start,
        int? pageSize,
        (bool LinksOnly, bool ShortPageEnds, int? DefaultPageSize) end,
        CancellationToken cancellationToken,
        string? operation)
    {
        _fetch = fetch;
        _prefix = prefix;
        (_firstPage, _startPage, _startOffset) = start;
        _pageSize = pageSize;
        (_linksOnly, _shortPageEnds, _defaultPageSize) = end;
        _cancellationToken = cancellationToken;
        _operation = operation;
    }

    /// <summary>The pages from where the continuation token (or the start) says; each total count goes to <paramref name="reportTotal"/>.</summary>
    public IAsyncEnumerable<Page<T>> Pages(string? continuationToken, int? pageSizeHint, Action<long?> reportTotal) =>
        PositionPaging.Enumerate(
            _fetch,
            _prefix,
            continuationToken,
            _firstPage,
            _startPage,
            _startOffset,
            pageSizeHint ?? _pageSize,
            _linksOnly,
            _shortPageEnds,
            _defaultPageSize,
            reportTotal,
            _cancellationToken,
            _operation);
}

/// <summary>
/// How a page-number or offset list decides it has reached the end, in this order: a next link is
/// followed while the server gives one (and, when the docs page only by links, its absence ends the
/// list); then <c>has_more</c>; then a total page or item count; then an empty page; then, only where
/// the docs say pages are full until the last, a page shorter than the size asked for. Page sizes may
/// vary from page to page: offsets advance by the items received, never by the size asked for.
/// </summary>
internal static class PositionPaging
{
    public static IAsyncEnumerable<Page<T>> Enumerate<T>(
        Func<PageRequest, CancellationToken, Task<PageResult<T>>> fetch,
        string prefix,
        string? continuationToken,
        int firstPage,
        int startPage,
        long startOffset,
        int? pageSize,
        bool linksOnly,
        bool shortPageEnds,
        int? defaultPageSize,
        Action<long?> reportTotal,
        CancellationToken callToken,
        string? operation)
    {
        if (pageSize is <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(pageSize), "The page size must be positive.");
        }

        var start = continuationToken is null
            ? Encode(startPage, startOffset, null)
            : continuationToken.StartsWith(prefix, StringComparison.Ordinal)
                ? continuationToken.Substring(prefix.Length)
                : throw new ArgumentException("The continuation token did not come from a page of this kind of list.", nameof(continuationToken));
        var links = new HashSet<string>(StringComparer.Ordinal);
        long? previousFingerprint = null;
        return PagingCore.Enumerate<T>(
            async (_, at, token) =>
            {
                var (page, offset, link) = Decode(at!);
                var result = await fetch(new PageRequest(page, offset, pageSize, link), token).ConfigureAwait(false);
                if (result.Items.Count > 0 && result.Fingerprint != 0 && result.Fingerprint == previousFingerprint)
                {
                    throw new ApiPagingException($"The server returned the same page again for page {page.ToString(CultureInfo.InvariantCulture)}; paging stopped to avoid an endless loop.");
                }

                previousFingerprint = result.Fingerprint;
                reportTotal(result.TotalCount);
                var nextPage = page + 1;
                var nextOffset = offset + result.Items.Count;
                bool more;
                if (result.NextLink is { } next)
                {
                    if (!links.Add(next))
                    {
                        throw new ApiPagingException("The server linked to a page it had already linked to; paging stopped to avoid an endless loop.");
                    }

                    more = true;
                }
                else if (linksOnly)
                {
                    more = false;
                }
                else if (result.HasMore is { } hasMore)
                {
                    more = hasMore;
                }
                else if (result.TotalPages is { } totalPages)
                {
                    more = nextPage - firstPage < totalPages;
                }
                else if (result.TotalCount is { } totalCount)
                {
                    more = nextOffset < totalCount;
                }
                else if (result.Items.Count == 0)
                {
                    more = false;
                }
                else
                {
                    more = !(shortPageEnds && (pageSize ?? defaultPageSize) is { } full && result.Items.Count < full);
                }

                return (result.Items, more ? Encode(nextPage, nextOffset, result.NextLink) : null, result.TotalCount);
            },
            false,
            start,
            prefix,
            prefix,
            callToken,
            operation);
    }

    // A position is "page:offset" or "page:offset:link"; the link keeps every character it had.
    private static string Encode(int page, long offset, string? link) =>
        page.ToString(CultureInfo.InvariantCulture) + ":" + offset.ToString(CultureInfo.InvariantCulture) + (link is null ? string.Empty : ":" + link);

    private static (int Page, long Offset, string? Link) Decode(string position)
    {
        var parts = position.Split(new[] { ':' }, 3);
        if (parts.Length < 2 ||
            !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var page) ||
            !long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var offset))
        {
            throw new ArgumentException("The continuation token did not come from a page of this kind of list.", "continuationToken");
        }

        return (page, offset, parts.Length == 3 ? parts[2] : null);
    }
}
