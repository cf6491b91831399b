using Engage.Sandbox;

// Runs the sandbox alone: `dotnet run --project samples/Engage.Sandbox [-- --port 5080]`.
var port = 5080;
for (var i = 0; i < args.Length - 1; i++)
{
    if (args[i] == "--port" && int.TryParse(args[i + 1], out var parsed))
    {
        port = parsed;
    }
}

await using var server = await SandboxServer.StartAsync(new SandboxOptions { Port = port });
Console.WriteLine($"Engage sandbox listening at {server.BaseAddress}");
Console.WriteLine($"  API key:    {server.ApiKey}");
Console.WriteLine($"  API secret: {server.ApiSecret}");
Console.WriteLine("Press Ctrl+C to stop.");
// The host's console lifetime turns Ctrl+C and SIGTERM into a stop; waiting on the host, not on our own
// handlers, is what lets `kill` end the process (a ProcessExit handler never runs while the host holds SIGTERM).
await server.WaitForShutdownAsync();
