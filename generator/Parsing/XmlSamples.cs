using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using Engage.Codegen.Model;

namespace Engage.Codegen.Parsing;

/// <summary>
/// Reads an XML example as the sample it shows, in the form Rails-era APIs answer with (<c>to_xml</c>): the root
/// element is the value, its name dropped; an element with child elements is an object of them; <c>type="array"</c>
/// makes a list of its children, whatever their names; a leaf's <c>type</c> attribute gives its type (<c>integer</c>,
/// <c>float</c>/<c>decimal</c>, <c>boolean</c>, <c>datetime</c>, <c>date</c>), a leaf without one is a string, and
/// <c>nil="true"</c> is a null of the type it names. Records (elements with elements) of one name repeated under one
/// element are a list, and so is an element that holds only them, whose <c>type="array"</c> the docs left out. Comments and
/// placeholder text (<c>...</c>) say nothing. The runtime reads answers by the same rules (<c>ApiXml</c>).
/// <para>
/// Leniently, as docs are written: an end tag closes the element it should have closed (<c>&lt;first_name&gt;John&lt;/first-name&gt;</c>),
/// a bare <c>&amp;</c> is text, an element left open closes at the end; each is a problem at its offset and what could
/// be read is used. Only the five named entities and character references are decoded: a document type declaration
/// is skipped, so no entity of the docs is ever expanded. Never throws; nesting is bounded.
/// </para>
/// </summary>
internal static class XmlSamples
{
    private sealed class Element(string name, Dictionary<string, string> attributes)
    {
        public string Name { get; } = name;

        public Dictionary<string, string> Attributes { get; } = attributes;

        public List<Element> Children { get; } = new();

        public StringBuilder Text { get; } = new();

        public string? Attribute(string name) => Attributes.TryGetValue(name, out var value) ? value : null;
    }

    /// <summary>The sample <paramref name="text"/> shows and its root element's name (null when it holds no element), with each problem's offset.</summary>
    public static (JsonNode? Value, string? Root, IReadOnlyList<(int Offset, string Message)> Problems) Parse(string text)
    {
        var problems = new List<(int Offset, string Message)>();
        var root = Read(text, problems);
        return root is null ? (null, null, problems) : (Value(root), root.Name, problems);
    }

    private static Element? Read(string text, List<(int Offset, string Message)> problems)
    {
        Element? root = null;
        var open = new Stack<Element>();
        var position = 0;
        while (position < text.Length)
        {
            var lt = text.IndexOf('<', position);
            if (lt < 0)
            {
                AddText(open, text, position, text.Length, problems);
                break;
            }

            AddText(open, text, position, lt, problems);
            if (Skips(text, lt, "<!--", "-->", out position) || Skips(text, lt, "<?", "?>", out position))
            {
                continue;
            }

            if (Skips(text, lt, "<![CDATA[", "]]>", out position))
            {
                if (open.Count > 0)
                {
                    open.Peek().Text.Append(text, lt + 9, Math.Max(0, position - 3 - (lt + 9)));
                }

                continue;
            }

            var gt = text.IndexOf('>', lt);
            if (gt < 0)
            {
                problems.Add((lt, "a tag is not closed with '>'"));
                break;
            }

            position = gt + 1;
            if (text[lt + 1] == '!')
            {
                problems.Add((lt, "a document type declaration is skipped: its entities are not read"));
                continue;
            }

            if (text[lt + 1] == '/')
            {
                var name = text.Substring(lt + 2, gt - lt - 2).Trim();
                if (open.Count == 0)
                {
                    problems.Add((lt, $"the end tag </{name}> closes no element"));
                    continue;
                }

                var closed = open.Pop();
                if (closed.Name != name)
                {
                    problems.Add((lt, $"the end tag </{name}> closes <{closed.Name}>"));
                }

                continue;
            }

            var selfClosing = text[gt - 1] == '/';
            var element = Tag(text.Substring(lt + 1, gt - lt - 1 - (selfClosing ? 1 : 0)));
            if (element is null)
            {
                AddText(open, text, lt, gt + 1, problems);
                continue;
            }

            if (open.Count == 0)
            {
                if (root is not null)
                {
                    problems.Add((lt, $"a second root element <{element.Name}> is not read"));
                    break;
                }

                root = element;
            }
            else if (open.Count >= LenientJson.MaxDepth)
            {
                problems.Add((lt, "the example nests too deeply; deeper elements are not read"));
                break;
            }
            else
            {
                open.Peek().Children.Add(element);
            }

            if (!selfClosing)
            {
                open.Push(element);
            }
        }

        if (open.Count > 0)
        {
            problems.Add((text.Length, $"<{open.Peek().Name}> is not closed"));
        }

        return root;
    }

    /// <summary>True, with the position after <paramref name="end"/>, when <paramref name="start"/> opens at <paramref name="at"/>.</summary>
    private static bool Skips(string text, int at, string start, string end, out int after)
    {
        after = at;
        if (string.CompareOrdinal(text, at, start, 0, start.Length) != 0)
        {
            return false;
        }

        var close = text.IndexOf(end, at + start.Length, StringComparison.Ordinal);
        after = close < 0 ? text.Length : close + end.Length;
        return true;
    }

