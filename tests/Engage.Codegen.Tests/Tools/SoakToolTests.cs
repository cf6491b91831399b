using System.Diagnostics;

namespace Engage.Codegen.Tests.Tools;

/// <summary>
/// The soak command in a short run: it starts the sandbox in its own process, injects faults, and
/// checks the sandbox's state. Its figures come from longer runs (tools/Engage.Codegen.Soak/reports);
/// this proves the command works from a clean build and says "passed" only when nothing was lost.
/// </summary>
[Collection("Memory")] // runs alone: it loads both cores for a few seconds
public sealed class SoakToolTests
{
    [UnixFact]
    public async Task A_short_soak_loses_nothing_duplicates_nothing_and_reports_its_figures()
    {
        var bin = Path.Combine(GeneratorHarness.RepositoryRoot, "tools", "Engage.Codegen.Soak", "bin");
        var dll = Directory.GetFiles(bin, "Engage.Codegen.Soak.dll", SearchOption.AllDirectories)
            .OrderByDescending(File.GetLastWriteTimeUtc).First();
        using var process = Process.Start(new ProcessStartInfo("dotnet", $"\"{dll}\" --workers 4 --seconds 3 --seed 1")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        var output = await process.StandardOutput.ReadToEndAsync().WaitAsync(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(2));

        Assert.True(process.ExitCode == 0, output + await process.StandardError.ReadToEndAsync());
        Assert.Contains("soak: passed", output, StringComparison.Ordinal);
        Assert.Matches(@"calls: \d+ in [\d.]+ s = \d+ calls/s over 4 workers", output);
        Assert.Matches(@"latency ms: p50 [\d.]+, p95 [\d.]+, p99 [\d.]+", output);
        Assert.Contains("lost: 0; applied twice: 0", output, StringComparison.Ordinal);
        Assert.Matches(@"faults injected: [1-9]", output);
    }
}
