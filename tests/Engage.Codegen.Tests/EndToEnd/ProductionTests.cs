using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Engage.Codegen.Runtime;
using Engage.Codegen.Tests.Generated;
using Engage.Sandbox;
using Microsoft.Extensions.Time.Testing;

namespace Engage.Codegen.Tests;

/// <summary>
/// Retries, timeouts, per-request options, limits and error bodies, end to end against the
/// sandbox with injected faults over a real loopback socket.
/// </summary>
public sealed class ProductionTests : IAsyncLifetime
{
    private SandboxServer _sandbox = null!;

    public async Task InitializeAsync() => _sandbox = await SandboxServer.StartAsync();

    public async Task DisposeAsync() => await _sandbox.DisposeAsync();

    private EngageClient Client(Action<EngageClientOptions>? configure = null) => new(Options(configure));

    /// <summary>The sandbox's credentials, quick retries, and the test's own changes.</summary>
    private EngageClientOptions Options(Action<EngageClientOptions>? configure)
    {
        var options = new EngageClientOptions { BaseAddress = _sandbox.BaseAddress, ApiKey = _sandbox.ApiKey, ApiSecret = _sandbox.ApiSecret };
        options.Retry.BaseDelay = TimeSpan.FromMilliseconds(10);
        options.Retry.MaxDelay = TimeSpan.FromSeconds(5);
        configure?.Invoke(options);
        return options;
    }

    private async Task SeedUsersAsync(int count)
    {
        using var client = Client();
        for (var i = 0; i < count; i++)
        {
            await client.Users.CreateAsync(new CreateUserRequest { Id = "seed-" + i.ToString("D3", CultureInfo.InvariantCulture) });
        }

        _sandbox.Store.ClearRequests();
    }

    /// <summary>A clock that moves only when the test moves it, at a whole second.</summary>
    private static FakeTimeProvider FakeClock() => new(new DateTimeOffset(2026, 11, 28, 12, 0, 0, TimeSpan.Zero));

    /// <summary>A client on a fake clock, and the signal that it has decided to retry (and is waiting on that clock).</summary>
    private (EngageClient Client, RetrySignal Retrying, IDisposable Logs) FakeClockClient(FakeTimeProvider clock, Action<EngageClientOptions>? configure = null)
    {
        var options = Options(o =>
        {
            o.TimeProvider = clock;
            configure?.Invoke(o);
        });
        var retrying = new RetrySignal();
        var loggerFactory = new Microsoft.Extensions.Logging.LoggerFactory(new[] { retrying });
        return (new EngageClient(options, null, loggerFactory), retrying, loggerFactory);
    }

    /// <summary>A hang guard in real time: generous, never a performance bound; the fake clock decides the behaviour.</summary>
    private static readonly TimeSpan s_hangGuard = TimeSpan.FromSeconds(30);

    /// <summary>Completes when the client logs that it will retry (event 3, "Retry"): it is then waiting.</summary>
    private sealed class RetrySignal : Microsoft.Extensions.Logging.ILoggerProvider, Microsoft.Extensions.Logging.ILogger
    {
        public TaskCompletionSource Waiting { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Microsoft.Extensions.Logging.ILogger CreateLogger(string categoryName) => this;

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(Microsoft.Extensions.Logging.LogLevel logLevel) => true;

        public void Log<TState>(Microsoft.Extensions.Logging.LogLevel logLevel, Microsoft.Extensions.Logging.EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (eventId.Id == 3)
            {
                Waiting.TrySetResult();
            }
        }

        public void Dispose()
        {
        }
    }

    private List<RecordedRequest> Requests(string method, string path) =>
        _sandbox.Requests.Where(r => r.Method == method && r.Path == path).ToList();

