using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Text;
using System.Text.Json;

namespace Engage.Codegen.Runtime;

/// <summary>
/// Reads the validation errors a refused request's body gives field by field, in the shapes APIs commonly use:
/// a field map (<c>{"callback_url": ["is not a valid URL", "is too long"], "name": "can't be blank"}</c>); an
/// <c>errors</c> object beside a <c>message</c> (<c>{"message": "Invalid.", "errors": {"email": ["is taken"]}}</c>);
/// an <c>errors</c> (or <c>detail</c>) array of objects that name a field and a message
/// (<c>{"errors": [{"field": "name", "message": "is required"}]}</c>, <c>{"loc": ["body", "name"], "msg": "..."}</c>,
/// <c>{"source": {"pointer": "/data/attributes/name"}, "detail": "..."}</c>). Nested fields flatten as
/// <c>items[0].name</c> and <c>address.city</c>.
/// </summary>
internal static class ApiFieldErrors
{
    /// <summary>No field errors.</summary>
    public static readonly IReadOnlyDictionary<string, IReadOnlyList<string>> None =
        new ReadOnlyDictionary<string, IReadOnlyList<string>>(new Dictionary<string, IReadOnlyList<string>>());

    /// <summary>The longest field list an exception's message carries, before "and N more".</summary>
    internal const int MessageLimit = 1000;

    /// <summary>
    /// Keys of an error body that may say something about the whole request rather than a field: a field map holds
    /// them only with a list of messages (<c>{"title": ["can't be blank"]}</c>). Keys with <c>error</c>, <c>message</c>,
    /// <c>msg</c>, <c>status</c>, <c>code</c>, <c>trace</c> or <c>request</c> in them never name a field.
    /// </summary>
    private static readonly HashSet<string> s_generalKeys = new(StringComparer.OrdinalIgnoreCase)
    {
        "detail", "details", "title", "type", "description", "reason", "help", "hint", "instance", "ok", "success", "documentation_url",
    };

    private static readonly string[] s_generalParts = { "error", "message", "msg", "status", "code", "trace", "request" };

    /// <summary>Whether a member of a body says something of the whole request, not of a field.</summary>
    private static bool IsGeneral(JsonProperty member)
    {
        foreach (var part in s_generalParts)
        {
            if (member.Name.IndexOf(part, StringComparison.OrdinalIgnoreCase) >= 0)
            {
                return true;
            }
        }

        return s_generalKeys.Contains(member.Name) && member.Value.ValueKind != JsonValueKind.Array;
    }

    private static readonly string[] s_fieldKeys = { "field", "param", "parameter", "property", "attribute", "path", "loc" };
    private static readonly string[] s_messageKeys = { "message", "msg", "detail", "description", "reason", "error", "title", "code" };

    /// <summary>The field errors of a body, by field name in ordinal order; empty when it shows none in a known shape.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> Read(string body)
    {
        if (string.IsNullOrWhiteSpace(body) || body.TrimStart()[0] != '{')
        {
            return None;
        }

        try
        {
            using var document = JsonDocument.Parse(body);
            var found = new SortedDictionary<string, List<string>>(StringComparer.Ordinal);
            Read(document.RootElement, found);
            if (found.Count == 0)
            {
                return None;
            }

            // Enumerated in field order, as the message lists them.
            var result = new SortedList<string, IReadOnlyList<string>>(found.Count, StringComparer.Ordinal);
            foreach (var pair in found)
            {
                result.Add(pair.Key, pair.Value.AsReadOnly());
            }

            return new ReadOnlyDictionary<string, IReadOnlyList<string>>(result);
        }
        catch (JsonException)
        {
            return None;
        }
    }

    /// <summary>
    /// The field errors as a message's text: <c>name: can't be blank; url: is too long</c>, fields in order, cut at
    /// <see cref="MessageLimit"/> characters with "and N more"; <paramref name="redact"/> masks what must never be shown.
    /// </summary>
    public static string Describe(IReadOnlyDictionary<string, IReadOnlyList<string>> errors, Func<string, string> redact)
    {
        var text = new StringBuilder();
        var total = 0;
        var shown = 0;
        foreach (var pair in errors)
        {
            foreach (var message in pair.Value)
            {
                total++;
                var entry = redact(pair.Key + ": " + message);
                var separator = text.Length == 0 ? string.Empty : "; ";
                if (shown == total - 1 && text.Length + separator.Length + entry.Length <= MessageLimit)
                {
                    text.Append(separator).Append(entry);
                    shown++;
                }
            }
        }

        if (shown < total)
        {
            text.Append(text.Length == 0 ? string.Empty : "; ").Append("and ").Append(total - shown).Append(" more");
        }

        return text.ToString();
    }

