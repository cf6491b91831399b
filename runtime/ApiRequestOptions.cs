using System;
using System.Collections.Generic;

namespace Engage.Codegen.Runtime;

/// <summary>
/// Settings for one call of a generated client. For a paged list they apply to every page request,
/// not only the first.
/// </summary>
public sealed class ApiRequestOptions
{
    private static readonly HashSet<string> s_reserved = new(StringComparer.OrdinalIgnoreCase)
    {
        "Authorization", "Host", "Content-Length", "Content-Type", "Transfer-Encoding", "Connection",
    };

    /// <summary>How long each attempt may take, instead of the client's <see cref="ApiClientOptions.Timeout"/>.</summary>
    public TimeSpan? Timeout { get; set; }

    /// <summary>Retries for this call, at most the client's <see cref="ApiRetryOptions.MaxRetries"/>; 0 turns them off for this call.</summary>
    public int? MaxRetries { get; set; }

    /// <summary>
    /// Extra request headers (for example a correlation id). Values with CR, LF or NUL and the
    /// headers the client sets itself (Authorization, Host, Content-Type, Content-Length) are refused.
    /// </summary>
    public IDictionary<string, string> Headers { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

    internal void Validate()
    {
        if (Timeout is { } timeout && timeout <= TimeSpan.Zero && timeout != System.Threading.Timeout.InfiniteTimeSpan)
        {
            throw new ArgumentException("ApiRequestOptions.Timeout must be positive.", nameof(Timeout));
        }

        if (MaxRetries is < 0)
        {
            throw new ArgumentException("ApiRequestOptions.MaxRetries must be 0 or more.", nameof(MaxRetries));
        }

        foreach (var header in Headers)
        {
            if (string.IsNullOrEmpty(header.Key) || !IsToken(header.Key))
            {
                throw new ArgumentException($"\"{header.Key}\" is not a valid header name.", nameof(Headers));
            }

            if (s_reserved.Contains(header.Key))
            {
                throw new ArgumentException($"The {header.Key} header is set by the client and cannot be given per request.", nameof(Headers));
            }

            ApiHeaders.EnsureNoLineBreaks(header.Value ?? string.Empty, "The value of header " + header.Key);
        }
    }

    private static bool IsToken(string name)
    {
        foreach (var c in name)
        {
            if (c <= ' ' || c >= 127 || "()<>@,;:\\\"/[]?={}".IndexOf(c) >= 0)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Describes the options; header values are not shown.</summary>
    public override string ToString() =>
        $"ApiRequestOptions {{ Timeout = {Timeout?.ToString() ?? "(client's)"}, MaxRetries = {MaxRetries?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "(client's)"}, Headers = [{string.Join(", ", Headers.Keys)}] }}";
}
