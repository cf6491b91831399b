using System;
using System.Collections.Generic;

namespace Engage.Codegen.Runtime;

/// <summary>One page of a paged list.</summary>
/// <typeparam name="T">The item type.</typeparam>
public sealed class Page<T>
{
    private Page(IReadOnlyList<T> values, bool hasMore, string? continuationToken, long? totalCount)
    {
        TotalCount = totalCount;
        Values = values;
        HasMore = hasMore;
        ContinuationToken = continuationToken;
    }

    /// <summary>The items of this page, in the order the server sent them.</summary>
    public IReadOnlyList<T> Values { get; }

    /// <summary>Whether more items lie further in the direction of paging (the server's <c>has_more</c>, next cursor or next link).</summary>
    public bool HasMore { get; }

    /// <summary>A token that resumes paging after this page (pass it to <see cref="AsyncPageable{T}.AsPages"/>), or null on the last page.</summary>
    public string? ContinuationToken { get; }

    /// <summary>
    /// How many items the whole list holds, as the server reported with this page (an <c>X-Total-Count</c>
    /// header or a <c>total</c> field); null when the API reports no total.
    /// </summary>
    public long? TotalCount { get; }

    /// <summary>Creates a page; also for tests of code that uses a generated client.</summary>
    public static Page<T> FromValues(IReadOnlyList<T> values, bool hasMore, string? continuationToken)
        => new(values ?? throw new ArgumentNullException(nameof(values)), hasMore, continuationToken, null);

    /// <summary>Creates a page with the list's total item count; also for tests of code that uses a generated client.</summary>
    public static Page<T> FromValues(IReadOnlyList<T> values, bool hasMore, string? continuationToken, long? totalCount)
        => new(values ?? throw new ArgumentNullException(nameof(values)), hasMore, continuationToken, totalCount);
}
