using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Engage.Codegen.Model;

namespace Engage.Codegen.Inference;

/// <summary>
/// Page-number and offset paging, by one stated rule. A GET list pages by number when its section
/// documents an integer <c>page</c> parameter, by offset when it documents <c>offset</c> (or
/// <c>start</c>); failing those, when the docs' "Pagination" prose names the parameter (on the same
/// page, or on an introduction page for every list) and the list answers with an array of items,
/// top-level or under <c>data</c>, <c>items</c>, <c>results</c>, <c>records</c> or <c>entries</c>.
/// Next links (<c>Link: rel="next"</c>, a body's <c>next</c>), <c>has_more</c> and totals are read
/// where the docs show them. A list that takes a cursor instead of a position and links its pages is
/// followed by its links (style <see cref="PagingStyle.OpaqueCursor"/>, sending no position).
/// </summary>
internal sealed partial class ApiBuilder
{
    private static readonly string[] s_pageNames = { "page", "page_number", "pageNumber" };
    private static readonly string[] s_offsetNames = { "offset", "start", "skip" };
    private static readonly string[] s_sizeNames = { "per_page", "page_size", "pageSize", "per-page", "perpage", "perPage", "limit", "size", "count" };
    private static readonly string[] s_envelopeNames = { "data", "items", "results", "records", "entries" };
    private static readonly string[] s_nextNames = { "next", "next_page_url", "next_url", "next_link", "nextLink", "next_href" };
    private static readonly string[] s_hasMoreNames = { "has_more", "hasMore", "more" };
    private static readonly string[] s_totalNames = { "total", "total_count", "totalCount", "total_results", "totalResults", "total_items" };
    private static readonly string[] s_totalPagesNames = { "total_pages", "totalPages", "page_count", "pages", "last_page" };
    private static readonly string[] s_nestedNames = { "links", "meta", "pagination", "paging", "_links" };

    private PagingHintSpec? _globalPaging;

    /// <summary>The paging hint that speaks of a page's lists: its own, else the introduction's (with the page's own header samples).</summary>
    private PagingHintSpec? PagingHintFor(DocSpec doc)
    {
        if (doc.Paging is { PositionParameter: not null } own)
        {
            return own;
        }

        if (_globalPaging is null)
        {
            return doc.Paging;
        }

        return doc.Paging is null ? _globalPaging : _globalPaging with
        {
            LinkHeader = _globalPaging.LinkHeader || doc.Paging.LinkHeader,
            TotalCountHeader = _globalPaging.TotalCountHeader ?? doc.Paging.TotalCountHeader,
            TotalPagesHeader = _globalPaging.TotalPagesHeader ?? doc.Paging.TotalPagesHeader,
        };
    }

    /// <summary>
    /// Where a list's section (or its page) says it pages but neither documents a position parameter nor
    /// finds a pagination section that names one: offsets when the page it shows holds an offset
    /// (<c>{"messages": [...], "offset": 0, "count": 1, "total": 9}</c>), else pages numbered from 1 in a
    /// <c>page</c> parameter, the convention such docs leave unsaid, ending with the first empty page (or
    /// the next links the docs show).
    /// </summary>
    private static readonly PagingHintSpec s_unstatedPaging = new("page", false, null, 1, false, null, null, null, false);

    /// <summary>
    /// How the doc set's paged lists show their pages when they show it the same way: an offset and a size in the page
    /// (<c>{"messages": [...], "offset": 0, "count": 1, "total": 9}</c>) in two lists or more and a page number in none.
    /// A list that says it pages and shows nothing of how follows them.
    /// </summary>
    private (string Offset, string? Size)? _shownOffsets;

