using System.Diagnostics;
using Xunit;

namespace Engage.Codegen.Tests;

/// <summary>
/// The sandbox run as its own process, as CI runs it for the Native AOT quickstart: a plain <c>kill</c>
/// (SIGTERM) must end it, or the script that started it waits forever.
/// </summary>
public sealed class SandboxProcessTests
{
    [UnixFact]
    public async Task The_sandbox_process_exits_cleanly_on_sigterm()
    {
        var sandbox = Path.Combine(AppContext.BaseDirectory, "Engage.Sandbox.dll");
        var start = new ProcessStartInfo("dotnet", $"\"{sandbox}\" --port 0")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        try
        {
            var firstLine = await process.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(60));
            Assert.StartsWith("Engage sandbox listening at http://127.0.0.1:", firstLine);
            var address = new Uri(firstLine!["Engage sandbox listening at ".Length..]);
            Assert.NotEqual(0, address.Port);
            var stdout = process.StandardOutput.ReadToEndAsync();

            using (var kill = Process.Start("kill", $"-TERM {process.Id}"))
            {
                await kill.WaitForExitAsync();
                Assert.Equal(0, kill.ExitCode);
            }

            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            await process.WaitForExitAsync(timeout.Token);
            Assert.Equal(0, process.ExitCode);
            await stdout;
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }
    }
}

/// <summary>A fact that runs where there is SIGTERM to send, and is reported as skipped on Windows (where Ctrl+C goes through the same host lifetime).</summary>
public sealed class UnixFactAttribute : FactAttribute
{
    public UnixFactAttribute()
    {
        if (OperatingSystem.IsWindows())
        {
            Skip = "No SIGTERM on Windows; Ctrl+C goes through the same host lifetime.";
        }
    }
}
