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
public sealed partial class ApiPipeline : IDisposable
{
    private static readonly MediaTypeWithQualityHeaderValue s_acceptJson = new("application/json");
    private static readonly MediaTypeWithQualityHeaderValue s_acceptXml = new("application/xml");

    // Shared like the Accept value above: header values are only read once set on a request.
    private static readonly MediaTypeHeaderValue s_jsonContentType = new("application/json") { CharSet = "utf-8" };
    private static readonly ResiliencePropertyKey<Call> s_callKey = new("Engage.Codegen.Call");

    private readonly Func<HttpClient> _httpClient;
    private readonly HttpClient? _ownedHttpClient;
    private readonly string _root;
    private readonly AuthenticationHeaderValue? _authorization;
    private readonly ApiCredentialScheme _scheme;
    private readonly string _userAgent;
    private readonly bool _userAgentSet;
    private readonly string? _key;

    /// <summary>The secret, for a scheme that sends it in a header of its own (<see cref="ApiCredentialLocation.Headers"/>).</summary>
    private readonly string? _secret;
    private readonly Func<CancellationToken, ValueTask<string>>? _tokenProvider;

    /// <summary>The credentials an error message masks should the server echo them back.</summary>
    private readonly string[] _redacted;
    private readonly TimeSpan _timeout;
    private readonly ApiRetryOptions _retry;
    private readonly ResiliencePipeline<Attempt>? _retryPipeline;
    private readonly ILogger _logger;
    private readonly bool _logContent;
    private readonly bool _anonymous;
    private readonly AuthenticationHeaderValue? _basicAuthorization;
    private readonly bool _basic;
    private readonly string _optionsName;

    /// <summary>The Accept header: JSON, or XML where the docs show their answers as XML (<see cref="ApiClientOptions.ResponseMediaType"/>).</summary>
    private readonly MediaTypeWithQualityHeaderValue _accept;
    private readonly TimeProvider _time;
    private readonly TimeoutSourcePool _timeoutSources;
    private ApiPipeline? _anonymousView;
    private ApiPipeline? _basicView;

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
        _timeoutSources = new TimeoutSourcePool();
        _time = options.TimeProvider ?? TimeProvider.System;
        _retry = options.Retry.Clone();
        _logContent = options.LogContent;
        var baseAddress = options.ResolveBaseAddress()!;
        _root = baseAddress.GetLeftPart(UriPartial.Path).TrimEnd('/');
        if (!string.IsNullOrEmpty(baseAddress.UserInfo))
        {
            _root = ApiUris.WithoutCredentials(new Uri(_root)).TrimEnd('/');
        }

        _scheme = options.CredentialScheme;
        _accept = string.Equals(options.ResponseMediaType, "application/xml", StringComparison.OrdinalIgnoreCase) ? s_acceptXml : s_acceptJson;
        _optionsName = options.GetType().Name;
        _userAgentSet = options.UserAgent is not null;
        _userAgent = options.UserAgent ?? (_optionsName.EndsWith("Options", StringComparison.Ordinal) ? _optionsName.Substring(0, _optionsName.Length - "Options".Length) : _optionsName) + " Engage.Codegen.Runtime/" + RuntimeVersion;
        _key = options.ApiKey;
        _secret = _scheme.Location == ApiCredentialLocation.Headers ? options.ApiSecret : null;
        _redacted = new[] { options.ApiKey, options.ApiSecret, options.BasicPassword }.Where(c => c is { Length: >= 4 }).Select(c => c!).ToArray();
        if (!string.IsNullOrEmpty(options.BasicUsername))
        {
            _basicAuthorization = BasicAuthorization(options.BasicUsername!, options.BasicPassword);
        }

