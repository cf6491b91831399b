using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Globalization;
using System.Linq;

namespace Engage.Codegen.Runtime;

/// <summary>
/// A page response as generated code reads it: the value, the headers that carry paging (<c>Link</c>,
/// <c>X-Total-Count</c>), the URL it came from, and a fingerprint of the body that tells a repeated
/// page from a new one. Used by generated code.
/// </summary>
/// <typeparam name="T">The response type.</typeparam>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class ApiResponse<T>
{
    private static readonly IReadOnlyDictionary<string, IReadOnlyList<string>> s_noHeaders = new Dictionary<string, IReadOnlyList<string>>();

    /// <summary>Creates the response.</summary>
    /// <param name="value">The body, read.</param>
    /// <param name="statusCode">The HTTP status.</param>
    /// <param name="headers">Response and content headers, by case-insensitive name; null for none.</param>
    /// <param name="requestUri">The URL requested; relative links resolve against it.</param>
    /// <param name="body">The body's bytes, for <see cref="Fingerprint"/>.</param>
    public ApiResponse(T value, int statusCode, IReadOnlyDictionary<string, IReadOnlyList<string>>? headers, Uri requestUri, ReadOnlySpan<byte> body)
    {
        Value = value;
        StatusCode = statusCode;
        Headers = headers ?? s_noHeaders;
        RequestUri = requestUri ?? throw new ArgumentNullException(nameof(requestUri));
        Fingerprint = Fnv1a(body);
    }

    /// <summary>The body, read.</summary>
    public T Value { get; }

    /// <summary>The HTTP status.</summary>
    public int StatusCode { get; }

    /// <summary>Response and content headers, by case-insensitive name.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Headers { get; }

    /// <summary>The URL requested.</summary>
    public Uri RequestUri { get; }

    /// <summary>A 64-bit FNV-1a hash of the body: equal for byte-identical pages.</summary>
    public long Fingerprint { get; }

    /// <summary>The <c>Link</c> header's <c>rel="next"</c> URL, resolved against the request URL; null when there is none.</summary>
    public string? NextLink => Headers.TryGetValue("Link", out var values) ? ApiLinkHeader.Find(values, "next", RequestUri) : null;

    /// <summary>An integer header such as <c>X-Total-Count</c>; null when absent or not a whole number.</summary>
    public long? Int64Header(string name) =>
        Headers.TryGetValue(name, out var values) && values.Count > 0 &&
        long.TryParse(values[0].Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : null;

    /// <summary>A link the body gave (<c>next</c>, <c>next_page_url</c>), resolved against the request URL; null or empty stays null.</summary>
    public string? ResolveLink(string? link) =>
        string.IsNullOrWhiteSpace(link) ? null : Uri.TryCreate(RequestUri, link!.Trim(), out var resolved) ? resolved.AbsoluteUri : link;

    private static long Fnv1a(ReadOnlySpan<byte> bytes)
    {
        unchecked
        {
            var hash = (long)14695981039346656037UL;
            foreach (var b in bytes)
            {
                hash = (hash ^ b) * 1099511628211L;
            }

            return hash;
        }
    }
}

/// <summary>Reads RFC 8288 <c>Link</c> headers: <c>&lt;https://host/items?page=3&gt;; rel="next", &lt;...&gt;; rel="last"</c>.</summary>
internal static class ApiLinkHeader
{
    /// <summary>The URL of the first link whose <c>rel</c> includes <paramref name="relation"/>, resolved against <paramref name="baseUri"/>.</summary>
    public static string? Find(IEnumerable<string> values, string relation, Uri baseUri)
    {
        foreach (var value in values)
        {
            var at = 0;
            while (at < value.Length)
            {
                var open = value.IndexOf('<', at);
                if (open < 0)
                {
                    break;
                }

                var close = value.IndexOf('>', open + 1);
                if (close < 0)
                {
                    break;
                }

                // The parameters run to the comma before the next link, or to the end.
                var nextOpen = value.IndexOf('<', close + 1);
                var end = nextOpen < 0 ? value.Length : value.LastIndexOf(',', nextOpen);
                if (end < close)
                {
                    end = nextOpen < 0 ? value.Length : nextOpen;
                }

                var parameters = value.Substring(close + 1, end - close - 1);
                if (HasRelation(parameters, relation))
                {
                    var target = value.Substring(open + 1, close - open - 1).Trim();
                    return Uri.TryCreate(baseUri, target, out var resolved) ? resolved.AbsoluteUri : null;
                }

                at = nextOpen < 0 ? value.Length : nextOpen;
            }
        }

        return null;
    }

    private static bool HasRelation(string parameters, string relation)
    {
        foreach (var parameter in parameters.Split(';'))
        {
            var equals = parameter.IndexOf('=');
            if (equals < 0 || !parameter.Substring(0, equals).Trim().Equals("rel", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var rels = parameter.Substring(equals + 1).Trim().Trim('"');
            if (rels.Split(new[] { ' ', '\t' }, StringSplitOptions.RemoveEmptyEntries).Any(r => r.Equals(relation, StringComparison.OrdinalIgnoreCase)))
            {
                return true;
            }
        }

        return false;
    }
}
