using System;
using System.Collections.Generic;
using System.Linq;
using Engage.Codegen.Model;

namespace Engage.Codegen.Inference;

/// <summary>
/// The shape of the error body a doc set's errors section shows, in the runtime's words for the shapes whose
/// field errors <c>ApiException.FieldErrors</c> reads: a <c>field map</c> (<c>{"name": ["can't be blank"]}</c>), a
/// <c>message and errors object</c> (<c>{"message": "...", "errors": {"email": ["is taken"]}}</c>, the message
/// optional), an <c>errors array (field, message)</c> (<c>{"errors": [{"field": "name", "message": "..."}]}</c>);
/// else the member that carries its text (<c>text in `error`</c>, <c>text in `error_message`</c>). The first example
/// of a field shape decides; failing one, the first with a text.
/// </summary>
internal static class ErrorBodies
{
    /// <summary>Keys that say something of the whole request unless they hold a list of messages (as the runtime reads them).</summary>
    private static readonly HashSet<string> s_generalKeys = new(StringComparer.OrdinalIgnoreCase)
    {
        "detail", "details", "title", "type", "description", "reason", "help", "hint", "instance", "ok", "success", "documentation_url",
    };

    /// <summary>Parts of a key that never names a field: <c>error_message</c>, <c>statusCode</c>, <c>request_id</c>.</summary>
    private static readonly string[] s_generalParts = { "error", "message", "msg", "status", "code", "trace", "request" };

    private static bool IsGeneral(JsonProperty member) =>
        s_generalParts.Any(part => member.Name.IndexOf(part, StringComparison.OrdinalIgnoreCase) >= 0) ||
        (s_generalKeys.Contains(member.Name) && member.Value.Kind != JsonKind.Array);

    private static readonly string[] s_fieldKeys = { "field", "param", "parameter", "property", "attribute", "path", "loc" };
    private static readonly string[] s_messageKeys = { "message", "msg", "detail", "description", "reason", "error", "title", "code" };

    public static ErrorBodySpec? Read(IEnumerable<DocSpec> docs)
    {
        ErrorBodySpec? text = null;
        foreach (var doc in docs)
        {
            foreach (var example in doc.ErrorExamples)
            {
                var source = doc.FileName + ":" + example.Location.Line.ToString(System.Globalization.CultureInfo.InvariantCulture);
                if (FieldShape(example.Value) is { } shape)
                {
                    return new ErrorBodySpec(shape, source);
                }

                text ??= TextShape(example.Value) is { } said ? new ErrorBodySpec(said, source) : null;
            }
        }

        return text;
    }

    /// <summary>The field shape of a body, or null when it shows no field errors.</summary>
    internal static string? FieldShape(JsonNode body)
    {
        if (body.Kind != JsonKind.Object)
        {
            return null;
        }

        var errors = body.Property("errors") ?? body.Property("detail");
        if (errors?.Kind == JsonKind.Object && errors.Properties.Count > 0 && IsFieldMap(errors))
        {
            return "message and errors object";
        }

        if (errors?.Kind == JsonKind.Array && errors.Items.Any(i => i.Kind == JsonKind.Object &&
            s_fieldKeys.Any(k => i.Property(k) is { Kind: JsonKind.String or JsonKind.Array })
                && s_messageKeys.Any(k => i.Property(k)?.Kind == JsonKind.String)))
        {
            return "errors array (field, message)";
        }

        return body.Properties.Count > 0 && body.Properties.All(p => !IsGeneral(p)) && IsFieldMap(body) ? "field map" : null;
    }

    private static string? TextShape(JsonNode body) =>
        body.Properties.FirstOrDefault(p => p.Value.Kind == JsonKind.String
            && (p.Name.IndexOf("error", StringComparison.OrdinalIgnoreCase) >= 0
            || p.Name.IndexOf("message", StringComparison.OrdinalIgnoreCase) >= 0)) is { } text
            ? "text in `" + text.Name + "`"
            : null;

    /// <summary>Members that are each a message, messages, or a nested map or list of them.</summary>
    private static bool IsFieldMap(JsonNode map) => map.Properties.All(p => IsMessages(p.Value));

    private static bool IsMessages(JsonNode value) => value.Kind switch
    {
        JsonKind.String => true,
        JsonKind.Object => IsFieldMap(value),
        JsonKind.Array => value.Items.Count > 0 && value.Items.All(i => i.Kind == JsonKind.String || (i.Kind == JsonKind.Object && IsFieldMap(i))),
        _ => false,
    };
}
