using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Engage.Codegen.Runtime;
using Engage.Codegen.Soak;
using Engage.Soak.Api;

// dotnet run -c Release --project tools/Engage.Codegen.Soak -- [--workers 32] [--seconds 60] [--seed 1]
var workers = Option("--workers", 32);
var seconds = Option("--seconds", 60);
var seed = Option("--seed", Environment.TickCount);
int Option(string name, int fallback)
{
    var at = Array.IndexOf(args, name);
    return at >= 0 && at + 1 < args.Length && int.TryParse(args[at + 1], NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : fallback;
}

await using var sandbox = await SandboxProcess.StartAsync();
Console.WriteLine($"soak: {workers} workers for {seconds} s against the sandbox at {sandbox.BaseAddress} (its own process), a random fault every second, seed {seed}");

// The client as production would configure it: a 2 s attempt timeout, 3 retries, a 10 s budget per call.
var options = new EngageClientOptions { BaseAddress = sandbox.BaseAddress, ApiKey = sandbox.ApiKey, ApiSecret = sandbox.ApiSecret, Timeout = TimeSpan.FromSeconds(2) };
options.Retry.MaxRetries = 3;
options.Retry.BaseDelay = TimeSpan.FromMilliseconds(50);
options.Retry.MaxDelay = TimeSpan.FromSeconds(2);
options.Retry.MaxTotalTime = TimeSpan.FromSeconds(10);
var budget = options.Retry.MaxTotalTime + options.Timeout + TimeSpan.FromSeconds(2); // the last attempt may start just inside the budget
using var client = new EngageClient(options);
using var control = new HttpClient { BaseAddress = new Uri(sandbox.BaseAddress.GetLeftPart(UriPartial.Authority)) };

var latencies = new ConcurrentBag<double>();
var createdUsers = new ConcurrentBag<string>();
var reportedEvents = new ConcurrentBag<string>();
var counts = new ConcurrentDictionary<string, int>(StringComparer.Ordinal);
void Count(string what) => counts.AddOrUpdate(what, 1, (_, n) => n + 1);
var overran = 0;
using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(seconds));

// One fault a second, of a random kind, on any request.
var faults = Task.Run(async () =>
{
    var random = new Random(seed);
    var kinds = new Func<JsonObject>[]
    {
        () => new JsonObject { ["kind"] = "Status", ["status"] = 503, ["retryAfter"] = "1" },
        () => new JsonObject { ["kind"] = "Status", ["status"] = 429, ["retryAfter"] = "1" },
        () => new JsonObject { ["kind"] = "Html" },
        () => new JsonObject { ["kind"] = "TruncatedJson" },
        () => new JsonObject { ["kind"] = "Drop" },
        () => new JsonObject { ["kind"] = "DropAfterHandling" },
        () => new JsonObject { ["kind"] = "Delay", ["delay"] = "00:00:03" }, // past the 2 s attempt timeout
    };
    while (!stop.IsCancellationRequested)
    {
        var fault = kinds[random.Next(kinds.Length)]();
        using var response = await control.PostAsync("/_sandbox/faults", new StringContent(fault.ToJsonString(), Encoding.UTF8, "application/json"));
        response.EnsureSuccessStatusCode();
        Count("faults injected");
        try
        {
            await Task.Delay(TimeSpan.FromSeconds(1), stop.Token);
        }
        catch (OperationCanceledException)
        {
        }
    }
});

