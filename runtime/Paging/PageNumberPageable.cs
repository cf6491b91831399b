using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Threading;
using System.Threading.Tasks;

namespace Engage.Codegen.Runtime;

/// <summary>
/// Pages by page number (<c>page</c>, with <c>per_page</c>, <c>limit</c> or <c>page_size</c>),
/// following the server's next link exactly where it gives one. The end is decided as
/// <see cref="PositionPaging"/> describes. Used by generated code.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class PageNumberPageable<T> : AsyncPageable<T>
{
    private readonly PositionList<T> _list;

    /// <summary>Creates the pageable.</summary>
    /// <param name="fetch">Requests one page.</param>
    /// <param name="firstPage">The number of the API's first page (1, or 0 where the docs count from 0).</param>
    /// <param name="startPage">The page to start at, or null for the first.</param>
    /// <param name="pageSize">Items per page to ask for, or null for the server's default.</param>
    /// <param name="linksOnly">The docs page by next links (<c>Link: rel="next"</c>): a page without one is the last.</param>
    /// <param name="shortPageEnds">The docs say pages are full until the last: a page shorter than the size asked for (or <paramref name="defaultPageSize"/>) is the last.</param>
    /// <param name="defaultPageSize">The server's documented page size, or null.</param>
    /// <param name="cancellationToken">The token of the call that created the pageable.</param>
    /// <param name="operation">The operation's name for the span that covers all pages, e.g. "Issues.List"; null for none.</param>
    public PageNumberPageable(
        Func<PageRequest, CancellationToken, Task<PageResult<T>>> fetch,
        int firstPage,
        int? startPage,
        int? pageSize,
        bool linksOnly,
        bool shortPageEnds,
        int? defaultPageSize,
        CancellationToken cancellationToken,
        string? operation = null)
    {
        if (fetch is null)
        {
            throw new ArgumentNullException(nameof(fetch));
        }

        if (startPage < firstPage)
        {
            throw new ArgumentOutOfRangeException(nameof(startPage), $"Pages are numbered from {firstPage}.");
        }

        _list = new PositionList<T>(
            fetch, "page:", (firstPage, startPage ?? firstPage, 0), pageSize, (linksOnly, shortPageEnds, defaultPageSize), cancellationToken, operation);
    }

    /// <inheritdoc />
    public override IAsyncEnumerable<Page<T>> AsPages(string? continuationToken = null, int? pageSizeHint = null) =>
        _list.Pages(continuationToken, pageSizeHint, ReportTotal);
}
