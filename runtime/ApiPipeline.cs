using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Polly;
using Polly.Retry;

namespace Engage.Codegen.Runtime;

/// <summary>
/// Sends the requests of a generated client: Basic auth, JSON bodies, retries of transient failures
/// (Polly), typed errors, timeouts, logs and spans. Used by generated code; call the generated client instead.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class ApiPipeline : IDisposable
{
    private static readonly MediaTypeWithQualityHeaderValue s_acceptJson = new("application/json");
    private static readonly ResiliencePropertyKey<Call> s_callKey = new("Engage.Codegen.Call");

    private readonly Func<HttpClient> _httpClient;
    private readonly HttpClient? _ownedHttpClient;
    private readonly string _root;
    private readonly AuthenticationHeaderValue? _authorization;
    private readonly ApiCredentialScheme _scheme;
    private readonly string _userAgent;
    private readonly string? _key;
    private readonly Func<CancellationToken, ValueTask<string>>? _tokenProvider;
    private readonly TimeSpan _timeout;
    private readonly ApiRetryOptions _retry;
    private readonly ResiliencePipeline<Attempt>? _retryPipeline;
    private readonly ILogger _logger;
    private readonly bool _logContent;

    /// <summary>Creates the pipeline. Validates <paramref name="options"/>.</summary>
    /// <param name="options">Credentials, API root, timeout and retries.</param>
    /// <param name="httpClient">An HttpClient to send with; null creates one that this pipeline disposes.</param>
    public ApiPipeline(ApiClientOptions options, HttpClient? httpClient = null)
        : this(options, httpClient, null, useSecret: true)
    {
    }

    /// <summary>Creates the pipeline. Validates <paramref name="options"/>.</summary>
    /// <param name="options">Credentials, API root, timeout and retries.</param>
    /// <param name="httpClient">An HttpClient to send with; null creates one that this pipeline disposes.</param>
    /// <param name="loggerFactory">Where log events go, or null for none.</param>
    /// <param name="useSecret">False for a key-only client: the secret in the options is never sent.</param>
    public ApiPipeline(ApiClientOptions options, HttpClient? httpClient, ILoggerFactory? loggerFactory, bool useSecret)
        : this(options, loggerFactory, useSecret, httpClient ?? new HttpClient { Timeout = Timeout.InfiniteTimeSpan }, httpClient is null)
    {
    }

    /// <summary>
    /// Creates a pipeline that asks <paramref name="httpClientProvider"/> for an HttpClient per request,
    /// as IHttpClientFactory recommends for long-lived clients (handlers rotate, DNS changes are seen).
    /// </summary>
    /// <param name="options">Credentials, API root, timeout and retries.</param>
    /// <param name="httpClientProvider">Returns the HttpClient for one request, for example <c>() => factory.CreateClient(name)</c>.</param>
    /// <param name="loggerFactory">Where log events go, or null for none.</param>
    /// <param name="useSecret">False for a key-only client: the secret in the options is never sent.</param>
    public ApiPipeline(ApiClientOptions options, Func<HttpClient> httpClientProvider, ILoggerFactory? loggerFactory, bool useSecret)
        : this(options, loggerFactory, useSecret, null, false)
    {
        _httpClient = httpClientProvider ?? throw new ArgumentNullException(nameof(httpClientProvider));
    }

    private ApiPipeline(ApiClientOptions options, ILoggerFactory? loggerFactory, bool useSecret, HttpClient? httpClient, bool ownsHttpClient)
    {
        if (options is null)
        {
            throw new ArgumentNullException(nameof(options));
        }

        options.Validate();
        HasSecret = useSecret && options.HasSecret;
        _timeout = options.Timeout;
        _retry = options.Retry.Clone();
        _logContent = options.LogContent;
        _root = options.BaseAddress!.GetLeftPart(UriPartial.Path).TrimEnd('/');
        if (!string.IsNullOrEmpty(options.BaseAddress.UserInfo))
        {
            _root = ApiUris.WithoutCredentials(new Uri(_root)).TrimEnd('/');
        }

        _scheme = options.CredentialScheme;
        var clientName = options.GetType().Name;
        _userAgent = (clientName.EndsWith("Options", StringComparison.Ordinal) ? clientName.Substring(0, clientName.Length - "Options".Length) : clientName) + " Engage.Codegen.Runtime/" + RuntimeVersion;
        _key = options.ApiKey;
        if (_scheme.Location == ApiCredentialLocation.Basic)
        {
            var credentials = Encoding.UTF8.GetBytes(options.ApiKey + ":" + (HasSecret ? options.ApiSecret : string.Empty));
            _authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(credentials));
        }
        else if (_scheme.Location == ApiCredentialLocation.Header)
        {
            _tokenProvider = options.TokenProvider;
        }

        _ownedHttpClient = ownsHttpClient ? httpClient : null;
        _httpClient = httpClient is null ? null! : () => httpClient;

        // Logs go to a category named after the client: MyApp.Api.EngageClientOptions gives MyApp.Api.EngageClient.
        var category = options.GetType().FullName ?? "Engage.Codegen.Runtime.ApiClient";
        _logger = loggerFactory?.CreateLogger(category.EndsWith("Options", StringComparison.Ordinal) ? category.Substring(0, category.Length - "Options".Length) : category)
            ?? NullLogger.Instance;
        _retryPipeline = _retry.MaxRetries > 0 ? BuildRetryPipeline(_retry) : null;
    }

    /// <summary>This runtime's package version (from git tags), as the default User-Agent names it.</summary>
    public static string RuntimeVersion { get; } = ReadVersion();

    private static string ReadVersion()
    {
        var version = typeof(ApiPipeline).Assembly.GetCustomAttributes(typeof(System.Reflection.AssemblyInformationalVersionAttribute), false)
            .OfType<System.Reflection.AssemblyInformationalVersionAttribute>().FirstOrDefault()?.InformationalVersion ?? "0.0.0";
        var plus = version.IndexOf('+');
        return plus < 0 ? version : version.Substring(0, plus);
    }

    /// <summary>Whether the client holds, and sends, the API secret as well as the key.</summary>
    public bool HasSecret { get; }

    /// <summary>Throws <see cref="ApiCredentialsException"/> before sending when the secret is needed and not held.</summary>
    /// <param name="what">What needs the secret, for the message, e.g. "Setting `email`".</param>
    public void EnsureSecret(string what)
    {
        if (!HasSecret)
        {
            throw new ApiCredentialsException($"{what} requires the API secret, but this client was created with the API key alone. Nothing was sent.");
        }
    }

    /// <summary>Sends a request without a body and reads a JSON response.</summary>
    /// <param name="operation">The operation's name for logs and spans, e.g. "Users.Get".</param>
    /// <param name="method">The HTTP method.</param>
    /// <param name="path">The path below the API root, already escaped.</param>
    /// <param name="query">The query string, or null.</param>
    /// <param name="responseType">How to read the response.</param>
    /// <param name="requestOptions">Per-call timeout, retries and headers, or null.</param>
    /// <param name="cancellationToken">Cancels the call, including waits between retries.</param>
    public Task<TResponse> SendAsync<TResponse>(
        string operation,
        HttpMethod method,
        string path,
        ApiQuery? query,
        JsonTypeInfo<TResponse> responseType,
        ApiRequestOptions? requestOptions,
        CancellationToken cancellationToken)
        => SendCoreAsync(operation, method, path, query, null, responseType, requestOptions, cancellationToken);

    /// <summary>Sends a request with a JSON body and reads a JSON response.</summary>
    /// <param name="operation">The operation's name for logs and spans, e.g. "Users.Create".</param>
    /// <param name="method">The HTTP method.</param>
    /// <param name="path">The path below the API root, already escaped.</param>
    /// <param name="query">The query string, or null.</param>
    /// <param name="body">The request body.</param>
    /// <param name="requestType">How to write the body.</param>
    /// <param name="responseType">How to read the response.</param>
    /// <param name="requestOptions">Per-call timeout, retries and headers, or null.</param>
    /// <param name="cancellationToken">Cancels the call, including waits between retries.</param>
    public Task<TResponse> SendAsync<TRequest, TResponse>(
        string operation,
        HttpMethod method,
        string path,
        ApiQuery? query,
        TRequest body,
        JsonTypeInfo<TRequest> requestType,
        JsonTypeInfo<TResponse> responseType,
        ApiRequestOptions? requestOptions,
        CancellationToken cancellationToken)
        => SendCoreAsync(operation, method, path, query, Serialize(body, requestType), responseType, requestOptions, cancellationToken);

    /// <summary>Sends a request without a body for an operation the docs say answers with no content (<c>204 No Content</c>).</summary>
    /// <param name="operation">The operation's name for logs and spans, e.g. "Users.Delete".</param>
    /// <param name="method">The HTTP method.</param>
    /// <param name="path">The path below the API root, already escaped.</param>
    /// <param name="query">The query string, or null.</param>
    /// <param name="requestOptions">Per-call timeout, retries and headers, or null.</param>
    /// <param name="cancellationToken">Cancels the call, including waits between retries.</param>
    /// <remarks>Any success status is success; a body the API sends anyway is not read.</remarks>
    public Task SendWithoutResponseAsync(
        string operation,
        HttpMethod method,
        string path,
        ApiQuery? query,
        ApiRequestOptions? requestOptions,
        CancellationToken cancellationToken)
        => SendCoreAsync<object?>(operation, method, path, query, null, null, requestOptions, cancellationToken);

    /// <summary>Sends a request with a JSON body for an operation the docs say answers with no content.</summary>
    /// <param name="operation">The operation's name for logs and spans, e.g. "Lists.Archive".</param>
    /// <param name="method">The HTTP method.</param>
    /// <param name="path">The path below the API root, already escaped.</param>
    /// <param name="query">The query string, or null.</param>
    /// <param name="body">The request body.</param>
    /// <param name="requestType">How to write the body.</param>
    /// <param name="requestOptions">Per-call timeout, retries and headers, or null.</param>
    /// <param name="cancellationToken">Cancels the call, including waits between retries.</param>
    /// <remarks>Any success status is success; a body the API sends anyway is not read.</remarks>
    public Task SendWithoutResponseAsync<TRequest>(
        string operation,
        HttpMethod method,
        string path,
        ApiQuery? query,
        TRequest body,
        JsonTypeInfo<TRequest> requestType,
        ApiRequestOptions? requestOptions,
        CancellationToken cancellationToken)
        => SendCoreAsync<object?>(operation, method, path, query, Serialize(body, requestType), null, requestOptions, cancellationToken);

    private static byte[] Serialize<TRequest>(TRequest body, JsonTypeInfo<TRequest> requestType) =>
        body is null ? throw new ArgumentNullException(nameof(body)) : JsonSerializer.SerializeToUtf8Bytes(body, requestType);

    private async Task<TResponse> SendCoreAsync<TResponse>(
        string operation,
        HttpMethod method,
        string path,
        ApiQuery? query,
        byte[]? body,
        JsonTypeInfo<TResponse>? responseType,
        ApiRequestOptions? requestOptions,
        CancellationToken cancellationToken)
    {
        requestOptions?.Validate();
        var call = new Call(this, operation, method, _root + path + (query?.ToString() ?? string.Empty), body, requestOptions);
        using var activity = ApiDiagnostics.StartOperation(call);
        if (_logContent && body is not null)
        {
            ApiLog.Content(_logger, call, "request", body);
        }

        Attempt attempt;
        try
        {
            attempt = await ExecuteAsync(call, cancellationToken).ConfigureAwait(false);
            if (attempt.StatusCode == 401 && _tokenProvider is not null)
            {
                // An expired token: the provider is asked once more (it may refresh), then the answer stands.
                attempt = await ExecuteAsync(call, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            ApiDiagnostics.Fail(activity, "canceled", "The caller cancelled the request.");
            throw;
        }
        catch (AttemptTimeoutException exception)
        {
            activity?.SetTag("engage.attempts", call.Attempts);
            ApiDiagnostics.Fail(activity, "timeout", exception.Message);
            ApiLog.Failed(_logger, call, "timeout", null);
            throw new TimeoutException(
                $"{method.Method} {call.Uri} did not complete within {exception.Timeout} ({call.Attempts} attempt{(call.Attempts == 1 ? string.Empty : "s")}).",
                exception.InnerException);
        }
        catch (HttpRequestException exception)
        {
            activity?.SetTag("engage.attempts", call.Attempts);
            ApiDiagnostics.Fail(activity, exception.GetType().FullName!, exception.Message);
            ApiLog.Failed(_logger, call, "no response", exception);
            throw new ApiException(
                $"{method.Method} {call.Uri} failed without a response after {call.Attempts} attempt{(call.Attempts == 1 ? string.Empty : "s")}: {exception.Message}",
                0,
                null,
                string.Empty,
                method.Method,
                call.Uri,
                null,
                exception,
                call.Attempts);
        }

        activity?.SetTag("http.response.status_code", attempt.StatusCode);
        activity?.SetTag("engage.attempts", call.Attempts);
        if (_logContent)
        {
            ApiLog.Content(_logger, call, "response", attempt.Body);
        }

        if (!attempt.IsSuccess)
        {
            ApiDiagnostics.Fail(activity, attempt.StatusCode.ToString(System.Globalization.CultureInfo.InvariantCulture), attempt.ReasonPhrase ?? string.Empty);
            ApiLog.Failed(_logger, call, "status " + attempt.StatusCode, null);
            throw CreateException(attempt, call, null, null);
        }

        if (responseType is null)
        {
            return default!; // an operation that reads no response
        }

        // A success with no body (204 No Content, or an empty 200) is success: nothing to parse. An
        // operation typed as any JSON gets an undefined JsonElement; a typed model cannot be made from nothing.
        if (attempt.Body.Length == 0 && typeof(TResponse) == typeof(JsonElement))
        {
            return default!;
        }

        try
        {
            var result = JsonSerializer.Deserialize(attempt.Body, responseType);
            if (result is null)
            {
                throw CreateException(attempt, call, $"the response body was empty or null where {typeof(TResponse).Name} was expected", null);
            }

            return result;
        }
        catch (JsonException exception)
        {
            ApiDiagnostics.Fail(activity, "invalid_body", exception.Message);
            throw CreateException(attempt, call, $"the response body could not be read as {typeof(TResponse).Name}: {exception.Message}", exception);
        }
    }

    private async ValueTask<Attempt> ExecuteAsync(Call call, CancellationToken cancellationToken)
    {
        if (_retryPipeline is null || call.RequestOptions?.MaxRetries == 0)
        {
            return await SendOnceAsync(call, cancellationToken).ConfigureAwait(false);
        }

        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        try
        {
            context.Properties.Set(s_callKey, call);
            var outcome = await _retryPipeline.ExecuteOutcomeAsync(
                static async (context, call) =>
                {
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
        var started = Stopwatch.GetTimestamp();
        using var request = new HttpRequestMessage(call.Method, call.Uri);
        await AddCredentialsAsync(request, call, cancellationToken).ConfigureAwait(false);
        var httpClient = _httpClient();
        if (httpClient.DefaultRequestHeaders.UserAgent.Count == 0 && !(call.RequestOptions?.Headers.ContainsKey("User-Agent") ?? false))
        {
            // A default that names the client and the runtime version; the HttpClient's or the call's own wins.
            request.Headers.TryAddWithoutValidation("User-Agent", _userAgent);
        }

        request.Headers.Accept.Add(s_acceptJson);
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
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        }

        var timeout = call.RequestOptions?.Timeout ?? _timeout;
        using var timeoutSource = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        if (timeout != Timeout.InfiniteTimeSpan)
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
            ApiLog.Response(_logger, call, status, ElapsedSince(started), attemptNumber);
            return response.IsSuccessStatusCode
                ? new Attempt(status, body)
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
    }

    /// <summary>
    /// Puts the credentials where the docs say, on this request only: never into <see cref="Call.Uri"/>,
    /// which logs, spans and exception messages show.
    /// </summary>
    private async ValueTask AddCredentialsAsync(HttpRequestMessage request, Call call, CancellationToken cancellationToken)
    {
        switch (_scheme.Location)
        {
            case ApiCredentialLocation.Header:
                var token = _tokenProvider is null ? _key : await _tokenProvider(cancellationToken).ConfigureAwait(false);
                if (string.IsNullOrEmpty(token))
                {
                    throw new ApiCredentialsException($"{nameof(ApiClientOptions.TokenProvider)} returned no {_scheme.KeyName}. Nothing was sent.");
                }

                ApiHeaders.EnsureNoLineBreaks(token!, _scheme.KeyName);
                request.Headers.TryAddWithoutValidation(_scheme.HeaderName!, _scheme.Prefix + token);
                break;
            case ApiCredentialLocation.Query:
                request.RequestUri = new Uri(call.Uri + (call.Uri.IndexOf('?') >= 0 ? "&" : "?") + Uri.EscapeDataString(_scheme.ParameterName!) + "=" + Uri.EscapeDataString(_key!));
                break;
            default:
                request.Headers.Authorization = _authorization;
                break;
        }
    }

    private ResiliencePipeline<Attempt> BuildRetryPipeline(ApiRetryOptions retry) =>
        new ResiliencePipelineBuilder<Attempt>()
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

    private static TimeSpan? ReadRetryAfter(HttpResponseMessage response)
    {
        var retryAfter = response.Headers.RetryAfter;
        if (retryAfter?.Delta is { } delta)
        {
            return delta < TimeSpan.Zero ? TimeSpan.Zero : delta;
        }

        if (retryAfter?.Date is { } date)
        {
            var wait = date - DateTimeOffset.UtcNow;
            return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
        }

        return null;
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

    private static TimeSpan ElapsedSince(long started) =>
        TimeSpan.FromTicks((long)((Stopwatch.GetTimestamp() - started) * ((double)TimeSpan.TicksPerSecond / Stopwatch.Frequency)));

    private static ApiException CreateException(Attempt attempt, Call call, string? problem, Exception? inner)
    {
        var error = ApiException.TryReadError(attempt.Body);
        var message = new StringBuilder()
            .Append(call.Method.Method).Append(' ').Append(call.Uri).Append(" returned ")
            .Append(attempt.StatusCode).Append(' ').Append(attempt.ReasonPhrase);
        if (problem is not null)
        {
            message.Append(", but ").Append(problem);
        }
        else if (error is not null)
        {
            message.Append(": ").Append(error);
        }

        if (call.Attempts > 1)
        {
            message.Append(" (after ").Append(call.Attempts).Append(" attempts)");
        }

        if (attempt.RetryAfter is { } retryAfter)
        {
            message.Append(" Retry-After: ").Append(retryAfter).Append('.');
        }

        return new ApiException(message.ToString(), attempt.StatusCode, error, ApiException.DecodeBody(attempt.Body), call.Method.Method, call.Uri, attempt.Headers, inner, call.Attempts, attempt.RetryAfter);
    }

    /// <summary>Disposes the HttpClient when the pipeline created it.</summary>
    public void Dispose() => _ownedHttpClient?.Dispose();

    /// <summary>What one call (all its attempts) shares.</summary>
    internal sealed class Call
    {
        private readonly long _started = Stopwatch.GetTimestamp();
        private string? _logUri;

        public Call(ApiPipeline pipeline, string operation, HttpMethod method, string uri, byte[]? body, ApiRequestOptions? requestOptions)
        {
            Pipeline = pipeline;
            Operation = operation;
            Method = method;
            Uri = uri;
            Body = body;
            RequestOptions = requestOptions;
        }

        public ApiPipeline Pipeline { get; }

        public string Operation { get; }

        public HttpMethod Method { get; }

        public string Uri { get; }

        /// <summary>The URI for logs and spans: query values replaced by <c>*</c> (they can hold personal data such as an email).</summary>
        public string LogUri => _logUri ??= ApiUris.RedactQuery(Uri);

        public byte[]? Body { get; }

        public ApiRequestOptions? RequestOptions { get; }

        public int Attempts { get; set; }

        public TimeSpan Elapsed => ElapsedSince(_started);
    }

    /// <summary>A response, read whole. Headers and reason are kept only for failures.</summary>
    private sealed class Attempt
    {
        public Attempt(int statusCode, byte[] body, string? reasonPhrase = null, IReadOnlyDictionary<string, IReadOnlyList<string>>? headers = null, TimeSpan? retryAfter = null)
        {
            StatusCode = statusCode;
            Body = body;
            ReasonPhrase = reasonPhrase;
            Headers = headers;
            RetryAfter = retryAfter;
        }

        public int StatusCode { get; }

        public bool IsSuccess => StatusCode is >= 200 and <= 299;

        public byte[] Body { get; }

        public string? ReasonPhrase { get; }

        public IReadOnlyDictionary<string, IReadOnlyList<string>>? Headers { get; }

        public TimeSpan? RetryAfter { get; }
    }

    private sealed class AttemptTimeoutException : Exception
    {
        public AttemptTimeoutException(TimeSpan timeout, Exception inner)
            : base("The attempt timed out after " + timeout + ".", inner)
        {
            Timeout = timeout;
        }

        public TimeSpan Timeout { get; }
    }
}

/// <summary>An operation needs the API secret and the client holds only the key; nothing was sent.</summary>
public sealed class ApiCredentialsException : InvalidOperationException
{
    /// <summary>Creates the exception.</summary>
    public ApiCredentialsException(string message) : base(message)
    {
    }
}
