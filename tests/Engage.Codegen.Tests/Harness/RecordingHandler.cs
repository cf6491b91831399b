using System.Net;
using System.Text;

namespace Engage.Codegen.Tests;

/// <summary>
/// An in-memory HttpMessageHandler for tests of what a generated client sends: answers every request
/// with one status and JSON body (none for an empty one), and records each request's URI and body.
/// </summary>
public sealed class RecordingHandler(HttpStatusCode status, string body = "") : HttpMessageHandler
{
    public List<(HttpMethod Method, Uri Uri, string? Body)> Requests { get; } = new();

    public Uri? LastUri => Requests.Count == 0 ? null : Requests[^1].Uri;

    public string? LastBody => Requests.Count == 0 ? null : Requests[^1].Body;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Requests.Add((request.Method, request.RequestUri!, request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken)));
        return new HttpResponseMessage(status)
        {
            Content = body.Length == 0 ? new ByteArrayContent(Array.Empty<byte>()) : new StringContent(body, Encoding.UTF8, "application/json"),
        };
    }
}
