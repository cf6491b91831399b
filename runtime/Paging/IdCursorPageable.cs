using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Runtime.CompilerServices;
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

/// <summary>The server broke the paging contract (for example repeated a cursor); paging stopped instead of looping.</summary>
public sealed class ApiPagingException : InvalidOperationException
{
    /// <summary>Creates the exception.</summary>
    public ApiPagingException(string message) : base(message)
    {
    }
}

/// <summary>
/// Pages with <c>before_id</c>/<c>after_id</c> and <c>has_more</c>: the next page forwards is
/// <c>after_id</c> = the last item's id, backwards <c>before_id</c> = the first item's id;
/// <c>has_more</c> speaks of the direction of paging. Used by generated code.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class IdCursorPageable<T> : AsyncPageable<T>
{
    private const string AfterPrefix = "after:";
    private const string BeforePrefix = "before:";

    private readonly Func<IdCursorRequest, CancellationToken, Task<IdCursorResult<T>>> _fetch;
    private readonly Func<T, string?> _idOf;
    private readonly string? _afterId;
    private readonly string? _beforeId;
    private readonly int? _pageSize;
    private readonly CancellationToken _cancellationToken;

    /// <summary>Creates the pageable.</summary>
    /// <param name="fetch">Requests one page.</param>
    /// <param name="idOf">The cursor id of an item.</param>
    /// <param name="afterId">Start after this id (forwards), or null.</param>
    /// <param name="beforeId">Start before this id (backwards), or null. Only one of the two.</param>
    /// <param name="pageSize">Items per request, or null for the server's default.</param>
    /// <param name="cancellationToken">The token of the call that created the pageable.</param>
    public IdCursorPageable(
        Func<IdCursorRequest, CancellationToken, Task<IdCursorResult<T>>> fetch,
        Func<T, string?> idOf,
        string? afterId,
        string? beforeId,
        int? pageSize,
        CancellationToken cancellationToken)
    {
        if (afterId is not null && beforeId is not null)
        {
            throw new ArgumentException("Only one of after_id and before_id can be set.", nameof(beforeId));
        }

        _fetch = fetch ?? throw new ArgumentNullException(nameof(fetch));
        _idOf = idOf ?? throw new ArgumentNullException(nameof(idOf));
        _afterId = afterId;
        _beforeId = beforeId;
        _pageSize = pageSize;
        _cancellationToken = cancellationToken;
    }

    /// <inheritdoc />
    public override IAsyncEnumerable<Page<T>> AsPages(string? continuationToken = null, int? pageSizeHint = null)
    {
        var backwards = _beforeId is not null;
        var cursor = backwards ? _beforeId : _afterId;
        if (continuationToken is not null)
        {
            if (continuationToken.StartsWith(AfterPrefix, StringComparison.Ordinal))
            {
                backwards = false;
                cursor = continuationToken.Substring(AfterPrefix.Length);
            }
            else if (continuationToken.StartsWith(BeforePrefix, StringComparison.Ordinal))
            {
                backwards = true;
                cursor = continuationToken.Substring(BeforePrefix.Length);
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
            var request = backwards
                ? new IdCursorRequest(pageSize, null, cursor)
                : new IdCursorRequest(pageSize, cursor, null);
            var result = await _fetch(request, token).ConfigureAwait(false);
            string? next = null;
            if (result.HasMore)
            {
                if (result.Items.Count == 0)
                {
                    throw new ApiPagingException("The server returned an empty page with has_more = true; paging stopped to avoid an endless loop.");
                }

                next = _idOf(backwards ? result.Items[0] : result.Items[result.Items.Count - 1]);
                if (string.IsNullOrEmpty(next))
                {
                    throw new ApiPagingException("An item of the page has no id to page from.");
                }

                if (!seen.Add(next!))
                {
                    throw new ApiPagingException($"The server returned a page ending at an id it had returned before ({next}); paging stopped to avoid an endless loop.");
                }
            }

            yield return Page<T>.FromValues(result.Items, result.HasMore, next is null ? null : (backwards ? BeforePrefix : AfterPrefix) + next);
            if (next is null)
            {
                yield break;
            }

            cursor = next;
        }
    }
}
