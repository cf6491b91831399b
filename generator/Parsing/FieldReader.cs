using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using Engage.Codegen.Model;
using Markdig.Extensions.Tables;
using Markdig.Syntax;

namespace Engage.Codegen.Parsing;

/// <summary>
/// Reads documented fields and parameters: bullets (<c>- `name` - Required. text</c>, bold names),
/// one-paragraph parameters, and parameter or attribute tables, with the requirement and any
/// "requires the secret" phrase.
/// </summary>
internal static class FieldReader
{
    private static readonly Regex s_statusCodeLead = new(@"^\s*`[1-5]\d\d\b", RegexOptions.CultureInvariant, Patterns.Timeout);
    private static readonly Regex s_requirementWord = new(@"<?\b(required|mandatory|optional)\b>?", RegexOptions.CultureInvariant, Patterns.Timeout);
    private static readonly Regex s_requiredLead = new(@"^(?:\*\*)?(?:required|mandatory)\b", RegexOptions.CultureInvariant, Patterns.Timeout);
    private static readonly Regex s_optionalLead = new(@"^(?:\*\*)?optional\b", RegexOptions.CultureInvariant, Patterns.Timeout);
    private static readonly Regex s_requirementPrefix = new(@"^(?:\*\*)?(?:required|mandatory|optional)(?:\*\*)?\s*[.:,]?\s*",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, Patterns.Timeout);
    private static readonly Regex s_requirementOnly = new("^(required|optional)$", RegexOptions.IgnoreCase, Patterns.Timeout);
    private static readonly Regex s_requirementSentence = new(@"^\s*(required|mandatory|optional)\b\s*[.:]?\s*",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, Patterns.Timeout);

    internal static readonly Regex s_bullet = new(
        @"^\s*`\s*([^`]+?)\s*`\s*(?:`?\(([^)]*)\)`?)?\s*[-\u2013\u2014:]*\s*(.*)$", RegexOptions.Singleline | RegexOptions.CultureInvariant, Patterns.Timeout);

    private static readonly Regex s_boldBullet = new(
        @"^\s*\*\*\s*([^*]+?)\s*\*\*\s*(?:\(([^)]*)\))?\s*[-\u2013\u2014:]*\s*(.*)$", RegexOptions.Singleline | RegexOptions.CultureInvariant,
            Patterns.Timeout);

    internal static readonly Regex s_fieldName = new(@"^[\w$@][\w.$@\-\[\]]*$", RegexOptions.CultureInvariant, Patterns.Timeout);

    private static readonly Regex s_secretPhrase = new(
        @"requires?\s+(?:both\s+)?(?:the\s+)?(?:username\s*(?:and|&)\s*password|key\s+and\s+(?:the\s+)?secret|api\s+secret|secret)",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, Patterns.Timeout);

    public static FieldDocSpec? TryReadParagraphParameter(MarkdownText markdown, ParagraphBlock paragraph, string text)
    {
        var match = s_bullet.Match(text);
        if (!match.Success || !s_fieldName.IsMatch(match.Groups[1].Value) || EndpointReader.IsEndpointLine(match.Groups[1].Value) || text.Length > 400)
        {
            return null;
        }

        // Only "`name` - text" or "`name`: text" shapes; a sentence that merely starts with code is prose.
        var afterName = text.Substring(text.IndexOf('`', text.IndexOf('`') + 1) + 1).TrimStart();
        if (!afterName.StartsWith("-", StringComparison.Ordinal) && !afterName.StartsWith(":", StringComparison.Ordinal) &&
            !afterName.StartsWith("\u2013", StringComparison.Ordinal) && !afterName.StartsWith("\u2014", StringComparison.Ordinal))
        {
            return null;
        }

        return Field(match.Groups[1].Value, match.Groups[2].Value, match.Groups[3].Value.Trim(), markdown.FirstLine(paragraph));
    }

