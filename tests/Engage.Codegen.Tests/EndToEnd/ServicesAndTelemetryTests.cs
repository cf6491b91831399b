using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;
using Engage.Codegen.Runtime;
using Engage.Codegen.Tests.Generated;
using Engage.Sandbox;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Engage.Codegen.Tests;

/// <summary>services.AddEngageClient, logging and tracing, end to end against the sandbox.</summary>
public sealed class ServicesAndTelemetryTests : IAsyncLifetime
{
    private SandboxServer _sandbox = null!;

    public async Task InitializeAsync() => _sandbox = await SandboxServer.StartAsync();

    public async Task DisposeAsync() => await _sandbox.DisposeAsync();

    /// <summary>Records the Authorization header of every request that passes, to see what each client sends.</summary>
    private sealed class AuthorizationRecorder : DelegatingHandler
    {
        public ConcurrentQueue<string> Seen { get; } = new();

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var parameter = request.Headers.Authorization?.Parameter;
            Seen.Enqueue(parameter is null ? "(none)" : Encoding.UTF8.GetString(Convert.FromBase64String(parameter)));
            return base.SendAsync(request, cancellationToken);
        }
    }

    private sealed class CapturingLogger : ILoggerProvider, ILogger
    {
        public ConcurrentQueue<(string Category, EventId Id, LogLevel Level, string Message, Exception? Exception)> Entries { get; } = new();

        private string _category = string.Empty;

        public ILogger CreateLogger(string categoryName) => new CapturingLogger { _category = categoryName, Sink = this };

        private CapturingLogger? Sink { get; init; }

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            (Sink ?? this).Entries.Enqueue((_category, eventId, logLevel, formatter(state, exception), exception));

        public void Dispose()
        {
        }
    }

    [Fact]
    public async Task AddEngageClient_registers_both_clients_through_IHttpClientFactory_and_the_public_one_never_sends_the_secret()
    {
        var recorder = new AuthorizationRecorder();
        var services = new ServiceCollection();
        services.AddEngageClient(o =>
        {
            o.ApiKey = _sandbox.ApiKey;
            o.ApiSecret = _sandbox.ApiSecret;
            o.BaseAddress = _sandbox.BaseAddress;
        }).AddHttpMessageHandler(() => recorder);
        await using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });

        var client = provider.GetRequiredService<EngageClient>();
        var publicClient = provider.GetRequiredService<EngagePublicClient>();
        Assert.Same(client, provider.GetRequiredService<EngageClient>());

        var created = await client.Lists.CreateAsync(new CreateListRequest { Title = "Beta" });
        var fetched = await publicClient.Lists.GetAsync(created.Id);

        Assert.Equal("Beta", fetched.Title);
        Assert.Equal(new[] { $"{_sandbox.ApiKey}:{_sandbox.ApiSecret}", $"{_sandbox.ApiKey}:" }, recorder.Seen);
    }

    [Fact]
    public async Task A_missing_key_is_a_clear_startup_error()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Services.AddEngageClient(o => o.BaseAddress = _sandbox.BaseAddress);
        using var host = builder.Build();

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("EngageClientOptions.ApiKey is required.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_plain_http_address_for_a_named_registration_is_a_startup_error_that_names_it()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Services.AddEngageClient("eu", o =>
        {
            o.ApiKey = "k";
            o.BaseAddress = new Uri("http://api.example.com/v1");
        });
        using var host = builder.Build();

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("must use HTTPS", error.Message, StringComparison.Ordinal);
        Assert.Contains("registration \"eu\"", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Named_registrations_serve_several_accounts_as_keyed_services_and_bind_from_configuration()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Engage:Main:ApiKey"] = _sandbox.ApiKey,
            ["Engage:Main:ApiSecret"] = _sandbox.ApiSecret,
            ["Engage:Main:BaseAddress"] = _sandbox.BaseAddress.ToString(),
            ["Engage:Main:Retry:MaxRetries"] = "0",
            ["Engage:Other:ApiKey"] = "someone-elses-key",
            ["Engage:Other:BaseAddress"] = _sandbox.BaseAddress.ToString(),
            ["Engage:Other:Timeout"] = "00:00:07",
        }).Build();
        var services = new ServiceCollection();
        services.AddEngageClient("main", configuration.GetSection("Engage:Main"));
        services.AddEngageClient("other", configuration.GetSection("Engage:Other"));
        await using var provider = services.BuildServiceProvider();

        var main = provider.GetRequiredKeyedService<EngageClient>("main");
        var other = provider.GetRequiredKeyedService<EngageClient>("other");
        var options = provider.GetRequiredService<IOptionsMonitor<EngageClientOptions>>();

        Assert.Equal((0, TimeSpan.FromSeconds(100)), (options.Get("main").Retry.MaxRetries, options.Get("main").Timeout));
        Assert.Equal((3, TimeSpan.FromSeconds(7)), (options.Get("other").Retry.MaxRetries, options.Get("other").Timeout));
        Assert.NotNull(await main.Lists.CreateAsync(new CreateListRequest { Title = "Main" }));
        var refused = await Assert.ThrowsAsync<ApiException>(() => other.Lists.CreateAsync(new CreateListRequest { Title = "Other" }));
        Assert.True(refused.IsUnauthorized);
        Assert.Null(provider.GetService<EngageClient>());
    }

    [Fact]
    public void Configuration_values_that_cannot_be_read_name_the_key_and_never_show_a_credential()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Engage:ApiSecret"] = "top-secret-value",
            ["Engage:Retry:MaxRetries"] = "many",
        }).Build();
        var options = new EngageClientOptions();

        var error = Assert.Throws<FormatException>(() => options.Bind(configuration.GetSection("Engage")));

        Assert.Equal("Configuration value Engage:Retry:MaxRetries must be a whole number.", error.Message);
        Assert.DoesNotContain("top-secret-value", options.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Log_events_cover_request_response_retry_and_failure_without_credentials_or_bodies()
    {
        var logs = new CapturingLogger();
        using var loggerFactory = LoggerFactory.Create(b => b.AddProvider(logs).SetMinimumLevel(LogLevel.Trace));
        var options = new EngageClientOptions { BaseAddress = _sandbox.BaseAddress, ApiKey = _sandbox.ApiKey, ApiSecret = _sandbox.ApiSecret };
        options.Retry.BaseDelay = TimeSpan.FromMilliseconds(5);
        using var client = new EngageClient(options, null, loggerFactory);
        _sandbox.Faults.Add(SandboxFault.WithStatus(503, method: "POST"));

        await client.Users.CreateAsync(new CreateUserRequest { Id = "logged", Email = "private.person@example.com" });
        await Assert.ThrowsAsync<ApiException>(() => client.Users.GetAsync("nobody"));

        var entries = logs.Entries.ToList();
        Assert.All(entries, e => Assert.Equal("Engage.Codegen.Tests.Generated.EngageClient", e.Category));
        Assert.Equal(
            new[] { "Request", "Response", "Retry", "Request", "Response", "Request", "Response", "Failed" },
            entries.Select(e => e.Id.Name));
        Assert.Equal("Users.Create: sending POST " + _sandbox.BaseAddress + "/users (attempt 1)", entries[0].Message);
        Assert.Matches(@"^Users\.Create: POST .*/users returned 503 in [0-9.]+ ms \(attempt 1\)$", entries[1].Message);
        Assert.Matches(@"^Users\.Create: .*/users failed \(status 503\); retrying in [0-9]+ ms \(retry 1 of 3\)$", entries[2].Message);
        Assert.Matches(@"^Users\.Get: GET .*/users/nobody failed \(status 404\) after [0-9.]+ ms and 1 attempt\(s\)$", entries[7].Message);

        var basic = Convert.ToBase64String(Encoding.UTF8.GetBytes(_sandbox.ApiKey + ":" + _sandbox.ApiSecret));
        foreach (var text in entries.Select(e => e.Message + e.Exception))
        {
            Assert.DoesNotContain(_sandbox.ApiKey, text, StringComparison.Ordinal);
            Assert.DoesNotContain(_sandbox.ApiSecret, text, StringComparison.Ordinal);
            Assert.DoesNotContain(basic, text, StringComparison.Ordinal);
            Assert.DoesNotContain("private.person", text, StringComparison.Ordinal);
        }

        // Query values can be personal data too (an email, a cursor): logs show their names only.
        logs.Entries.Clear();
        await foreach (var _ in client.Users.ListAsync(new ListUsersRequest { Limit = 10, AfterId = "after-private-cursor" }))
        {
        }

        var request = Assert.Single(logs.Entries, e => e.Id.Name == "Request");
        Assert.EndsWith("/users?limit=*&after_id=* (attempt 1)", request.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(logs.Entries, e => e.Message.Contains("after-private-cursor", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Bodies_are_logged_only_when_asked_for()
    {
        var logs = new CapturingLogger();
        using var loggerFactory = LoggerFactory.Create(b => b.AddProvider(logs).SetMinimumLevel(LogLevel.Trace));
        using var client = new EngageClient(
            new EngageClientOptions { BaseAddress = _sandbox.BaseAddress, ApiKey = _sandbox.ApiKey, ApiSecret = _sandbox.ApiSecret, LogContent = true },
            null,
            loggerFactory);

        await client.Users.CreateAsync(new CreateUserRequest { Id = "logged", Email = "private.person@example.com" });

        var content = logs.Entries.Where(e => e.Id.Name == "Content").Select(e => e.Message).ToList();
        Assert.Equal(2, content.Count);
        Assert.StartsWith("Users.Create: request body {", content[0], StringComparison.Ordinal);
        Assert.Contains("private.person@example.com", content[0], StringComparison.Ordinal);
        Assert.StartsWith("Users.Create: response body {", content[1], StringComparison.Ordinal);
        Assert.DoesNotContain(logs.Entries, e => e.Message.Contains(_sandbox.ApiSecret, StringComparison.Ordinal));
    }

    [Fact]
    public async Task There_is_a_span_per_operation_and_per_page_with_status_and_attempts()
    {
        var stopped = new ConcurrentQueue<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == ApiDiagnostics.ActivitySourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = stopped.Enqueue,
        };
        ActivitySource.AddActivityListener(listener);
        var options = new EngageClientOptions { BaseAddress = _sandbox.BaseAddress, ApiKey = _sandbox.ApiKey, ApiSecret = _sandbox.ApiSecret };
        options.Retry.BaseDelay = TimeSpan.FromMilliseconds(5);
        using var client = new EngageClient(options);
        for (var i = 0; i < 25; i++)
        {
            await client.Users.CreateAsync(new CreateUserRequest { Id = "traced-" + i.ToString("D2", System.Globalization.CultureInfo.InvariantCulture) });
        }

        // Other tests run in parallel and trace too: keep only this test's spans, by their URL.
        bool Ours(Activity a) => (a.GetTagItem("url.full") as string)?.StartsWith(_sandbox.BaseAddress.ToString(), StringComparison.Ordinal) == true;
        stopped.Clear();
        _sandbox.Faults.Add(SandboxFault.WithStatus(503, method: "GET", pathPrefix: "/v1/users/traced-00"));
        await client.Users.GetAsync("traced-00");
        var items = 0;
        await foreach (var _ in client.Users.ListAsync(new ListUsersRequest { Limit = 10 }))
        {
            items++;
        }

        var get = Assert.Single(stopped, a => a.OperationName == "Users.Get" && Ours(a));
        Assert.Equal((200, 2), (get.GetTagItem("http.response.status_code"), get.GetTagItem("engage.attempts")));
        Assert.Equal(ActivityKind.Client, get.Kind);

        var pages = stopped.Where(a => a.OperationName == "Users.List page" && Ours(a)).ToList();
        Assert.Equal(3, pages.Count);
        var list = Assert.Single(stopped, a => a.SpanId == pages[0].ParentSpanId);
        Assert.Equal("Users.List", list.OperationName);
        Assert.All(pages, page => Assert.Equal(list.SpanId, page.ParentSpanId));
        Assert.Equal((3, 25), (list.GetTagItem("engage.pages"), list.GetTagItem("engage.items")));
        Assert.Equal(25, items);
    }
}
