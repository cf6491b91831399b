using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Engage.Codegen.Tests.Paging;

/// <summary>
/// A loopback HTTP server that answers the Ledgerly fixture's lists as its pages describe: invoices by
/// page with <c>Link: rel="next"</c> and <c>X-Total-Count</c>, payments by offset with pages shorter than
/// the limit and a body total, customers by page with <c>links.next</c> in the body, events by page with
/// <c>has_more</c>, <c>total_pages</c> and pages of different lengths. <see cref="Mode"/> makes it
/// misbehave the ways paging must survive. Every request is recorded with its Authorization header.
/// </summary>
public sealed class LedgerlyServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    public enum Misbehaviour
    {
        None,

        /// <summary>The invoices' next link points at another origin.</summary>
        CrossOriginLink,

        /// <summary>The invoices' next link points at the page just served.</summary>
        RepeatedLink,

        /// <summary>The events list ignores <c>page</c> and says has_more forever.</summary>
        SamePageForever,
    }

    private LedgerlyServer(WebApplication app, Uri root)
    {
        _app = app;
        Root = root;
    }

    /// <summary>The API root, <c>http://127.0.0.1:PORT/v2</c>.</summary>
    public Uri Root { get; }

    public Misbehaviour Mode { get; set; }

    /// <summary>Path and query of every request, in order.</summary>
    public ConcurrentQueue<(string PathAndQuery, string? Authorization)> Requests { get; } = new();

    public const int InvoiceCount = 5;
    public const int PaymentCount = 7;
    public const int CustomerCount = 5;

    /// <summary>The events pages' lengths: pages differ in length, as the docs say.</summary>
    public static readonly int[] EventPageLengths = { 1, 3, 2 };

    public static async Task<LedgerlyServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        LedgerlyServer? server = null;
        app.Use(async (context, next) =>
        {
            server!.Requests.Enqueue((context.Request.Path + context.Request.QueryString, context.Request.Headers.Authorization.FirstOrDefault()));
            await next(context);
        });
        app.MapGet("/v2/invoices", (HttpContext context) => server!.Invoices(context));
        app.MapGet("/v2/payments", (HttpContext context) => server!.Payments(context));
        app.MapGet("/v2/customers", (HttpContext context) => server!.Customers(context));
        app.MapGet("/v2/events", (HttpContext context) => server!.Events(context));
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server = new LedgerlyServer(app, new Uri(address.TrimEnd('/') + "/v2"));
        return server;
    }

    private static int Int(HttpContext context, string name, int fallback) =>
        int.TryParse(context.Request.Query[name], NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : fallback;

    private IResult Invoices(HttpContext context)
    {
        var page = Int(context, "page", 1);
        var perPage = Int(context, "per_page", 2);
        var items = Enumerable.Range(1, InvoiceCount).Skip((page - 1) * perPage).Take(perPage)
            .Select(i => new { id = 500 + i, number = $"INV-{500 + i:0000}", amount_cents = 1000 * i, status = "open", issued_on = "2026-10-01" }).ToList();
        context.Response.Headers["X-Total-Count"] = InvoiceCount.ToString(CultureInfo.InvariantCulture);
        if (page * perPage < InvoiceCount)
        {
            // A link the client cannot build itself: it carries a signature only the server knows.
            var origin = Mode == Misbehaviour.CrossOriginLink ? "http://elsewhere.invalid:81" : $"{context.Request.Scheme}://{context.Request.Host}";
            var target = Mode == Misbehaviour.RepeatedLink ? page : page + 1;
            context.Response.Headers["Link"] = $"<{origin}/v2/invoices?page={target}&per_page={perPage}&sig=s{target}>; rel=\"next\", <{origin}/v2/invoices?page=9>; rel=\"last\"";
        }

        return Results.Json(items);
    }

    private IResult Payments(HttpContext context)
    {
        // Pages hold at most 3 payments whatever the limit, and one page only 2: fewer than the limit, yet more follow.
        var offset = Int(context, "offset", 0);
        var limit = Math.Min(Int(context, "limit", 50), offset == 0 ? 2 : 3);
        var results = Enumerable.Range(offset + 1, Math.Max(0, Math.Min(limit, PaymentCount - offset)))
            .Select(i => new { id = $"pay_{i}", invoice_id = 501, amount_cents = 100 * i, received_at = "2026-10-03T10:00:00Z" }).ToList();
        return Results.Json(new { results, total = PaymentCount });
    }

    private IResult Customers(HttpContext context)
    {
        var page = Int(context, "page", 1);
        var size = Int(context, "page_size", 25);
        var data = Enumerable.Range(1, CustomerCount).Skip((page - 1) * size).Take(size)
            .Select(i => new { id = 80 + i, name = $"Shop {i}", email = $"shop{i}@example.test" }).ToList();
        // A relative next link: resolved against the page's own URL.
        var next = page * size < CustomerCount ? $"/v2/customers?page={page + 1}&page_size={size}" : null;
        return Results.Json(new { data, links = new { next, prev = (string?)null } });
    }

    private IResult Events(HttpContext context)
    {
        var page = Mode == Misbehaviour.SamePageForever ? 1 : Int(context, "page", 1);
        var before = EventPageLengths.Take(page - 1).Sum();
        var items = Enumerable.Range(before + 1, page <= EventPageLengths.Length ? EventPageLengths[page - 1] : 0)
            .Select(i => new { id = $"ev_{i}", type = "invoice.paid", created_at = "2026-10-03T10:00:00Z" }).ToList();
        return Results.Json(new { items, has_more = Mode == Misbehaviour.SamePageForever || page < EventPageLengths.Length, total_pages = EventPageLengths.Length });
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
