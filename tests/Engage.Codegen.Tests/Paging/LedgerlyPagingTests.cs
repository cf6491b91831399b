using System.Collections;
using System.Reflection;
using Engage.Codegen.Runtime;
using Engage.Codegen.Tests.Dialects;

namespace Engage.Codegen.Tests.Paging;

/// <summary>
/// The Ledgerly fixture (Fixtures/dialects/paging: our own pages about an invented bookkeeping API)
/// describes four paging styles. The generated client, run against a loopback server that pages as
/// those pages say, sends exactly the documented parameters, follows exactly the links the server
/// gives, stops where the docs say a list ends, reports totals, and refuses what would loop or leak.
/// </summary>
public sealed class LedgerlyPagingTests : IAsyncLifetime
{
    private static readonly DialectFixture s_fixture = new("paging", "Ledgerly.Paging");
    private LedgerlyServer _server = null!;

    public async Task InitializeAsync() => _server = await LedgerlyServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private object Resource(string name)
    {
        var options = (ApiClientOptions)Activator.CreateInstance(s_fixture.Type("LedgerlyClientOptions"))!;
        options.BaseAddress = _server.Root;
        options.GetType().GetProperty("AccessToken")!.SetValue(options, "tok_LEDGER_SECRET");
        options.Retry.MaxRetries = 0;
        var client = Activator.CreateInstance(s_fixture.Type("LedgerlyClient"), options, new HttpClient())!;
        return client.GetType().GetProperty(name)!.GetValue(client)!;
    }

    /// <summary>Calls a paged operation's full overload: its request (built from name/value pairs, or null), no request options.</summary>
    private static object List(object resource, string requestType, params (string Name, object Value)[] members)
    {
        var method = resource.GetType().GetMethods().Single(m => m.Name == "ListAsync" && m.GetParameters().Length == 3);
        object? request = null;
        if (members.Length > 0)
        {
            request = Activator.CreateInstance(s_fixture.Type(requestType))!;
            foreach (var (name, value) in members)
            {
                request.GetType().GetProperty(name)!.SetValue(request, value);
            }
        }

        return method.Invoke(resource, new[] { request, null, CancellationToken.None })!;
    }

    private static async Task<List<object>> Items(object pageable)
    {
        var items = new List<object>();
        await foreach (var item in Covariant(pageable))
        {
            items.Add(item);
        }

        return items;
    }

    private static async Task<List<(IList Values, string? Token, long? Total, bool HasMore)>> Pages<T>(AsyncPageable<T> pageable, string? token = null)
    {
        var pages = new List<(IList, string?, long?, bool)>();
        await foreach (var page in pageable.AsPages(token))
        {
            pages.Add((page.Values.ToList(), page.ContinuationToken, page.TotalCount, page.HasMore));
        }

        return pages;
    }

    private static object? Member(object item, string name) => item.GetType().GetProperty(name)!.GetValue(item);

    private List<string> Paths() => _server.Requests.Select(r => r.PathAndQuery).ToList();

    [Fact]
    public void Generated_client_compiles_without_warnings_and_each_list_is_paged_in_its_style()
    {
        s_fixture.AssertCompilesAndNoDocsProblemIsAnError();
        foreach (var resource in new[] { "LedgerlyInvoicesClient", "LedgerlyPaymentsClient", "LedgerlyCustomersClient", "LedgerlyEventsClient" })
        {
            Assert.True(s_fixture.Operation(resource, "ListAsync").Paged, resource);
        }

        Assert.False(s_fixture.Operation("LedgerlyInvoicesClient", "GetAsync").Paged);
        Assert.Equal(typeof(AsyncPageable<>).MakeGenericType(s_fixture.Type("Invoice")), s_fixture.Type("LedgerlyInvoicesClient").Operation("ListAsync").ReturnType);
        Assert.Equal(typeof(AsyncPageable<>).MakeGenericType(s_fixture.Type("ListPaymentsResponseResult")), s_fixture.Type("LedgerlyPaymentsClient").Operation("ListAsync").ReturnType);
        // "null on the last one": the next link is nullable whatever the example shows.
        Assert.Equal(typeof(string), s_fixture.MemberType("ListCustomersResponseLinks", "Next"));
        Assert.True(new NullabilityInfoContext().Create(s_fixture.Type("ListCustomersResponseLinks").GetProperty("Next")!).ReadState == NullabilityState.Nullable);
    }