// Each worker: create a user, then add events to it and read it back, with unique names to find them later.
var started = Stopwatch.GetTimestamp();
var tasks = Enumerable.Range(0, workers).Select(w => Task.Run(async () =>
{
    var uid = $"soak-{seed}-{w}";
    var created = false;
    var maybeCreated = false;
    for (var i = 0; !stop.IsCancellationRequested; i++)
    {
        var call = Stopwatch.GetTimestamp();
        try
        {
            if (!created && maybeCreated)
            {
                // A create that failed may have been applied (the connection dropped after the server acted): look before creating again.
                await client.Users.GetAsync(uid);
                created = true;
            }
            else if (!created)
            {
                maybeCreated = true;
                await client.Users.CreateAsync(new CreateUserRequest { Id = uid, Email = uid + "@soak.test" });
                createdUsers.Add(uid);
                created = true;
            }
            else if (i % 3 == 0)
            {
                await client.Users.GetAsync(uid);
            }
            else
            {
                var name = $"e-{w}-{i}";
                await client.Users.AddEventAsync(uid, new AddUserEventRequest { Event = name, Value = ApiScalar.FromNumber(i) });
                reportedEvents.Add(uid + "/" + name);
            }

            Count("succeeded");
        }
        catch (Exception exception) when (exception is ApiException or TimeoutException or ApiPagingException)
        {
            if (exception is ApiException { StatusCode: 404 } && !created)
            {
                maybeCreated = false; // it was not applied: create it again
            }

            Count("failed with a typed exception (" + exception.GetType().Name + ")");
        }
        catch (Exception exception)
        {
            Count("failed untyped (" + exception.GetType().Name + ")");
        }
        finally
        {
            var elapsed = Stopwatch.GetElapsedTime(call);
            latencies.Add(elapsed.TotalMilliseconds);
            if (elapsed > budget)
            {
                Interlocked.Increment(ref overran);
            }
        }
    }
})).ToArray();
await Task.WhenAll(tasks);
var wall = Stopwatch.GetElapsedTime(started);
await faults;
await control.DeleteAsync("/_sandbox/faults");

// The sandbox's state: every write the client reported done exists, and none was applied twice.
var state = (await control.GetFromJsonAsync<JsonObject>("/_sandbox/state"))!;
var users = state["users"]!.AsArray().Select(u => (Uid: (string)u!["uid"]!, Events: u["events"]!.AsArray().Select(e => (string)e!).ToList())).ToDictionary(u => u.Uid, u => u.Events, StringComparer.Ordinal);
var lostUsers = createdUsers.Count(uid => !users.ContainsKey(uid));
var applied = users.SelectMany(u => u.Value.Select(e => u.Key + "/" + e)).ToList();
var appliedSet = applied.ToHashSet(StringComparer.Ordinal);
var lostEvents = reportedEvents.Count(e => !appliedSet.Contains(e));
var duplicated = applied.GroupBy(e => e, StringComparer.Ordinal).Count(g => g.Count() > 1);

var sorted = latencies.OrderBy(l => l).ToArray();
double Percentile(double p) => sorted.Length == 0 ? 0 : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
Console.WriteLine($"calls: {sorted.Length} in {wall.TotalSeconds:F1} s = {sorted.Length / wall.TotalSeconds:F0} calls/s over {workers} workers");
Console.WriteLine($"latency ms: p50 {Percentile(0.50):F1}, p95 {Percentile(0.95):F1}, p99 {Percentile(0.99):F1}, max {(sorted.Length == 0 ? 0 : sorted[^1]):F1}");
foreach (var (what, n) in counts.OrderBy(c => c.Key, StringComparer.Ordinal))
{
    Console.WriteLine($"  {what}: {n}");
}

Console.WriteLine($"writes reported done: {createdUsers.Count} users, {reportedEvents.Count} events; lost: {lostUsers + lostEvents}; applied twice: {duplicated}");
var untyped = counts.Where(c => c.Key.StartsWith("failed untyped", StringComparison.Ordinal)).Sum(c => c.Value);
Console.WriteLine($"calls past the timeout and retry budget ({budget.TotalSeconds:F0} s): {overran}; untyped failures: {untyped}");
var ok = lostUsers + lostEvents == 0 && duplicated == 0 && overran == 0 && untyped == 0;
Console.WriteLine(ok ? "soak: passed" : "soak: FAILED");
return ok ? 0 : 1;
