using System;
using System.Collections.Generic;
using System.Text;
using System.Text.Json;

namespace Engage.Codegen.Runtime;

/// <summary>
/// A request the API refused or answered with something unreadable. Keeps everything the server
/// said: status code, the API's <c>error</c> text, the raw body and the response headers.
/// Never holds credentials.
/// </summary>
public class ApiException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ApiException(
        string message,
        int statusCode,
        string? error,
        string rawBody,
        string method,
        string requestUri,
        IReadOnlyDictionary<string, IReadOnlyList<string>>? headers = null,
        Exception? innerException = null,
        int attempts = 1,
        TimeSpan? retryAfter = null)
        : base(message, innerException)
    {
        Attempts = attempts;
        RetryAfter = retryAfter;
        StatusCode = statusCode;
        Error = error;
        RawBody = rawBody ?? string.Empty;
        Method = method;
        RequestUri = requestUri;
        Headers = headers ?? new Dictionary<string, IReadOnlyList<string>>(StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>The HTTP status code; 0 when no response arrived (the connection failed or dropped; see <see cref="Exception.InnerException"/>).</summary>
    public int StatusCode { get; }

    /// <summary>Whether the server answered at all; false when the connection failed or dropped.</summary>
    public bool HasResponse => StatusCode != 0;

    /// <summary>How many attempts were made, the first one included (more than 1 when transient failures were retried).</summary>
    public int Attempts { get; }

    /// <summary>
    /// The wait the server asked for in <c>Retry-After</c> (seconds or an HTTP date), typically on 429
    /// or 503; null when it gave none. Set when the client did not retry, for example because the
    /// wait was longer than <see cref="ApiRetryOptions.MaxDelay"/>.
    /// </summary>
    public TimeSpan? RetryAfter { get; }

    /// <summary>True for 429 Too Many Requests: see <see cref="RetryAfter"/>.</summary>
    public bool IsRateLimited => StatusCode == 429;

    /// <summary>True for a failure worth trying again later: no response, 408, 429, 502, 503 or 504.</summary>
    public bool IsTransient => StatusCode is 0 or 408 or 429 or 502 or 503 or 504;

    /// <summary>
    /// The validation errors a refused request's body (4xx) gives field by field, by field name in ordinal order
    /// (<c>callback_url</c>: "is not a valid URL", "is too long"; nested fields as <c>items[0].name</c>); empty when the
    /// body shows none in a common shape: a map of fields to messages, an <c>errors</c> object (beside a
    /// <c>message</c> or not), or an <c>errors</c> array of objects that name a field and a message.
    /// </summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> FieldErrors =>
        _fieldErrors ??= StatusCode is >= 400 and < 500 ? ApiFieldErrors.Read(RawBody) : ApiFieldErrors.None;

    private IReadOnlyDictionary<string, IReadOnlyList<string>>? _fieldErrors;

    /// <summary>The API's <c>error</c> text, when the body carried one.</summary>
    public string? Error { get; }

    /// <summary>The response body as received (possibly empty, possibly not JSON).</summary>
    public string RawBody { get; }

    /// <summary>The HTTP method of the request.</summary>
    public string Method { get; }

    /// <summary>The request URI, without credentials.</summary>
    public string RequestUri { get; }

    /// <summary>The response headers (and content headers), case-insensitive.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Headers { get; }

    /// <summary>True for 400 Bad Request.</summary>
    public bool IsBadRequest => StatusCode == 400;

    /// <summary>True for 401 Unauthorized: a missing or wrong key or secret.</summary>
    public bool IsUnauthorized => StatusCode == 401;

    /// <summary>True for 403 Forbidden: for example a secret-only operation called with the key alone.</summary>
    public bool IsForbidden => StatusCode == 403;

    /// <summary>True for 404 Not Found.</summary>
    public bool IsNotFound => StatusCode == 404;

    /// <summary>Reads the API's <c>{"error": "..."}</c> text from a body, or null when there is none.</summary>
    public static string? TryReadError(byte[] body)
    {
        if (body.Length == 0)
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(body);
            if (document.RootElement.ValueKind == JsonValueKind.Object &&
                document.RootElement.TryGetProperty("error", out var error))
            {
                return error.ValueKind == JsonValueKind.String ? error.GetString() : error.GetRawText();
            }
        }
        catch (JsonException)
        {
        }

        return null;
    }

    internal static string DecodeBody(byte[] body)
    {
        try
        {
            return new UTF8Encoding(false, true).GetString(body);
        }
        catch (ArgumentException)
        {
            return Encoding.UTF8.GetString(body);
        }
    }
}
