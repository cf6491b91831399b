using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace Engage.Codegen.Runtime;

/// <summary>
/// What both cursor styles share (<see cref="CursorPageable{T}"/> and <see cref="IdCursorPageable{T}"/>): where to
/// start, a cursor in one direction or the other but not both; the page size; the call's token and the span's
/// name; and the enumeration, which reads a continuation token with the style's two prefixes and asks the style
/// for each page (its items and the cursor of the next page in the direction of paging).
/// </summary>
internal readonly struct TwoWayCursor
{
    private readonly string _forwardPrefix;
    private readonly string _backwardPrefix;
    private readonly string? _forward;
    private readonly string? _backward;
    private readonly int? _pageSize;
    private readonly CancellationToken _cancellationToken;
    private readonly string? _operation;

    /// <param name="forwardPrefix">The continuation token's prefix forwards (<c>next:</c>).</param>
    /// <param name="backwardPrefix">The continuation token's prefix backwards (<c>previous:</c>).</param>
    /// <param name="forward">The cursor to start from forwards, or null.</param>
    /// <param name="backward">The cursor to start from backwards, or null.</param>
    /// <param name="names">The two cursors' wire names and the backward one's parameter, for the message when both are set.</param>
    /// <param name="pageSize">Items per request, or null for the server's default.</param>
    /// <param name="cancellationToken">The token of the call that created the pageable.</param>
    /// <param name="operation">The operation's name for the span that covers all pages; null for none.</param>
    public TwoWayCursor(
        string forwardPrefix,
        string backwardPrefix,
        string? forward,
        string? backward,
        (string Forward, string Backward, string BackwardParameter) names,
        int? pageSize,
        CancellationToken cancellationToken,
        string? operation)
    {
        if (forward is not null && backward is not null)
        {
            throw new ArgumentException($"Only one of {names.Forward} and {names.Backward} can be set.", names.BackwardParameter);
        }

        _forwardPrefix = forwardPrefix;
        _backwardPrefix = backwardPrefix;
        _forward = forward;
        _backward = backward;
        _pageSize = pageSize;
        _cancellationToken = cancellationToken;
        _operation = operation;
    }

    /// <summary>The pages from where the continuation token (or the start) says, each asked of <paramref name="page"/> with the page size.</summary>
    public IAsyncEnumerable<Page<T>> Pages<T>(
        string? continuationToken,
        int? pageSizeHint,
        Func<bool, string?, int?, CancellationToken, Task<(IReadOnlyList<T> Items, string? Next, long? Total)>> page)
    {
        var (backwards, cursor) = PagingCore.Start(continuationToken, _forwardPrefix, _backwardPrefix, _backward is not null, _backward ?? _forward, pageSizeHint);
        var pageSize = pageSizeHint ?? _pageSize;
        return PagingCore.Enumerate<T>(
            (back, at, token) => page(back, at, pageSize, token),
            backwards,
            cursor,
            _forwardPrefix,
            _backwardPrefix,
            _cancellationToken,
            _operation);
    }
}