    /// <summary>
    /// A bullet that opens with its name in bold (<c>- **limit** - Maximum number of results</c>) read like one that
    /// opens with it in code: the text with the name in backticks; null when it does not open so.
    /// </summary>
    private static string? BoldNameAsCode(ParagraphBlock paragraph)
    {
        var first = paragraph.Inline?.FirstChild;
        if (first is not Markdig.Syntax.Inlines.EmphasisInline { DelimiterCount: 2 } strong)
        {
            return null;
        }

        var name = MarkdownText.Inline(strong).Trim();
        if (!s_fieldName.IsMatch(name))
        {
            return null;
        }

        // The paragraph's text as any other is read, the name that opens it put in code.
        var whole = MarkdownText.Inline(paragraph.Inline).TrimStart();
        return whole.StartsWith(name, StringComparison.Ordinal) ? "`" + name + "`" + whole.Substring(name.Length) : null;
    }

    /// <summary>
    /// A parameter written as a term of an informal definition list: a paragraph that holds only its name, in bold or
    /// code, with at most a few marks after it (<c>**limit** &lt;Optional /&gt;</c>, <c>`name` (string, required)</c>);
    /// its description is the paragraph below (<see cref="Described"/>), or the rest of this one after a line break.
    /// Null when the paragraph says more than a name and its marks.
    /// </summary>
    public static FieldDocSpec? TryReadTermParagraph(MarkdownText markdown, ParagraphBlock paragraph)
    {
        var first = paragraph.Inline?.FirstChild;
        var name = first switch
        {
            Markdig.Syntax.Inlines.EmphasisInline { DelimiterCount: 2 } strong => MarkdownText.Inline(strong).Trim(),
            Markdig.Syntax.Inlines.CodeInline code => code.Content.Trim(),
            _ => null,
        };
        if (name is null || !s_fieldName.IsMatch(name) || EndpointReader.IsEndpointLine(name))
        {
            return null;
        }

        // The marks: tags' names (<Required />) and the words between tags (<Badge>optional</Badge>), up to a line break.
        var words = new List<string>();
        var description = new System.Text.StringBuilder();
        var inDescription = false;
        for (var inline = first!.NextSibling; inline is not null; inline = inline.NextSibling)
        {
            if (inline is Markdig.Syntax.Inlines.LineBreakInline)
            {
                inDescription = true;
            }
            else if (inDescription)
            {
                description.Append(InlineText(inline));
            }
            else if (inline is Markdig.Syntax.Inlines.HtmlInline html)
            {
                // A component's name is a mark when it is one (<Optional />); others (<Badge>) only hold marks.
                var tag = s_tagName.Match(html.Tag).Groups[1].Value.ToLowerInvariant();
                if (s_markWords.Contains(tag))
                {
                    words.Add(tag);
                }
            }
            else
            {
                var text = InlineText(inline);
                if (!s_marks.IsMatch(text))
                {
                    return null;
                }

                foreach (Match word in s_markWord.Matches(text))
                {
                    var lower = word.Value.ToLowerInvariant();
                    if (!s_markWords.Contains(lower))
                    {
                        return null; // a word that is no mark: the paragraph is prose that opens with a name
                    }

                    words.Add(lower);
                }
            }
        }

        // A capitalised word with no marks ("**Note**", "**Warning**") is a side note's title, not a name.
        if (words.Count == 0 && char.IsUpper(name[0]) && name.Skip(1).All(char.IsLower))
        {
            return null;
        }

        // "(array of string, required)", as a bullet's parenthetical says it.
        var requirement = words.FirstOrDefault(w => w is "required" or "optional" or "mandatory");
        var type = string.Join(" ",
            words.Where(w => w is not ("required" or "optional" or "mandatory" or "nullable" or "deprecated" or "read-only" or "readonly")));
        var parenthetical = string.Join(", ", new[] { type, requirement ?? string.Empty }.Where(p => p.Length > 0));
        return Field(name, parenthetical, description.ToString().Trim(), markdown.FirstLine(paragraph));
    }

    /// <summary>A term's field with the paragraph below it as its description (the marks it had stay ahead of it).</summary>
    public static FieldDocSpec Described(FieldDocSpec term, string paragraph) =>
        term with { Description = (term.Description + " " + paragraph).Trim() };