    private static (string Offset, string? Size)? ShownOffsets(IEnumerable<DocSpec> docs)
    {
        var offsets = new List<(string Offset, string? Size)>();
        var pages = 0;
        foreach (var endpoint in docs.SelectMany(d => d.Endpoints).Where(e => e.Paginated && e.HttpMethod == "GET"))
        {
            var shown = endpoint.ResponseExamples.Select(e => e.Value).FirstOrDefault(v => v.Kind == JsonKind.Object);
            var names = shown?.Properties.Select(p => p.Name).ToList();
            if (names is null)
            {
                continue;
            }

            pages += s_pageNames.Any(names.Contains) ? 1 : 0;
            if (s_offsetNames.FirstOrDefault(names.Contains) is { } offset)
            {
                offsets.Add((offset, s_sizeNames.FirstOrDefault(names.Contains)));
            }
        }

        return offsets.Count >= 2 && pages == 0 && offsets.Distinct().Count() == 1 ? offsets[0] : null;
    }

    /// <summary>
    /// The hint a list pages by when the project decides its style (ApiPaging): the docs' own parameters where they
    /// describe that style, else <c>page</c> from 1 or <c>offset</c> from 0.
    /// </summary>
    private static PagingHintSpec OverriddenPaging(PagingHintSpec? hint, PagingStyle style) => style == PagingStyle.Offset
        ? hint is { Offsets: true, PositionParameter: not null } ? hint : (hint ?? s_unstatedPaging) with { PositionParameter = "offset", Offsets = true }
        : hint is { Offsets: false, PositionParameter: not null } ? hint
            : (hint ?? s_unstatedPaging) with { PositionParameter = "page", Offsets = false, FirstPage = 1 };

