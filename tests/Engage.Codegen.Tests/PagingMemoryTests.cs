using Engage.Codegen.Runtime;

namespace Engage.Codegen.Tests;

/// <summary>Measures process memory, so it runs alone: other tests allocating in parallel would blur what it reads.</summary>
[CollectionDefinition("Memory", DisableParallelization = true)]
public sealed class MemoryCollection
{
}

[Collection("Memory")]
public sealed class PagingMemoryTests
{
    [Fact]
    public async Task Paging_streams_pages_already_enumerated_are_not_kept()
    {
        var seenPages = new List<WeakReference>();
        var pageable = new IdCursorPageable<string>(
            (request, _) =>
            {
                var start = request.AfterId is null ? 0 : int.Parse(request.AfterId) + 1;
                var items = Enumerable.Range(start, 30).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray();
                seenPages.Add(new WeakReference(items));
                return Task.FromResult(new IdCursorResult<string>(items, hasMore: start + 30 < 30 * 200));
            },
            item => item, null, null, 30, CancellationToken.None);

        var count = 0;
        long? memoryAtPage20 = null;
        await foreach (var item in pageable)
        {
            count++;
            if (count == 30 * 20)
            {
                GC.Collect();
                GC.WaitForPendingFinalizers();
                memoryAtPage20 = GC.GetTotalMemory(forceFullCollection: true);
            }
        }

        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        Assert.Equal(30 * 200, count);
        Assert.Equal(200, seenPages.Count);
        Assert.True(seenPages.Take(190).Count(w => w.IsAlive) <= 1, $"{seenPages.Take(190).Count(w => w.IsAlive)} of the first 190 pages are still alive");
        Assert.True(GC.GetTotalMemory(forceFullCollection: true) - memoryAtPage20!.Value < 1_000_000, "memory grew with the number of pages");
    }
}