    private static string InlineText(Markdig.Syntax.Inlines.Inline inline) => inline switch
    {
        Markdig.Syntax.Inlines.LiteralInline literal => literal.Content.ToString(),
        Markdig.Syntax.Inlines.CodeInline code => code.Content,
        Markdig.Syntax.Inlines.ContainerInline container => MarkdownText.Inline(container),
        _ => string.Empty,
    };

    private static readonly Regex s_tagName = new(@"^</?\s*([A-Za-z][\w-]*)", RegexOptions.CultureInvariant, Patterns.Timeout);

    /// <summary>What may stand between a term and its marks: brackets, bars, commas, dashes and emphasis.</summary>
    private static readonly Regex s_marks = new(@"^[\s(),|/\[\]*_`:\u2013\u2014\w-]*$", RegexOptions.CultureInvariant, Patterns.Timeout);

    private static readonly Regex s_markWord = new(@"[A-Za-z][\w-]*", RegexOptions.CultureInvariant, Patterns.Timeout);

    /// <summary>The words a term's marks are made of: its requirement and its type.</summary>
    private static readonly HashSet<string> s_markWords = new(StringComparer.Ordinal)
    {
        "required", "optional", "mandatory", "nullable", "deprecated", "read-only", "readonly", "array", "of", "list",
        "string", "str", "text", "integer", "int", "int32", "int64", "long", "number", "float", "float32", "float64", "double", "decimal",
        "boolean", "bool", "object", "map", "date", "datetime", "date-time", "timestamp", "uuid", "url", "email",
    };

    public static IEnumerable<FieldDocSpec> ReadBullets(MarkdownText markdown, ListBlock list, List<DiagnosticInfo> diagnostics)
    {
        foreach (var item in list.OfType<ListItemBlock>())
        {
            var paragraph = item.OfType<ParagraphBlock>().FirstOrDefault();
            if (paragraph is null)
            {
                continue;
            }

            var text = BoldNameAsCode(paragraph) ?? MarkdownText.Inline(paragraph.Inline);
            var rest = string.Join(" ", item.OfType<ParagraphBlock>().Skip(1).Select(p => MarkdownText.Inline(p.Inline)));
            var match = s_bullet.Match(text);
            if (!match.Success)
            {
                match = s_boldBullet.Match(text);
            }

            var location = markdown.FirstLine(paragraph);
            if (!match.Success || !s_fieldName.IsMatch(match.Groups[1].Value))
            {
                if (text.TrimStart().StartsWith("[", StringComparison.Ordinal) || !text.Contains("`") ||
                    s_statusCodeLead.IsMatch(text))
                {
                    continue; // a table of contents entry, plain prose or a status code ("`204 No Content` if ..."), not a field
                }

                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.BulletUnreadable, location, Shorten(text)));
                continue;
            }

