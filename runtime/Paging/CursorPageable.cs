using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Runtime.CompilerServices;
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
    private const string NextPrefix = "next:";
    private const string PreviousPrefix = "previous:";

    private readonly Func<CursorRequest, CancellationToken, Task<CursorResult<T>>> _fetch;
    private readonly string? _nextCursor;
    private readonly string? _previousCursor;
    private readonly int? _pageSize;
    private readonly CancellationToken _cancellationToken;

    /// <summary>Creates the pageable.</summary>
    /// <param name="fetch">Requests one page.</param>
    /// <param name="nextCursor">Start from this <c>next_cursor</c> (forwards), or null.</param>
    /// <param name="previousCursor">Start from this <c>previous_cursor</c> (backwards), or null. Only one of the two.</param>
    /// <param name="pageSize">Items per request, or null for the server's default.</param>
    /// <param name="cancellationToken">The token of the call that created the pageable.</param>
    public CursorPageable(
        Func<CursorRequest, CancellationToken, Task<CursorResult<T>>> fetch,
        string? nextCursor,
        string? previousCursor,
        int? pageSize,
        CancellationToken cancellationToken)
    {
        if (nextCursor is not null && previousCursor is not null)
        {
            throw new ArgumentException("Only one of next_cursor and previous_cursor can be set.", nameof(previousCursor));
        }

        _fetch = fetch ?? throw new ArgumentNullException(nameof(fetch));
        _nextCursor = nextCursor;
        _previousCursor = previousCursor;
        _pageSize = pageSize;
        _cancellationToken = cancellationToken;
    }

    /// <inheritdoc />
    public override IAsyncEnumerable<Page<T>> AsPages(string? continuationToken = null, int? pageSizeHint = null)
    {
        var backwards = _previousCursor is not null;
        var cursor = backwards ? _previousCursor : _nextCursor;
        if (continuationToken is not null)
        {
            if (continuationToken.StartsWith(NextPrefix, StringComparison.Ordinal))
            {
                backwards = false;
                cursor = continuationToken.Substring(NextPrefix.Length);
            }
            else if (continuationToken.StartsWith(PreviousPrefix, StringComparison.Ordinal))
            {
                backwards = true;
                cursor = continuationToken.Substring(PreviousPrefix.Length);
            }
            else
            {
                throw new ArgumentException("The continuation token did not come from a page of this kind of list.", nameof(continuationToken));
            }
        }

        if (pageSizeHint is <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(pageSizeHint), "The page size must be positive.");
        }

        return EnumeratePages(backwards, cursor, pageSizeHint ?? _pageSize, default);
    }

    private async IAsyncEnumerable<Page<T>> EnumeratePages(
        bool backwards,
        string? cursor,
        int? pageSize,
        [EnumeratorCancellation] CancellationToken enumeratorToken)
    {
        using var linked = enumeratorToken.CanBeCanceled && _cancellationToken.CanBeCanceled
            ? CancellationTokenSource.CreateLinkedTokenSource(enumeratorToken, _cancellationToken)
            : null;
        var token = linked?.Token ?? (enumeratorToken.CanBeCanceled ? enumeratorToken : _cancellationToken);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        if (cursor is not null)
        {
            seen.Add(cursor);
        }

        while (true)
        {
            token.ThrowIfCancellationRequested();
            var request = backwards ? new CursorRequest(pageSize, null, cursor) : new CursorRequest(pageSize, cursor, null);
            var result = await _fetch(request, token).ConfigureAwait(false);
            var next = backwards ? result.PreviousCursor : result.NextCursor;
            if (next is not null)
            {
                if (result.Items.Count == 0)
                {
                    throw new ApiPagingException("The server returned an empty page with a cursor to more; paging stopped to avoid an endless loop.");
                }

                if (!seen.Add(next))
                {
                    throw new ApiPagingException("The server returned a cursor it had returned before; paging stopped to avoid an endless loop.");
                }
            }

            yield return Page<T>.FromValues(result.Items, next is not null, next is null ? null : (backwards ? PreviousPrefix : NextPrefix) + next);
            if (next is null)
            {
                yield break;
            }

            cursor = next;
        }
    }
}