    [Fact]
    public async Task A_get_answered_503_with_Retry_After_in_seconds_waits_that_long_and_succeeds()
    {
        await SeedUsersAsync(1);
        var clock = FakeClock();
        var (client, retrying, logs) = FakeClockClient(clock);
        using var disposeLogs = logs;
        using var disposeClient = client;
        _sandbox.Faults.Add(SandboxFault.WithStatus(503, retryAfter: "1", method: "GET", pathPrefix: "/v1/users/seed-000"));

        var call = client.Users.GetAsync("seed-000");
        await retrying.Waiting.Task.WaitAsync(s_hangGuard);
        clock.Advance(TimeSpan.FromMilliseconds(999));
        await Task.Delay(100);
        Assert.False(call.IsCompleted, "the retry went out before the 1 s Retry-After had passed");
        Assert.Single(_sandbox.Requests);
        clock.Advance(TimeSpan.FromMilliseconds(1));
        var user = await call.WaitAsync(s_hangGuard);

        Assert.Equal("seed-000", user.Uid);
        Assert.Equal(new[] { 503, 200 }, Requests("GET", "/v1/users/seed-000").Select(r => r.StatusCode));
    }

    [Fact]
    public async Task Retry_After_as_an_http_date_is_honoured()
    {
        await SeedUsersAsync(1);
        var clock = FakeClock();
        var (client, retrying, logs) = FakeClockClient(clock);
        using var disposeLogs = logs;
        using var disposeClient = client;
        var date = clock.GetUtcNow().AddSeconds(2).ToString("R", CultureInfo.InvariantCulture);
        _sandbox.Faults.Add(SandboxFault.WithStatus(429, retryAfter: date, method: "GET"));

        var call = client.Users.GetAsync("seed-000");
        await retrying.Waiting.Task.WaitAsync(s_hangGuard);

        // The clock stands at a whole second, so the date is exactly 2 s away; backoff alone would be 10 ms.
        clock.Advance(TimeSpan.FromMilliseconds(1990));
        await Task.Delay(100);
        Assert.False(call.IsCompleted, "the retry went out before the Retry-After date");
        clock.Advance(TimeSpan.FromMilliseconds(10));
        await call.WaitAsync(s_hangGuard);
        Assert.Equal(new[] { 429, 200 }, Requests("GET", "/v1/users/seed-000").Select(r => r.StatusCode));
    }

    [Theory]
    [InlineData("0")]          // "now": a zero wait would retry at once
    [InlineData("-5")]         // negative seconds: not a valid header value
    [InlineData("soon")]       // unparseable
    [InlineData("past date")]  // an HTTP date a minute ago
    public async Task A_Retry_After_that_asks_for_no_real_wait_falls_back_to_the_backoff(string value)
    {
        await SeedUsersAsync(1);
        var clock = FakeClock();
        var (client, retrying, logs) = FakeClockClient(clock, o =>
        {
            o.Retry.BaseDelay = TimeSpan.FromSeconds(1);
            o.Retry.UseJitter = false;
        });
        using var disposeLogs = logs;
        using var disposeClient = client;
        var header = value == "past date" ? clock.GetUtcNow().AddMinutes(-1).ToString("R", CultureInfo.InvariantCulture) : value;
        _sandbox.Faults.Add(SandboxFault.WithStatus(503, retryAfter: header, method: "GET", pathPrefix: "/v1/users/seed-000"));

        var call = client.Users.GetAsync("seed-000");
        await retrying.Waiting.Task.WaitAsync(s_hangGuard);
        await Task.Delay(100);
        Assert.False(call.IsCompleted, "the retry went out at once instead of after the 1 s backoff");
        clock.Advance(TimeSpan.FromMilliseconds(999));
        await Task.Delay(100);
        Assert.False(call.IsCompleted, "the retry went out before the 1 s backoff had passed");
        clock.Advance(TimeSpan.FromMilliseconds(1));
        await call.WaitAsync(s_hangGuard);

        Assert.Equal(new[] { 503, 200 }, Requests("GET", "/v1/users/seed-000").Select(r => r.StatusCode));
    }

    [Fact]
    public async Task A_Retry_After_of_zero_is_not_reported_as_a_wait()
    {
        using var client = Client(o => o.Retry.MaxRetries = 0);
        _sandbox.Faults.Add(SandboxFault.WithStatus(503, retryAfter: "0"));

        var error = await Assert.ThrowsAsync<ApiException>(() => client.Users.GetAsync("anyone"));

        Assert.Equal(503, error.StatusCode);
        Assert.Null(error.RetryAfter);
        Assert.DoesNotContain("Retry-After", error.Message, StringComparison.Ordinal);
        Assert.Equal("0", Assert.Single(error.Headers["Retry-After"]));
    }