            var description = (match.Groups[3].Value + " " + rest).Trim();
            yield return Field(match.Groups[1].Value, match.Groups[2].Value, description, location);
        }
    }

    public static FieldDocSpec Field(string name, string parenthetical, string description, LocationInfo location)
    {
        var requirement = Requirement.Unspecified;
        var lead = (parenthetical + " " + description).TrimStart().ToLowerInvariant();
        // "(string, required)", "(string: <required>)": the parenthetical's own word, wherever it stands in it.
        var marked = s_requirementWord.Match(parenthetical.ToLowerInvariant());
        if (marked.Success)
        {
            requirement = marked.Groups[1].Value == "optional" ? Requirement.Optional : Requirement.Required;
        }
        else if (s_requiredLead.IsMatch(lead))
        {
            requirement = Requirement.Required;
        }
        else if (s_optionalLead.IsMatch(lead))
        {
            requirement = Requirement.Optional;
        }

        var cleaned = s_requirementPrefix.Replace(description, string.Empty);
        if (parenthetical.Length > 0 && !s_requirementOnly.IsMatch(parenthetical))
        {
            cleaned = "(" + parenthetical + ") " + cleaned;
        }

        var secret = description.IndexOf("require", StringComparison.OrdinalIgnoreCase) >= 0 && s_secretPhrase.IsMatch(description);
        return new FieldDocSpec(name, cleaned.Trim(), requirement, secret, location);
    }

    /// <summary>
    /// Parameter and attribute tables in their common shapes: a name column (<c>Name</c>,
    /// <c>Parameter</c>, <c>Attribute</c>, <c>Field</c>, <c>Argument</c>...), and any of a type column,
    /// a required column, a default column and a description (with <b>Required</b> or <c>read-only</c> in it).
    /// </summary>
    public static IEnumerable<FieldDocSpec> ReadTable(MarkdownText markdown, Table table)
    {
        var rows = table.OfType<TableRow>().ToList();
        if (rows.Count < 2)
        {
            return Enumerable.Empty<FieldDocSpec>();
        }

        var header = rows[0].OfType<TableCell>().Select(CellText).ToList();
        return ReadRows(header, rows.Skip(1).Select(r => (r.OfType<TableCell>().Select(CellText).ToList(), markdown.FirstLine(r))));
    }

    /// <summary>Whether an HTML block holds a table (<c>&lt;table&gt;</c> with rows).</summary>
    public static bool IsHtmlTable(string html) =>
        html.IndexOf("<table", StringComparison.OrdinalIgnoreCase) >= 0 && html.IndexOf("<tr", StringComparison.OrdinalIgnoreCase) >= 0;

    /// <summary>
    /// An attribute table written in HTML, read like a Markdown one: a first row of <c>&lt;th&gt;</c> cells that
    /// names the columns, or, without one, rows of a name cell (<c>&lt;th&gt;&lt;code&gt;id&lt;/code&gt;&lt;/th&gt;</c>)
    /// and a description cell, with a type cell between them when a row has three.
    /// </summary>
    public static IEnumerable<FieldDocSpec> ReadHtmlTable(MarkdownText markdown, HtmlBlock block)
    {
        var raw = markdown.Raw(block);
        if (!IsHtmlTable(raw))
        {
            return Enumerable.Empty<FieldDocSpec>();
        }

        var rows = new List<(List<string> Cells, bool Header, LocationInfo Location)>();
        foreach (Match row in s_htmlRow.Matches(raw))
        {
            var cells = s_htmlCell.Matches(row.Groups[1].Value).Cast<Match>().ToList();
            if (cells.Count > 0)
            {
                var start = block.Span.Start + row.Index;
                rows.Add(
                    (cells.Select(c => HtmlCellText(c.Groups[2].Value)).ToList(), cells.All(c => c.Groups[1].Value is "h" or "H")
                    && !cells[0].Groups[2].Value.Contains("<code"), markdown.Location(start, start + 3)));
            }
        }

        if (rows.Count == 0)
        {
            return Enumerable.Empty<FieldDocSpec>();
        }

        if (rows[0].Header)
        {
            return ReadRows(rows[0].Cells, rows.Skip(1).Select(r => (r.Cells, r.Location)));
        }

        var width = rows.Max(r => r.Cells.Count);
        var header = width >= 3 ? new List<string> { "name", "type", "description" } : new List<string> { "name", "description" };
        return ReadRows(header, rows.Select(r => (r.Cells, r.Location)));
    }

    private static readonly Regex s_htmlRow = new(@"<tr\b[^>]*>(.*?)</tr\s*>",
        RegexOptions.IgnoreCase | RegexOptions.Singleline | RegexOptions.CultureInvariant, Patterns.Timeout);

    private static readonly Regex s_htmlCell = new(@"<t([hdHD])\b[^>]*>(.*?)</t\1\s*>", RegexOptions.Singleline | RegexOptions.CultureInvariant,
        Patterns.Timeout);

    private static readonly Regex s_htmlCode = new(@"</?code\b[^>]*>", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, Patterns.Timeout);

    private static readonly Regex s_spaces = new(@"\s+", RegexOptions.CultureInvariant, Patterns.Timeout);

    /// <summary>A cell's text: code spans kept as backticks, other tags dropped, entities decoded, white space collapsed.</summary>
    private static string HtmlCellText(string html) =>
        s_spaces.Replace(EndpointReader.PlainText(s_htmlCode.Replace(html, "`")), " ").Trim();

    /// <summary>Rows under a header that names the columns, whatever the table was written in.</summary>
    private static IEnumerable<FieldDocSpec> ReadRows(List<string> headerCells, IEnumerable<(List<string> Cells, LocationInfo Location)> rows)
    {
        var header = headerCells.Select(c => c.ToLowerInvariant().Trim('*', '_', ' ')).ToList();
        var nameColumn = header.FindIndex(h => h is "parameter" or "parameters" or "name" or "field" or "property" or "key" or "attribute" or "argument"
            or "param" or "query parameter" or "field name");
        if (nameColumn < 0)
        {
            yield break;
        }

        var typeColumn = header.FindIndex(h => h is "type" or "data type" or "format");
        var requiredColumn = header.FindIndex(h => h.StartsWith("required", StringComparison.Ordinal) || h is "mandatory" or "optional");
        var defaultColumn = header.FindIndex(h => h is "default" or "default value");
        var descriptionColumn = header.FindIndex(h => h.StartsWith("description", StringComparison.Ordinal) || h is "meaning" or "notes" or "details");
        var exampleColumn = header.FindIndex(h => h is "example" or "examples" or "example value" or "sample" or "sample value");
        foreach (var (cells, location) in rows)
        {
            string Cell(int index) => index >= 0 && index < cells.Count ? cells[index] : string.Empty;
            var name = Cell(nameColumn).Trim('`', ' ', '*');
            if (!s_fieldName.IsMatch(name))
            {
                continue;
            }

            var required = Cell(requiredColumn).ToLowerInvariant().Trim('*', '_', ' ');
            var requirement = required is "yes" or "true" or "required" or "y" or "mandatory" or "\u2713" or "x"
                ? "Required."
                : required is "no" or "false" or "optional" or "n" ? "Optional." : string.Empty;
            if (requiredColumn >= 0 && header[requiredColumn] == "optional")
            {
                requirement = requirement == "Required." ? "Optional." : requirement == "Optional." ? "Required." : requirement;
            }

            // No type column: the example column's value says it (`0` an integer, `true` a boolean, `b-19` a string).
            var type = typeColumn >= 0 ? Cell(typeColumn) : ExampleType(Cell(exampleColumn));
            var byDefault = Cell(defaultColumn);
            var description = Cell(descriptionColumn);

            // "**Required** The name of ..." in the description column says what a required column would.
            var lead = s_requirementSentence.Match(description);
            if (lead.Success)
            {
                requirement = requirement.Length > 0 ? requirement : lead.Groups[1].Value.Equals("optional", StringComparison.OrdinalIgnoreCase) ? "Optional."
                    : "Required.";
                description = description.Substring(lead.Length);
            }

            var text = (requirement + " " + (type.Length > 0 ? "(" + type + ") " : string.Empty) + description +
                (byDefault.Length > 0 && byDefault != "-" ? " Default: `" + byDefault.Trim('`') + "`." : string.Empty)).Trim();
            yield return Field(name, string.Empty, text, location);
        }
    }

    private static readonly Regex s_integerExample = new(@"^-?\d{1,18}$", RegexOptions.CultureInvariant, Patterns.Timeout);
    private static readonly Regex s_numberExample = new(@"^-?\d+\.\d+$", RegexOptions.CultureInvariant, Patterns.Timeout);
    private static readonly Regex s_dateTimeExample = new(@"^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}", RegexOptions.CultureInvariant, Patterns.Timeout);

    /// <summary>The type an example cell's one value shows; empty when it shows none (nothing, several words, a structure).</summary>
    private static string ExampleType(string example)
    {
        var value = example.Trim().Trim('`').Trim();
        if (value.Length == 0 || value.IndexOf(' ') >= 0 || value.StartsWith("[", StringComparison.Ordinal) || value.StartsWith("{", StringComparison.Ordinal))
        {
            return string.Empty;
        }

        return value is "true" or "false" ? "boolean"
            : s_integerExample.IsMatch(value) ? "integer"
            : s_numberExample.IsMatch(value) ? "number"
            : s_dateTimeExample.IsMatch(value) ? "date-time"
            : "string";
    }

    public static string CellText(TableCell cell) =>
        string.Join(" ", cell.OfType<ParagraphBlock>().Select(p => MarkdownText.Inline(p.Inline))).Trim();

    private static string Shorten(string text) => text.Length > 80 ? text.Substring(0, 77) + "..." : text;
}
