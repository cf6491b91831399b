using System.Collections.Generic;
using Engage.Codegen.Model;

namespace Engage.Codegen.Emit;

// Paged operations: a pageable over the runtime's paging style, with a fetch that sends one page.
internal static partial class Emitter
{
    private static void EmitPagedOperation(SourceWriter w, ApiSpec api, OperationSpec operation, PagingSpec paging, List<string> parameters, string method, string path, string name)
    {
        if (paging.Position is { } position)
        {
            EmitPositionPagedOperation(w, api, operation, paging, position, parameters, method, path, name);
            return;
        }

        var item = TypeName(api, paging.ItemType);
        var opaque = paging.Style == PagingStyle.OpaqueCursor;
        var pageable = opaque ? "CursorPageable" : "IdCursorPageable";
        w.Open($"public virtual {Runtime}.AsyncPageable<{item}> {operation.MethodName}({string.Join(", ", parameters)})");
        path = EmitPath(w, operation, path);
        w.Line($"return new {Runtime}.{pageable}<{item}>(");
        w.Line("    (page, ct) =>");
        w.Line("    {");
        w.Line($"        var query = new {Runtime}.ApiQuery();");
        foreach (var property in operation.RequestProperties)
        {
            string value;
            if (property.Name == paging.LimitProperty)
            {
                value = "page.Limit";
            }
            else if (opaque && property.Name == paging.NextRequestProperty)
            {
                value = "page.NextCursor";
            }
            else if (opaque && property.Name == paging.PreviousRequestProperty)
            {
                value = "page.PreviousCursor";
            }
            else if (!opaque && property.Name == paging.AfterProperty)
            {
                value = "page.AfterId";
            }
            else if (!opaque && property.Name == paging.BeforeProperty)
            {
                value = "page.BeforeId";
            }
            else if (opaque && (property.Name == paging.AfterProperty || property.Name == paging.BeforeProperty))
            {
                // The other, older style: where to start, so sent with the first request only.
                value = $"page.IsFirst ? request?.{property.Name} : null";
            }
            else
            {
                value = "request?." + property.Name;
            }

            w.Line("        " + QueryAdd(property.JsonName, property.Type, "(" + value + ")"));
        }

        // The page is read by the runtime's FetchPageAsync and picked by a static lambda: no async
        // lambda here, whose state machine would be compiled into the user's assembly per list.
        var fetch = $"        return {PipelineOf(operation)}.FetchPageAsync({name.Substring(0, name.Length - 1)} page\", {method}, {path}, query, ";
        if (paging.NextHeader is { } header)
        {
            // The next token comes back in a response header, so the page is read with its headers.
            var items = paging.ItemsProperty.Length == 0 ? "response.Value" : "response.Value." + paging.ItemsProperty;
            w.Line($"{fetch}null, {Context(api)}.Default.{ContextMember(operation.ResponseType)},");
            w.Line($"            static response => new {Runtime}.CursorResult<{item}>({items}, response.Headers.TryGetValue({SourceWriter.Literal(header)}, out var next) && next.Count > 0 ? next[0] : null, null), requestOptions, ct);");
            w.Line("    },");
            w.Line($"    request?.{paging.NextRequestProperty},");
            w.Line("    null,");
        }
        else if (opaque)
        {
            w.Line($"{fetch}{Context(api)}.Default.{ContextMember(operation.ResponseType)},");
            var nextValue = paging.NextResponseProperty is null ? "null" : "response." + paging.NextResponseProperty;
            var previousValue = paging.PreviousResponseProperty is null ? "null" : "response." + paging.PreviousResponseProperty;
            w.Line($"            static response => new {Runtime}.CursorResult<{item}>(response.{paging.ItemsProperty}, {nextValue}, {previousValue}), requestOptions, ct);");
            w.Line("    },");
            w.Line(paging.NextRequestProperty is null ? "    null," : $"    request?.{paging.NextRequestProperty},");
            w.Line(paging.PreviousRequestProperty is null ? "    null," : $"    request?.{paging.PreviousRequestProperty},");
        }
        else
        {
            w.Line($"{fetch}{Context(api)}.Default.{ContextMember(operation.ResponseType)},");
            w.Line($"            static response => new {Runtime}.IdCursorResult<{item}>(response.{paging.ItemsProperty}, response.{paging.HasMoreProperty}), requestOptions, ct);");
            w.Line("    },");
            w.Line($"    static item => item.{paging.ItemIdProperty},");
            w.Line(paging.AfterProperty is null ? "    null," : $"    request?.{paging.AfterProperty},");
            w.Line(paging.BeforeProperty is null ? "    null," : $"    request?.{paging.BeforeProperty},");
        }

        var defaultSize = paging.MaximumPageSize is { } max ? max.ToString(System.Globalization.CultureInfo.InvariantCulture) : "null";
        w.Line(paging.LimitProperty is null ? $"    {defaultSize}," : $"    request?.{paging.LimitProperty} ?? {defaultSize},");
        w.Line("    cancellationToken,");
        w.Line($"    {name});");
        w.Close();
    }

