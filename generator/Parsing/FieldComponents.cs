using System;
using System.Collections.Generic;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Engage.Codegen.Model;

namespace Engage.Codegen.Parsing;

/// <summary>What a documenting component is.</summary>
internal enum ComponentKind
{
    /// <summary>A parameter: a location attribute names it and says where it goes (<c>query="limit"</c>, <c>path="id"</c>, <c>body="name"</c>).</summary>
    Parameter,

    /// <summary>A member of the answer: a response component with a name and a type (<c>name="id" type="string"</c>).</summary>
    Member,

    /// <summary>A wrapper of request examples (a component named for a request example).</summary>
    RequestExample,

    /// <summary>A wrapper of response examples.</summary>
    ResponseExample,

    /// <summary>Any other component whose tag stands alone on its line inside a field (a collapsible group of its child fields).</summary>
    Group,
}

/// <summary>One documenting component of a page: its kind, its attributes' facts, and the text range from its opening tag to its closing one.</summary>
internal sealed record PageComponent(
    ComponentKind Kind,
    string Name,
    Placement Placement,
    string? Type,
    bool Required,
    string? Default,
    int Start,
    int End,
    int Depth,
    LocationInfo Location,
    bool InHeader = false)
{
    /// <summary>The component's children as plain text (tags dropped, white space collapsed): a field's description.</summary>
    public string Description { get; init; } = string.Empty;
}

/// <summary>
/// Components of MDX doc platforms that document one field each or wrap examples, read by their attributes rather than
/// their names: a component with a location attribute (<c>&lt;ParamField query="limit" type="integer" required&gt;</c>) is a
/// parameter, a response component with a name and a type (<c>&lt;ResponseField name="id" type="string"&gt;</c>) a member of
/// the answer, one named for a request or response example (<c>&lt;ResponseExample&gt;</c>) wraps that example. MDX reads a
/// component's children as Markdown, where CommonMark reads a tag's line and everything up to the next blank line as one
/// HTML block (the example inside unseen): so each line that is only such a component's opening or closing tag is recorded
/// and blanked before Markdig reads the page (line breaks kept, every offset where it was). Other components stay as written.
/// </summary>
internal static class FieldComponents
{
    /// <summary>A line that is only a component's tag: opening (with attributes), self-closing or closing; the name starts upper-case.</summary>
    private static readonly Regex s_tagLine = new(
        @"^[ \t]*<(?<close>/)?(?<tag>[A-Z][\w.]*)(?<attributes>(?:\s+[\w:.@-]+(?:\s*=\s*(?:""[^""]*""|'[^']*'|\{[^{}]*\}))?)*)\s*(?<self>/)?>[ \t]*\r?$",
        RegexOptions.CultureInvariant, Patterns.Timeout);

    private static readonly Regex s_nestedTagLine = new(@"(?:^|\n)[ \t]*</?[A-Z]", RegexOptions.CultureInvariant, Patterns.Timeout);
    private static readonly Regex s_tags = new(@"<[^>]*>", RegexOptions.CultureInvariant, Patterns.Timeout);
    private static readonly Regex s_spaces = new(@"\s+", RegexOptions.CultureInvariant, Patterns.Timeout);

