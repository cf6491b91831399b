using System;
using System.Collections.Generic;
using System.Text.RegularExpressions;
using Markdig.Syntax;

namespace Engage.Codegen.Parsing;

/// <summary>
/// Splits a page into sections at its headings, as a reader groups it: a subheading that only
/// labels part of the section above ("### HTTP Request", "### Query Parameters", "### Response")
/// stays inside that section as a label instead of starting a section of its own.
/// </summary>
internal static class Sections
{
    private static TimeSpan s_timeout => TimeSpan.FromSeconds(5);

    private static readonly Regex s_guideTitle = new(
        @"\b(?:introduction|overview|getting\s+started|guide|authentication|readme)\b|^index$|\bAPI\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, s_timeout);

    public static List<(HeadingBlock? Heading, List<Block> Blocks)> Split(MarkdownDocument document)
    {
        var sections = new List<(HeadingBlock? Heading, List<Block> Blocks)> { (null, new List<Block>()) };
        foreach (var block in document)
        {
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

    /// <summary>An introduction or guide page's title: "The Basecamp 2 API", "Getting started", README.</summary>
    public static bool IsGuideTitle(string title) => s_guideTitle.IsMatch(title);
}
