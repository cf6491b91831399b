using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Threading;
using System.Threading.Tasks;

namespace Engage.Codegen.Runtime;

/// <summary>What one page request of an id-cursor list asks for.</summary>
public readonly struct IdCursorRequest
{
    /// <summary>Creates the request.</summary>
    public IdCursorRequest(int? limit, string? afterId, string? beforeId)
    {
        Limit = limit;
        AfterId = afterId;
        BeforeId = beforeId;
    }

    /// <summary>Items per page, or null for the server's default.</summary>
    public int? Limit { get; }

    /// <summary>Items after this id (the <c>after_id</c> parameter).</summary>
    public string? AfterId { get; }

    /// <summary>Items before this id (the <c>before_id</c> parameter).</summary>
    public string? BeforeId { get; }
}

/// <summary>What the server returned for one page of an id-cursor list.</summary>
public readonly struct IdCursorResult<T>
{
    /// <summary>Creates the result.</summary>
    public IdCursorResult(IReadOnlyList<T>? items, bool hasMore)
    {
        Items = items ?? Array.Empty<T>();
        HasMore = hasMore;
    }

    /// <summary>The page's items.</summary>
    public IReadOnlyList<T> Items { get; }

    /// <summary>The server's <c>has_more</c>.</summary>
    public bool HasMore { get; }
}

/// <summary>
/// Pages with <c>before_id</c>/<c>after_id</c> and <c>has_more</c>: the next page forwards is
/// <c>after_id</c> = the last item's id, backwards <c>before_id</c> = the first item's id;
/// <c>has_more</c> speaks of the direction of paging. Used by generated code.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class IdCursorPageable<T> : AsyncPageable<T>
{
    private readonly Func<IdCursorRequest, CancellationToken, Task<IdCursorResult<T>>> _fetch;
    private readonly Func<T, string?> _idOf;
    private readonly TwoWayCursor _cursor;

    /// <summary>Creates the pageable.</summary>
    /// <param name="fetch">Requests one page.</param>
    /// <param name="idOf">The cursor id of an item.</param>
    /// <param name="afterId">Start after this id (forwards), or null.</param>
    /// <param name="beforeId">Start before this id (backwards), or null. Only one of the two.</param>
    /// <param name="pageSize">Items per request, or null for the server's default.</param>
    /// <param name="cancellationToken">The token of the call that created the pageable.</param>
    /// <param name="operation">The operation's name for the span that covers all pages, e.g. "Users.List"; null for none.</param>
    public IdCursorPageable(
        Func<IdCursorRequest, CancellationToken, Task<IdCursorResult<T>>> fetch,
        Func<T, string?> idOf,
        string? afterId,
        string? beforeId,
        int? pageSize,
        CancellationToken cancellationToken,
        string? operation = null)
    {
        var names = ("after_id", "before_id", nameof(beforeId));
        _cursor = new TwoWayCursor("after:", "before:", afterId, beforeId, names, pageSize, cancellationToken, operation);
        _fetch = fetch ?? throw new ArgumentNullException(nameof(fetch));
        _idOf = idOf ?? throw new ArgumentNullException(nameof(idOf));
    }

    /// <inheritdoc />
    public override IAsyncEnumerable<Page<T>> AsPages(string? continuationToken = null, int? pageSizeHint = null) =>
        _cursor.Pages<T>(continuationToken, pageSizeHint, async (back, at, pageSize, token) =>
        {
            var result = await _fetch(back ? new IdCursorRequest(pageSize, null, at) : new IdCursorRequest(pageSize, at, null), token).ConfigureAwait(false);
            if (!result.HasMore)
            {
                return (result.Items, null, null);
            }

            if (result.Items.Count == 0)
            {
                throw new ApiPagingException("The server returned an empty page with has_more = true; paging stopped to avoid an endless loop.");
            }

            var next = _idOf(back ? result.Items[0] : result.Items[result.Items.Count - 1]);
            return string.IsNullOrEmpty(next) ? throw new ApiPagingException("An item of the page has no id to page from.") : (result.Items, next, (long?)null);
        });
}
