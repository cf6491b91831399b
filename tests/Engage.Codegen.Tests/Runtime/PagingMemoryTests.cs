using Engage.Codegen.Runtime;

namespace Engage.Codegen.Tests;

/// <summary>Measures process memory, so it runs alone: other tests allocating in parallel would blur what it reads.</summary>
[CollectionDefinition("Memory", DisableParallelization = true)]
public sealed class MemoryCollection
{
}

/// <summary>
/// Paging streams: a page already enumerated is not kept. Each item is an 8 KB string, so the 200
/// pages of 30 items are about 49 MB; keeping even a tenth of them would break the 1 MB bound.
/// </summary>
[Collection("Memory")]
public sealed class PagingMemoryTests
{
    private const int PageSize = 30;
    private const int Pages = 200;
    private static readonly string s_filler = new('x', 4096);

    private static string[] PageOfItems(int start, List<WeakReference> seenPages)
    {
        var items = Enumerable.Range(start, PageSize).Select(i => s_filler + i.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        seenPages.Add(new WeakReference(items));
        return items;
    }

    [Fact]
    public async Task Id_cursor_paging_keeps_no_page_already_enumerated()
    {
        var seenPages = new List<WeakReference>();
        var pageable = new IdCursorPageable<string>(
            (request, _) =>
            {
                var start = request.AfterId is null ? 0 : int.Parse(request.AfterId.Substring(s_filler.Length)) + 1;
                return Task.FromResult(new IdCursorResult<string>(PageOfItems(start, seenPages), hasMore: start + PageSize < PageSize * Pages));
            },
            item => item, null, null, PageSize, CancellationToken.None);
        await AssertStreams(pageable, seenPages);
    }

    [Fact]
    public async Task Page_number_paging_keeps_no_page_already_enumerated()
    {
        var seenPages = new List<WeakReference>();
        var pageable = new PageNumberPageable<string>(
            (request, _) => Task.FromResult(new PageResult<string>(
                request.PageNumber <= Pages ? PageOfItems((request.PageNumber - 1) * PageSize, seenPages) : Array.Empty<string>(),
                fingerprint: request.PageNumber)),
            1, null, PageSize, linksOnly: false, shortPageEnds: false, null, CancellationToken.None);
        await AssertStreams(pageable, seenPages);
    }

    private static async Task AssertStreams(AsyncPageable<string> pageable, List<WeakReference> seenPages)
    {
        var count = 0;
        long? memoryAtPage20 = null;
        await foreach (var item in pageable)
        {
            count++;
            if (count == PageSize * 20)
            {
                GC.Collect();
                GC.WaitForPendingFinalizers();
                memoryAtPage20 = GC.GetTotalMemory(forceFullCollection: true);
            }
        }

        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        Assert.Equal(PageSize * Pages, count);
        Assert.Equal(Pages, seenPages.Count);
        Assert.True(seenPages.Take(Pages - 10).Count(w => w.IsAlive) <= 1, $"{seenPages.Take(Pages - 10).Count(w => w.IsAlive)} of the first {Pages - 10} pages are still alive");
        Assert.True(GC.GetTotalMemory(forceFullCollection: true) - memoryAtPage20!.Value < 1_000_000, "memory grew with the number of pages");
    }
}
