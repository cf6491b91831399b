using System.Collections.Generic;
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

    /// <summary>A pageable over fixed pages, for tests of code that uses a generated client.</summary>
    public static AsyncPageable<T> FromPages(IEnumerable<Page<T>> pages) => new StaticPageable(pages);

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