    [Fact]
    public async Task A_Retry_After_longer_than_the_maximum_delay_is_not_waited_for_and_is_reported()
    {
        using var client = Client();
        _sandbox.Faults.Add(SandboxFault.WithStatus(429, retryAfter: "120"));

        var error = await Assert.ThrowsAsync<ApiException>(() => client.Users.GetAsync("anyone"));

        Assert.True(error.IsRateLimited);
        Assert.True(error.IsTransient);
        Assert.Equal(TimeSpan.FromSeconds(120), error.RetryAfter);
        Assert.Equal(1, error.Attempts);
        Assert.Equal("Injected fault: status 429", error.Error);
        Assert.Equal("120", Assert.Single(error.Headers["Retry-After"]));
        Assert.Single(_sandbox.Requests);
    }

    [Fact]
    public async Task Exhausted_retries_give_the_last_error_with_the_attempt_count()
    {
        using var client = Client(o => o.Retry.MaxRetries = 2);
        _sandbox.Faults.Add(SandboxFault.WithStatus(503, times: 10));

        var error = await Assert.ThrowsAsync<ApiException>(() => client.Lists.GetAsync("l1"));

        Assert.Equal(503, error.StatusCode);
        Assert.Equal(3, error.Attempts);
        Assert.Contains("after 3 attempts", error.Message, StringComparison.Ordinal);
        Assert.Equal(3, _sandbox.Requests.Count);
    }

    [Fact]
    public async Task Retrying_can_be_turned_off_for_the_client_and_for_one_call()
    {
        using (var off = Client(o => o.Retry.MaxRetries = 0))
        {
            _sandbox.Faults.Add(SandboxFault.WithStatus(503));
            var error = await Assert.ThrowsAsync<ApiException>(() => off.Lists.GetAsync("l1"));
            Assert.Equal((503, 1), (error.StatusCode, error.Attempts));
        }

        using var client = Client();
        _sandbox.Faults.Add(SandboxFault.WithStatus(503));
        var once = await Assert.ThrowsAsync<ApiException>(() => client.Lists.GetAsync("l1", new ApiRequestOptions { MaxRetries = 0 }));
        Assert.Equal((503, 1), (once.StatusCode, once.Attempts));
        Assert.Equal(2, _sandbox.Requests.Count);
    }

    [Fact]
    public async Task A_post_is_retried_after_503_because_the_server_did_not_act_and_the_user_is_created_once()
    {
        using var client = Client();
        _sandbox.Faults.Add(SandboxFault.WithStatus(503, method: "POST"));

        var user = await client.Users.CreateAsync(new CreateUserRequest { Id = "retried" });

        Assert.Equal("retried", user.Uid);
        Assert.Equal(new[] { 503, 200 }, Requests("POST", "/v1/users").Select(r => r.StatusCode));
        Assert.Single(_sandbox.Store.Users.Values, u => u.Uid == "retried");
    }

    [Theory]
    [InlineData(502)]
    [InlineData(504)]
    [InlineData(408)]
    public async Task A_post_is_not_retried_after_a_status_where_the_server_may_have_acted(int status)
    {
        await SeedUsersAsync(1);
        using var client = Client();
        _sandbox.Faults.Add(SandboxFault.WithStatus(status, method: "POST"));

        var error = await Assert.ThrowsAsync<ApiException>(() => client.Users.AddEventAsync("seed-000", new AddUserEventRequest { Event = "Paid" }));

        Assert.Equal((status, 1), (error.StatusCode, error.Attempts));
        Assert.Single(Requests("POST", "/v1/users/seed-000/events"));
    }

    [Theory]
    [InlineData("PUT", 502)]
    [InlineData("PUT", 504)]
    [InlineData("DELETE", 502)]
    [InlineData("DELETE", 408)]
    public async Task Put_and_delete_are_retried_after_statuses_where_the_server_may_have_acted_because_repeating_them_is_safe(string method, int status)
    {
        using var client = Client();
        var list = await client.Lists.CreateAsync(new CreateListRequest { Title = "Retry me" });
        _sandbox.Store.ClearRequests();
        _sandbox.Faults.Add(SandboxFault.WithStatus(status, method: method));

        if (method == "PUT")
        {
            var updated = await client.Lists.UpdateAsync(list.Id, new UpdateListRequest { Title = "Retried" });
            Assert.Equal("Retried", updated.Title);
        }
        else
        {
            await client.Lists.DeleteAsync(list.Id);
            Assert.True(_sandbox.Store.Lists[list.Id].Archived);
        }

        Assert.Equal(new[] { status, 200 }, Requests(method, "/v1/lists/" + list.Id).Select(r => r.StatusCode));
    }

