using System.Net;
using System.Text;
using Engage.Codegen.Runtime;

namespace Engage.Codegen.Tests.Dialects;

/// <summary>
/// Lists that page by a next token handed back in a response header (Fixtures/dialects/tokens, our own pages):
/// the pagination section names the header, the list documents a <c>next_token</c> parameter, and the generated
/// pageable sends the header's value back until the header is missing.
/// </summary>
public sealed class TokenPagingTests
{
    private static readonly DialectFixture s_fixture = new("tokens", "Engage.Dialects.Tokens");

    [Fact]
    public void It_compiles_and_no_docs_problem_is_an_error() => s_fixture.AssertCompilesAndNoDocsProblemIsAnError();

    [Fact]
    public void Only_the_list_with_a_next_token_parameter_pages()
    {
        Assert.True(s_fixture.Operation("HiveHivesClient", "ListAsync").Paged);
        Assert.False(s_fixture.Operation("HiveHivesClient", "GetAsync").Paged);
    }

    [Fact]
    public async Task The_token_in_the_header_is_sent_back_until_the_header_is_missing()
    {
        var handler = new TokenHandler();
        var options = (ApiClientOptions)Activator.CreateInstance(s_fixture.Type("HiveClientOptions"))!;
        options.ApiKey = "key";
        options.ApiSecret = "secret";
        var client = Activator.CreateInstance(s_fixture.Type("HiveClient"), options, new HttpClient(handler))!;
        var hives = client.GetType().GetProperty("Hives")!.GetValue(client)!;
        var list = hives.GetType().GetMethods().Single(m => m.Name == "ListAsync" && m.GetParameters().Length == 2 && m.GetParameters()[1].ParameterType == typeof(CancellationToken));
        var pageable = (IAsyncEnumerable<object>)list.Invoke(hives, new object?[] { null, CancellationToken.None })!;

        var ids = new List<string>();
        await foreach (var hive in pageable)
        {
            ids.Add((string)hive.GetType().GetProperty("Id")!.GetValue(hive)!);
        }

        Assert.Equal(new[] { "h1", "h2", "h3" }, ids);
        Assert.Equal(2, handler.Requests.Count);
        Assert.DoesNotContain("next_token", handler.Requests[0].Query, StringComparison.Ordinal);
        Assert.Contains("next_token=t-2", handler.Requests[1].Query, StringComparison.Ordinal);
    }

    /// <summary>Answers the first page with two hives and a next token in X-Hive-NextToken, the second with one and no token.</summary>
    private sealed class TokenHandler : HttpMessageHandler
    {
        public List<(Uri Uri, string Query)> Requests { get; } = new();

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Requests.Add((request.RequestUri!, request.RequestUri!.Query));
            var first = Requests.Count == 1;
            var response = new HttpResponseMessage(HttpStatusCode.OK)
            {
                Content = new StringContent(first ? """[{"id": "h1", "frames": 10}, {"id": "h2", "frames": 8}]""" : """[{"id": "h3", "frames": 6}]""", Encoding.UTF8, "application/json"),
            };
            if (first)
            {
                response.Headers.Add("X-Hive-NextToken", "t-2");
            }

            return Task.FromResult(response);
        }
    }
}
