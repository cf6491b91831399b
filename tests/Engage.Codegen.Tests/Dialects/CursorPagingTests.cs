using System.Net;
using System.Text;
using Engage.Codegen.Runtime;

namespace Engage.Codegen.Tests.Dialects;

/// <summary>
/// Lists that page by a cursor the server hands back (Fixtures/dialects/cursors, our own pages): in the page itself
/// (<c>meta.after</c> for an <c>after</c> parameter), or in the links to the next page (a list that takes
/// <c>after</c> and no page number); parameters written as the terms of an informal definition list
/// (<c>**after** &lt;Optional /&gt;</c>, described by the paragraph below); parameters in an HTML table; and the
/// query string of an example request line (<c>GET /v1/flames?per_page=2&amp;page=3 HTTP/1.1</c>).
/// </summary>
public sealed class CursorPagingTests
{
    private static readonly DialectFixture s_fixture = new("cursors", "Engage.Dialects.Cursors");

    [Fact]
    public void It_compiles_and_no_docs_problem_is_an_error() => s_fixture.AssertCompilesAndNoDocsProblemIsAnError();

    [Fact]
    public void Terms_with_their_marks_are_parameters_and_a_side_note_is_not()
    {
        // lamps.mdx: "**shelf** (string, required)", "**after** <Optional />" ... and a "**Note**" that is prose.
        var request = s_fixture.Type("ListLampsRequest");
        Assert.Equal(new[] { "After", "Before", "Limit", "Shelf" }, request.GetProperties().Select(p => p.Name).Where(n => n != "AdditionalProperties").OrderBy(n => n, StringComparer.Ordinal));
        Assert.Equal(typeof(string), request.GetProperty("Shelf")!.PropertyType);
        Assert.Equal(typeof(int?), request.GetProperty("Limit")!.PropertyType);
        var lamps = s_fixture.Result.Source("LanternLampsClient.g.cs");
        // The paragraph below a term is its description: the member's summary.
        Assert.Contains(s_fixture.Result.Sources, s => s.Text.Contains("/// <summary>How many lamps a page holds. Defaults to 50.</summary>", StringComparison.Ordinal));
        Assert.Contains("\"shelf\"", lamps, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_cursor_in_the_page_is_sent_back_until_it_is_null()
    {
        var handler = new PagesHandler(
            """{"lamps": [{"id": "l1", "wattage": 40, "lit": true}, {"id": "l2", "wattage": 60, "lit": false}], "meta": {"after": "c-2", "before": null, "limit": 2}}""",
            """{"lamps": [{"id": "l3", "wattage": 25, "lit": true}], "meta": {"after": null, "before": "c-1", "limit": 2}}""");
        var ids = await ListAll(handler, "Lamps", "id", "ListLampsRequest", ("Shelf", "north"));

        Assert.Equal(new[] { "l1", "l2", "l3" }, ids);
        Assert.Equal(2, handler.Requests.Count);
        Assert.DoesNotContain("after=", handler.Requests[0].Query, StringComparison.Ordinal);
        Assert.Contains("after=c-2", handler.Requests[1].Query, StringComparison.Ordinal);
        Assert.Contains("shelf=north", handler.Requests[1].Query, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_cursor_list_that_links_its_pages_follows_the_links_and_sends_no_page_number()
    {
        // wicks.md takes after/before/per_page (an HTML table) and shows links.next; the pagination section's `page` is not for it.
        Assert.True(s_fixture.Operation("LanternWicksClient", "ListAsync").Paged);
        var handler = new PagesHandler(
            """{"items": [{"id": "w1", "length_mm": 120}], "links": {"self": "https://lantern.example.org/v1/wicks", "next": "https://lantern.example.org/v1/wicks?per_page=1&after=d2"}}""",
            """{"items": [{"id": "w2", "length_mm": 90}], "links": {"self": "https://lantern.example.org/v1/wicks?per_page=1&after=d2", "next": null}}""");
        var ids = await ListAll(handler, "Wicks", "id", null);

        Assert.Equal(new[] { "w1", "w2" }, ids);
        Assert.Equal(2, handler.Requests.Count);
        Assert.DoesNotContain("page=", handler.Requests[0].Query.Replace("per_page=", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Equal("?per_page=1&after=d2", handler.Requests[1].Query);
    }

    [Fact]
    public void The_fields_a_response_is_said_to_contain_are_not_parameters()
    {
        // "The response body contains the following fields:" over `items` and `links`.
        Assert.Equal(new[] { "After", "Before", "PerPage" }, s_fixture.Type("ListWicksRequest").GetProperties().Select(p => p.Name).Where(n => n != "AdditionalProperties").OrderBy(n => n, StringComparer.Ordinal));
    }

    [Fact]
    public void The_query_of_an_example_request_line_names_the_parameters_and_the_list_pages_by_number()
    {
        // flames.md: "GET /v1/flames?per_page=2&page=3 HTTP/1.1" under a heading "... with pagination".
        var request = s_fixture.Type("ListFlamesRequest");
        Assert.Equal(typeof(int?), request.GetProperty("Page")!.PropertyType);
        Assert.Equal(typeof(int?), request.GetProperty("PerPage")!.PropertyType);
        Assert.True(s_fixture.Operation("LanternFlamesClient", "ListAsync").Paged);
        var flames = s_fixture.Result.Source("LanternFlamesClient.g.cs");
        Assert.Contains("PageNumberPageable", flames, StringComparison.Ordinal);
    }

    private static async Task<List<string>> ListAll(PagesHandler handler, string resource, string idMember, string? requestType, params (string Name, object Value)[] set)
    {
        var options = (ApiClientOptions)Activator.CreateInstance(s_fixture.Type("LanternClientOptions"))!;
        options.GetType().GetProperty("AccessToken")!.SetValue(options, "token");
        var client = Activator.CreateInstance(s_fixture.Type("LanternClient"), options, new HttpClient(handler))!;
        var resourceClient = client.GetType().GetProperty(resource)!.GetValue(client)!;
        var list = resourceClient.GetType().GetMethods().Single(m => m.Name == "ListAsync" && m.GetParameters().Length == 2 && m.GetParameters()[1].ParameterType == typeof(CancellationToken));
        object? request = null;
        if (requestType is not null)
        {
            request = Activator.CreateInstance(s_fixture.Type(requestType))!;
            foreach (var (name, value) in set)
            {
                request.GetType().GetProperty(name)!.SetValue(request, value);
            }
        }

        var pageable = (IAsyncEnumerable<object>)list.Invoke(resourceClient, new[] { request, CancellationToken.None })!;
        var ids = new List<string>();
        await foreach (var item in pageable)
        {
            ids.Add((string)item.GetType().GetProperty(char.ToUpperInvariant(idMember[0]) + idMember.Substring(1))!.GetValue(item)!);
        }

        return ids;
    }

    /// <summary>Answers each request with the next of the given bodies.</summary>
    private sealed class PagesHandler(params string[] bodies) : HttpMessageHandler
    {
        public List<(Uri Uri, string Query)> Requests { get; } = new();

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Requests.Add((request.RequestUri!, request.RequestUri!.Query));
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK)
            {
                Content = new StringContent(bodies[Math.Min(Requests.Count - 1, bodies.Length - 1)], Encoding.UTF8, "application/json"),
            });
        }
    }
}
