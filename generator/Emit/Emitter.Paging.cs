using System.Collections.Generic;
using System.Globalization;
using Engage.Codegen.Model;
using static Engage.Codegen.Model.GeneratedNames;

namespace Engage.Codegen.Emit;

// Paged operations: a pageable over the runtime's paging style, with a fetch that sends one page.
internal static partial class Emitter
{
    private static void EmitPagedOperation(
        SourceWriter w, ApiSpec api, OperationSpec operation, PagingSpec paging, List<string> parameters, string method, string path, string name,
            string pageName)
    {
        if (paging.Position is { } position)
        {
            EmitPositionPagedOperation(w, api, operation, paging, position, parameters, method, path, name, pageName);
            return;
        }

        var item = TypeName(api, paging.ItemType);
        var opaque = paging.Style == PagingStyle.OpaqueCursor;
        var pageable = opaque ? "CursorPageable" : "IdCursorPageable";
        w.Open($"public virtual {Runtime}.AsyncPageable<{item}> {operation.MethodName}({string.Join(", ", parameters)})");
        path = EmitPath(w, operation, path);
        w.Line($"return new {Runtime}.{pageable}<{item}>(");
        w.Indent();
        w.Open("(page, ct) =>");
        w.Line($"var {Query} = new {Runtime}.ApiQuery();");
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
                value = $"page.IsFirst ? {Request}?.{property.Name} : null";
            }
            else
            {
                value = $"{Request}?.{property.Name}";
            }