    /// <summary>The page's documenting components and its text with their tag lines blanked; no components and the same text when it has none.</summary>
    public static (string Text, IReadOnlyList<PageComponent> Components) Extract(string path, string text)
    {
        if (text.IndexOf("<", StringComparison.Ordinal) < 0 || !MayHoldComponents(text))
        {
            return (text, Array.Empty<PageComponent>());
        }

        var components = new List<PageComponent>();

        // The copy to blank and the line index are made when the first tag line is found: most pages have none.
        StringBuilder? builder = null;
        MarkdownText? markdown = null;
        var open = new List<(ComponentKind Kind, string Tag, Dictionary<string, string?> Attributes, int Start, int ContentStart, int LineEnd)>();
        var inFence = false;
        for (var lineStart = 0; lineStart < text.Length;)
        {
            var lineEnd = text.IndexOf('\n', lineStart);
            lineEnd = lineEnd < 0 ? text.Length : lineEnd;
            var first = lineStart;
            while (first < lineEnd && (text[first] == ' ' || text[first] == '\t'))
            {
                first++;
            }

            // Most lines open with neither a fence nor a tag: nothing is copied to find that out.
            if (first + 2 < lineEnd && ((text[first] == '`' && text[first + 1] == '`' && text[first + 2] == '`')
                || (text[first] == '~' && text[first + 1] == '~' && text[first + 2] == '~')))
            {
                inFence = !inFence;
            }
            else if (!inFence && first + 2 < lineEnd && text[first] == '<' &&
                (char.IsUpper(text[first + 1]) || (text[first + 1] == '/' && char.IsUpper(text[first + 2]))))
            {
                var match = s_tagLine.Match(text.Substring(lineStart, lineEnd - lineStart));
                if (match.Success)
                {
                    ReadTag(match, lineStart, lineEnd, text, markdown ??= new MarkdownText(path, text), open, components,
                        builder ??= new StringBuilder(text));
                }
            }

            lineStart = lineEnd + 1;
        }

        components.Sort((a, b) => a.Start.CompareTo(b.Start));
        return components.Count == 0 || builder is null ? (text, components) : (builder.ToString(), components);
    }

    /// <summary>False when the page holds none of the words a documenting component's tag or attributes need.</summary>
    private static bool MayHoldComponents(string text) =>
        text.IndexOf("Example", StringComparison.Ordinal) >= 0 || text.IndexOf("query=", StringComparison.Ordinal) >= 0 ||
        text.IndexOf("path=", StringComparison.Ordinal) >= 0 || text.IndexOf("body=", StringComparison.Ordinal) >= 0 ||
        text.IndexOf("name=", StringComparison.Ordinal) >= 0;

    private static void ReadTag(Match match, int lineStart, int lineEnd, string text, MarkdownText markdown,
        List<(ComponentKind Kind, string Tag, Dictionary<string, string?> Attributes, int Start, int ContentStart, int LineEnd)> open,
        List<PageComponent> components, StringBuilder builder)
    {
        var tag = match.Groups["tag"].Value;
        if (match.Groups["close"].Success)
        {
            var at = open.FindLastIndex(o => o.Tag == tag);
            if (at < 0)
            {
                return;
            }

            // Elements left open inside it (a tag never closed) end with it.
            var element = open[at];
            open.RemoveRange(at, open.Count - at);
            components.Add(Component(element.Kind, element.Attributes, element.Start, lineEnd, open.Count, text, element.ContentStart, lineStart,
                markdown.Location(element.Start, element.LineEnd)));
            TemplateMarkup.BlankRange(builder, element.Start, element.LineEnd - element.Start);
            TemplateMarkup.BlankRange(builder, lineStart, lineEnd - lineStart);
            return;
        }

        var attributes = new Dictionary<string, string?>(StringComparer.Ordinal);
        // The tag line admits quoted values and expressions only; an expression is read for its literal (required={true}).
        foreach (Match attribute in EndpointReader.s_attribute.Matches(match.Groups["attributes"].Value))
        {
            attributes[attribute.Groups["name"].Value] = attribute.Groups["value"].Success ? attribute.Groups["value"].Value
                : attribute.Groups["expression"].Success ? attribute.Groups["expression"].Value.Trim('{', '}').Trim()
                : null;
        }

        var kind = KindOf(tag, attributes, insideField: open.Exists(o => o.Kind is ComponentKind.Member or ComponentKind.Parameter));
        if (kind is null)
        {
            return;
        }

        if (match.Groups["self"].Success)
        {
            components.Add(Component(kind.Value, attributes, lineStart, lineEnd, open.Count, text, lineEnd, lineEnd, markdown.Location(lineStart, lineEnd)));
            TemplateMarkup.BlankRange(builder, lineStart, lineEnd - lineStart);
            return;
        }

        open.Add((kind.Value, tag, attributes, lineStart, Math.Min(text.Length, lineEnd + 1), lineEnd));
    }

