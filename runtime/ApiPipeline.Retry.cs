using System;
using System.Net.Http;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using Polly;
using Polly.Retry;

namespace Engage.Codegen.Runtime;

// Which failures are retried, and how long to wait: Polly's retry strategy with the call's budget.
public sealed partial class ApiPipeline
{
    private ResiliencePipeline<Attempt> BuildRetryPipeline(ApiRetryOptions retry) =>
        new ResiliencePipelineBuilder<Attempt> { TimeProvider = _time }
            .AddRetry(new RetryStrategyOptions<Attempt>
            {
                MaxRetryAttempts = retry.MaxRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = retry.UseJitter,
                Delay = retry.BaseDelay,
                MaxDelay = retry.MaxDelay,
                ShouldHandle = static args => new ValueTask<bool>(
                    args.Context.Properties.TryGetValue(s_callKey, out var call) && call.Pipeline.ShouldRetry(call, args.Outcome, args.AttemptNumber, args.Context.CancellationToken)),
                DelayGenerator = static args => new ValueTask<TimeSpan?>(args.Outcome.Result?.RetryAfter),
                OnRetry = static args =>
                {
                    if (args.Context.Properties.TryGetValue(s_callKey, out var call) && ApiLog.RetryEnabled(call.Pipeline._logger))
                    {
                        ApiLog.Retry(call.Pipeline._logger, call, Describe(args.Outcome), args.RetryDelay, args.AttemptNumber + 1, call.Pipeline.MaxRetriesFor(call));
                    }

                    return default;
                },
            })
            .Build();

    private int MaxRetriesFor(Call call) => Math.Min(_retry.MaxRetries, call.RequestOptions?.MaxRetries ?? int.MaxValue);

    /// <summary>
    /// Whether a failed attempt is retried: transient, safe to repeat for this method, within the
    /// per-call retry cap, and within the time budget (including any Retry-After wait).
    /// </summary>
    private bool ShouldRetry(Call call, Outcome<Attempt> outcome, int attemptNumber, CancellationToken cancellationToken)
    {
        if (cancellationToken.IsCancellationRequested || attemptNumber >= MaxRetriesFor(call))
        {
            return false;
        }

        var repeatable = IsIdempotent(call.Method);
        bool transient;
        TimeSpan wait = _retry.BaseDelay;
        if (outcome.Exception is { } exception)
        {
            transient = exception switch
            {
                AttemptTimeoutException => repeatable,
                HttpRequestException http => repeatable || IsConnectFailure(http),
                _ => false,
            };
        }
        else
        {
            var attempt = outcome.Result!;
            transient = attempt.StatusCode switch
            {
                429 or 503 => true,                 // the server refused the request before acting on it
                408 or 502 or 504 => repeatable,    // the server may have acted on it
                _ => false,
            };
            if (attempt.RetryAfter is { } retryAfter)
            {
                if (retryAfter > _retry.MaxDelay)
                {
                    return false;
                }

                wait = retryAfter;
            }
        }

        return transient && call.Elapsed + wait <= _retry.MaxTotalTime;
    }

    private static bool IsIdempotent(HttpMethod method) =>
        method == HttpMethod.Get || method == HttpMethod.Put || method == HttpMethod.Delete || method == HttpMethod.Head || method == HttpMethod.Options;

    /// <summary>True when the request cannot have reached the server: the connection was never made.</summary>
    private static bool IsConnectFailure(HttpRequestException exception)
    {
#if NET8_0_OR_GREATER
        if (exception.HttpRequestError is HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError or HttpRequestError.SecureConnectionError)
        {
            return true;
        }
#endif
        return exception.InnerException is SocketException { SocketErrorCode: SocketError.ConnectionRefused or SocketError.HostNotFound or SocketError.HostUnreachable or SocketError.NetworkUnreachable or SocketError.TryAgain };
    }

    private static string Describe(Outcome<Attempt> outcome) => outcome.Exception switch
    {
        AttemptTimeoutException timeout => "attempt timed out after " + timeout.Timeout,
        { } exception => exception.GetType().Name + ": " + exception.Message,
        null => "status " + outcome.Result!.StatusCode + (outcome.Result.RetryAfter is { } wait ? ", Retry-After " + wait : string.Empty),
    };
}