    private PagingSpec? TryPositionPaging(EndpointSectionSpec endpoint, List<PropertySpec> request, PagingHintSpec? hint, TypeRef responseType,
        bool saysPaginated)
    {
        // A pagination section that speaks of "endpoints which support pagination" leaves the others unpaged.
        if (!saysPaginated && hint is { Global: true, OnlyWhereSaid: true })
        {
            hint = null;
        }

        if (endpoint.HttpMethod != "GET")
        {
            return null;
        }

        PropertySpec? Integer(IEnumerable<string> names) =>
            names.Select(n => request.FirstOrDefault(p => p.JsonName == n && p.Type.Kind is TypeKind.Int32 or TypeKind.Int64)).FirstOrDefault(
                p => p is not null);

        var pageProperty = Integer(s_pageNames);
        var offsetProperty = pageProperty is null ? Integer(s_offsetNames) : null;
        var documented = pageProperty is not null || offsetProperty is not null;
        var hinted = !documented && hint?.PositionParameter is not null;
        // The page a list that says it pages shows tells its style: an offset and a count in it are offsets,
        // whatever the doc set's pagination section says of lists in general.
        var shown = saysPaginated && !documented && responseType.Kind == TypeKind.Model
            ? ModelNamed(responseType.Name!)?.Properties.Select(p => p.JsonName).ToList() : null;
        var offsetShown = shown is null ? null : s_offsetNames.FirstOrDefault(shown.Contains);
        var sizeShown = shown is null ? null : s_sizeNames.FirstOrDefault(shown.Contains);
        if (offsetShown is null && !documented && saysPaginated && !hinted && _shownOffsets is { } usual)
        {
            // A list that says it pages and shows nothing of how pages as the doc set's other paged lists show they do.
            (offsetShown, sizeShown) = usual;
        }

        if (!documented && saysPaginated && (!hinted || offsetShown is not null))
        {
            var unstated = offsetShown is null ? s_unstatedPaging
                : s_unstatedPaging with { PositionParameter = offsetShown, Offsets = true, SizeParameter = sizeShown };
            hint = hint is null ? unstated
                : hint with { PositionParameter = unstated.PositionParameter, Offsets = unstated.Offsets, SizeParameter = unstated.SizeParameter
                ?? hint.SizeParameter };
            hinted = true;
        }

        // A page that shows its own place ({"data": [...], "page": 1, "pageSize": 20}) pages by number, with those names.
        if (!documented && !hinted && responseType.Kind == TypeKind.Model && ModelNamed(responseType.Name!) is { } placed &&
            placed.Properties.Any(p => p.JsonName == "page" && p.Type.Kind is TypeKind.Int32 or TypeKind.Int64) &&
            s_sizeNames.Where(n => n != "count") // beside a page, a count is the total
                .Select(n => placed.Properties.FirstOrDefault(p => p.JsonName == n && p.Type.Kind is TypeKind.Int32 or TypeKind.Int64))
                .FirstOrDefault(p => p is not null) is { } shownSize)
        {
            hint = (hint ?? s_unstatedPaging) with { PositionParameter = "page", Offsets = false, SizeParameter = shownSize.JsonName, FirstPage = 1 };
            hinted = true;
        }

        if (!documented && !hinted)
        {
            return null;
        }

        var offsets = offsetProperty is not null || (hinted && hint!.Offsets);
        var positionParameter = pageProperty?.JsonName ?? offsetProperty?.JsonName ?? hint!.PositionParameter!;
        var sizeProperty = Integer((hint?.SizeParameter is { } named ? new[] { named } : Array.Empty<string>()).Concat(s_sizeNames));

        // The items: the response itself, or the envelope's array.
        TypeRef? itemType;
        string itemsProperty;
        ModelSpec? envelope = null;
        var memberPrefix = string.Empty;
        if (responseType.Kind == TypeKind.List)
        {
            itemType = responseType.Element;
            itemsProperty = string.Empty;
        }
        else if (responseType.Kind == TypeKind.Model && ModelNamed(responseType.Name!) is { } model)
        {
            // The page may be wrapped in one member: {"result": {"elements": [...], "page": 1, "perPage": 10}}.
            var outer = model.Properties.Count(p => p.Type.Kind is TypeKind.Model or TypeKind.List) == 1 &&
                model.Properties.SingleOrDefault(p => p.Type.Kind == TypeKind.Model) is { } wrapper && ModelNamed(wrapper.Type.Name!) is { } wrapped &&
                wrapped.Properties.Any(p => p.Type.Kind == TypeKind.List) ? (Member: wrapper, Model: wrapped) : ((PropertySpec Member, ModelSpec Model)?)null;
            var page = outer?.Model ?? model;
            var arrays = page.Properties.Where(p => p.Type.Kind == TypeKind.List).ToList();
            // An array of another name is the items when it is the one array, except in what a path to one item answers
            // (GET /things/{id} with {"tags": [...]} reads one thing, whatever query parameters it shares with the list).
            var item = endpoint.PathTemplate.EndsWith("}", StringComparison.Ordinal);
            var items = s_envelopeNames.Select(n => arrays.FirstOrDefault(p => p.JsonName == n)).FirstOrDefault(p => p is not null)
                ?? ((documented || endpoint.Paginated) && arrays.Count == 1 && !item ? arrays[0] : null);
            if (items is null)
            {
                return null;
            }

            envelope = page;
            memberPrefix = outer is { } o ? o.Member.Name + "?." : string.Empty;
            itemType = items.Type.Element;
            itemsProperty = memberPrefix + items.Name;
        }
        else
        {
            return null;
        }

        if (itemType is null)
        {
            return null;
        }

        var next = Member(envelope, s_nextNames, TypeKind.String);
        if (next is not null)
        {
            // The last page's next link is null or absent, whatever the example shows.
            AllowNull(envelope!, next);
            next = memberPrefix + next;
        }

        var hasMore = Prefixed(Member(envelope, s_hasMoreNames, TypeKind.Boolean));
        var total = Prefixed(Member(envelope, s_totalNames, TypeKind.Int32, TypeKind.Int64));
        var totalPages = Prefixed(Member(envelope, s_totalPagesNames, TypeKind.Int32, TypeKind.Int64));
        string? Prefixed(string? member) => member is null ? null : memberPrefix + member;
        var maximum = sizeProperty is null ? null : DocumentedMaximum(sizeProperty.Summary);
        var position = new PositionPagingSpec(
            positionParameter,
            pageProperty?.Name ?? offsetProperty?.Name,
            sizeProperty?.JsonName ?? hint?.SizeParameter,
            sizeProperty?.Name,
            offsets ? 0 : hint?.FirstPage ?? 1,
            // Links alone tell the end where the docs describe them and the body has no has_more or total, which say more.
            (hint?.LinkHeader == true || next is not null) && hasMore is null && total is null && totalPages is null,
            offsets || hint?.PageSize is not null,
            hint?.PageSize,
            next,
            hasMore,
            total,
            totalPages,
            hint?.TotalCountHeader,
            hint?.TotalPagesHeader);
        // A list that takes a cursor (`after`) and no position, whose pages link to the next, pages by cursor: the links
        // carry it, so it is followed by them and no page number is sent.
        var cursorByLinks = !documented && position.LinksOnly &&
            s_cursorParameterNames.Concat(s_previousParameterNames).Any(n => request.Any(p => p.JsonName == n && p.Type.Kind == TypeKind.String));
        return new PagingSpec(
            cursorByLinks ? PagingStyle.OpaqueCursor : offsets ? PagingStyle.Offset : PagingStyle.PageNumber,
            itemType,
            itemsProperty,
            hasMore,
            null,
            sizeProperty?.Name,
            null,
            null,
            null,
            null,
            null,
            null,
            maximum,
            position);
    }