    /// <summary>What a component documents, from its attributes and, for examples and answers, its name; null for any other component.</summary>
    private static ComponentKind? KindOf(string tag, Dictionary<string, string?> attributes, bool insideField)
    {
        if (PlacementAttribute(attributes) is not null)
        {
            return ComponentKind.Parameter;
        }

        var answers = tag.IndexOf("Response", StringComparison.Ordinal) >= 0;
        var example = tag.EndsWith("Example", StringComparison.Ordinal) || tag.EndsWith("Examples", StringComparison.Ordinal);
        if (example && answers)
        {
            return ComponentKind.ResponseExample;
        }

        if (example && tag.IndexOf("Request", StringComparison.Ordinal) >= 0)
        {
            return ComponentKind.RequestExample;
        }

        if (answers && attributes.TryGetValue("name", out var name) && !string.IsNullOrWhiteSpace(name) && attributes.ContainsKey("type"))
        {
            return ComponentKind.Member;
        }

        return insideField ? ComponentKind.Group : null;
    }

    /// <summary>
    /// The attribute that names a parameter and says where it goes, as (attribute, placement); null when there is none. Its value is
    /// a field's name: an element whose <c>path</c> is a route (<c>&lt;ApiEndpoint path="/api/states" method="get"&gt;</c>) is an endpoint.
    /// </summary>
    private static (string Attribute, Placement Placement)? PlacementAttribute(Dictionary<string, string?> attributes)
    {
        if (attributes.ContainsKey("method"))
        {
            return null;
        }

        foreach (var (attribute, placement) in s_placements)
        {
            if (attributes.TryGetValue(attribute, out var value) && value is not null && FieldReader.s_fieldName.IsMatch(value))
            {
                return (attribute, placement);
            }
        }

        return null;
    }

    private static readonly (string Attribute, Placement Placement)[] s_placements =
    {
        ("path", Placement.Path), ("query", Placement.Query), ("body", Placement.Body), ("header", Placement.Unspecified),
    };

    private static PageComponent Component(ComponentKind kind, Dictionary<string, string?> attributes, int start, int end, int depth, string text,
        int contentStart, int contentEnd, LocationInfo location)
    {
        var placed = PlacementAttribute(attributes);
        var name = placed is { } p ? attributes[p.Attribute]! : attributes.TryGetValue("name", out var named) ? named ?? string.Empty : string.Empty;
        var required = attributes.TryGetValue("required", out var flag) && flag is null or "true" or "";
        attributes.TryGetValue("type", out var type);
        attributes.TryGetValue("default", out var byDefault);
        var children = contentEnd > contentStart ? text.Substring(contentStart, contentEnd - contentStart) : string.Empty;
        return new PageComponent(kind, name.Trim(), placed?.Placement ?? Placement.Unspecified, type, required, byDefault, start, end, depth, location,
            placed?.Attribute == "header")
        {
            Description = kind is ComponentKind.Parameter or ComponentKind.Member ? Plain(children) : string.Empty,
        };
    }

    /// <summary>A component's children as one line of text: nested components and tags dropped, entities decoded.</summary>
    private static string Plain(string children)
    {
        // A field's nested fields (a group of child components, each tag on its own line) are not its description.
        var nested = s_nestedTagLine.Match(children);
        var own = nested.Success ? children.Substring(0, nested.Index) : children;
        return s_spaces.Replace(WebUtility.HtmlDecode(s_tags.Replace(own, " ")), " ").Trim();
    }

    /// <summary>
    /// The documented field a parameter or member component gives, written as the field readers write theirs: the
    /// requirement, the type in parentheses, the description, the default.
    /// </summary>
    public static FieldDocSpec Field(PageComponent component)
    {
        var type = component.Type is { Length: > 0 } t ? "(" + t.Trim() + ") " : string.Empty;
        var byDefault = component.Default is { Length: > 0 } d ? " Default: `" + d.Trim('`') + "`." : string.Empty;
        var text = ((component.Required ? "Required. " : string.Empty) + type + component.Description + byDefault).Trim();
        return FieldReader.Field(component.Name, string.Empty, text, component.Location) with { Placement = component.Placement };
    }
}
