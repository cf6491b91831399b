using Markdig;
using System.Collections.Immutable;
using System.Diagnostics.Tracing;
using Engage.Codegen.Emit;
using Engage.Codegen.Inference;
using Engage.Codegen.Model;
using Engage.Codegen.Parsing;

namespace Engage.Codegen.Benchmarks;

/// <summary>
/// `-- --allocations`: what each stage allocates on the synthetic set, exactly (the thread's allocated bytes), and by
/// type, sampled by the runtime's allocation ticks (one event per ~100 KB): where to look before changing anything.
/// Not a measurement to publish; the benchmarks are (MemoryDiagnoser).
/// </summary>
internal static class AllocationSampler
{
    private static readonly Markdig.MarkdownPipeline s_pipeline = new Markdig.MarkdownPipelineBuilder().UseYamlFrontMatter().UsePipeTables().Build();

    public static void Run()
    {
        var sources = SyntheticDocs.Pages(100).Select(p => new DocSource(p.Path, p.Text)).ToList();
        for (var warm = 0; warm < 3; warm++)
        {
            Stages(sources, null);
        }

        using var listener = new TickListener();
        var bytes = Stages(sources, listener);
        Console.WriteLine($"parse {bytes.Parse / 1024:N0} KB, inference {bytes.Infer / 1024:N0} KB, emission {bytes.Emit / 1024:N0} KB (its text: {bytes.Chars * 2 / 1024:N0} KB)");
        foreach (var (stage, types) in listener.ByStage)
        {
            Console.WriteLine($"== {stage}: sampled types (~100 KB a tick)");
            foreach (var (type, ticks) in types.OrderByDescending(t => t.Value).Take(12))
            {
                Console.WriteLine($"  {ticks,5}  {type}");
            }
        }
    }

    private static (long Parse, long Infer, long Emit, long Chars) Stages(List<DocSource> sources, TickListener? listener)
    {
        if (listener is not null) listener.Stage = "markdig alone";
        var floor = GC.GetAllocatedBytesForCurrentThread();
        var blocks = sources.Sum(s => Markdig.Markdown.Parse(s.Text, s_pipeline).Count);
        if (listener is not null) listener.Stage = "parse";
        var start = GC.GetAllocatedBytesForCurrentThread();
        GC.KeepAlive(blocks);
        if (listener is not null) Console.WriteLine($"Markdig's parse alone: {(start - floor) / 1024:N0} KB");
        var docs = sources.Select(s => DocParser.Parse(s, CancellationToken.None)).ToImmutableArray();
        var parsed = GC.GetAllocatedBytesForCurrentThread();
        if (listener is not null) listener.Stage = "inference";
        var api = ApiBuilder.Build(docs, new GeneratorSettings("Bench", null, null), CancellationToken.None).Api;
        var inferred = GC.GetAllocatedBytesForCurrentThread();
        if (listener is not null) listener.Stage = "emission";
        var length = Emitter.Emit(api).Sum(f => f.Text.Length);
        var emitted = GC.GetAllocatedBytesForCurrentThread();
        if (listener is not null) listener.Stage = "after";
        GC.KeepAlive(length);
        return (parsed - start, inferred - parsed, emitted - inferred, length);
    }

    private sealed class TickListener : EventListener
    {
        public volatile string Stage = "before";

        public Dictionary<string, Dictionary<string, int>> ByStage { get; } = new();

        protected override void OnEventSourceCreated(EventSource source)
        {
            if (source.Name == "Microsoft-Windows-DotNETRuntime")
            {
                EnableEvents(source, EventLevel.Verbose, (EventKeywords)0x1); // GC keyword: AllocationTick_V4
            }
        }

        protected override void OnEventWritten(EventWrittenEventArgs data)
        {
            if (data.EventName is not { } name || !name.StartsWith("GCAllocationTick", StringComparison.Ordinal) || Stage is "before" or "after")
            {
                return;
            }

            var index = data.PayloadNames?.IndexOf("TypeName") ?? -1;
            var type = index >= 0 ? data.Payload?[index] as string ?? "?" : "?";
            lock (ByStage)
            {
                if (!ByStage.TryGetValue(Stage, out var types))
                {
                    ByStage[Stage] = types = new Dictionary<string, int>();
                }

                types[type] = types.TryGetValue(type, out var count) ? count + 1 : 1;
            }
        }
    }
}
