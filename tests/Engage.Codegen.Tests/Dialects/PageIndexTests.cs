using System.Net;
using System.Text;
using Engage.Codegen.Runtime;

namespace Engage.Codegen.Tests.Dialects;

/// <summary>
/// Pages that index their own endpoints and label their sections' parts (Fixtures/dialects/indexes, our own words
/// about an invented harbour API). lamps.mdx: an endpoint list before the first heading, and a section headed with a
/// method the list does not give for its path, where the list's one other method is documented nowhere else: the two
/// page lines disagree and the section documents the listed operation (ENG021); a section headed with a path alone
/// (<c>## /api/lamps/lit</c>) documents the one operation the list gives for that path. beacons.md: "Required permissions"
/// labels a part of its endpoint's section, like "Example request" and "Example response" after it, and a request
/// line that calls the section's endpoint with sample values (<c>GET /api/beacons/Qx7pLm2</c>) is its example, not a
/// second endpoint. tides.md: a one-endpoint page whose "Path Variables" label its path-less endpoint's query
/// parameters, and whose example call's query string shows the paging parameters (<c>count</c>, <c>offset</c>) that
/// the page its description links to ("supports the pagination parameters") would describe. buoys.md: paging parameters
/// a sentence about paginating names ("use the `offset` and `limit` parameters to paginate"), parameters in bullets that
/// open with their name in bold, and a page wrapped in one member (<c>{"result": {"buoys": [...], "page": 1}}</c>).
/// </summary>
public sealed class PageIndexTests
{
    private static readonly DialectFixture s_indexes = new("indexes", "Engage.Dialects.Indexes");

    [Fact]
    public void Indexes_fixture_compiles_and_no_docs_problem_is_an_error() => s_indexes.AssertCompilesAndNoDocsProblemIsAnError();

    [Fact]
    public void Each_endpoint_is_one_operation_and_samples_make_none()
    {
        var operations = s_indexes.Operations.Select(o => o.Substring(o.IndexOf(' ') + 1)).OrderBy(o => o, StringComparer.Ordinal).ToList();
        Assert.Equal(
            new[]
            {
                "GET /api/beacons/{uid}",
                "GET /api/buoys",
                "GET /api/buoys/search",
                "GET /api/lamps",
                "GET /api/lamps/lit",
                "GET /api/lamps/{lampId}",
                "GET /api/v1/tides.list",
                "POST /api/beacons/{uid}/dim",
                "POST /api/lamps/{lampId}",
            },
            operations);
    }

    [Fact]
    public void A_heading_whose_method_the_index_contradicts_documents_the_indexed_operation()
    {
        var disagreement = Assert.Single(s_indexes.Result.GeneratorDiagnostics, d => d.Id == "ENG021");
        Assert.Equal("## POST /api/lamps", DialectFixture.LineOf(disagreement));
        Assert.Contains("'GET /api/lamps'", disagreement.GetMessage(), StringComparison.Ordinal);

        // The section's parameters and example come with it: the list pages by page number.
        var (client, method) = Find(" GET /api/lamps");
        Assert.True(s_indexes.Operation(client, method).Paged);
    }

    [Fact]
    public void A_heading_of_a_path_alone_documents_the_operation_the_index_lists_for_it()
    {
        // Its parameters and example come with it: a page that shows its place ({"page": 1, "pageSize": 10}) pages by number.
        var (client, method) = Find(" GET /api/lamps/lit");
        Assert.True(s_indexes.Operation(client, method).Paged);
        var request = s_indexes.Type(client).Operation(method).GetParameters()[0].ParameterType;
        Assert.Equal(typeof(string), request.GetProperty("Quay")!.PropertyType);
    }

    [Fact]
    public void Labelled_parts_after_required_permissions_stay_in_the_endpoints_section()
    {
        var (client, method) = Find(" GET /api/beacons/{uid}");
        var response = s_indexes.ResponseOf(client, method);
        Assert.Equal(typeof(string), response.GetProperty("Uid")!.PropertyType);
        Assert.Equal(typeof(bool), response.GetProperty("Bright")!.PropertyType);
        Assert.Equal(typeof(int), response.GetProperty("Range")!.PropertyType);
    }

