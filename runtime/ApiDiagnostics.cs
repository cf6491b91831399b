using System;
using System.Diagnostics;
using Microsoft.Extensions.Logging;

namespace Engage.Codegen.Runtime;

/// <summary>
/// The tracing and logging names of generated clients. Listen to <see cref="ActivitySourceName"/>
/// (for example <c>AddSource("Engage.Codegen")</c> in OpenTelemetry) for a span per operation and
/// per page; logs go to the category named after the client, e.g. <c>MyApp.Api.EngageClient</c>.
/// </summary>
public static class ApiDiagnostics
{
    /// <summary>The name of the <see cref="ActivitySource"/> generated clients trace with.</summary>
    public const string ActivitySourceName = "Engage.Codegen";

    internal static readonly ActivitySource Source = new(ActivitySourceName, typeof(ApiDiagnostics).Assembly.GetName().Version?.ToString());

    /// <summary>Starts the span of one call; its URL (query values redacted) is worked out only when someone records it.</summary>
    internal static Activity? StartOperation(ApiPipeline.Call call)
    {
        if (!Source.HasListeners())
        {
            return null;
        }

        var activity = Source.StartActivity(call.Operation, ActivityKind.Client);
        if (activity is { IsAllDataRequested: true })
        {
            activity.SetTag("http.request.method", call.Method.Method);
            activity.SetTag("url.full", call.LogUri);
        }

        return activity;
    }

    internal static void Fail(Activity? activity, string errorType, string description)
    {
        if (activity is null)
        {
            return;
        }

        activity.SetTag("error.type", errorType);
        activity.SetStatus(ActivityStatusCode.Error, description);
    }
}

/// <summary>The client's log events. Messages hold method, URL (never credentials), status, attempt and timing; bodies only when <see cref="ApiClientOptions.LogContent"/> is on.</summary>
internal static partial class ApiLog
{
    public static readonly EventId RequestEventId = new(1, "Request");
    public static readonly EventId ResponseEventId = new(2, "Response");
    public static readonly EventId RetryEventId = new(3, "Retry");
    public static readonly EventId FailedEventId = new(4, "Failed");
    public static readonly EventId ContentEventId = new(5, "Content");

    // Source-generated (LoggerMessage): no boxing, no template parsing per call.
    [LoggerMessage(EventId = 1, EventName = "Request", Level = LogLevel.Debug, Message = "{Operation}: sending {Method} {Url} (attempt {Attempt})")]
    private static partial void LogRequest(ILogger logger, string operation, string method, string url, int attempt);

    [LoggerMessage(EventId = 2, EventName = "Response", Level = LogLevel.Information, Message = "{Operation}: {Method} {Url} returned {StatusCode} in {ElapsedMilliseconds} ms (attempt {Attempt})")]
    private static partial void LogResponse(ILogger logger, string operation, string method, string url, int statusCode, double elapsedMilliseconds, int attempt);

    [LoggerMessage(EventId = 3, EventName = "Retry", Level = LogLevel.Warning, Message = "{Operation}: {Url} failed ({Reason}); retrying in {DelayMilliseconds} ms (retry {Retry} of {MaxRetries})")]
    private static partial void LogRetry(ILogger logger, string operation, string url, string reason, double delayMilliseconds, int retry, int maxRetries);

    [LoggerMessage(EventId = 4, EventName = "Failed", Level = LogLevel.Warning, Message = "{Operation}: {Method} {Url} failed ({Reason}) after {ElapsedMilliseconds} ms and {Attempts} attempt(s)")]
    private static partial void LogFailed(ILogger logger, string operation, string method, string url, string reason, double elapsedMilliseconds, int attempts, Exception? exception);

    [LoggerMessage(EventId = 5, EventName = "Content", Level = LogLevel.Trace, Message = "{Operation}: {Direction} body {Body}")]
    private static partial void LogContent(ILogger logger, string operation, string direction, string body);

    // Each helper asks the logger first, so a call that nobody logs never builds the redacted URL,
    // rounds a duration or decodes a body.
    public static void Request(ILogger logger, ApiPipeline.Call call, int attempt)
    {
        if (logger.IsEnabled(LogLevel.Debug))
        {
            LogRequest(logger, call.Operation, call.Method.Method, call.LogUri, attempt);
        }
    }

    public static void Response(ILogger logger, ApiPipeline.Call call, int status, TimeSpan elapsed, int attempt)
    {
        if (logger.IsEnabled(LogLevel.Information))
        {
            LogResponse(logger, call.Operation, call.Method.Method, call.LogUri, status, Math.Round(elapsed.TotalMilliseconds, 1), attempt);
        }
    }

    public static bool RetryEnabled(ILogger logger) => logger.IsEnabled(LogLevel.Warning);

    public static void Retry(ILogger logger, ApiPipeline.Call call, string reason, TimeSpan delay, int retry, int maxRetries) =>
        LogRetry(logger, call.Operation, call.LogUri, reason, Math.Round(delay.TotalMilliseconds), retry, maxRetries);

    public static void Failed(ILogger logger, ApiPipeline.Call call, string reason, Exception? exception)
    {
        if (logger.IsEnabled(LogLevel.Warning))
        {
            LogFailed(logger, call.Operation, call.Method.Method, call.LogUri, reason, Math.Round(call.Elapsed.TotalMilliseconds, 1), call.Attempts, exception);
        }
    }

    public static void Content(ILogger logger, ApiPipeline.Call call, string direction, byte[] body)
    {
        if (logger.IsEnabled(LogLevel.Trace))
        {
            LogContent(logger, call.Operation, direction, ApiException.DecodeBody(body));
        }
    }
}
