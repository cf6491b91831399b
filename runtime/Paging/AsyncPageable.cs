using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading.Tasks;
using System.Threading;

namespace Engage.Codegen.Runtime;

/// <summary>
/// A list the server returns page by page. <c>await foreach</c> over it yields every item across
/// pages; <see cref="AsPages"/> yields the pages themselves.
/// </summary>
/// <typeparam name="T">The item type.</typeparam>
public abstract class AsyncPageable<T> : IAsyncEnumerable<T>
{
    private long? _totalCount;

    /// <summary>
    /// How many items the whole list holds, as the server last reported it (a total-count header or
    /// body field); null before the first page arrives or when the API reports no total.
    /// </summary>
    public virtual long? TotalCount => _totalCount;

    /// <summary>Records the total the server reported with a page.</summary>
    private protected void ReportTotal(long? totalCount)
    {
        if (totalCount is not null)
        {
            _totalCount = totalCount;
        }
    }

    /// <summary>Enumerates pages, starting at a continuation token from an earlier page, or at the start.</summary>
    /// <param name="continuationToken">A <see cref="Page{T}.ContinuationToken"/> to resume from, or null.</param>
    /// <param name="pageSizeHint">Items per request; null uses the caller's or the documented maximum.</param>
    public abstract IAsyncEnumerable<Page<T>> AsPages(string? continuationToken = null, int? pageSizeHint = null);

    /// <summary>Enumerates every item of every page.</summary>
    public virtual async IAsyncEnumerator<T> GetAsyncEnumerator(CancellationToken cancellationToken = default)
    {
        await foreach (var page in AsPages().WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            foreach (var item in page.Values)
            {
                yield return item;
            }
        }
    }

    /// <summary>
    /// The same list, stopped after <paramref name="maxItems"/> items or <paramref name="maxPages"/>
    /// pages, whichever comes first; no page beyond the limit is requested. When the item limit falls
    /// inside a page, that page is cut short and has no continuation token (resuming from it would skip
    /// the items cut off); resume from the page before it instead.
    /// </summary>
    /// <param name="maxItems">The most items to yield, or null for no item limit.</param>
    /// <param name="maxPages">The most pages to request, or null for no page limit.</param>
    public AsyncPageable<T> WithLimits(int? maxItems = null, int? maxPages = null)
    {
        if (maxItems is <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(maxItems), "The item limit must be positive.");
        }

        if (maxPages is <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(maxPages), "The page limit must be positive.");
        }

        return new LimitedPageable(this, maxItems, maxPages);
    }

    /// <summary>A pageable over fixed pages, for tests of code that uses a generated client.</summary>
    public static AsyncPageable<T> FromPages(IEnumerable<Page<T>> pages) => new StaticPageable(pages);

    private sealed class LimitedPageable : AsyncPageable<T>
    {
        private readonly AsyncPageable<T> _inner;
        private readonly int? _maxItems;
        private readonly int? _maxPages;

        public LimitedPageable(AsyncPageable<T> inner, int? maxItems, int? maxPages)
        {
            _inner = inner;
            _maxItems = maxItems;
            _maxPages = maxPages;
        }

        public override long? TotalCount => _inner.TotalCount;

        public override IAsyncEnumerable<Page<T>> AsPages(string? continuationToken = null, int? pageSizeHint = null) =>
            Limit(_inner.AsPages(continuationToken, pageSizeHint));

        private async IAsyncEnumerable<Page<T>> Limit(IAsyncEnumerable<Page<T>> pages, [EnumeratorCancellation] CancellationToken cancellationToken = default)
        {
            var items = 0;
            var count = 0;
            await foreach (var page in pages.WithCancellation(cancellationToken).ConfigureAwait(false))
            {
                count++;
                if (_maxItems is { } maxItems && items + page.Values.Count >= maxItems)
                {
                    var room = maxItems - items;
                    yield return room == page.Values.Count
                        ? page
                        : Page<T>.FromValues(page.Values.Take(room).ToArray(), hasMore: true, continuationToken: null, page.TotalCount);
                    yield break;
                }

                items += page.Values.Count;
                yield return page;
                if (count == _maxPages)
                {
                    yield break;
                }
            }
        }
    }

    private sealed class StaticPageable : AsyncPageable<T>
    {
        private readonly IEnumerable<Page<T>> _pages;

        public StaticPageable(IEnumerable<Page<T>> pages) => _pages = pages;

        public override async IAsyncEnumerable<Page<T>> AsPages(string? continuationToken = null, int? pageSizeHint = null)
        {
            foreach (var page in _pages)
            {
                yield return page;
            }

            await System.Threading.Tasks.Task.CompletedTask.ConfigureAwait(false);
        }
    }
}
