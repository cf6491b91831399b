using System;
using System.Diagnostics;
using System.Linq;
using System.Threading.Tasks;
using Engage.Codegen.Runtime;
using Engage.Quickstart.Api;
using Microsoft.Extensions.DependencyInjection;
#if ENGAGE_SANDBOX
using Engage.Sandbox;
#endif

// A tour of the client generated from docs-input/*.md, registered with services.AddEngageClient.
// No ENGAGE_API_KEY: runs against an in-process sandbox on 127.0.0.1 and writes freely.
// ENGAGE_API_KEY (+ ENGAGE_API_SECRET): talks to api.engage.so and only reads, unless --write is passed.
// ENGAGE_BASE_ADDRESS: another API root, e.g. a sandbox in its own process (how CI runs the Native AOT build).
var key = Environment.GetEnvironmentVariable("ENGAGE_API_KEY");
var secret = Environment.GetEnvironmentVariable("ENGAGE_API_SECRET");
var baseAddress = Environment.GetEnvironmentVariable("ENGAGE_BASE_ADDRESS");
var write = args.Contains("--write");
IAsyncDisposable? sandbox = null;
var services = new ServiceCollection();
if (string.IsNullOrEmpty(key))
{
#if ENGAGE_SANDBOX
    var local = await SandboxServer.StartAsync();
    sandbox = local;
    (key, secret, baseAddress, write) = (local.ApiKey, local.ApiSecret, local.BaseAddress.ToString(), true);
    Console.WriteLine($"No ENGAGE_API_KEY set: using the local sandbox at {local.BaseAddress}");
#else
    Console.Error.WriteLine("This build has no in-process sandbox: set ENGAGE_API_KEY (and ENGAGE_BASE_ADDRESS for a sandbox started with `dotnet run --project samples/Engage.Sandbox`).");
    return 2;
#endif
}
else
{
    Console.WriteLine($"Using the API at {baseAddress ?? EngageClientOptions.DefaultBaseAddress.ToString()}{(write ? " (writes enabled by --write)" : " (read-only; pass --write to create users)")}");
}

// Options are validated when the client is first resolved (a host would do it at startup); retries,
// timeouts and logging come with the registration.
services.AddEngageClient(options =>
{
    options.ApiKey = key;
    options.ApiSecret = secret;
    if (!string.IsNullOrEmpty(baseAddress))
    {
        options.BaseAddress = new Uri(baseAddress);
    }
});

try
{
    await using var provider = services.BuildServiceProvider();
    var client = provider.GetRequiredService<EngageClient>();
    var options = provider.GetRequiredService<Microsoft.Extensions.Options.IOptions<EngageClientOptions>>().Value;
    Console.WriteLine($"Client options: {options}");
    if (write)
    {
        await Tour.WriteAsync(client);
    }

    await Tour.ReadAsync(client, hasSecret: options.HasSecret);
    return 0;
}
finally
{
    if (sandbox is not null)
    {
        await sandbox.DisposeAsync();
    }
}

internal static class Tour
{
    public static async Task WriteAsync(EngageClient client)
    {
        var stopwatch = Stopwatch.StartNew();
        const int count = 36;
        for (var i = 1; i <= count; i++)
        {
            await client.Users.CreateAsync(new CreateUserRequest
            {
                Id = $"quickstart-{i:D3}",
                FirstName = "Ada",
                LastName = $"Example {i}",
                Email = $"ada{i}@example.com",
                CreatedAt = DateTimeOffset.UtcNow,
                Meta = new() { ["plan"] = i % 3 == 0 ? "pro" : "free", ["age"] = 20 + i, ["beta"] = i % 2 == 0 },
            });
        }

        Console.WriteLine($"Created {count} users in {stopwatch.ElapsedMilliseconds} ms.");

        var updated = await client.Users.UpdateAsync("quickstart-007", new UpdateUserRequest
        {
            FirstName = "Grace",
            Meta = new() { ["plan"] = "custom", ["coverage"] = 20 },
        });
        Console.WriteLine($"Updated {updated.Uid}: {updated.FirstName} {updated.LastName}, plan = {updated.Meta["plan"]}, coverage = {updated.Meta["coverage"]}");

        var result = await client.Users.AddEventAsync("quickstart-007", new AddUserEventRequest
        {
            Event = "Add to cart",
            Timestamp = DateTimeOffset.UtcNow,
            Properties = new() { ["product"] = "T123", ["currency"] = "USD", ["amount"] = 12.99 },
        });
        Console.WriteLine($"Recorded event 'Add to cart' for quickstart-007: status = {result.Status}");
    }

    public static async Task ReadAsync(EngageClient client, bool hasSecret)
    {
        if (!hasSecret)
        {
            // Listing users needs the secret; lists work with the key alone ("works with username authentication").
            Console.WriteLine("No ENGAGE_API_SECRET: reading only what the key alone may read.");
            var lists = 0;
            await foreach (var list in client.Lists.ListAsync())
            {
                if (lists++ < 5)
                {
                    Console.WriteLine($"  list {list.Title} ({list.SubscriberCount} subscribers)");
                }
            }

            Console.WriteLine($"{lists} lists.");
            return;
        }

        Console.WriteLine("Paging through all users (await foreach follows after_id across pages):");
        var seen = 0;
        var pages = 0;
        await foreach (var page in client.Users.ListAsync().AsPages())
        {
            pages++;
            seen += page.Values.Count;
            Console.WriteLine($"  page {pages}: {page.Values.Count} users ({seen} so far), has_more = {page.HasMore}");
        }

        // A cap on items: no page beyond the tenth user is requested.
        var capped = 0;
        await foreach (var _ in client.Users.ListAsync().WithLimits(maxItems: 10))
        {
            capped++;
        }

        Console.WriteLine($"With WithLimits(maxItems: 10): {capped} users.");

        var first = 0;
        await foreach (var user in client.Users.ListAsync())
        {
            if (first++ < 3)
            {
                Console.WriteLine($"  {user.Uid} <{user.Email}> created {user.CreatedAt:u}");
            }
        }

        Console.WriteLine($"{first} users in {pages} pages.");

        try
        {
            await client.Users.GetAsync("no-such-user");
        }
        catch (ApiException exception) when (exception.IsNotFound)
        {
            Console.WriteLine($"Getting a user that does not exist: ApiException {exception.StatusCode}, error = \"{exception.Error}\"");
        }
    }
}
