using System;
using System.Net.Http;
using System.Text.Json.Serialization.Metadata;
using System.Threading;
using System.Threading.Tasks;

namespace Engage.Codegen.Runtime;

// One page of a list: for page-number and offset lists the response with its headers, and the next
// link checked against the API's origin before anything (credentials included) is sent there; for
// every style, FetchPageAsync, which hands the pageable what it needs from the page.
public sealed partial class ApiPipeline
{
    /// <summary>
    /// Sends one page request and reads the page with its headers. With <paramref name="nextLink"/>,
    /// requests that URL exactly as the server gave it (a <c>Link: rel="next"</c> or a body's next URL),
    /// after checking that it has the API's scheme, host and port; a link elsewhere is refused with
    /// <see cref="ApiPagingException"/> and nothing, credentials included, is sent to it.
    /// </summary>
    /// <param name="operation">The operation's name for logs and spans, e.g. "Issues.List page".</param>
    /// <param name="method">The HTTP method.</param>
    /// <param name="path">The path below the API root, already escaped; unused when <paramref name="nextLink"/> is set.</param>
    /// <param name="query">The query string, or null; unused when <paramref name="nextLink"/> is set.</param>
    /// <param name="nextLink">An absolute URL the server gave for the next page, or null.</param>
    /// <param name="responseType">How to read the response.</param>
    /// <param name="requestOptions">Per-call timeout, retries and headers, or null.</param>
    /// <param name="cancellationToken">Cancels the call, including waits between retries.</param>
    public async Task<ApiResponse<TResponse>> SendPageAsync<TResponse>(
        string operation,
        HttpMethod method,
        string path,
        ApiQuery? query,
        string? nextLink,
        JsonTypeInfo<TResponse> responseType,
        ApiRequestOptions? requestOptions,
        CancellationToken cancellationToken)
    {
        var call = nextLink is null
            ? NewCall(operation, method, path, query, null, requestOptions, keepHeaders: true)
            : NewCallTo(operation, method, CheckNextLink(nextLink), null, requestOptions, keepHeaders: true);

        var value = await SendCoreAsync(call, responseType, cancellationToken).ConfigureAwait(false);
        var attempt = call.Last!;
        return new ApiResponse<TResponse>(value, attempt.StatusCode, attempt.Headers, new Uri(call.Uri), attempt.Body);
    }

    /// <summary>
    /// Sends one page request of a cursor list and hands back what the pageable needs from the page,
    /// picked by <paramref name="select"/>: the generated fetch of a page is then a plain lambda, not an
    /// <c>async</c> one with a state machine of its own in the user's assembly.
    /// </summary>
    /// <param name="operation">The operation's name for logs and spans, e.g. "Users.List page".</param>
    /// <param name="method">The HTTP method.</param>
    /// <param name="path">The path below the API root, already escaped.</param>
    /// <param name="query">The query string, or null.</param>
    /// <param name="responseType">How to read the response.</param>
    /// <param name="select">What the pageable needs from the page: its items and where the next one starts.</param>
    /// <param name="requestOptions">Per-call timeout, retries and headers, or null.</param>
    /// <param name="cancellationToken">Cancels the call, including waits between retries.</param>
    public async Task<TPage> FetchPageAsync<TResponse, TPage>(
        string operation,
        HttpMethod method,
        string path,
        ApiQuery? query,
        JsonTypeInfo<TResponse> responseType,
        Func<TResponse, TPage> select,
        ApiRequestOptions? requestOptions,
        CancellationToken cancellationToken)
    {
        if (select is null)
        {
            throw new ArgumentNullException(nameof(select));
        }

        var response = await SendAsync(operation, method, path, query, responseType, requestOptions, cancellationToken).ConfigureAwait(false);
        return select(response);
    }

    /// <summary>
    /// As <see cref="SendPageAsync{TResponse}"/> (the next link checked against the API's origin), and
    /// hands back what the pageable needs from the page with its headers, picked by <paramref name="select"/>.
    /// </summary>
    /// <param name="operation">The operation's name for logs and spans, e.g. "Issues.List page".</param>
    /// <param name="method">The HTTP method.</param>
    /// <param name="path">The path below the API root, already escaped; unused when <paramref name="nextLink"/> is set.</param>
    /// <param name="query">The query string, or null; unused when <paramref name="nextLink"/> is set.</param>
    /// <param name="nextLink">An absolute URL the server gave for the next page, or null.</param>
    /// <param name="responseType">How to read the response.</param>
    /// <param name="select">What the pageable needs from the page and its headers.</param>
    /// <param name="requestOptions">Per-call timeout, retries and headers, or null.</param>
    /// <param name="cancellationToken">Cancels the call, including waits between retries.</param>
    public async Task<TPage> FetchPageAsync<TResponse, TPage>(
        string operation,
        HttpMethod method,
        string path,
        ApiQuery? query,
        string? nextLink,
        JsonTypeInfo<TResponse> responseType,
        Func<ApiResponse<TResponse>, TPage> select,
        ApiRequestOptions? requestOptions,
        CancellationToken cancellationToken)
    {
        if (select is null)
        {
            throw new ArgumentNullException(nameof(select));
        }

        var response = await SendPageAsync(operation, method, path, query, nextLink, responseType, requestOptions, cancellationToken).ConfigureAwait(false);
        return select(response);
    }

    /// <summary>The link as a URI to send to, when it lies on the API's origin; otherwise an <see cref="ApiPagingException"/>.</summary>
    private string CheckNextLink(string nextLink)
    {
        if (!Uri.TryCreate(nextLink, UriKind.Absolute, out var link) || (link.Scheme != Uri.UriSchemeHttp && link.Scheme != Uri.UriSchemeHttps))
        {
            throw new ApiPagingException("The server's link to the next page is not an absolute http or https URL; paging stopped and nothing was sent.");
        }

        var root = new Uri(_root);
        if (!string.Equals(link.Scheme, root.Scheme, StringComparison.OrdinalIgnoreCase) ||
            !string.Equals(link.IdnHost, root.IdnHost, StringComparison.OrdinalIgnoreCase) ||
            link.Port != root.Port)
        {
            // Only the origins are named: the link's path and query may carry the server's tokens.
            throw new ApiPagingException(
                $"The server's link to the next page points at {link.Scheme}://{link.IdnHost}:{link.Port}, not the API's origin {root.Scheme}://{root.IdnHost}:{root.Port}. " +
                "It was not followed, so no request and no credentials went there.");
        }

        return ApiUris.WithoutCredentials(link);
    }
}