    /// <summary>
    /// The member path of a paging field of the envelope, at its top level or one level down
    /// (<c>links.next</c>, <c>meta.total</c>), when it has one of the wanted types.
    /// </summary>
    private string? Member(ModelSpec? envelope, string[] names, params TypeKind[] kinds)
    {
        if (envelope is null)
        {
            return null;
        }

        var top = names.Select(n => envelope.Properties.FirstOrDefault(p => p.JsonName == n && kinds.Contains(p.Type.Kind))).FirstOrDefault(p => p is not null);
        if (top is not null)
        {
            return top.Name;
        }

        foreach (var outer in envelope.Properties.Where(p => p.Type.Kind == TypeKind.Model && s_nestedNames.Contains(p.JsonName)))
        {
            var nested = ModelNamed(outer.Type.Name!);
            var inner = nested is null ? null
                : names.Select(n => nested.Properties.FirstOrDefault(p => p.JsonName == n && kinds.Contains(p.Type.Kind))).FirstOrDefault(p => p is not null);
            if (inner is not null)
            {
                return outer.Name + "?." + inner.Name;
            }
        }

        return null;
    }

    /// <summary>Makes the member at a path (<c>Next</c>, <c>Links?.Next</c>) nullable and not required.</summary>
    private void AllowNull(ModelSpec envelope, string path)
    {
        var names = path.Split(new[] { "?." }, StringSplitOptions.None);
        var owner = envelope;
        for (var i = 0; i < names.Length - 1 && owner is not null; i++)
        {
            owner = ModelNamed(owner.Properties.FirstOrDefault(p => p.Name == names[i])?.Type.Name);
        }

        var member = owner?.Properties.FirstOrDefault(p => p.Name == names[names.Length - 1]);
        if (owner is null || member is null || (member.Nullable && !member.Required))
        {
            return;
        }

        var replaced = owner with { Properties = owner.Properties.Select(p => p == member ? p with { Nullable = true, Required = false }
            : p).ToEquatableArray() };
        _models[_models.IndexOf(owner)] = replaced;
        _modelsByName[owner.Name] = replaced;
    }

    private static int? DocumentedMaximum(string summary)
    {
        var match = s_maximum.Match(summary);
        if (!match.Success)
        {
            return null;
        }

        var digits = match.Groups.Cast<System.Text.RegularExpressions.Group>().Skip(1).First(g => g.Success).Value;
        return int.TryParse(digits, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value > 0 ? value : null;
    }
}
