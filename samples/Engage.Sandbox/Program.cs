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
var stopped = new TaskCompletionSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    stopped.TrySetResult();
};
AppDomain.CurrentDomain.ProcessExit += (_, _) => stopped.TrySetResult();
await stopped.Task;
