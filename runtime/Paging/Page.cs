using System;
using System.Collections.Generic;

namespace Engage.Codegen.Runtime;

/// <summary>One page of a paged list.</summary>
/// <typeparam name="T">The item type.</typeparam>
public sealed class Page<T>
{
    private Page(IReadOnlyList<T> values, bool hasMore, string? continuationToken)
    {
        Values = values;
        HasMore = hasMore;
        ContinuationToken = continuationToken;
    }

    /// <summary>The items of this page, in the order the server sent them.</summary>
    public IReadOnlyList<T> Values { get; }

    /// <summary>The server's <c>has_more</c>: whether more items lie further in the direction of paging.</summary>
    public bool HasMore { get; }

    /// <summary>A token that resumes paging after this page (pass it to <see cref="AsyncPageable{T}.AsPages"/>), or null on the last page.</summary>
    public string? ContinuationToken { get; }

    /// <summary>Creates a page; also for tests of code that uses a generated client.</summary>
    public static Page<T> FromValues(IReadOnlyList<T> values, bool hasMore, string? continuationToken)
        => new(values ?? throw new ArgumentNullException(nameof(values)), hasMore, continuationToken);
}
