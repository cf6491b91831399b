using System;
using System.Collections.Generic;
using System.Linq;
using Engage.Codegen.Model;

namespace Engage.Codegen.Inference;

/// <summary>
/// Lists that page by an opaque cursor the server hands back. In a response header: a GET that documents a
/// string <c>next_token</c> (<c>nextToken</c>, <c>page_token</c>, <c>continuation_token</c>) parameter whose
/// description, or the doc set's pagination section, names the header it comes from
/// (<c>X-Nomad-NextToken</c>, <c>X-Next-Token</c>, <c>X-Continuation-Token</c>). In the page: a GET that
/// documents a string cursor parameter (<c>cursor</c>, <c>after</c>, <c>page_token</c>, <c>continue</c>) whose
/// page shows a member of the same name, or <c>next_cursor</c>, at its top or in its paging object
/// (<c>{"sites": [...], "meta": {"after": null, "before": null}}</c>). The cursor is sent back as that
/// parameter until none comes; a documented <c>per_page</c> or <c>limit</c> sets the page size.
/// </summary>
internal sealed partial class ApiBuilder
{
    private static readonly string[] s_tokenNames = { "next_token", "nextToken", "page_token", "pageToken", "next_page_token", "continuation_token",
        "continuationToken" };

    /// <summary>The response header the doc set's pagination prose names for the next token, for lists whose parameter does not name it.</summary>
    private string? _tokenHeader;

    private PagingSpec? TryTokenPaging(EndpointSectionSpec endpoint, List<PropertySpec> request, TypeRef responseType)
    {
        if (endpoint.HttpMethod != "GET")
        {
            return null;
        }

        var token = s_tokenNames.Select(n => request.FirstOrDefault(p => p.JsonName == n && p.Type.Kind == TypeKind.String)).FirstOrDefault(p => p is not null);
        if (token is null)
        {
            return null;
        }

        var described = endpoint.Parameters.FirstOrDefault(p => p.Name == token.JsonName)?.Description ?? string.Empty;
        var header = Parsing.PagingReader.TokenHeader(described) ?? _tokenHeader;
        if (header is null)
        {
            return null;
        }

        TypeRef? item;
        var items = string.Empty;
        if (responseType.Kind == TypeKind.List)
        {
            item = responseType.Element;
        }
        else if (responseType.Kind == TypeKind.Model
            && ModelNamed(responseType.Name!)?.Properties.Where(p => p.Type.Kind == TypeKind.List).ToList() is { Count: 1 } arrays)
        {
            item = arrays[0].Type.Element;
            items = arrays[0].Name;
        }
        else
        {
            return null;
        }

        var size = request.FirstOrDefault(p => s_sizeNames.Contains(p.JsonName) && p.Type.Kind is TypeKind.Int32 or TypeKind.Int64);
        return new PagingSpec(PagingStyle.OpaqueCursor, item!, items, null, null, size?.Name, null, null, token.Name, null, null, null,
            size is null ? null : DocumentedMaximum(size.Summary), NextHeader: header);
    }

    private static readonly string[] s_cursorParameterNames = { "cursor", "after", "page_token", "pageToken", "pageCursor", "page_cursor", "continue",
        "continuation", "next" };
    private static readonly string[] s_previousParameterNames = { "before", "previous", "prev", "previous_cursor" };
    private static readonly string[] s_nextCursorMembers = { "next_cursor", "nextCursor", "next_page_token", "nextPageToken", "cursor" };
    private static readonly string[] s_cursorHolders = { "meta", "metadata", "pagination", "paging", "cursors", "response_metadata", "page_info", "pageInfo" };

    /// <summary>A list whose page hands back the cursor its parameter takes: <c>after</c> in, <c>meta.after</c> out.</summary>
    private PagingSpec? TryPageCursorPaging(EndpointSectionSpec endpoint, List<PropertySpec> request, TypeRef responseType)
    {
        if (endpoint.HttpMethod != "GET" || responseType.Kind != TypeKind.Model || ModelNamed(responseType.Name!) is not { } page)
        {
            return null;
        }

        var cursor = s_cursorParameterNames.Select(n => request.FirstOrDefault(p => p.JsonName == n && p.Type.Kind == TypeKind.String)).FirstOrDefault(
            p => p is not null);
        var arrays = page.Properties.Where(p => p.Type.Kind == TypeKind.List).ToList();
        var items = s_envelopeNames.Select(n => arrays.FirstOrDefault(p => p.JsonName == n)).FirstOrDefault(p => p is not null)
            ?? (arrays.Count == 1 ? arrays[0] : null);
        if (cursor is null || items?.Type.Element is not { } item)
        {
            return null;
        }

        // The page's member that carries the next cursor: the parameter's own name, else a next cursor's.
        var next = CursorMember(page, new[] { cursor.JsonName }) ?? CursorMember(page, s_nextCursorMembers);
        if (next is null)
        {
            return null;
        }

        var previous = s_previousParameterNames.Select(
            n => request.FirstOrDefault(p => p.JsonName == n && p.Type.Kind is TypeKind.String or TypeKind.JsonElement)).FirstOrDefault(p => p is not null);
        var previousMember = previous is null ? null : CursorMember(page, new[] { previous.JsonName });
        var hasMore = Member(page, s_hasMoreNames, TypeKind.Boolean);
        var size = request.FirstOrDefault(p => s_sizeNames.Contains(p.JsonName) && p.Type.Kind is TypeKind.Int32 or TypeKind.Int64);
        return new PagingSpec(PagingStyle.OpaqueCursor, item, items.Name, hasMore, null, size?.Name, null, null, cursor.Name,
            previousMember is null ? null : previous!.Name, next, previousMember, size is null ? null : DocumentedMaximum(size.Summary));
    }

    /// <summary>
    /// The path of the page's member named one of <paramref name="names"/> (<c>Cursor</c>, <c>Meta?.After</c>) that can hold
    /// a cursor: a string, or a member the example left null and nothing typed (now a nullable string).
    /// </summary>
    private string? CursorMember(ModelSpec page, string[] names)
    {
        foreach (var (owner, prefix) in new[] { (page, string.Empty) }.Concat(page.Properties
            .Where(p => p.Type.Kind == TypeKind.Model && s_cursorHolders.Contains(p.JsonName))
            .Select(p => (ModelNamed(p.Type.Name)!, p.Name + "?.")).Where(h => h.Item1 is not null)))
        {
            var member = names
                .Select(n => owner.Properties.FirstOrDefault(p => p.JsonName == n && p.Type.Kind is TypeKind.String or TypeKind.JsonElement))
                .FirstOrDefault(p => p is not null);
            if (member is null)
            {
                continue;
            }

            // A cursor is absent or null where there is nothing more in its direction.
            var retyped = owner with { Properties = owner.Properties.Select(p => p == member
                ? p with { Type = TypeRef.String, Nullable = true, Required = false } : p).ToEquatableArray() };
            _models[_models.IndexOf(owner)] = retyped;
            _modelsByName[owner.Name] = retyped;
            _diagnostics.RemoveAll(d => d.Id == DiagnosticDescriptors.UntypedMember.Id && d.Arguments.Count == 2 && d.Arguments[0] == member.JsonName
                && d.Arguments[1] == owner.Name);
            return prefix + member.Name;
        }

        return null;
    }

    /// <summary>The next-token header a doc set's pagination prose names ("an HTTP header named `X-Nomad-Nexttoken`"), if any.</summary>
    private static string? TokenHeaderOf(IEnumerable<DocSpec> docs) =>
        docs.Select(d => d.Paging?.TokenHeader).FirstOrDefault(h => h is not null);
}
