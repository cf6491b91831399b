using System.Collections.Concurrent;
using System.Text;
using Microsoft.AspNetCore.Http.Features;

namespace Engage.Sandbox;

/// <summary>What a fault does to a request it matches.</summary>
public enum SandboxFaultKind
{
    /// <summary>Waits <see cref="SandboxFault.Delay"/>, then answers normally.</summary>
    Delay,

    /// <summary>Answers <see cref="SandboxFault.Status"/> with <c>{"error": ...}</c> (and <c>Retry-After</c> when set) without handling the request.</summary>
    Status,

    /// <summary>Answers <see cref="SandboxFault.Status"/> (default 502) with an HTML page, as a proxy in front of the API would.</summary>
    Html,

    /// <summary>Handles the request, then sends only the first half of the JSON body with status 200.</summary>
    TruncatedJson,

    /// <summary>Drops the connection before handling the request: the server did nothing.</summary>
    Drop,

    /// <summary>Handles the request (the change is made), then drops the connection before the response.</summary>
    DropAfterHandling,

    /// <summary>A list page ignores its cursor and answers the first page again, so the next cursor repeats.</summary>
    RepeatCursor,
}

/// <summary>
/// One injected fault: which requests it matches (method and path prefix) and how many times it
/// fires. Faults fire in the order they were added; each request takes at most one.
/// </summary>
public sealed class SandboxFault
{
    /// <summary>What the fault does.</summary>
    public SandboxFaultKind Kind { get; set; }

    /// <summary>The HTTP method it matches, or null for any.</summary>
    public string? Method { get; set; }

    /// <summary>The path it matches: requests whose path starts with this, e.g. <c>/v1/users</c>.</summary>
    public string PathPrefix { get; set; } = "/v1/";

    /// <summary>How many matching requests it affects.</summary>
    public int Times { get; set; } = 1;

    /// <summary>
    /// The status of <see cref="SandboxFaultKind.Status"/> and <see cref="SandboxFaultKind.Html"/>; when
    /// not set, 503 for a status fault and 502 for an HTML page, in process and over HTTP alike.
    /// </summary>
    public int? Status { get; set; }

    /// <summary>The status the fault answers with.</summary>
    internal int EffectiveStatus => Status ?? (Kind == SandboxFaultKind.Html ? 502 : 503);

    /// <summary>The <c>Retry-After</c> header value to send (seconds or an HTTP date), or null.</summary>
    public string? RetryAfter { get; set; }

    /// <summary>The wait of <see cref="SandboxFaultKind.Delay"/>.</summary>
    public TimeSpan Delay { get; set; }

    internal int Remaining;

    /// <summary>An error status, optionally with Retry-After.</summary>
    public static SandboxFault WithStatus(int status, string? retryAfter = null, string? method = null, string pathPrefix = "/v1/", int times = 1) =>
        new() { Kind = SandboxFaultKind.Status, Status = status, RetryAfter = retryAfter, Method = method, PathPrefix = pathPrefix, Times = times };

    /// <summary>A fault of a kind that needs no settings.</summary>
    public static SandboxFault Of(SandboxFaultKind kind, string? method = null, string pathPrefix = "/v1/", int times = 1) =>
        new() { Kind = kind, Method = method, PathPrefix = pathPrefix, Times = times };

    /// <summary>A delay before the normal answer.</summary>
    public static SandboxFault Delayed(TimeSpan delay, string? method = null, string pathPrefix = "/v1/", int times = 1) =>
        new() { Kind = SandboxFaultKind.Delay, Delay = delay, Method = method, PathPrefix = pathPrefix, Times = times };
}

/// <summary>
/// The sandbox's fault injection. Add faults in process with <see cref="Add"/>, or over HTTP with
/// <c>POST /_sandbox/faults</c> and a JSON <see cref="SandboxFault"/> (<c>DELETE /_sandbox/faults</c> clears them).
/// </summary>
public sealed class SandboxFaults
{
    private readonly ConcurrentQueue<SandboxFault> _faults = new();
    private readonly object _gate = new();

    /// <summary>Adds a fault; it fires on the next <see cref="SandboxFault.Times"/> matching requests.</summary>
    public SandboxFaults Add(SandboxFault fault)
    {
        ArgumentNullException.ThrowIfNull(fault);
        if (fault.Times < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(fault), "A fault fires at least once.");
        }

        fault.Remaining = fault.Times;
        _faults.Enqueue(fault);
        return this;
    }

    /// <summary>Removes every fault.</summary>
    public void Clear() => _faults.Clear();

    /// <summary>How many faults have not fired all their times yet.</summary>
    public int Pending => _faults.Count(f => Volatile.Read(ref f.Remaining) > 0);

    internal SandboxFault? Take(string method, string path)
    {
        lock (_gate)
        {
            foreach (var fault in _faults)
            {
                if (fault.Remaining > 0 &&
                    (fault.Method is null || string.Equals(fault.Method, method, StringComparison.OrdinalIgnoreCase)) &&
                    path.StartsWith(fault.PathPrefix, StringComparison.Ordinal))
                {
                    fault.Remaining--;
                    return fault;
                }
            }
        }

        return null;
    }

    /// <summary>The middleware: applies the fault a request matches, if any.</summary>
    internal async Task Apply(HttpContext context, RequestDelegate next)
    {
        var fault = context.Request.Path.StartsWithSegments("/_sandbox") ? null : Take(context.Request.Method, context.Request.Path.Value ?? string.Empty);
        if (fault is null)
        {
            await next(context);
            return;
        }

        context.Items[typeof(SandboxFault)] = fault;
        switch (fault.Kind)
        {
            case SandboxFaultKind.Delay:
                await Task.Delay(fault.Delay, context.RequestAborted);
                await next(context);
                break;
            case SandboxFaultKind.Status:
                context.Response.StatusCode = fault.EffectiveStatus;
                if (fault.RetryAfter is not null)
                {
                    context.Response.Headers.RetryAfter = fault.RetryAfter;
                }

                await context.Response.WriteAsJsonAsync(new Dictionary<string, string> { ["error"] = $"Injected fault: status {fault.EffectiveStatus}" });
                break;
            case SandboxFaultKind.Html:
                context.Response.StatusCode = fault.EffectiveStatus;
                context.Response.ContentType = "text/html";
                await context.Response.WriteAsync($"<html><head><title>{fault.EffectiveStatus} Bad Gateway</title></head><body><h1>{fault.EffectiveStatus} Bad Gateway</h1><hr><center>nginx</center></body></html>");
                break;
            case SandboxFaultKind.TruncatedJson:
            {
                var original = context.Response.Body;
                using var buffer = new MemoryStream();
                context.Response.Body = buffer;
                await next(context);
                context.Response.Body = original;
                var bytes = buffer.ToArray();
                context.Response.StatusCode = 200;
                context.Response.ContentLength = null;
                await original.WriteAsync(bytes.AsMemory(0, bytes.Length / 2));
                break;
            }

            case SandboxFaultKind.Drop:
                context.Abort();
                break;
            case SandboxFaultKind.DropAfterHandling:
            {
                var original = context.Response.Body;
                context.Response.Body = Stream.Null;
                await next(context);
                context.Response.Body = original;
                context.Abort();
                break;
            }

            case SandboxFaultKind.RepeatCursor:
                await next(context);
                break;
        }
    }

    /// <summary>Whether the request's fault says a list page should ignore its cursor.</summary>
    internal static bool RepeatsCursor(HttpContext context) =>
        context.Items.TryGetValue(typeof(SandboxFault), out var fault) && fault is SandboxFault { Kind: SandboxFaultKind.RepeatCursor };
}
