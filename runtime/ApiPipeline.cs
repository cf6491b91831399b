using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Linq;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Threading;
using System.Threading.Tasks;

namespace Engage.Codegen.Runtime;

/// <summary>
/// Sends the requests of a generated client: Basic auth, JSON bodies, typed errors, timeouts.
/// Used by generated code; call the generated client instead.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class ApiPipeline : IDisposable
{
    private static readonly MediaTypeWithQualityHeaderValue s_acceptJson = new("application/json");

    private readonly HttpClient _http;
    private readonly bool _ownsHttpClient;
    private readonly string _root;
    private readonly AuthenticationHeaderValue _authorization;
    private readonly TimeSpan _timeout;

    /// <summary>Creates the pipeline. Validates <paramref name="options"/>.</summary>
    /// <param name="options">Credentials, API root and timeout.</param>
    /// <param name="httpClient">An HttpClient to send with (for example from IHttpClientFactory); null creates one that this pipeline disposes.</param>
    public ApiPipeline(ApiClientOptions options, HttpClient? httpClient = null)
    {
        if (options is null)
        {
            throw new ArgumentNullException(nameof(options));
        }

        options.Validate();
        HasSecret = options.HasSecret;
        _timeout = options.Timeout;
        _root = options.BaseAddress!.GetLeftPart(UriPartial.Path).TrimEnd('/');
        var userInfo = options.BaseAddress.UserInfo;
        if (!string.IsNullOrEmpty(userInfo))
        {
            _root = ApiUris.WithoutCredentials(new Uri(_root)).TrimEnd('/');
        }

        var credentials = Encoding.UTF8.GetBytes(options.ApiKey + ":" + (options.ApiSecret ?? string.Empty));
        _authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(credentials));
        _ownsHttpClient = httpClient is null;
        _http = httpClient ?? new HttpClient { Timeout = Timeout.InfiniteTimeSpan };
    }

    /// <summary>Whether the client holds the API secret as well as the key.</summary>
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
    public Task<TResponse> SendAsync<TResponse>(
        HttpMethod method,
        string path,
        ApiQuery? query,
        JsonTypeInfo<TResponse> responseType,
        CancellationToken cancellationToken)
        => SendCoreAsync(method, path, query, null, responseType, cancellationToken);

    /// <summary>Sends a request with a JSON body and reads a JSON response.</summary>
    public Task<TResponse> SendAsync<TRequest, TResponse>(
        HttpMethod method,
        string path,
        ApiQuery? query,
        TRequest body,
        JsonTypeInfo<TRequest> requestType,
        JsonTypeInfo<TResponse> responseType,
        CancellationToken cancellationToken)
    {
        if (body is null)
        {
            throw new ArgumentNullException(nameof(body));
        }

        var bytes = JsonSerializer.SerializeToUtf8Bytes(body, requestType);
        return SendCoreAsync(method, path, query, bytes, responseType, cancellationToken);
    }

    private async Task<TResponse> SendCoreAsync<TResponse>(
        HttpMethod method,
        string path,
        ApiQuery? query,
        byte[]? body,
        JsonTypeInfo<TResponse> responseType,
        CancellationToken cancellationToken)
    {
        var uri = _root + path + (query?.ToString() ?? string.Empty);
        using var request = new HttpRequestMessage(method, uri);
        request.Headers.Authorization = _authorization;
        request.Headers.Accept.Add(s_acceptJson);
        if (body is not null)
        {
            request.Content = new ByteArrayContent(body);
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        }

        using var timeoutSource = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        if (_timeout != Timeout.InfiniteTimeSpan)
        {
            timeoutSource.CancelAfter(_timeout);
        }

        byte[] responseBody;
        HttpResponseMessage response;
        try
        {
            response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeoutSource.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested && timeoutSource.IsCancellationRequested)
        {
            throw new TimeoutException($"{method.Method} {uri} did not complete within {_timeout}.");
        }

        using (response)
        {
            try
            {
#if NET5_0_OR_GREATER
                responseBody = await response.Content.ReadAsByteArrayAsync(timeoutSource.Token).ConfigureAwait(false);
#else
                responseBody = await response.Content.ReadAsByteArrayAsync().ConfigureAwait(false);
#endif
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested && timeoutSource.IsCancellationRequested)
            {
                throw new TimeoutException($"{method.Method} {uri} did not complete within {_timeout}.");
            }

            if (!response.IsSuccessStatusCode)
            {
                throw CreateException(response, responseBody, method, uri, null, null);
            }

            try
            {
                var result = JsonSerializer.Deserialize(responseBody, responseType);
                if (result is null)
                {
                    throw CreateException(response, responseBody, method, uri, $"the response body was empty or null where {typeof(TResponse).Name} was expected", null);
                }

                return result;
            }
            catch (JsonException exception)
            {
                throw CreateException(response, responseBody, method, uri, $"the response body could not be read as {typeof(TResponse).Name}: {exception.Message}", exception);
            }
        }
    }

    private static ApiException CreateException(HttpResponseMessage response, byte[] body, HttpMethod method, string uri, string? problem, Exception? inner)
    {
        var status = (int)response.StatusCode;
        var error = ApiException.TryReadError(body);
        var headers = new Dictionary<string, IReadOnlyList<string>>(StringComparer.OrdinalIgnoreCase);
        foreach (var header in response.Headers.Concat(response.Content.Headers))
        {
            headers[header.Key] = header.Value.ToArray();
        }

        var message = new StringBuilder()
            .Append(method.Method).Append(' ').Append(uri).Append(" returned ")
            .Append(status).Append(' ').Append(response.ReasonPhrase);
        if (problem is not null)
        {
            message.Append(", but ").Append(problem);
        }
        else if (error is not null)
        {
            message.Append(": ").Append(error);
        }

        return new ApiException(message.ToString(), status, error, ApiException.DecodeBody(body), method.Method, uri, headers, inner);
    }

    /// <summary>Disposes the HttpClient when the pipeline created it.</summary>
    public void Dispose()
    {
        if (_ownsHttpClient)
        {
            _http.Dispose();
        }
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
