using System;
using System.Text;
using System.Text.RegularExpressions;

namespace Engage.Codegen.Parsing;

/// <summary>
/// Template markup that doc sites run before rendering, which is no text of the page: Liquid tags
/// (<c>{% include x.md %}</c>), ERB (<c>&lt;%= url %&gt;</c>), Hugo shortcodes (<c>{{&lt; note &gt;}}</c>), a kramdown
/// attribute line (<c>{: .class}</c>), a Liquid output alone on its line (<c>{{ page.table }}</c>) and MDX's
/// <c>import</c>/<c>export</c> lines, and, inside a fence, a line-highlight directive alone on its line (a comment
/// <c># highlight-next-line</c>, <c>// highlight-start</c>, <c>&lt;!-- highlight-end --&gt;</c>), which the site turns into a
/// highlighted line and removes. Each is blanked with spaces (line breaks kept), so offsets, lines and
/// columns of everything else stay where they are, and the page is read as a reader sees it rendered.
/// A variable inside an example (<c>{{host}}/things</c>) is no template markup and stays.
/// </summary>
internal static class TemplateMarkup
{

    private static readonly Regex s_inline = new(
        @"\{%-?[\s\S]{0,2000}?-?%\}|<%[=#-]?[\s\S]{0,2000}?-?%>|\{\{[<%][\s\S]{0,2000}?[>%]\}\}",
        RegexOptions.CultureInvariant, Patterns.Timeout);

    private static readonly Regex s_wholeLine = new(
        @"^[ \t]*(?:\{:[^\n]*\}|\{\{[^{}\n]*\}\}|(?:import|export)\s[^\n]*)[ \t]*\r?$",
        RegexOptions.CultureInvariant, Patterns.Timeout);

    private static readonly Regex s_highlightDirective = new(
        @"^[ \t]*(?:#|//|--|;|<!--|/\*)[ \t]*highlight-(?:next-line|start|end)[ \t]*(?:-->|\*/)?[ \t]*\r?$",
        RegexOptions.CultureInvariant, Patterns.Timeout);

    /// <summary>The text with template markup blanked; the same text when it has none.</summary>
    public static string Blank(string text)
    {
        if (text.IndexOf("{%", StringComparison.Ordinal) < 0 && text.IndexOf("<%", StringComparison.Ordinal) < 0 &&
            text.IndexOf("{{", StringComparison.Ordinal) < 0 && text.IndexOf("{:", StringComparison.Ordinal) < 0 &&
            text.IndexOf("import ", StringComparison.Ordinal) < 0 && text.IndexOf("export ", StringComparison.Ordinal) < 0 &&
            text.IndexOf("highlight-", StringComparison.Ordinal) < 0)
        {
            return text;
        }

        var builder = new StringBuilder(text);
        foreach (Match match in s_inline.Matches(text))
        {
            BlankRange(builder, match.Index, match.Length);
        }

        // Whole lines, read once with the fences they stand in: a fence's "import os" is code, not MDX.
        var inFence = false;
        for (var lineStart = 0; lineStart < text.Length;)
        {
            var lineEnd = text.IndexOf('\n', lineStart);
            lineEnd = lineEnd < 0 ? text.Length : lineEnd;
            var line = text.Substring(lineStart, lineEnd - lineStart);
            var trimmed = line.TrimStart();
            if (trimmed.StartsWith("```", StringComparison.Ordinal) || trimmed.StartsWith("~~~", StringComparison.Ordinal))
            {
                inFence = !inFence;
            }
            else if (inFence && s_highlightDirective.IsMatch(line))
            {
                BlankRange(builder, lineStart, lineEnd - lineStart);
            }
            else if (trimmed.Length > 0 && s_wholeLine.IsMatch(line) &&
                (!inFence || !(trimmed.StartsWith("import", StringComparison.Ordinal) || trimmed.StartsWith("export", StringComparison.Ordinal))))
            {
                BlankRange(builder, lineStart, lineEnd - lineStart);
            }

            lineStart = lineEnd + 1;
        }

        return builder.ToString();
    }

    /// <summary>Blanks a range with spaces, its line breaks kept: offsets, lines and columns after it stay where they were.</summary>
    internal static void BlankRange(StringBuilder builder, int start, int length)
    {
        for (var i = start; i < start + length; i++)
        {
            if (builder[i] is not '\n' and not '\r')
            {
                builder[i] = ' ';
            }
        }
    }
}