    /// <summary>An element's start tag, <c>name attr="value" ...</c>; null when it is no tag (<c>&lt; 3</c> in text).</summary>
    private static Element? Tag(string inside)
    {
        var at = 0;
        while (at < inside.Length && !char.IsWhiteSpace(inside[at]))
        {
            at++;
        }

        var name = inside.Substring(0, at);
        if (name.Length == 0 || !(char.IsLetter(name[0]) || name[0] == '_') || name.Any(c => !(char.IsLetterOrDigit(c) || c is '-' or '_' or '.' or ':')))
        {
            return null;
        }

        var attributes = new Dictionary<string, string>(StringComparer.Ordinal);
        while (at < inside.Length)
        {
            while (at < inside.Length && char.IsWhiteSpace(inside[at]))
            {
                at++;
            }

            var equals = inside.IndexOf('=', at);
            if (equals < 0 || equals + 1 >= inside.Length || inside[equals + 1] is not ('"' or '\''))
            {
                break;
            }

            var quote = inside[equals + 1];
            var close = inside.IndexOf(quote, equals + 2);
            if (close < 0)
            {
                break;
            }

            attributes[inside.Substring(at, equals - at).Trim()] = Decode(inside.Substring(equals + 2, close - equals - 2));
            at = close + 1;
        }

        return new Element(name, attributes);
    }

    private static void AddText(Stack<Element> open, string text, int start, int end, List<(int Offset, string Message)> problems)
    {
        if (end <= start)
        {
            return;
        }

        if (open.Count == 0)
        {
            if (text.Substring(start, end - start).Trim().Length > 0)
            {
                problems.Add((start, "text outside the root element is not read"));
            }

            return;
        }

        open.Peek().Text.Append(Decode(text.Substring(start, end - start)));
    }

    /// <summary>The five named entities and character references decoded; any other <c>&amp;</c> is itself.</summary>
    private static string Decode(string text)
    {
        if (text.IndexOf('&') < 0)
        {
            return text;
        }

        var decoded = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var semicolon = text[i] == '&' ? text.IndexOf(';', i) : -1;
            var entity = semicolon > i && semicolon - i <= 10 ? text.Substring(i + 1, semicolon - i - 1) : null;
            var replacement = entity switch
            {
                "amp" => "&",
                "lt" => "<",
                "gt" => ">",
                "quot" => "\"",
                "apos" => "'",
                _ when entity is not null && entity.StartsWith("#", StringComparison.Ordinal) => CharacterReference(entity.Substring(1)),
                _ => null,
            };
            if (replacement is null)
            {
                decoded.Append(text[i]);
            }
            else
            {
                decoded.Append(replacement);
                i = semicolon;
            }
        }

        return decoded.ToString();
    }

    private static string? CharacterReference(string digits)
    {
        var hex = digits.StartsWith("x", StringComparison.OrdinalIgnoreCase);
        return int.TryParse(hex ? digits.Substring(1) : digits, hex ? System.Globalization.NumberStyles.HexNumber : System.Globalization.NumberStyles.None,
            System.Globalization.CultureInfo.InvariantCulture, out var code) && code is > 0 and <= 0x10FFFF and not (>= 0xD800 and <= 0xDFFF)
            ? char.ConvertFromUtf32(code)
            : null;
    }

    /// <summary>Two or more child elements, all records of one name and nothing else: a list whose <c>type="array"</c> was left out.</summary>
    private static bool IsUnmarkedList(Element element) =>
        element.Children.Count >= 2 && element.Children.All(c => c.Name == element.Children[0].Name && IsRecord(c));

    /// <summary>An element with elements, or one the docs left as a placeholder (<c>&lt;client&gt; ... &lt;/client&gt;</c>).</summary>
    private static bool IsRecord(Element element) => element.Children.Count > 0 || element.Text.ToString().Trim() is "..." or "…";

    private static JsonNode Value(Element element)
    {
        if (string.Equals(element.Attribute("type"), "array", StringComparison.OrdinalIgnoreCase))
        {
            return new JsonNode(JsonKind.Array, null, EquatableArray<JsonProperty>.Empty, element.Children.Select(Value).ToEquatableArray());
        }

        if (IsUnmarkedList(element))
        {
            // <expense-categories><expense-category>...</expense-category><expense-category>...: the docs left out type="array".
            return new JsonNode(JsonKind.Array, null, EquatableArray<JsonProperty>.Empty, element.Children.Select(Value).ToEquatableArray());
        }

        if (element.Children.Count > 0)
        {
            var properties = new List<JsonProperty>();
            foreach (var group in element.Children.GroupBy(c => c.Name))
            {
                // Records of one name are a list; a value written twice (a slip) is its first.
                var values = group.Select(Value).ToEquatableArray();
                properties.Add(new JsonProperty(group.Key, values.Count == 1 || !group.All(IsRecord) ? values[0]
                    : new JsonNode(JsonKind.Array, null, EquatableArray<JsonProperty>.Empty, values)));
            }

            return new JsonNode(JsonKind.Object, null, properties.ToEquatableArray(), EquatableArray<JsonNode>.Empty);
        }

        var nil = string.Equals(element.Attribute("nil"), "true", StringComparison.OrdinalIgnoreCase);
        var text = element.Text.ToString().Trim();
        if (!nil && text is "..." or "…")
        {
            return JsonNode.Scalar(JsonKind.Unknown, null);
        }

        var empty = nil || text.Length == 0;
        var leaf = element.Attribute("type")?.ToLowerInvariant() switch
        {
            "integer" => JsonNode.Scalar(JsonKind.Integer, empty ? "0" : text),
            "float" or "decimal" or "double" => JsonNode.Scalar(JsonKind.Decimal, empty ? "0.5" : text),
            "boolean" => JsonNode.Scalar(JsonKind.Boolean, empty ? "false" : text),
            "datetime" => JsonNode.Scalar(JsonKind.String, empty ? "2000-01-01T00:00:00Z" : text),
            "date" => JsonNode.Scalar(JsonKind.String, empty ? "2000-01-01" : text),
            _ when nil => JsonNode.Scalar(JsonKind.Null, null),
            _ => JsonNode.Scalar(JsonKind.String, element.Text.ToString()),
        };
        return nil ? leaf with { SeenNull = true } : leaf;
    }
}
