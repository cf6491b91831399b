using System;
using System.Collections.Generic;
using System.Text.RegularExpressions;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Engage.Codegen.Parsing;

/// <summary>
/// Splits a page into sections at its headings, as a reader groups it: a subheading that only
/// labels part of the section above ("### HTTP Request", "### Query Parameters", "### Response")
/// stays inside that section as a label instead of starting a section of its own.
/// </summary>
internal static class Sections
{

    private static readonly Regex s_guideTitle = new(
        @"\b(?:introduction|overview|getting\s+started|guide|authentication|readme)\b|^index$|\bAPI\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, Patterns.Timeout);

    public static List<(HeadingBlock? Heading, List<Block> Blocks)> Split(MarkdownDocument document)
    {
        var sections = new List<(HeadingBlock? Heading, List<Block> Blocks)> { (null, new List<Block>()) };
        foreach (var node in document)
        {
            var block = node is HtmlBlock html && HtmlHeading(html) is { } written ? written : node;
            var current = sections[sections.Count - 1].Heading;
            if (block is HeadingBlock heading &&
                !(current is not null && heading.Level > current.Level && Labels.IsLabelHeading(MarkdownText.Inline(heading.Inline))))
            {
                sections.Add((heading, new List<Block>()));
            }
            else
            {
                sections[sections.Count - 1].Blocks.Add(block);
            }
        }

        return sections;
    }

    /// <summary>
    /// A heading written as HTML (<c>&lt;h3 id="get-feeds"&gt;Get Feeds &lt;a class="anchor"&gt;¶&lt;/a&gt;&lt;/h3&gt;</c>,
    /// as static-site generators leave them) is a heading like <c>### Get Feeds</c>: the same level, its
    /// text without tags or the permalink sign. Only a block that is one heading element and nothing else, and
    /// whose text is no path or endpoint (an element that shows the endpoint, styled as a heading).
    /// </summary>
    private static HeadingBlock? HtmlHeading(HtmlBlock html)
    {
        var match = s_htmlHeading.Match(html.Lines.ToString());
        if (!match.Success)
        {
            return null;
        }

        var text = EndpointReader.PlainHtml(match.Groups["text"].Value).Replace('\u00B6', ' ').Trim();
        // "<h6>/v3/things/{id}</h6>" beside a method label is the endpoint element, not a section.
        if (text.Length > 0 && (text[0] == '/' || text.StartsWith("http", StringComparison.OrdinalIgnoreCase) || EndpointReader.IsEndpointLine(text)))
        {
            return null;
        }

        var inline = new ContainerInline();
        inline.AppendChild(new LiteralInline(s_spaces.Replace(text, " ")));
        return new HeadingBlock(null!) { Level = match.Groups["level"].Value[0] - '0', Inline = inline, Span = html.Span, Line = html.Line,
            Column = html.Column };
    }

    private static readonly Regex s_htmlHeading = new(
        @"^\s*<h(?<level>[1-6])\b[^>]*>(?<text>[^\n]*?)</h\k<level>\s*>\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, Patterns.Timeout);

    private static readonly Regex s_spaces = new(@"\s+", RegexOptions.CultureInvariant, Patterns.Timeout);

    /// <summary>An introduction or guide page's title: "The Basecamp 2 API", "Getting started", README.</summary>
    public static bool IsGuideTitle(string title) => s_guideTitle.IsMatch(title);
}
