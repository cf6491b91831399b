using System;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Xml;
using System.Xml.Linq;

namespace Engage.Codegen.Runtime.Serialization;

/// <summary>
/// Reads an XML answer as the JSON the generated models read, by the rules the generator typed the docs' XML
/// examples with (Rails' <c>to_xml</c> form): the root element is the value, its name dropped; an element with child
/// elements is an object of them, records (elements with elements) of one name repeated under one element a list;
/// <c>type="array"</c> makes a list of its children, and so does an element that holds two or more records of one
/// name and nothing else; a leaf's <c>type</c> (<c>integer</c>, <c>float</c>, <c>decimal</c>, <c>boolean</c>) gives a number or
/// a boolean, any other leaf is a string, and <c>nil="true"</c> is <c>null</c>. Document type declarations are
/// refused, so no entity is ever expanded.
/// </summary>
internal static class ApiXml
{
    private const int MaxDepth = 64;

    private static readonly XmlReaderSettings s_settings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
    };

    /// <summary>True when a response's media type is XML: <c>application/xml</c>, <c>text/xml</c> or <c>*/*+xml</c>.</summary>
    public static bool IsXml(string? mediaType) =>
        mediaType is not null && (mediaType.Equals("application/xml", StringComparison.OrdinalIgnoreCase)
            || mediaType.Equals("text/xml", StringComparison.OrdinalIgnoreCase)
            || mediaType.EndsWith("+xml", StringComparison.OrdinalIgnoreCase));

    /// <summary>The XML <paramref name="body"/> as UTF-8 JSON.</summary>
    /// <exception cref="JsonException">The body is not well-formed XML, or nests deeper than 64 elements.</exception>
    public static byte[] ToJson(byte[] body)
    {
        XDocument document;
        try
        {
            using var reader = XmlReader.Create(new MemoryStream(body, writable: false), s_settings);
            document = XDocument.Load(reader);
        }
        catch (XmlException exception)
        {
            throw new JsonException("the XML answer is not well-formed: " + exception.Message, exception);
        }

        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            Write(writer, document.Root!, 0);
        }

        return buffer.ToArray();
    }

    /// <summary>Two or more child elements, all records of one name and nothing else: a list sent without <c>type="array"</c>.</summary>
    private static bool IsUnmarkedList(XElement element)
    {
        var children = element.Elements().ToList();
        return children.Count >= 2 && children.All(c => c.Name == children[0].Name && c.HasElements);
    }

    private static void Write(Utf8JsonWriter writer, XElement element, int depth)
    {
        if (depth >= MaxDepth)
        {
            throw new JsonException($"the XML answer nests deeper than {MaxDepth} elements");
        }

        var type = ((string?)element.Attribute("type"))?.ToLowerInvariant();
        if (type == "array" || IsUnmarkedList(element))
        {
            writer.WriteStartArray();
            foreach (var child in element.Elements())
            {
                Write(writer, child, depth + 1);
            }

            writer.WriteEndArray();
            return;
        }

        if (element.HasElements)
        {
            writer.WriteStartObject();
            foreach (var group in element.Elements().GroupBy(c => c.Name.LocalName))
            {
                writer.WritePropertyName(group.Key);
                var children = group.ToList();
                if (children.Count == 1 || children.Any(c => !c.HasElements))
                {
                    // One value; a value written twice is its last, as JSON reads a repeated member.
                    Write(writer, children[children.Count - 1], depth + 1);
                    continue;
                }

                writer.WriteStartArray();
                foreach (var child in children)
                {
                    Write(writer, child, depth + 1);
                }

                writer.WriteEndArray();
            }

            writer.WriteEndObject();
            return;
        }

        if (string.Equals((string?)element.Attribute("nil"), "true", StringComparison.OrdinalIgnoreCase))
        {
            writer.WriteNullValue();
            return;
        }

        var text = element.Value;
        switch (type)
        {
            case "integer" or "float" or "decimal" or "double"
                when decimal.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var number):
                writer.WriteNumberValue(number);
                break;
            case "boolean" when bool.TryParse(text.Trim(), out var flag):
                writer.WriteBooleanValue(flag);
                break;
            default:
                writer.WriteStringValue(text);
                break;
        }
    }
}
