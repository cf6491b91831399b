using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Threading;
using System.Threading.Tasks;
using Polly;

namespace Engage.Codegen.Runtime;

// One attempt on the wire: the request as the docs describe it, the response read whole.
public sealed partial class ApiPipeline
{
    private async ValueTask<Attempt> ExecuteAsync(Call call, CancellationToken cancellationToken)
    {
        if (_retryPipeline is null || call.RequestOptions?.MaxRetries == 0)
        {
            return await SendOnceAsync(call, cancellationToken).ConfigureAwait(false);
        }

        // The first attempt outside Polly: most calls end on it, and the resilience context and the
        // strategy's callbacks cost as much as the rest of the client's work on a small call. Only a
        // failure that will be retried enters the retry pipeline, which is handed that outcome as its
        // own first attempt: delays, Retry-After, attempt numbers and logs are as if it had made it.
        Outcome<Attempt> first;
        try
        {
            first = Outcome.FromResult(await SendOnceAsync(call, cancellationToken).ConfigureAwait(false));
        }
        catch (Exception exception)
        {
            first = Outcome.FromException<Attempt>(exception);
        }

        if (!ShouldRetry(call, first, 0, cancellationToken))
        {
            first.ThrowIfException();
            return first.Result!;
        }

        call.FirstOutcome = first;
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        try
        {
            context.Properties.Set(s_callKey, call);
            var outcome = await _retryPipeline.ExecuteOutcomeAsync(
                static async (context, call) =>
                {
                    if (call.FirstOutcome is { } made)
                    {
                        call.FirstOutcome = null;
                        return made;
                    }

                    try
                    {
                        return Outcome.FromResult(await call.Pipeline.SendOnceAsync(call, context.CancellationToken).ConfigureAwait(false));
                    }
                    catch (Exception exception)
                    {
                        return Outcome.FromException<Attempt>(exception);
                    }
                },
                context,
                call).ConfigureAwait(false);
            outcome.ThrowIfException();
            return outcome.Result!;
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    /// <summary>One attempt: sends, reads the whole body, and keeps what an exception or retry needs.</summary>
    private async Task<Attempt> SendOnceAsync(Call call, CancellationToken cancellationToken)
    {
        call.Attempts++;
        var attemptNumber = call.Attempts;
        ApiLog.Request(_logger, call, attemptNumber);
        var started = _time.GetTimestamp();
        using var request = new HttpRequestMessage(call.Method, call.Uri);
        await AddCredentialsAsync(request, call, cancellationToken).ConfigureAwait(false);
        var httpClient = _httpClient();
        if (!(call.RequestOptions?.Headers.ContainsKey("User-Agent") ?? false) && (_userAgentSet || httpClient.DefaultRequestHeaders.UserAgent.Count == 0))
        {
            // The options' UserAgent; else a default that names the client and the runtime version, which the HttpClient's own replaces. The call's own wins over both.
            request.Headers.TryAddWithoutValidation("User-Agent", _userAgent);
        }

        request.Headers.Accept.Add(_accept);
        if (call.RequestOptions is { } requestOptions)
        {
            foreach (var header in requestOptions.Headers)
            {
                request.Headers.TryAddWithoutValidation(header.Key, header.Value);
            }
        }

        if (call.Body is not null)
        {
            request.Content = new ByteArrayContent(call.Body);
            request.Content.Headers.ContentType = s_jsonContentType;
        }

        var timeout = call.RequestOptions?.Timeout ?? _timeout;

        // Cancelled by the caller's token or the timeout; reused by the next attempt unless it was cancelled.
        var timeoutSource = _timeoutSources.Rent();
        var link = cancellationToken.CanBeCanceled
            ? cancellationToken.Register(static source => ((CancellationTokenSource)source!).Cancel(), timeoutSource)
            : default;

        // The system clock cancels through the source itself; another TimeProvider (a test's fake) through its own timer.
        var timer = timeout != Timeout.InfiniteTimeSpan && _time != TimeProvider.System
            ? _time.CreateTimer(static source => ((CancellationTokenSource)source!).Cancel(), timeoutSource, timeout, Timeout.InfiniteTimeSpan)
            : null;
        if (timeout != Timeout.InfiniteTimeSpan && timer is null)
        {
            timeoutSource.CancelAfter(timeout);
        }

        try
        {
            using var response = await httpClient.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeoutSource.Token).ConfigureAwait(false);
#if NET5_0_OR_GREATER
            var body = await response.Content.ReadAsByteArrayAsync(timeoutSource.Token).ConfigureAwait(false);
#else
            var body = await response.Content.ReadAsByteArrayAsync().ConfigureAwait(false);
#endif
            var status = (int)response.StatusCode;
            ApiLog.Response(_logger, call, status, _time.GetElapsedTime(started), attemptNumber);
            return response.IsSuccessStatusCode
                ? new Attempt(status, body, null, call.KeepHeaders ? CopyHeaders(response) : null, xml: Serialization.ApiXml.IsXml(response.Content.Headers.ContentType?.MediaType))
                : new Attempt(status, body, response.ReasonPhrase, CopyHeaders(response), ReadRetryAfter(response));
        }
        catch (OperationCanceledException exception) when (!cancellationToken.IsCancellationRequested && timeoutSource.IsCancellationRequested)
        {
            throw new AttemptTimeoutException(timeout, exception);
        }
        catch (IOException exception) when (!cancellationToken.IsCancellationRequested)
        {
            // The body stream broke off (a dropped connection) after the headers arrived.
            throw new HttpRequestException("The connection closed while the response body was read: " + exception.Message, exception);
        }
        finally
        {
            // Unlinked first, so neither the caller's token nor the timer can cancel it once it is given back; a
            // TimeProvider's own timer may still be running its callback after Dispose, so that source is not reused.
            link.Dispose();
            if (timer is null)
            {
                _timeoutSources.Return(timeoutSource);
            }
            else
            {
                timer.Dispose();
                timeoutSource.Dispose();
            }
        }
    }

    /// <summary>
    /// The wait a <c>Retry-After</c> header asks for (seconds or an HTTP date), or null when it asks for none that means
    /// anything: absent, unparseable or negative (which the header parser refuses), zero, or a date already past. A null
    /// wait leaves the retry to the backoff, so a server that says "0" is not hammered.
    /// </summary>
    private TimeSpan? ReadRetryAfter(HttpResponseMessage response)
    {
        var retryAfter = response.Headers.RetryAfter;
        var wait = retryAfter?.Delta ?? (retryAfter?.Date is { } date ? date - _time.GetUtcNow() : null);
        return wait > TimeSpan.Zero ? wait : null;
    }

    private static Dictionary<string, IReadOnlyList<string>> CopyHeaders(HttpResponseMessage response)
    {
        var headers = new Dictionary<string, IReadOnlyList<string>>(StringComparer.OrdinalIgnoreCase);
        foreach (var header in response.Headers.Concat(response.Content.Headers))
        {
            headers[header.Key] = header.Value.ToArray();
        }

        return headers;
    }

}