    [Fact]
    public async Task An_event_is_never_recorded_twice_when_the_connection_drops_after_the_server_acted()
    {
        await SeedUsersAsync(1);
        using var client = Client();
        _sandbox.Faults.Add(SandboxFault.Of(SandboxFaultKind.DropAfterHandling, method: "POST"));

        var error = await Assert.ThrowsAsync<ApiException>(() => client.Users.AddEventAsync("seed-000", new AddUserEventRequest { Event = "Paid" }));

        Assert.False(error.HasResponse);
        Assert.Equal(0, error.StatusCode);
        Assert.Equal(1, error.Attempts);
        Assert.IsAssignableFrom<HttpRequestException>(error.InnerException);
        Assert.Single(_sandbox.Store.Users["seed-000"].Events);

        // The sandbox records an aborted request after the client has already seen the drop.
        for (var wait = 0; wait < 40 && Requests("POST", "/v1/users/seed-000/events").Count == 0; wait++)
        {
            await Task.Delay(50);
        }

        await Task.Delay(100);
        Assert.Single(Requests("POST", "/v1/users/seed-000/events"));
    }

    [Fact]
    public async Task A_get_whose_connection_drops_is_retried()
    {
        await SeedUsersAsync(1);
        using var client = Client();
        _sandbox.Faults.Add(SandboxFault.Of(SandboxFaultKind.Drop, method: "GET"));

        var user = await client.Users.GetAsync("seed-000");

        Assert.Equal("seed-000", user.Uid);

        // The sandbox may record the dropped request only after the client has seen the drop and its retry succeeded.
        for (var wait = 0; wait < 40 && Requests("GET", "/v1/users/seed-000").Count < 2; wait++)
        {
            await Task.Delay(50);
        }

        var requests = Requests("GET", "/v1/users/seed-000");
        Assert.Equal(2, requests.Count);
        Assert.Contains(requests, r => r.Fault == "Drop");
    }

    [Fact]
    public async Task A_refused_connection_is_retried_even_for_a_post_and_then_reported_without_a_response()
    {
        // Nothing listens on a port we just released: no connection is made, so even a POST is safe to retry.
        var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        using var client = new EngageClient(new EngageClientOptions
        {
            BaseAddress = new Uri($"http://127.0.0.1:{port}/v1"),
            ApiKey = "k",
            ApiSecret = "s",
            Retry = { MaxRetries = 2, BaseDelay = TimeSpan.FromMilliseconds(5) },
        });

        var error = await Assert.ThrowsAsync<ApiException>(() => client.Users.CreateAsync(new CreateUserRequest { Id = "x" }));

        Assert.False(error.HasResponse);
        Assert.Equal(3, error.Attempts);
        Assert.Equal("POST", error.Method);
    }

    [Fact]
    public async Task No_retry_starts_that_would_end_after_the_total_time_budget()
    {
        // The clock never moves: a client that decided to wait for the retry would never finish.
        using var client = Client(o =>
        {
            o.Retry.MaxTotalTime = TimeSpan.FromMilliseconds(500);
            o.TimeProvider = FakeClock();
        });
        _sandbox.Faults.Add(SandboxFault.WithStatus(503, retryAfter: "1"));

        var error = await Assert.ThrowsAsync<ApiException>(() => client.Lists.GetAsync("l1").WaitAsync(s_hangGuard));

        Assert.Equal((1, TimeSpan.FromSeconds(1)), (error.Attempts, error.RetryAfter));
        Assert.Single(_sandbox.Requests);
    }