    [Fact]
    public async Task Page_numbers_follow_the_link_header_exactly_and_stop_without_one()
    {
        var pageable = List(Resource("Invoices"), "ListInvoicesRequest", ("PerPage", (int?)2));
        var items = await Items(pageable);
        Assert.Equal(new object[] { 501L, 502L, 503L, 504L, 505L }, items.Select(i => Member(i, "Id")).ToArray());
        // The first request is built from the docs' parameters; the next two are the server's links as given (with its "sig").
        Assert.Equal(
            new[] { "/v2/invoices?page=1&per_page=2", "/v2/invoices?page=2&per_page=2&sig=s2", "/v2/invoices?page=3&per_page=2&sig=s3" },
            Paths());
        Assert.All(_server.Requests, r => Assert.Equal("Bearer tok_LEDGER_SECRET", r.Authorization));
    }

    [Fact]
    public async Task The_total_count_header_is_on_every_page_and_on_the_pageable()
    {
        AsyncPageable<object> pageable = Covariant(List(Resource("Invoices"), "ListInvoicesRequest", ("PerPage", (int?)2)));
        Assert.Null(pageable.TotalCount);
        var pages = await Pages(pageable);
        Assert.Equal(new[] { 2, 2, 1 }, pages.Select(p => p.Values.Count));
        Assert.All(pages, p => Assert.Equal(LedgerlyServer.InvoiceCount, p.Total));
        Assert.Equal(LedgerlyServer.InvoiceCount, pageable.TotalCount);
        Assert.Equal(new[] { true, true, false }, pages.Select(p => p.HasMore));
    }

    [Fact]
    public async Task A_next_link_to_another_origin_is_refused_and_nothing_is_sent_there()
    {
        _server.Mode = LedgerlyServer.Misbehaviour.CrossOriginLink;
        var pageable = List(Resource("Invoices"), "ListInvoicesRequest", ("PerPage", (int?)2));
        var exception = await Assert.ThrowsAsync<ApiPagingException>(() => Items(pageable));
        Assert.Contains("elsewhere.invalid", exception.Message);
        Assert.Contains("not followed", exception.Message);
        Assert.DoesNotContain("sig=", exception.Message);
        Assert.DoesNotContain("tok_LEDGER_SECRET", exception.ToString());
        Assert.Single(_server.Requests);
    }

    [Fact]
    public async Task A_link_back_to_a_page_already_linked_stops_with_a_paging_exception()
    {
        _server.Mode = LedgerlyServer.Misbehaviour.RepeatedLink;
        var pageable = List(Resource("Invoices"), "ListInvoicesRequest", ("PerPage", (int?)2));
        await Assert.ThrowsAsync<ApiPagingException>(() => Items(pageable));
        Assert.Equal(2, _server.Requests.Count);
    }

    [Fact]
    public async Task Offsets_advance_by_the_items_received_and_the_body_total_ends_the_list()
    {
        // The server caps pages at 2, then 3, below the limit of 5: a short page is not the end while the total says more.
        var items = await Items(List(Resource("Payments"), "ListPaymentsRequest", ("Limit", (int?)5)));
        Assert.Equal(Enumerable.Range(1, LedgerlyServer.PaymentCount).Select(i => "pay_" + i), items.Select(i => (string)Member(i, "Id")!));
        Assert.Equal(new[] { "/v2/payments?offset=0&limit=5", "/v2/payments?offset=2&limit=5", "/v2/payments?offset=5&limit=5" }, Paths());
    }

    [Fact]
    public async Task A_relative_next_link_in_the_body_is_resolved_against_the_page_and_followed()
    {
        var items = await Items(List(Resource("Customers"), "ListCustomersRequest", ("PageSize", (int?)2)));
        Assert.Equal(LedgerlyServer.CustomerCount, items.Count);
        Assert.Equal(new[] { "/v2/customers?page=1&page_size=2", "/v2/customers?page=2&page_size=2", "/v2/customers?page=3&page_size=2" }, Paths());
    }

