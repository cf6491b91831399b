using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Threading;
using System.Threading.Tasks;

namespace Engage.Codegen.Runtime;

/// <summary>
/// Pages by offset and limit (<c>offset</c>/<c>limit</c>, <c>start</c>/<c>count</c>): each request
/// starts after the items already received, so pages of any size are handled. The end is decided as
/// <see cref="PositionPaging"/> describes; a page shorter than the limit asked for is the last.
/// Used by generated code.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class OffsetPageable<T> : AsyncPageable<T>
{
    private readonly PositionList<T> _list;

    /// <summary>Creates the pageable.</summary>
    /// <param name="fetch">Requests one page.</param>
    /// <param name="startOffset">The offset to start at, or null for 0.</param>
    /// <param name="pageSize">Items per page to ask for (the limit), or null for the server's default.</param>
    /// <param name="shortPageEnds">A page shorter than the limit asked for (or <paramref name="defaultPageSize"/>) is the last.</param>
    /// <param name="defaultPageSize">The server's documented page size, or null.</param>
    /// <param name="cancellationToken">The token of the call that created the pageable.</param>
    /// <param name="operation">The operation's name for the span that covers all pages, e.g. "Orders.List"; null for none.</param>
    public OffsetPageable(
        Func<PageRequest, CancellationToken, Task<PageResult<T>>> fetch,
        long? startOffset,
        int? pageSize,
        bool shortPageEnds,
        int? defaultPageSize,
        CancellationToken cancellationToken,
        string? operation = null)
    {
        if (fetch is null)
        {
            throw new ArgumentNullException(nameof(fetch));
        }

        if (startOffset < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(startOffset), "The offset cannot be negative.");
        }

        _list = new PositionList<T>(fetch, "offset:", (0, 0, startOffset ?? 0), pageSize, (false, shortPageEnds, defaultPageSize), cancellationToken, operation);
    }

    /// <inheritdoc />
    public override IAsyncEnumerable<Page<T>> AsPages(string? continuationToken = null, int? pageSizeHint = null) =>
        _list.Pages(continuationToken, pageSizeHint, ReportTotal);
}