    [Fact]
    public async Task Cancelling_during_a_Retry_After_wait_stops_at_once_with_OperationCanceledException()
    {
        // The clock never moves, so the 30 s wait can only end by cancellation; the Retry log event says the wait began.
        var (client, retrying, logs) = FakeClockClient(FakeClock(), o => o.Retry.MaxDelay = TimeSpan.FromMinutes(1));
        using var disposeLogs = logs;
        using var disposeClient = client;
        _sandbox.Faults.Add(SandboxFault.WithStatus(503, retryAfter: "30"));
        using var cancellation = new CancellationTokenSource();

        var call = client.Lists.GetAsync("l1", cancellation.Token);
        await retrying.Waiting.Task.WaitAsync(s_hangGuard);
        cancellation.Cancel();
        var error = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call.WaitAsync(s_hangGuard));

        Assert.Equal(cancellation.Token, error.CancellationToken);
        Assert.Single(_sandbox.Requests);
    }

    [Fact]
    public async Task An_html_502_page_is_kept_whole_in_the_exception()
    {
        using var client = Client(o => o.Retry.MaxRetries = 0);
        _sandbox.Faults.Add(SandboxFault.Of(SandboxFaultKind.Html));

        var error = await Assert.ThrowsAsync<ApiException>(() => client.Lists.GetAsync("l1"));

        Assert.Equal(502, error.StatusCode);
        Assert.Null(error.Error);
        Assert.StartsWith("<html><head><title>502 Bad Gateway</title>", error.RawBody, StringComparison.Ordinal);
        Assert.EndsWith("</html>", error.RawBody, StringComparison.Ordinal);
        Assert.StartsWith("text/html", Assert.Single(error.Headers["Content-Type"]), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_truncated_json_body_gives_an_exception_with_the_raw_text()
    {
        await SeedUsersAsync(1);
        using var client = Client();
        _sandbox.Faults.Add(SandboxFault.Of(SandboxFaultKind.TruncatedJson, method: "GET"));

        var error = await Assert.ThrowsAsync<ApiException>(() => client.Users.GetAsync("seed-000"));

        Assert.Equal(200, error.StatusCode);
        Assert.IsAssignableFrom<JsonException>(error.InnerException);
        Assert.StartsWith("{", error.RawBody, StringComparison.Ordinal);
        Assert.Contains("seed-000", error.RawBody, StringComparison.Ordinal);
        Assert.ThrowsAny<JsonException>(() => JsonDocument.Parse(error.RawBody));
        Assert.Contains("could not be read as User", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_per_request_timeout_fails_with_TimeoutException_and_a_timed_out_get_is_retried()
    {
        await SeedUsersAsync(1);
        using (var client = Client(o => o.Retry.MaxRetries = 0))
        {
            _sandbox.Faults.Add(SandboxFault.Delayed(TimeSpan.FromSeconds(3), method: "GET"));
            // The sandbox holds the answer for 3 s; the message proves the 200 ms attempt timeout ended the call.
            var timeout = await Assert.ThrowsAsync<TimeoutException>(() => client.Users.GetAsync("seed-000", new ApiRequestOptions { Timeout = TimeSpan.FromMilliseconds(200) }));
            Assert.Contains("did not complete within 00:00:00.2", timeout.Message, StringComparison.Ordinal);
        }

        using var retrying = Client();
        _sandbox.Faults.Add(SandboxFault.Delayed(TimeSpan.FromSeconds(3), method: "GET"));
        var user = await retrying.Users.GetAsync("seed-000", new ApiRequestOptions { Timeout = TimeSpan.FromMilliseconds(200) });
        Assert.Equal("seed-000", user.Uid);
    }

    [Fact]
    public async Task An_attempt_timer_ends_with_its_attempt_and_a_cancelled_attempt_leaves_the_client_usable()
    {
        // Attempts reuse their cancellation source when it was not cancelled: what one attempt set must not reach the next.
        await SeedUsersAsync(1);
        using var client = Client(o => o.Retry.MaxRetries = 0);

        // A short timeout on a call that answers at once, then a slow call with a long timeout: the first call's
        // 300 ms timer, were it still running, would cancel the second call halfway through its 800 ms.
        await client.Users.GetAsync("seed-000", new ApiRequestOptions { Timeout = TimeSpan.FromMilliseconds(300) });
        _sandbox.Faults.Add(SandboxFault.Delayed(TimeSpan.FromMilliseconds(800), method: "GET"));
        Assert.Equal("seed-000", (await client.Users.GetAsync("seed-000", new ApiRequestOptions { Timeout = TimeSpan.FromSeconds(10) })).Uid);

        // A timed-out attempt and one the caller cancelled: the calls after each still succeed.
        _sandbox.Faults.Add(SandboxFault.Delayed(TimeSpan.FromSeconds(3), method: "GET"));
        await Assert.ThrowsAsync<TimeoutException>(() => client.Users.GetAsync("seed-000", new ApiRequestOptions { Timeout = TimeSpan.FromMilliseconds(200) }));
        Assert.Equal("seed-000", (await client.Users.GetAsync("seed-000")).Uid);
        _sandbox.Faults.Add(SandboxFault.Delayed(TimeSpan.FromSeconds(3), method: "GET"));
        using (var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(200)))
        {
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.Users.GetAsync("seed-000", cancel.Token));
        }

        Assert.Equal("seed-000", (await client.Users.GetAsync("seed-000")).Uid);

        // A caller's token that is cancelled after its call ended cancels nothing of a later call.
        using var ended = new CancellationTokenSource();
        await client.Users.GetAsync("seed-000", ended.Token);
        _sandbox.Faults.Add(SandboxFault.Delayed(TimeSpan.FromMilliseconds(500), method: "GET"));
        var later = client.Users.GetAsync("seed-000");
        await Task.Delay(100);
        ended.Cancel();
        Assert.Equal("seed-000", (await later).Uid);
    }

    [Fact]
    public async Task Per_request_headers_and_timeout_apply_to_every_page()
    {
        await SeedUsersAsync(35);
        using var client = Client();
        var options = new ApiRequestOptions { Timeout = TimeSpan.FromSeconds(10) };
        options.Headers["X-Correlation-Id"] = "run-42";

        var users = new List<User>();
        await foreach (var user in client.Users.ListAsync(new ListUsersRequest { Limit = 10 }, options))
        {
            users.Add(user);
        }

        Assert.Equal(35, users.Count);
        var pages = Requests("GET", "/v1/users");
        Assert.Equal(4, pages.Count);
        Assert.All(pages, page => Assert.Equal("run-42", page.Headers["X-Correlation-Id"]));
    }

    [Theory]
    [InlineData("Authorization", "Basic eA==")]
    [InlineData("X-Ok", "line\r\nX-Injected: 1")]
    [InlineData("Bad Name", "v")]
    public async Task Headers_the_client_owns_or_with_line_breaks_are_refused_before_sending(string name, string value)
    {
        using var client = Client();
        var options = new ApiRequestOptions();
        options.Headers[name] = value;

        var error = await Assert.ThrowsAsync<ArgumentException>(() => client.Lists.GetAsync("l1", options));

        Assert.DoesNotContain("eA==", error.Message, StringComparison.Ordinal);
        Assert.Empty(_sandbox.Requests);
    }

    [Fact]
    public async Task A_cap_on_items_or_pages_stops_paging_without_requesting_more()
    {
        await SeedUsersAsync(35);
        using var client = Client();

        var first15 = new List<User>();
        await foreach (var user in client.Users.ListAsync(new ListUsersRequest { Limit = 10 }).WithLimits(maxItems: 15))
        {
            first15.Add(user);
        }

        Assert.Equal(Enumerable.Range(0, 15).Select(i => "seed-" + i.ToString("D3", CultureInfo.InvariantCulture)), first15.Select(u => u.Uid));
        Assert.Equal(2, Requests("GET", "/v1/users").Count);

        _sandbox.Store.ClearRequests();
        var pages = new List<Page<User>>();
        await foreach (var page in client.Users.ListAsync(new ListUsersRequest { Limit = 10 }).WithLimits(maxPages: 2).AsPages())
        {
            pages.Add(page);
        }

        Assert.Equal(new[] { 10, 10 }, pages.Select(p => p.Values.Count));
        Assert.NotNull(pages[1].ContinuationToken);
        Assert.Equal(2, Requests("GET", "/v1/users").Count);

        // The page cut short by the item cap cannot be resumed from; the one before it can.
        var cut = new List<Page<User>>();
        await foreach (var page in client.Users.ListAsync(new ListUsersRequest { Limit = 10 }).WithLimits(maxItems: 15).AsPages())
        {
            cut.Add(page);
        }

        Assert.Equal((5, true, (string?)null), (cut[1].Values.Count, cut[1].HasMore, cut[1].ContinuationToken));
        var rest = new List<User>();
        await foreach (var page in client.Users.ListAsync(new ListUsersRequest { Limit = 10 }).AsPages(cut[0].ContinuationToken))
        {
            rest.AddRange(page.Values);
        }

        Assert.Equal("seed-010", rest[0].Uid);
        Assert.Equal(25, rest.Count);
    }

    [Fact]
    public async Task A_server_that_repeats_a_cursor_gets_a_clear_exception_not_an_endless_loop()
    {
        await SeedUsersAsync(25);
        using var client = Client();
        _sandbox.Faults.Add(SandboxFault.Of(SandboxFaultKind.RepeatCursor, method: "GET", pathPrefix: "/v1/users", times: 100));

        var seen = 0;
        var error = await Assert.ThrowsAsync<ApiPagingException>(async () =>
        {
            await foreach (var _ in client.Users.ListAsync(new ListUsersRequest { Limit = 10 }))
            {
                seen++;
            }
        });

        Assert.Contains("returned before", error.Message, StringComparison.Ordinal);
        Assert.Equal(10, seen);
        Assert.Equal(2, Requests("GET", "/v1/users").Count);
    }

    [Fact]
    public async Task Faults_can_be_injected_over_http_for_a_sandbox_in_another_process()
    {
        using var http = new HttpClient { BaseAddress = new Uri(_sandbox.BaseAddress.GetLeftPart(UriPartial.Authority)) };
        var response = await http.PostAsync("/_sandbox/faults", new StringContent("""{"kind":"Status","status":503,"retryAfter":"7","times":1}""", Encoding.UTF8, "application/json"));
        response.EnsureSuccessStatusCode();

        using var client = Client(o => o.Retry.MaxRetries = 0);
        var error = await Assert.ThrowsAsync<ApiException>(() => client.Lists.GetAsync("l1"));
        Assert.Equal((503, TimeSpan.FromSeconds(7)), (error.StatusCode, error.RetryAfter));
    }

    [Fact]
    public async Task An_unknown_fault_kind_over_http_is_a_400_naming_what_is_accepted()
    {
        using var http = new HttpClient { BaseAddress = new Uri(_sandbox.BaseAddress.GetLeftPart(UriPartial.Authority)) };
        var response = await http.PostAsync("/_sandbox/faults", new StringContent("""{"kind":"Delayed","delay":"00:00:01"}""", Encoding.UTF8, "application/json"));
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(400, (int)response.StatusCode);
        Assert.Contains("Accepted kinds: Delay, Status, Html", body, StringComparison.Ordinal);
        Assert.Contains("Fields: kind, method", body, StringComparison.Ordinal);
        Assert.Equal(0, _sandbox.Faults.Pending);
    }

    [Fact]
    public async Task An_html_fault_without_a_status_is_a_502_over_http_as_in_process()
    {
        using var http = new HttpClient { BaseAddress = new Uri(_sandbox.BaseAddress.GetLeftPart(UriPartial.Authority)) };
        (await http.PostAsync("/_sandbox/faults", new StringContent("""{"kind":"Html"}""", Encoding.UTF8, "application/json"))).EnsureSuccessStatusCode();
        _sandbox.Faults.Add(SandboxFault.Of(SandboxFaultKind.Html));

        using var client = Client(o => o.Retry.MaxRetries = 0);
        Assert.Equal(502, (await Assert.ThrowsAsync<ApiException>(() => client.Lists.GetAsync("l1"))).StatusCode);
        Assert.Equal(502, (await Assert.ThrowsAsync<ApiException>(() => client.Lists.GetAsync("l1"))).StatusCode);
    }

    [Fact]
    public async Task An_unreadable_success_body_is_described_without_an_empty_reason()
    {
        await SeedUsersAsync(1);
        using var client = Client(o => o.Retry.MaxRetries = 0);
        _sandbox.Faults.Add(SandboxFault.Of(SandboxFaultKind.TruncatedJson, method: "GET"));

        var error = await Assert.ThrowsAsync<ApiException>(() => client.Users.GetAsync("seed-000"));

        Assert.Contains("returned 200, but the response body could not be read", error.Message, StringComparison.Ordinal);
    }
}