    [Fact]
    public async Task Pages_of_different_lengths_are_read_to_the_end_that_has_more_gives()
    {
        var pages = await Pages(Covariant(List(Resource("Events"), "ListEventsRequest")));
        Assert.Equal(LedgerlyServer.EventPageLengths, pages.Select(p => p.Values.Count));
        Assert.Equal(new[] { "/v2/events?page=1", "/v2/events?page=2", "/v2/events?page=3" }, Paths());
    }

    [Fact]
    public async Task A_server_that_repeats_a_page_is_stopped_instead_of_looping()
    {
        _server.Mode = LedgerlyServer.Misbehaviour.SamePageForever;
        var exception = await Assert.ThrowsAsync<ApiPagingException>(() => Items(List(Resource("Events"), "ListEventsRequest")));
        Assert.Contains("same page again", exception.Message);
        Assert.Equal(2, _server.Requests.Count);
    }

    [Fact]
    public async Task Limits_request_no_page_beyond_them()
    {
        AsyncPageable<object> pageable = Covariant(List(Resource("Invoices"), "ListInvoicesRequest", ("PerPage", (int?)2)));
        var items = new List<object>();
        await foreach (var item in pageable.WithLimits(maxItems: 3))
        {
            items.Add(item);
        }

        Assert.Equal(3, items.Count);
        Assert.Equal(2, _server.Requests.Count);
    }

    [Fact]
    public async Task Each_style_resumes_from_a_continuation_token_where_it_stopped()
    {
        foreach (var (resource, request, expected) in new[]
        {
            ("Invoices", "ListInvoicesRequest", "/v2/invoices?page=2&per_page=2&sig=s2"),
            ("Payments", "ListPaymentsRequest", "/v2/payments?offset=2&limit=50"), // no limit given: the documented maximum is asked for
            ("Customers", "ListCustomersRequest", "/v2/customers?page=2&page_size=2"),
            ("Events", "ListEventsRequest", "/v2/events?page=2"),
        })
        {
            var members = resource switch
            {
                "Invoices" => new[] { ("PerPage", (object)(int?)2) },
                "Customers" => new[] { ("PageSize", (object)(int?)2) },
                _ => Array.Empty<(string, object)>(),
            };
            var first = await Pages(Covariant(List(Resource(resource), request, members)).WithLimits(maxPages: 1));
            var token = Assert.Single(first).Token;
            Assert.NotNull(token);
            while (_server.Requests.TryDequeue(out _))
            {
            }

            var rest = await Pages(Covariant(List(Resource(resource), request, members)), token);
            Assert.NotEmpty(rest);
            Assert.Equal(expected, _server.Requests.First().PathAndQuery);
            while (_server.Requests.TryDequeue(out _))
            {
            }
        }
    }

    /// <summary>Views an AsyncPageable of a generated item type as AsyncPageable&lt;object&gt; through a thin adapter.</summary>
    private static AsyncPageable<object> Covariant(object pageable) =>
        (AsyncPageable<object>)typeof(LedgerlyPagingTests).GetMethod(nameof(Adapt), BindingFlags.NonPublic | BindingFlags.Static)!
            .MakeGenericMethod(pageable.GetType().BaseType!.GetGenericArguments()[0]).Invoke(null, new[] { pageable })!;

    private static AsyncPageable<object> Adapt<T>(AsyncPageable<T> inner) where T : class => new Adapter<T>(inner);

    private sealed class Adapter<T>(AsyncPageable<T> inner) : AsyncPageable<object> where T : class
    {
        public override long? TotalCount => inner.TotalCount;

        public override async IAsyncEnumerable<Page<object>> AsPages(string? continuationToken = null, int? pageSizeHint = null)
        {
            await foreach (var page in inner.AsPages(continuationToken, pageSizeHint))
            {
                yield return Page<object>.FromValues(page.Values.Cast<object>().ToList(), page.HasMore, page.ContinuationToken, page.TotalCount);
            }
        }
    }
}
