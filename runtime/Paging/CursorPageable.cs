using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Threading;
using System.Threading.Tasks;

namespace Engage.Codegen.Runtime;

/// <summary>What one page request of an opaque-cursor list asks for.</summary>
public readonly struct CursorRequest
{
    /// <summary>Creates the request.</summary>
    public CursorRequest(int? limit, string? nextCursor, string? previousCursor)
    {
        Limit = limit;
        NextCursor = nextCursor;
        PreviousCursor = previousCursor;
    }

    /// <summary>Items per page, or null for the server's default.</summary>
    public int? Limit { get; }

    /// <summary>The <c>next_cursor</c> to send, or null.</summary>
    public string? NextCursor { get; }

    /// <summary>The <c>previous_cursor</c> to send, or null.</summary>
    public string? PreviousCursor { get; }

    /// <summary>Whether this is the first request of the enumeration (no cursor yet).</summary>
    public bool IsFirst => NextCursor is null && PreviousCursor is null;
}

/// <summary>What the server returned for one page of an opaque-cursor list.</summary>
public readonly struct CursorResult<T>
{
    /// <summary>Creates the result.</summary>
    public CursorResult(IReadOnlyList<T>? items, string? nextCursor, string? previousCursor)
    {
        Items = items ?? Array.Empty<T>();
        NextCursor = string.IsNullOrEmpty(nextCursor) ? null : nextCursor;
        PreviousCursor = string.IsNullOrEmpty(previousCursor) ? null : previousCursor;
    }

    /// <summary>The page's items.</summary>
    public IReadOnlyList<T> Items { get; }

    /// <summary>The server's <c>next_cursor</c>, null at the end.</summary>
    public string? NextCursor { get; }

    /// <summary>The server's <c>previous_cursor</c>, null at the start.</summary>
    public string? PreviousCursor { get; }
}

/// <summary>
/// Pages with opaque cursors: each response carries <c>next_cursor</c> and/or
/// <c>previous_cursor</c>, and a request passes one back as the query parameter of the same name.
/// Forwards follows <c>next_cursor</c>, backwards <c>previous_cursor</c>; paging ends where the
/// cursor in its direction is missing. Used by generated code.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class CursorPageable<T> : AsyncPageable<T>
{
    private readonly Func<CursorRequest, CancellationToken, Task<CursorResult<T>>> _fetch;
    private readonly TwoWayCursor _cursor;

    /// <summary>Creates the pageable.</summary>
    /// <param name="fetch">Requests one page.</param>
    /// <param name="nextCursor">Start from this <c>next_cursor</c> (forwards), or null.</param>
    /// <param name="previousCursor">Start from this <c>previous_cursor</c> (backwards), or null. Only one of the two.</param>
    /// <param name="pageSize">Items per request, or null for the server's default.</param>
    /// <param name="cancellationToken">The token of the call that created the pageable.</param>
    /// <param name="operation">The operation's name for the span that covers all pages, e.g. "Users.List"; null for none.</param>
    public CursorPageable(
        Func<CursorRequest, CancellationToken, Task<CursorResult<T>>> fetch,
        string? nextCursor,
        string? previousCursor,
        int? pageSize,
        CancellationToken cancellationToken,
        string? operation = null)
    {
        var names = ("next_cursor", "previous_cursor", nameof(previousCursor));
        _cursor = new TwoWayCursor("next:", "previous:", nextCursor, previousCursor, names, pageSize, cancellationToken, operation);
        _fetch = fetch ?? throw new ArgumentNullException(nameof(fetch));
    }

    /// <inheritdoc />
    public override IAsyncEnumerable<Page<T>> AsPages(string? continuationToken = null, int? pageSizeHint = null) =>
        _cursor.Pages<T>(continuationToken, pageSizeHint, async (back, at, pageSize, token) =>
        {
            var result = await _fetch(back ? new CursorRequest(pageSize, null, at) : new CursorRequest(pageSize, at, null), token).ConfigureAwait(false);
            return (result.Items, back ? result.PreviousCursor : result.NextCursor, null);
        });
}