        if (_scheme.Location == ApiCredentialLocation.Basic)
        {
            _authorization = BasicAuthorization(options.ApiKey!, HasSecret ? options.ApiSecret : null);
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

    /// <summary>An <c>Authorization: Basic</c> value: the user name and password (or nothing) joined by ':', UTF-8, base64.</summary>
    private static AuthenticationHeaderValue BasicAuthorization(string user, string? password) =>
        new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(user + ":" + password)));

    /// <summary>
    /// A view of <paramref name="source"/> that sends no credentials, or (<paramref name="basic"/>) only
    /// the Basic user name and password; everything else is shared.
    /// </summary>
    private ApiPipeline(ApiPipeline source, bool basic)
    {
        _basic = basic;
        _basicAuthorization = source._basicAuthorization;
        _optionsName = source._optionsName;
        _accept = source._accept;
        _httpClient = source._httpClient;
        _root = source._root;
        _scheme = source._scheme;
        _userAgent = source._userAgent;
        _userAgentSet = source._userAgentSet;
        _timeout = source._timeout;
        _timeoutSources = source._timeoutSources;
        _time = source._time;
        _retry = source._retry;
        _retryPipeline = source._retryPipeline;
        _logger = source._logger;
        _logContent = source._logContent;
        _redacted = source._redacted;
        _anonymous = !basic;
        _anonymousView = basic ? source.Anonymous : this;
        _basicView = basic ? this : null;
    }

    /// <summary>
    /// This pipeline without credentials, for operations the docs say need no authentication: the same
    /// HttpClient, base address, retries, timeouts, logs and spans, and no key, secret or token on the wire.
    /// </summary>
    public ApiPipeline Anonymous => _anonymousView ??= new ApiPipeline(this, basic: false);

    /// <summary>
    /// This pipeline with HTTP Basic credentials (<see cref="ApiClientOptions.BasicUsername"/> and
    /// <see cref="ApiClientOptions.BasicPassword"/>) instead of the token or key, for the operations the
    /// docs say take a user name and password (<see cref="ApiAuth.Basic"/>). A call through it without
    /// them fails with <see cref="ApiCredentialsException"/> before anything is sent.
    /// </summary>
    public ApiPipeline Basic => _basicView ??= new ApiPipeline(this, basic: true);

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
        => SendCoreAsync(NewCall(operation, method, path, query, null, requestOptions), responseType, cancellationToken);

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
        => SendCoreAsync(NewCall(operation, method, path, query, Serialize(body, requestType), requestOptions), responseType, cancellationToken);

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
        => SendCoreAsync<object?>(NewCall(operation, method, path, query, null, requestOptions), null, cancellationToken);

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
        => SendCoreAsync<object?>(NewCall(operation, method, path, query, Serialize(body, requestType), requestOptions), null, cancellationToken);

    private static byte[] Serialize<TRequest>(TRequest body, JsonTypeInfo<TRequest> requestType) =>
        body is null ? throw new ArgumentNullException(nameof(body)) : JsonSerializer.SerializeToUtf8Bytes(body, requestType);

    /// <summary>One call as the retries, logs and spans see it; validates the per-call options.</summary>
    private Call NewCall(string operation, HttpMethod method, string path, ApiQuery? query, byte[]? body, ApiRequestOptions? requestOptions, bool keepHeaders = false) =>
        NewCallTo(operation, method, _root + path + (query?.ToString() ?? string.Empty), body, requestOptions, keepHeaders);

    /// <summary>A call to a full URI (the API root and path, or a next link the server gave).</summary>
    private Call NewCallTo(string operation, HttpMethod method, string uri, byte[]? body, ApiRequestOptions? requestOptions, bool keepHeaders)
    {
        requestOptions?.Validate();
        if (_basic && _basicAuthorization is null)
        {
            throw new ApiCredentialsException(
                $"{operation} takes HTTP Basic authentication, as the API's docs say: set {_optionsName}.{nameof(ApiClientOptions.BasicUsername)} and {nameof(ApiClientOptions.BasicPassword)}. Nothing was sent.");
        }

        return new Call(this, operation, method, uri, body, requestOptions) { KeepHeaders = keepHeaders };
    }

    /// <summary>
    /// Sends the call (with retries), maps a failure to its typed exception and reads the JSON body;
    /// the final attempt stays on <see cref="Call.Last"/> for callers that read headers.
    /// </summary>
    private async Task<TResponse> SendCoreAsync<TResponse>(Call call, JsonTypeInfo<TResponse>? responseType, CancellationToken cancellationToken)
    {
        var method = call.Method;
        var body = call.Body;
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

        call.Last = attempt;
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
            var result = JsonSerializer.Deserialize(attempt.Xml && attempt.Body.Length > 0 ? Serialization.ApiXml.ToJson(attempt.Body) : attempt.Body, responseType);
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

    /// <summary>Disposes the HttpClient when the pipeline created it.</summary>
    public void Dispose() => _ownedHttpClient?.Dispose();
}
