using System.Collections.Immutable;
using System.Diagnostics;
using System.Text;
using Engage.Codegen.Emit;
using Engage.Codegen.Inference;
using Engage.Codegen.Model;
using Engage.Codegen.Parsing;

namespace Engage.Codegen.Tests;

/// <summary>
/// Generation time grows linearly with the docs: 1x, 4x and 16x the same kind of pages, asserted as
/// ratios with generous slack (a quadratic step would give 16x and 256x), never as absolute time.
/// Runs alone (the memory collection) so parallel tests do not blur the timings.
/// </summary>
[Collection("Memory")]
public sealed class GenerationScalingTests
{
    private static List<DocSource> Docs(int pages)
    {
        var docs = new List<DocSource> { new("/scale/index.md", "# The Scale API\n\nBase URL: `https://api.scale.test/v1`\n") };
        for (var page = 0; page < pages; page++)
        {
            var text = new StringBuilder($"# Things{page}\n\n## The Thing{page} object\n\n```json\n{{\"id\": \"t1\", \"name\": \"n\", \"count\": 3, \"created_at\": \"2026-01-01T00:00:00Z\"}}\n```\n\n");
            for (var endpoint = 0; endpoint < 10; endpoint++)
            {
                text.Append($"## Update thing {endpoint}\n\nUpdates part {endpoint} of a thing.\n\n```\nPUT /things{page}/{{id}}/part{endpoint}\n```\n\n- `name` - Required. The new name.\n- `count` - Optional. How many.\n\n```json\n{{\"id\": \"t1\", \"name\": \"n\", \"count\": 3, \"part\": {endpoint}}}\n```\n\n");
            }

            docs.Add(new DocSource($"/scale/things{page}.md", text.ToString()));
        }

        return docs;
    }

    /// <summary>Parse, infer and emit, as the generator's pipeline does; the median of five runs.</summary>
    private static (TimeSpan Median, int Files) Generate(List<DocSource> docs)
    {
        var times = new List<TimeSpan>();
        var files = 0;
        for (var run = 0; run < 5; run++)
        {
            var stopwatch = Stopwatch.StartNew();
            var parsed = docs.Select(d => DocParser.Parse(d, CancellationToken.None)).ToImmutableArray();
            var api = ApiBuilder.Build(parsed, new GeneratorSettings("Scale", null, null), CancellationToken.None).Api;
            files = Emitter.Emit(api).Count();
            times.Add(stopwatch.Elapsed);
        }

        return (times.Order().ElementAt(2), files);
    }

    [Fact]
    public void Generation_time_grows_linearly_with_the_docs()
    {
        Generate(Docs(2)); // warm up the JIT and regex caches
        var (one, filesOne) = Generate(Docs(4));
        var (four, filesFour) = Generate(Docs(16));
        var (sixteen, filesSixteen) = Generate(Docs(64));

        // The work really grew: four and sixteen times the resources.
        Assert.True(filesFour > 3 * filesOne && filesSixteen > 3 * filesFour, $"files {filesOne}, {filesFour}, {filesSixteen}");
        var ratioFour = four / one;
        var ratioSixteen = sixteen / one;
        Assert.True(ratioFour < 4 * 4, $"4x the docs took {ratioFour:F1}x the time ({one.TotalMilliseconds:F0} ms -> {four.TotalMilliseconds:F0} ms)");
        Assert.True(ratioSixteen < 16 * 4, $"16x the docs took {ratioSixteen:F1}x the time ({one.TotalMilliseconds:F0} ms -> {sixteen.TotalMilliseconds:F0} ms)");
    }
}
