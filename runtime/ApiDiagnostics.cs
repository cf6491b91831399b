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
internal static class ApiLog
{
    public static readonly EventId RequestEventId = new(1, "Request");
    public static readonly EventId ResponseEventId = new(2, "Response");
    public static readonly EventId RetryEventId = new(3, "Retry");
    public static readonly EventId FailedEventId = new(4, "Failed");
    public static readonly EventId ContentEventId = new(5, "Content");

    private static readonly Action<ILogger, string, string, string, int, Exception?> s_request =
        LoggerMessage.Define<string, string, string, int>(LogLevel.Debug, RequestEventId, "{Operation}: sending {Method} {Url} (attempt {Attempt})");

    private static readonly Action<ILogger, string, string, string, int, double, int, Exception?> s_response =
        LoggerMessage.Define<string, string, string, int, double, int>(LogLevel.Information, ResponseEventId, "{Operation}: {Method} {Url} returned {StatusCode} in {ElapsedMilliseconds} ms (attempt {Attempt})");

    private static readonly Action<ILogger, string, string, string, double, int, int, Exception?> s_retry =
        LoggerMessage.Define<string, string, string, double, int, int>(LogLevel.Warning, RetryEventId, "{Operation}: {Url} failed ({Reason}); retrying in {DelayMilliseconds} ms (retry {Retry} of {MaxRetries})");

    private static readonly Action<ILogger, string, string, string, string, double, int, Exception?> s_failed =
        LoggerMessage.Define<string, string, string, string, double, int>(LogLevel.Warning, FailedEventId, "{Operation}: {Method} {Url} failed ({Reason}) after {ElapsedMilliseconds} ms and {Attempts} attempt(s)");

    private static readonly Action<ILogger, string, string, string, Exception?> s_content =
        LoggerMessage.Define<string, string, string>(LogLevel.Trace, ContentEventId, "{Operation}: {Direction} body {Body}");

    // Each helper asks the logger first, so a call that nobody logs never builds the redacted URL,
    // rounds a duration or decodes a body.
    public static void Request(ILogger logger, ApiPipeline.Call call, int attempt)
    {
        if (logger.IsEnabled(LogLevel.Debug))
        {
            s_request(logger, call.Operation, call.Method.Method, call.LogUri, attempt, null);
        }
    }

    public static void Response(ILogger logger, ApiPipeline.Call call, int status, TimeSpan elapsed, int attempt)
    {
        if (logger.IsEnabled(LogLevel.Information))
        {
            s_response(logger, call.Operation, call.Method.Method, call.LogUri, status, Math.Round(elapsed.TotalMilliseconds, 1), attempt, null);
        }
    }

    public static bool RetryEnabled(ILogger logger) => logger.IsEnabled(LogLevel.Warning);

    public static void Retry(ILogger logger, ApiPipeline.Call call, string reason, TimeSpan delay, int retry, int maxRetries) =>
        s_retry(logger, call.Operation, call.LogUri, reason, Math.Round(delay.TotalMilliseconds), retry, maxRetries, null);

    public static void Failed(ILogger logger, ApiPipeline.Call call, string reason, Exception? exception)
    {
        if (logger.IsEnabled(LogLevel.Warning))
        {
            s_failed(logger, call.Operation, call.Method.Method, call.LogUri, reason, Math.Round(call.Elapsed.TotalMilliseconds, 1), call.Attempts, exception);
        }
    }

    public static void Content(ILogger logger, ApiPipeline.Call call, string direction, byte[] body)
    {
        if (logger.IsEnabled(LogLevel.Trace))
        {
            s_content(logger, call.Operation, direction, ApiException.DecodeBody(body), null);
        }
    }
}