    private static void Read(JsonElement root, SortedDictionary<string, List<string>> found)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        // {"errors": {...}} (with a message or not), {"errors": [{field, message}]}, {"detail": [{loc, msg}]}.
        foreach (var name in new[] { "errors", "detail", "details" })
        {
            if (!root.TryGetProperty(name, out var errors))
            {
                continue;
            }

            if (errors.ValueKind == JsonValueKind.Object)
            {
                Map(errors, string.Empty, found, strict: false);
            }
            else if (errors.ValueKind == JsonValueKind.Array)
            {
                foreach (var item in errors.EnumerateArray())
                {
                    if (item.ValueKind == JsonValueKind.Object && FieldOf(item) is { Length: > 0 } field && MessageOf(item) is { Length: > 0 } message)
                    {
                        Add(found, field, message);
                    }
                }
            }

            if (found.Count > 0)
            {
                return;
            }
        }

        // A body that is itself a map of fields to their messages: every member a field's message or messages.
        foreach (var property in root.EnumerateObject())
        {
            if (IsGeneral(property))
            {
                return;
            }
        }

        var map = new SortedDictionary<string, List<string>>(StringComparer.Ordinal);
        if (Map(root, string.Empty, map, strict: true))
        {
            foreach (var pair in map)
            {
                found[pair.Key] = pair.Value;
            }
        }
    }

    /// <summary>
    /// A map of fields to a message, messages, or nested maps and lists of them. Strict (the whole body): false when
    /// any member is something else, a number or a flag, which no field map holds.
    /// </summary>
    private static bool Map(JsonElement map, string prefix, SortedDictionary<string, List<string>> found, bool strict)
    {
        foreach (var property in map.EnumerateObject())
        {
            if (!Value(property.Value, prefix + property.Name, found, strict))
            {
                return false;
            }
        }

        return true;
    }

    private static bool Value(JsonElement value, string field, SortedDictionary<string, List<string>> found, bool strict)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.String:
                Add(found, field, value.GetString()!);
                return true;
            case JsonValueKind.Object:
                return Map(value, field + ".", found, strict);
            case JsonValueKind.Array:
                var index = 0;
                foreach (var item in value.EnumerateArray())
                {
                    var ok = item.ValueKind switch
                    {
                        JsonValueKind.String => Value(item, field, found, strict),
                        JsonValueKind.Object => Map(item, field + "[" + index.ToString(System.Globalization.CultureInfo.InvariantCulture) + "].", found, strict),
                        _ => !strict,
                    };
                    if (!ok)
                    {
                        return false;
                    }

                    index++;
                }

                return true;
            default:
                return !strict;
        }
    }

    /// <summary>The field an error object names: <c>field</c>, <c>param</c>..., <c>loc</c> as a path, or a JSON:API pointer.</summary>
    private static string? FieldOf(JsonElement error)
    {
        foreach (var key in s_fieldKeys)
        {
            if (!error.TryGetProperty(key, out var value))
            {
                continue;
            }

            if (value.ValueKind == JsonValueKind.String)
            {
                return value.GetString();
            }

            if (value.ValueKind == JsonValueKind.Array)
            {
                // FastAPI's ["body", "items", 0, "name"]: the path below where it was sent.
                var parts = new List<string>();
                foreach (var part in value.EnumerateArray())
                {
                    if (part.ValueKind == JsonValueKind.Number)
                    {
                        parts.Add("[" + part.GetRawText() + "]");
                    }
                    else if (part.ValueKind == JsonValueKind.String && !(parts.Count == 0 && part.GetString() is "body" or "query" or "path" or "header"))
                    {
                        parts.Add((parts.Count == 0 ? string.Empty : ".") + part.GetString());
                    }
                }

                return string.Concat(parts);
            }
        }

        if (error.TryGetProperty("source", out var source) && source.ValueKind == JsonValueKind.Object)
        {
            if (source.TryGetProperty("pointer", out var pointer) && pointer.ValueKind == JsonValueKind.String)
            {
                var path = pointer.GetString()!;
                const string attributes = "/data/attributes/";
                return (path.StartsWith(attributes, StringComparison.Ordinal) ? path.Substring(attributes.Length) : path.TrimStart('/')).Replace('/', '.');
            }

            if (source.TryGetProperty("parameter", out var parameter) && parameter.ValueKind == JsonValueKind.String)
            {
                return parameter.GetString();
            }
        }

        return null;
    }

    private static string? MessageOf(JsonElement error)
    {
        foreach (var key in s_messageKeys)
        {
            if (error.TryGetProperty(key, out var value) && value.ValueKind == JsonValueKind.String)
            {
                return value.GetString();
            }
        }

        return null;
    }

    private static void Add(SortedDictionary<string, List<string>> found, string field, string message)
    {
        if (!found.TryGetValue(field, out var messages))
        {
            found[field] = messages = new List<string>();
        }

        messages.Add(message);
    }
}