            w.Line(QueryAdd(property.JsonName, property.Type, "(" + value + ")"));
        }

        // The page is read by the runtime's FetchPageAsync and picked by a static lambda: no async
        // lambda here, whose state machine would be compiled into the user's assembly per list.
        var fetch = $"return {PipelineOf(operation)}.FetchPageAsync({pageName}, {method}, {path}, {Query}, ";
        var typeInfo = $"{Context(api)}.Default.{ContextMember(operation.ResponseType)}";
        if (paging.NextHeader is { } header)
        {
            // The next token comes back in a response header, so the page is read with its headers.
            var items = paging.ItemsProperty.Length == 0 ? "response.Value" : "response.Value." + paging.ItemsProperty;
            var next = $"response.Headers.TryGetValue({SourceWriter.Literal(header)}, out var next) && next.Count > 0 ? next[0] : null";
            w.Line($"{fetch}null, {typeInfo},");
            w.Indent().Line($"static response => new {Runtime}.CursorResult<{item}>({items}, {next}, null), {RequestOptions}, ct);").Dedent();
            w.Close(",");
            w.Line($"{Request}?.{paging.NextRequestProperty},");
            w.Line("null,");
        }
        else if (opaque)
        {
            w.Line($"{fetch}{typeInfo},");
            var nextValue = paging.NextResponseProperty is null ? "null" : "response." + paging.NextResponseProperty;
            var previousValue = paging.PreviousResponseProperty is null ? "null" : "response." + paging.PreviousResponseProperty;
            var result = $"new {Runtime}.CursorResult<{item}>(response.{paging.ItemsProperty}, {nextValue}, {previousValue})";
            w.Indent().Line($"static response => {result}, {RequestOptions}, ct);").Dedent();
            w.Close(",");
            w.Line(paging.NextRequestProperty is null ? "null," : $"{Request}?.{paging.NextRequestProperty},");
            w.Line(paging.PreviousRequestProperty is null ? "null," : $"{Request}?.{paging.PreviousRequestProperty},");
        }
        else
        {
            w.Line($"{fetch}{typeInfo},");
            var result = $"new {Runtime}.IdCursorResult<{item}>(response.{paging.ItemsProperty}, response.{paging.HasMoreProperty})";
            w.Indent().Line($"static response => {result}, {RequestOptions}, ct);").Dedent();
            w.Close(",");
            w.Line($"static item => item.{paging.ItemIdProperty},");
            w.Line(paging.AfterProperty is null ? "null," : $"{Request}?.{paging.AfterProperty},");
            w.Line(paging.BeforeProperty is null ? "null," : $"{Request}?.{paging.BeforeProperty},");
        }

        var defaultSize = paging.MaximumPageSize is { } max ? max.ToString(CultureInfo.InvariantCulture) : "null";
        w.Line(paging.LimitProperty is null ? $"{defaultSize}," : $"{Request}?.{paging.LimitProperty} ?? {defaultSize},");
        w.Line($"{CancellationToken},");
        w.Line($"{name});");
        w.Dedent();
        w.Close();
    }

    private static void EmitPositionPagedOperation(
        SourceWriter w,
        ApiSpec api,
        OperationSpec operation,
        PagingSpec paging,
        PositionPagingSpec position,
        List<string> parameters,
        string method,
        string path,
        string name,
        string pageName)
    {
        var item = TypeName(api, paging.ItemType);
        var offsets = paging.Style == PagingStyle.Offset;
        // A cursor list followed by its links sends no position: the links carry the cursor.
        var sendsPosition = paging.Style != PagingStyle.OpaqueCursor;
        var positionValue = offsets ? "page.Offset" : "page.PageNumber";
        w.Open($"public virtual {Runtime}.AsyncPageable<{item}> {operation.MethodName}({string.Join(", ", parameters)})");
        path = EmitPath(w, operation, path);
        w.Line($"return new {Runtime}.{(offsets ? "OffsetPageable" : "PageNumberPageable")}<{item}>(");
        w.Indent();
        w.Open("(page, ct) =>");
        w.Line($"var {Query} = new {Runtime}.ApiQuery();");
        if (position.PositionProperty is null && sendsPosition)
        {
            w.Line($"{Query}.Add({SourceWriter.Literal(position.PositionParameter)}, (long?){positionValue});");
        }

        if (position.SizeProperty is null && position.SizeParameter is not null)
        {
            w.Line($"{Query}.Add({SourceWriter.Literal(position.SizeParameter)}, (long?)page.PageSize);");
        }

        foreach (var property in operation.RequestProperties)
        {
            var value = property.Name == position.PositionProperty && sendsPosition ? positionValue
                : property.Name == position.SizeProperty ? "page.PageSize"
                : $"{Request}?.{property.Name}";
            w.Line(QueryAdd(property.JsonName, property.Type, "(" + value + ")"));
        }

        var typeInfo = $"{Context(api)}.Default.{ContextMember(operation.ResponseType)}";
        w.Line($"return {PipelineOf(operation)}.FetchPageAsync({pageName}, {method}, {path}, {Query}, page.NextLink, {typeInfo},");
        var items = paging.ItemsProperty.Length == 0 ? "response.Value" : "response.Value." + paging.ItemsProperty;
        var next = position.NextLinkMember is null ? "response.NextLink"
            : $"response.NextLink ?? response.ResolveLink(response.Value.{position.NextLinkMember})";
        var total = Either(
            position.TotalCountHeader is null ? null : $"response.Int64Header({SourceWriter.Literal(position.TotalCountHeader)})",
            position.TotalCountMember is null ? null : "response.Value." + position.TotalCountMember);
        var totalPages = Either(
            position.TotalPagesHeader is null ? null : $"response.Int64Header({SourceWriter.Literal(position.TotalPagesHeader)})",
            position.TotalPagesMember is null ? null : "response.Value." + position.TotalPagesMember);
        w.Indent();
        w.Line($"static response => new {Runtime}.PageResult<{item}>(");
        w.Indent();
        w.Line($"{items},");
        w.Line($"nextLink: {next},");
        w.Line($"hasMore: {(position.HasMoreMember is null ? "null" : "response.Value." + position.HasMoreMember)},");
        w.Line($"totalCount: {total},");
        w.Line($"totalPages: {totalPages},");
        w.Line("fingerprint: response.Fingerprint),");
        w.Dedent();
        w.Line($"{RequestOptions},");
        w.Line("ct);");
        w.Dedent();
        w.Close(",");
        var start = position.PositionProperty is null || !sendsPosition ? "null" : $"({(offsets ? "long" : "int")}?){Request}?.{position.PositionProperty}";
        var defaultSize = paging.MaximumPageSize is { } max ? max.ToString(CultureInfo.InvariantCulture) : "null";
        var size = position.SizeProperty is null ? "null" : $"(int?){Request}?.{position.SizeProperty}"
            + (paging.MaximumPageSize is null ? string.Empty : " ?? " + defaultSize);
        if (!offsets)
        {
            w.Line($"firstPage: {position.FirstPage.ToString(CultureInfo.InvariantCulture)},");
            w.Line($"startPage: {start},");
        }
        else
        {
            w.Line($"startOffset: {start},");
        }

        w.Line($"pageSize: {size},");
        if (!offsets)
        {
            w.Line($"linksOnly: {(position.LinksOnly ? "true" : "false")},");
        }

        w.Line($"shortPageEnds: {(position.ShortPageEnds ? "true" : "false")},");
        w.Line($"defaultPageSize: {(position.DefaultPageSize is { } documented ? documented.ToString(CultureInfo.InvariantCulture) : "null")},");
        w.Line($"cancellationToken: {CancellationToken},");
        w.Line($"operation: {name});");
        w.Dedent();
        w.Close();
    }

    private static string Either(string? first, string? second) =>
        first is not null && second is not null ? first + " ?? " + second : first ?? second ?? "null";
}
