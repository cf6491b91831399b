using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Engage.Sandbox;

/// <summary>Settings of a sandbox server.</summary>
public sealed class SandboxOptions
{
    /// <summary>The port on 127.0.0.1; 0 picks a free one.</summary>
    public int Port { get; set; }

    /// <summary>The API key the sandbox accepts.</summary>
    public string ApiKey { get; set; } = "sandbox_key_4f1c2e";

    /// <summary>The API secret the sandbox accepts.</summary>
    public string ApiSecret { get; set; } = "sandbox_secret_9b7d31";
}

/// <summary>One request the sandbox answered, for tests that count or inspect requests.</summary>
public sealed record RecordedRequest(string Method, string Path, string Query, int StatusCode)
{
    /// <summary>The request headers, without Authorization.</summary>
    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();

    /// <summary>The injected fault the request met, or null.</summary>
    public string? Fault { get; init; }
}

/// <summary>
/// An Engage-compatible HTTP server on 127.0.0.1 with an in-memory store. It implements what
/// docs-input documents: Basic auth per endpoint, 400/401/403/404 with <c>{"error": "..."}</c>,
/// and cursor paging with limit, before_id, after_id and has_more as the introduction says.
/// </summary>
public sealed class SandboxServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private SandboxServer(WebApplication app, SandboxStore store, SandboxFaults faults, SandboxOptions options, Uri root)
    {
        _app = app;
        Store = store;
        Faults = faults;
        ApiKey = options.ApiKey;
        ApiSecret = options.ApiSecret;
        BaseAddress = root;
    }

    /// <summary>The API root, e.g. <c>http://127.0.0.1:5080/v1</c>.</summary>
    public Uri BaseAddress { get; }

    /// <summary>The accepted API key.</summary>
    public string ApiKey { get; }

    /// <summary>The accepted API secret.</summary>
    public string ApiSecret { get; }

    /// <summary>The in-memory data.</summary>
    public SandboxStore Store { get; }

    /// <summary>Fault injection: delays, error statuses with Retry-After, HTML and truncated bodies, dropped connections, repeated cursors.</summary>
    public SandboxFaults Faults { get; }

    /// <summary>Every request answered so far, in order.</summary>
    public IReadOnlyCollection<RecordedRequest> Requests => Store.Requests;

    /// <summary>Starts a server on 127.0.0.1 and returns once it listens.</summary>
    public static async Task<SandboxServer> StartAsync(SandboxOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new SandboxOptions();
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ApplicationName = typeof(SandboxServer).Assembly.GetName().Name });
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls($"http://127.0.0.1:{options.Port}");
        var store = new SandboxStore();
        builder.Services.AddSingleton(store);
        var app = builder.Build();
        var faults = new SandboxFaults();
        SandboxApi.Map(app, store, options, faults);
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new SandboxServer(app, store, faults, options, new Uri(address.TrimEnd('/') + "/v1"));
    }

    /// <summary>
    /// Completes when the host is asked to stop: Ctrl+C, SIGTERM or SIGQUIT (the host's console lifetime handles
    /// all three), or <paramref name="cancellationToken"/>.
    /// </summary>
    public Task WaitForShutdownAsync(CancellationToken cancellationToken = default) => _app.WaitForShutdownAsync(cancellationToken);

    /// <summary>Stops the server.</summary>
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }
}