    [Fact]
    public void An_example_calls_query_string_and_path_variables_of_a_pathless_route_are_query_parameters()
    {
        var (client, method) = Find(" GET /api/v1/tides.list");
        Assert.True(s_indexes.Operation(client, method).Paged);
        var request = s_indexes.Type(client).Operation(method).GetParameters()[0].ParameterType;
        Assert.Equal("ListTidesRequest", request.Name); // the page is named for its operation: not ListListTideRequest
        Assert.Equal(typeof(string), request.GetProperty("Harbour")!.PropertyType);
        Assert.Equal(typeof(int?), request.GetProperty("Offset")!.PropertyType);
        Assert.Equal(typeof(int?), request.GetProperty("Count")!.PropertyType);
    }

    [Fact]
    public void Paging_parameters_named_in_a_sentence_about_paginating_page_the_list()
    {
        var (client, method) = Find(" GET /api/buoys");
        Assert.Equal("ListBuoysAsync", method);
        Assert.True(s_indexes.Operation(client, method).Paged);
        var request = s_indexes.Type(client).Operation(method).GetParameters()[0].ParameterType;
        Assert.Equal(typeof(int?), request.GetProperty("Offset")!.PropertyType);
        Assert.Equal(typeof(int?), request.GetProperty("Limit")!.PropertyType);
    }

    [Fact]
    public async Task A_page_wrapped_in_one_member_is_read_through_it_with_bold_named_parameters()
    {
        var (client, method) = Find(" GET /api/buoys/search");
        var request = s_indexes.Type(client).Operation(method).GetParameters()[0].ParameterType;
        Assert.Equal(typeof(string), request.GetProperty("Colour")!.PropertyType);

        var handler = new PagesHandler();
        var options = (ApiClientOptions)Activator.CreateInstance(s_indexes.Type("HarbourClientOptions"))!;
        options.ApiKey = "key";
        options.ApiSecret = "secret";
        options.BaseAddress = new Uri("https://harbour.test/");
        var api = Activator.CreateInstance(s_indexes.Type("HarbourClient"), options, new HttpClient(handler))!;
        var buoys = api.GetType().GetProperty("Buoys")!.GetValue(api)!;
        var search = buoys.GetType().GetMethods().Single(m => m.Name == method && m.GetParameters().Length == 2 && m.GetParameters()[1].ParameterType == typeof(CancellationToken));
        var pageable = (IAsyncEnumerable<object>)search.Invoke(buoys, new object?[] { null, CancellationToken.None })!;

        var ids = new List<int>();
        await foreach (var buoy in pageable)
        {
            ids.Add(Convert.ToInt32(buoy.GetType().GetProperty("Id")!.GetValue(buoy)!, System.Globalization.CultureInfo.InvariantCulture)); // ids are long
        }

        Assert.Equal(new[] { 1, 3, 4 }, ids);
        Assert.Equal(2, handler.Queries.Count);
        Assert.Contains("page=2", handler.Queries[1], StringComparison.Ordinal);
    }

    /// <summary>The client class and method of the one operation whose line ends with <paramref name="suffix"/>.</summary>
    private static (string Client, string Method) Find(string suffix)
    {
        var line = s_indexes.Operations.Single(o => o.EndsWith(suffix, StringComparison.Ordinal));
        var client = line.Substring(0, line.IndexOf('.'));
        return (client, line.Substring(client.Length + 1, line.IndexOf(' ') - client.Length - 1));
    }

    /// <summary>Answers two pages of three buoys, each wrapped in "result" with its total.</summary>
    private sealed class PagesHandler : HttpMessageHandler
    {
        public List<string> Queries { get; } = new();

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Queries.Add(request.RequestUri!.Query);
            var body = Queries.Count == 1
                ? """{"result": {"totalCount": 3, "page": 1, "perPage": 2, "buoys": [{"id": 1, "colour": "red"}, {"id": 3, "colour": "red"}]}}"""
                : """{"result": {"totalCount": 3, "page": 2, "perPage": 2, "buoys": [{"id": 4, "colour": "red"}]}}""";
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(body, Encoding.UTF8, "application/json") });
        }
    }
}
