using System;
using System.Collections.Generic;
using System.Text;
using Engage.Codegen.Model;
using Markdig.Helpers;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Engage.Codegen.Parsing;

/// <summary>Turns Markdig nodes into plain text and locations; nothing Markdig leaves this file's callers.</summary>
internal sealed class MarkdownText
{
    private readonly string _path;
    private readonly string _text;
    private readonly List<int> _lineStarts = new() { 0 };

    public MarkdownText(string path, string text)
    {
        _path = path;
        _text = text;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\n')
            {
                _lineStarts.Add(i + 1);
            }
        }
    }

    private SampleValues? _samples;

    /// <summary>The values the page shows as data, read on first use.</summary>
    public SampleValues Samples => _samples ??= SampleValues.Read(_text);

    /// <summary>The page's documenting components (fields, members, example wrappers), by start (<see cref="FieldComponents"/>).</summary>
    public IReadOnlyList<PageComponent> Components { get; init; } = Array.Empty<PageComponent>();

    /// <summary>True when the block is the children of a field or member component: its description, not the section's prose.</summary>
    public bool InsideField(Block block) => Enclosing(block, fields: true) is not null;

    /// <summary>The label an example wrapper gives the block inside it (<c>&lt;ResponseExample&gt;</c> over a fence); null outside one.</summary>
    public Label? ExampleWrapper(Block block) => Enclosing(block, fields: false)?.Kind switch
    {
        ComponentKind.RequestExample => Label.Request,
        ComponentKind.ResponseExample => Label.Response,
        _ => null,
    };

    /// <summary>The first field or member component (or example wrapper) whose tags enclose the block's start; null when none does.</summary>
    private PageComponent? Enclosing(Block block, bool fields)
    {
        foreach (var component in Components)
        {
            var wanted = component.Kind is ComponentKind.Parameter or ComponentKind.Member ? fields
                : component.Kind is ComponentKind.RequestExample or ComponentKind.ResponseExample && !fields;
            if (wanted && component.Start <= block.Span.Start && block.Span.Start < component.End)
            {
                return component;
            }
        }

        return null;
    }

    public string FileName
    {
        get
        {
            var slash = Math.Max(_path.LastIndexOf('/'), _path.LastIndexOf('\\'));
            return slash < 0 ? _path : _path.Substring(slash + 1);
        }
    }

    /// <summary>The source text of a block, as written (HTML and all).</summary>
    public string Raw(Block block)
    {
        var start = Clamp(block.Span.Start);
        var end = Math.Max(start, Clamp(block.Span.End + 1));
        return _text.Substring(start, end - start);
    }

    /// <summary>Whether the source text of a block holds <paramref name="value"/>, without copying it.</summary>
    public bool Contains(Block block, string value)
    {
        var start = Clamp(block.Span.Start);
        var end = Math.Max(start, Clamp(block.Span.End + 1));
        return _text.IndexOf(value, start, end - start, StringComparison.Ordinal) >= 0;
    }

    /// <summary>A location for a character range; the end is exclusive.</summary>
    public LocationInfo Location(int start, int end)
    {
        start = Clamp(start);
        end = Math.Max(start, Clamp(end));
        var (startLine, startColumn) = LinePosition(start);
        var (endLine, endColumn) = LinePosition(end);
        return new LocationInfo(_path, start, end - start, startLine, startColumn, endLine, endColumn);
    }

    /// <summary>A location for a block, trimmed to its first line so diagnostics point at one line.</summary>
    public LocationInfo FirstLine(Block block)
    {
        var start = block.Span.Start;
        var end = block.Span.End + 1;
        var newline = start < _text.Length ? _text.IndexOf('\n', start) : -1;
        if (newline >= 0 && newline < end)
        {
            end = newline;
        }

        if (end > start && end - 1 < _text.Length && _text[end - 1] == '\r')
        {
            end--;
        }

        return Location(start, end);
    }

    public LocationInfo Line(StringLine line) => Location(line.Position, line.Position + line.Slice.Length);

    private int Clamp(int offset) => offset < 0 ? 0 : offset > _text.Length ? _text.Length : offset;

    private (int Line, int Column) LinePosition(int offset)
    {
        var low = 0;
        var high = _lineStarts.Count - 1;
        while (low < high)
        {
            var mid = (low + high + 1) / 2;
            if (_lineStarts[mid] <= offset)
            {
                low = mid;
            }
            else
            {
                high = mid - 1;
            }
        }

        return (low, offset - _lineStarts[low]);
    }

    /// <summary>The text of inlines, code spans kept in backticks, links as their text.</summary>
    public static string Inline(ContainerInline? container)
    {
        if (container is null)
        {
            return string.Empty;
        }

        // The rules of a page read the same paragraph's text several times (auth, paging, endpoints, fields): while a
        // page is parsed on this thread, each container's text is made once.
        var texts = t_inlineTexts;
        if (texts is not null && texts.TryGetValue(container, out var known))
        {
            return known;
        }

        var builder = new StringBuilder();
        Append(container, builder, 0);
        var text = Normalize(builder.ToString());
        texts?.Add(container, text);
        return text;
    }

    [ThreadStatic]
    private static Dictionary<ContainerInline, string>? t_inlineTexts;

    [ThreadStatic]
    private static Dictionary<LeafBlock, (string Content, List<(int ContentStart, StringLine Line)> Map)>? t_codeContents;

    [ThreadStatic]
    private static Dictionary<ContainerInline, string>? t_spareInlineTexts;

    [ThreadStatic]
    private static Dictionary<LeafBlock, (string Content, List<(int ContentStart, StringLine Line)> Map)>? t_spareCodeContents;

    /// <summary>
    /// Starts reading one page on this thread: the texts of its inlines and code blocks are kept until <see cref="EndPage"/>
    /// (its blocks are the page's own, so nothing outlives it). The dictionaries are reused from page to page.
    /// </summary>
    public static void BeginPage()
    {
        t_inlineTexts = t_spareInlineTexts ?? new Dictionary<ContainerInline, string>(ReferenceEqualityComparer<ContainerInline>.Instance);
        t_codeContents = t_spareCodeContents ?? new Dictionary<LeafBlock, (string, List<(int, StringLine)>)>(ReferenceEqualityComparer<LeafBlock>.Instance);
        t_spareInlineTexts = null;
        t_spareCodeContents = null;
    }

    /// <summary>Ends the page <see cref="BeginPage"/> started: its texts are let go.</summary>
    public static void EndPage()
    {
        if (t_inlineTexts is { } texts)
        {
            texts.Clear();
            t_spareInlineTexts = texts;
        }

        if (t_codeContents is { } contents)
        {
            contents.Clear();
            t_spareCodeContents = contents;
        }

        t_inlineTexts = null;
        t_codeContents = null;
    }

    /// <summary>Compares by reference: two blocks with the same text are still two blocks.</summary>
    private sealed class ReferenceEqualityComparer<T> : IEqualityComparer<T>
        where T : class
    {
        public static readonly ReferenceEqualityComparer<T> Instance = new();

        public bool Equals(T? x, T? y) => ReferenceEquals(x, y);

        public int GetHashCode(T obj) => System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(obj);
    }

    private static void Append(Inline inline, StringBuilder builder, int depth)
    {
        if (depth > 64)
        {
            return;
        }

        switch (inline)
        {
            case LiteralInline literal:
                builder.Append(literal.Content.ToString());
                break;
            case CodeInline code:
                builder.Append('`').Append(code.Content).Append('`');
                break;
            case LineBreakInline:
                builder.Append(' ');
                break;
            case AutolinkInline autolink:
                builder.Append(autolink.Url);
                break;
            case HtmlEntityInline entity:
                builder.Append(entity.Transcoded.ToString());
                break;
            case ContainerInline container:
                for (var child = container.FirstChild; child is not null; child = child.NextSibling)
                {
                    Append(child, builder, depth + 1);
                }

                break;
        }
    }

    /// <summary>Collapses whitespace, straightens curly quotes, drops control characters.</summary>
    public static string Normalize(string text)
    {
        var builder = new StringBuilder(text.Length);
        var space = false;
        foreach (var c in text)
        {
            var ch = c switch
            {
                '\u2018' or '\u2019' => '\'',
                '\u201C' or '\u201D' => '"',
                '\u00A0' => ' ',
                _ => c,
            };
            if (char.IsWhiteSpace(ch))
            {
                space = builder.Length > 0;
                continue;
            }

            if (char.IsControl(ch))
            {
                continue;
            }

            if (space)
            {
                builder.Append(' ');
                space = false;
            }

            builder.Append(ch);
        }

        return builder.ToString();
    }

    /// <summary>The lines of a code block joined by '\n', with each line's absolute start.</summary>
    public static (string Content, List<(int ContentStart, StringLine Line)> Map) CodeContent(LeafBlock block)
    {
        var contents = t_codeContents;
        if (contents is not null && contents.TryGetValue(block, out var known))
        {
            return known;
        }

        var read = ReadCodeContent(block);
        contents?.Add(block, read);
        return read;
    }

    private static (string Content, List<(int ContentStart, StringLine Line)> Map) ReadCodeContent(LeafBlock block)
    {
        var builder = new StringBuilder();
        var map = new List<(int, StringLine)>();
        var lines = block.Lines;
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines.Lines[i];
            map.Add((builder.Length, line));
            builder.Append(line.Slice.ToString()).Append('\n');
        }

        return (builder.ToString(), map);
    }
}
