using System.Diagnostics;

namespace Engage.Codegen.Soak;

/// <summary>The sandbox started as its own process on a free port, with the credentials it prints.</summary>
internal sealed class SandboxProcess : IAsyncDisposable
{
    private readonly Process _process;

    private SandboxProcess(Process process, Uri baseAddress, string apiKey, string apiSecret)
    {
        _process = process;
        BaseAddress = baseAddress;
        ApiKey = apiKey;
        ApiSecret = apiSecret;
    }

    public Uri BaseAddress { get; }

    public string ApiKey { get; }

    public string ApiSecret { get; }

    public static async Task<SandboxProcess> StartAsync()
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "Engage.Sandbox.dll");
        var process = Process.Start(new ProcessStartInfo("dotnet", $"\"{dll}\" --port 0") { RedirectStandardOutput = true, RedirectStandardError = true })!;
        string? address = null, key = null, secret = null;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while ((address is null || key is null || secret is null) && await process.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
        {
            address ??= line.StartsWith("Engage sandbox listening at ", StringComparison.Ordinal) ? line.Substring("Engage sandbox listening at ".Length).Trim() : null;
            key ??= line.TrimStart().StartsWith("API key:", StringComparison.Ordinal) ? line.Substring(line.IndexOf(':') + 1).Trim() : null;
            secret ??= line.TrimStart().StartsWith("API secret:", StringComparison.Ordinal) ? line.Substring(line.IndexOf(':') + 1).Trim() : null;
        }

        if (address is null || key is null || secret is null)
        {
            process.Kill();
            throw new InvalidOperationException("The sandbox did not say where it listens.");
        }

        return new SandboxProcess(process, new Uri(address), key, secret);
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }
}
