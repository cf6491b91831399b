using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;

namespace Engage.Codegen.Runtime;

/// <summary>
/// What every paging style shares: continuation tokens that name a direction and a cursor, linked
/// cancellation, and the loop that stops a server which repeats a cursor or sends an empty page
/// that claims more.
/// </summary>
internal static class PagingCore
{
    /// <summary>Reads a continuation token ("forward-prefix:cursor" or "backward-prefix:cursor") over the start the caller set.</summary>
    public static (bool Backwards, string? Cursor) Start(string? continuationToken, string forwardPrefix, string backwardPrefix, bool backwards, string? cursor, int? pageSizeHint)
    {
        if (pageSizeHint is <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(pageSizeHint), "The page size must be positive.");
        }

        if (continuationToken is null)
        {
            return (backwards, cursor);
        }

        if (continuationToken.StartsWith(forwardPrefix, StringComparison.Ordinal))
        {
            return (false, continuationToken.Substring(forwardPrefix.Length));
        }

        if (continuationToken.StartsWith(backwardPrefix, StringComparison.Ordinal))
        {
            return (true, continuationToken.Substring(backwardPrefix.Length));
        }

        throw new ArgumentException("The continuation token did not come from a page of this kind of list.", nameof(continuationToken));
    }

    /// <summary>
    /// Enumerates pages. <paramref name="fetch"/> requests the page at a cursor in the given
    /// direction and returns its items, the cursor of the next page in that direction (null at the end)
    /// and the total item count when the server reports one.
    /// </summary>
    public static async IAsyncEnumerable<Page<T>> Enumerate<T>(
        Func<bool, string?, CancellationToken, Task<(IReadOnlyList<T> Items, string? Next, long? Total)>> fetch,
        bool backwards,
        string? cursor,
        string forwardPrefix,
        string backwardPrefix,
        CancellationToken callToken,
        string? operation,
        [EnumeratorCancellation] CancellationToken enumeratorToken = default)
    {
        // One span covers the whole enumeration; each page request's span is its child.
        using var activity = operation is not null && ApiDiagnostics.Source.HasListeners()
            ? ApiDiagnostics.Source.StartActivity(operation, ActivityKind.Internal)
            : null;
        var pages = 0;
        var itemCount = 0;
        using var linked = enumeratorToken.CanBeCanceled && callToken.CanBeCanceled
            ? CancellationTokenSource.CreateLinkedTokenSource(enumeratorToken, callToken)
            : null;
        var token = linked?.Token ?? (enumeratorToken.CanBeCanceled ? enumeratorToken : callToken);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        if (cursor is not null)
        {
            seen.Add(cursor);
        }

        while (true)
        {
            token.ThrowIfCancellationRequested();
            IReadOnlyList<T> items;
            string? next;
            long? total;
            var outer = Activity.Current;
            try
            {
                if (activity is not null)
                {
                    Activity.Current = activity;
                }

                (items, next, total) = await fetch(backwards, cursor, token).ConfigureAwait(false);
                if (next is not null)
                {
                    if (items.Count == 0)
                    {
                        throw new ApiPagingException("The server returned an empty page that claims more; paging stopped to avoid an endless loop.");
                    }

                    if (!seen.Add(next))
                    {
                        throw new ApiPagingException($"The server returned a page ending at a cursor it had returned before ({next}); paging stopped to avoid an endless loop.");
                    }
                }
            }
            catch (Exception exception) when (activity is not null)
            {
                ApiDiagnostics.Fail(activity, exception.GetType().FullName!, exception.Message);
                throw;
            }
            finally
            {
                if (activity is not null)
                {
                    Activity.Current = outer;
                }
            }

            pages++;
            itemCount += items.Count;
            activity?.SetTag("engage.pages", pages);
            activity?.SetTag("engage.items", itemCount);

            yield return Page<T>.FromValues(items, next is not null, next is null ? null : (backwards ? backwardPrefix : forwardPrefix) + next, total);
            if (next is null)
            {
                yield break;
            }

            cursor = next;
        }
    }
}
