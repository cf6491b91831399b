using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Engage.Codegen.Tests;

/// <summary>
/// A real HTTP server on 127.0.0.1 for tests of what a generated client puts on the wire: it answers
/// every request with the next status of a queue (the last one repeats) and a JSON body (an error body
/// for failures), and records each request's method, path and query, headers and body as received.
/// </summary>
public sealed class LoopbackServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly HttpStatusCode[] _statuses;
    private readonly string _body;
    private int _next;

    private LoopbackServer(WebApplication app, string body, HttpStatusCode[] statuses)
    {
        _app = app;
        _body = body;
        _statuses = statuses.Length == 0 ? new[] { HttpStatusCode.OK } : statuses;
    }

    /// <summary>One request as the server received it.</summary>
    public sealed record Received(string Method, string PathAndQuery, IReadOnlyDictionary<string, string> Headers, string Body = "")
    {
        public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;
    }

    /// <summary><c>http://127.0.0.1:PORT</c>.</summary>
    public Uri Root { get; private set; } = null!;

    public ConcurrentQueue<Received> Requests { get; } = new();

    /// <summary>The media type of every answer.</summary>
    public string ContentType { get; set; } = "application/json";

    /// <summary>The body of every failure the server answers.</summary>
    public string ErrorBody { get; set; } = "{\"error\":\"denied\"}";

    public static async Task<LoopbackServer> StartAsync(string body, params HttpStatusCode[] statuses)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var server = new LoopbackServer(app, body, statuses);
        app.Run(server.AnswerAsync);
        await app.StartAsync();
        server.Root = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/'));
        return server;
    }

    private async Task AnswerAsync(HttpContext context)
    {
        var headers = context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        using var body = new StreamReader(context.Request.Body);
        Requests.Enqueue(new Received(context.Request.Method, context.Request.Path + context.Request.QueryString, headers, await body.ReadToEndAsync()));
        var status = _statuses[Math.Min(Interlocked.Increment(ref _next) - 1, _statuses.Length - 1)];
        context.Response.StatusCode = (int)status;
        context.Response.ContentType = ContentType;
        await context.Response.WriteAsync((int)status < 300 ? _body : ErrorBody);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
