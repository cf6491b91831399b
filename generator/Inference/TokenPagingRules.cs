using System;
using System.Collections.Generic;
using System.Linq;
using Engage.Codegen.Model;

namespace Engage.Codegen.Inference;

/// <summary>
/// Lists that page by a next token the server hands back in a response header: a GET that documents a
/// string <c>next_token</c> (<c>nextToken</c>, <c>page_token</c>, <c>continuation_token</c>) parameter whose
/// description, or the doc set's pagination section, names the header it comes from
/// (<c>X-Nomad-NextToken</c>, <c>X-Next-Token</c>, <c>X-Continuation-Token</c>). The token is sent back as that
/// parameter until the header is absent; a documented <c>per_page</c> or <c>limit</c> sets the page size.
/// </summary>
internal sealed partial class ApiBuilder
{
    private static readonly string[] s_tokenNames = { "next_token", "nextToken", "page_token", "pageToken", "next_page_token", "continuation_token", "continuationToken" };

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
        else if (responseType.Kind == TypeKind.Model && ModelNamed(responseType.Name!)?.Properties.Where(p => p.Type.Kind == TypeKind.List).ToList() is { Count: 1 } arrays)
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

    /// <summary>The next-token header a doc set's pagination prose names ("an HTTP header named `X-Nomad-Nexttoken`"), if any.</summary>
    private static string? TokenHeaderOf(IEnumerable<DocSpec> docs) =>
        docs.Select(d => d.Paging?.TokenHeader).FirstOrDefault(h => h is not null);
}