    private static void EmitPositionPagedOperation(SourceWriter w, ApiSpec api, OperationSpec operation, PagingSpec paging, PositionPagingSpec position, List<string> parameters, string method, string path, string name)
    {
        var item = TypeName(api, paging.ItemType);
        var offsets = paging.Style == PagingStyle.Offset;
        // A cursor list followed by its links sends no position: the links carry the cursor.
        var sendsPosition = paging.Style != PagingStyle.OpaqueCursor;
        var positionValue = offsets ? "page.Offset" : "page.PageNumber";
        w.Open($"public virtual {Runtime}.AsyncPageable<{item}> {operation.MethodName}({string.Join(", ", parameters)})");
        path = EmitPath(w, operation, path);
        w.Line($"return new {Runtime}.{(offsets ? "OffsetPageable" : "PageNumberPageable")}<{item}>(");
        w.Line("    (page, ct) =>");
        w.Line("    {");
        w.Line($"        var query = new {Runtime}.ApiQuery();");
        if (position.PositionProperty is null && sendsPosition)
        {
            w.Line($"        query.Add({SourceWriter.Literal(position.PositionParameter)}, (long?){positionValue});");
        }

        if (position.SizeProperty is null && position.SizeParameter is not null)
        {
            w.Line($"        query.Add({SourceWriter.Literal(position.SizeParameter)}, (long?)page.PageSize);");
        }

        foreach (var property in operation.RequestProperties)
        {
            var value = property.Name == position.PositionProperty && sendsPosition ? positionValue
                : property.Name == position.SizeProperty ? "page.PageSize"
                : "request?." + property.Name;
            w.Line("        " + QueryAdd(property.JsonName, property.Type, "(" + value + ")"));
        }

        w.Line($"        return {PipelineOf(operation)}.FetchPageAsync({name.Substring(0, name.Length - 1)} page\", {method}, {path}, query, page.NextLink, {Context(api)}.Default.{ContextMember(operation.ResponseType)},");
        var items = paging.ItemsProperty.Length == 0 ? "response.Value" : "response.Value." + paging.ItemsProperty;
        var next = position.NextLinkMember is null ? "response.NextLink" : $"response.NextLink ?? response.ResolveLink(response.Value.{position.NextLinkMember})";
        var total = Either(position.TotalCountHeader is null ? null : $"response.Int64Header({SourceWriter.Literal(position.TotalCountHeader)})", position.TotalCountMember is null ? null : "response.Value." + position.TotalCountMember);
        var totalPages = Either(position.TotalPagesHeader is null ? null : $"response.Int64Header({SourceWriter.Literal(position.TotalPagesHeader)})", position.TotalPagesMember is null ? null : "response.Value." + position.TotalPagesMember);
        w.Line($"            static response => new {Runtime}.PageResult<{item}>(");
        w.Line($"                {items},");
        w.Line($"                nextLink: {next},");
        w.Line($"                hasMore: {(position.HasMoreMember is null ? "null" : "response.Value." + position.HasMoreMember)},");
        w.Line($"                totalCount: {total},");
        w.Line($"                totalPages: {totalPages},");
        w.Line("                fingerprint: response.Fingerprint),");
        w.Line("            requestOptions,");
        w.Line("            ct);");
        w.Line("    },");
        var start = position.PositionProperty is null || !sendsPosition ? "null" : $"({(offsets ? "long" : "int")}?)request?.{position.PositionProperty}";
        var defaultSize = paging.MaximumPageSize is { } max ? max.ToString(System.Globalization.CultureInfo.InvariantCulture) : "null";
        var size = position.SizeProperty is null ? "null" : $"(int?)request?.{position.SizeProperty}" + (paging.MaximumPageSize is null ? string.Empty : " ?? " + defaultSize);
        if (!offsets)
        {
            w.Line($"    firstPage: {position.FirstPage.ToString(System.Globalization.CultureInfo.InvariantCulture)},");
            w.Line($"    startPage: {start},");
        }
        else
        {
            w.Line($"    startOffset: {start},");
        }

        w.Line($"    pageSize: {size},");
        if (!offsets)
        {
            w.Line($"    linksOnly: {(position.LinksOnly ? "true" : "false")},");
        }

        w.Line($"    shortPageEnds: {(position.ShortPageEnds ? "true" : "false")},");
        w.Line($"    defaultPageSize: {(position.DefaultPageSize is { } documented ? documented.ToString(System.Globalization.CultureInfo.InvariantCulture) : "null")},");
        w.Line("    cancellationToken: cancellationToken,");
        w.Line($"    operation: {name});");
        w.Close();
    }

    private static string Either(string? first, string? second) =>
        first is not null && second is not null ? first + " ?? " + second : first ?? second ?? "null";
}
