using System;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;

namespace Engage.Codegen.Emit;

/// <summary>A StringBuilder with an indentation counter; text only, no SyntaxFactory.</summary>
internal sealed class SourceWriter
{
    // Emission writes one file after another on a thread; the builder of the last file is kept and
    // reused (its chunks already grown) unless it grew past this many characters.
    private const int MaxReusedCapacity = 256 * 1024;

    [ThreadStatic]
    private static StringBuilder? t_spare;

    private StringBuilder _builder = TakeSpare();
    private string? _text;
    private int _indent;

    private static StringBuilder TakeSpare()
    {
        var spare = t_spare;
        t_spare = null;
        return spare ?? new StringBuilder(4096);
    }

    public SourceWriter Line(string text = "")
    {
        if (text.Length > 0)
        {
            _builder.Append(' ', _indent * 4);
        }

        _builder.Append(text).Append('\n');
        return this;
    }

    /// <summary>
    /// Writes an interpolated line straight into the builder, without first making a string of it:
    /// emission writes megabytes for a large API, and each line was a string allocated only to be copied.
    /// </summary>
    public SourceWriter Line([InterpolatedStringHandlerArgument("")] ref LineHandler line)
    {
        _builder.Append('\n');
        return this;
    }

    public SourceWriter Open(string text)
    {
        Line(text);
        Line("{");
        _indent++;
        return this;
    }

    /// <summary>Opens a block after an interpolated line, written straight into the builder.</summary>
    public SourceWriter Open([InterpolatedStringHandlerArgument("")] ref LineHandler line)
    {
        _builder.Append('\n');
        Line("{");
        _indent++;
        return this;
    }

    /// <summary>Appends the parts of an interpolated line, indented, to the writer. Numbers are written invariantly.</summary>
    [InterpolatedStringHandler]
    public ref struct LineHandler
    {
        private readonly StringBuilder _builder;

        public LineHandler(int literalLength, int formattedCount, SourceWriter writer)
        {
            _builder = writer._builder;
            _builder.Append(' ', writer._indent * 4);
        }

        public void AppendLiteral(string text) => _builder.Append(text);

        public void AppendFormatted(string? text) => _builder.Append(text);

        public void AppendFormatted<T>(T value)
        {
            if (value is IFormattable formattable)
            {
                _builder.Append(formattable.ToString(null, CultureInfo.InvariantCulture));
            }
            else if (value is not null)
            {
                _builder.Append(value.ToString());
            }
        }
    }

    /// <summary>
    /// Writes the next lines one level deeper without a brace (a constructor's <c>: this(...)</c>, an expression body,
    /// a call's arguments) until <see cref="Dedent"/>: <c>w.Indent().Line($"=> {body};").Dedent()</c>.
    /// </summary>
    public SourceWriter Indent()
    {
        _indent++;
        return this;
    }

    /// <summary>Ends an <see cref="Indent"/>.</summary>
    public SourceWriter Dedent()
    {
        _indent--;
        return this;
    }

    public SourceWriter Close(string suffix = "")
    {
        _indent--;
        return Line("}" + suffix);
    }

    /// <summary>Writes <c>/// &lt;tag&gt;text&lt;/tag&gt;</c> with the text escaped for XML.</summary>
    public SourceWriter Doc(string tag, string text, string attributes = "")
    {
        return Line($"/// <{tag}{attributes}>{Xml(text)}</{tag}>");
    }

    public SourceWriter RawDoc(string xml) => Line("/// " + xml);

    /// <summary>The text written; the writer is finished after this (its builder goes back for the next file).</summary>
    public override string ToString()
    {
        if (_text is null)
        {
            _text = _builder.ToString();
            if (_builder.Capacity <= MaxReusedCapacity)
            {
                _builder.Clear();
                t_spare = _builder;
            }

            _builder = null!;
        }

        return _text;
    }

    /// <summary>Escapes doc text for an XML comment on one line: no markup, no line breaks, no control or bidi characters.</summary>
    public static string Xml(string text)
    {
        if (IsPlainXmlText(text))
        {
            return text; // Most doc text has nothing to escape or drop.
        }

        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            switch (c)
            {
                case '&': builder.Append("&amp;"); break;
                case '<': builder.Append("&lt;"); break;
                case '>': builder.Append("&gt;"); break;
                case '\r':
                case '\n':
                case '\u0085':
                case '\u2028':
                case '\u2029':
                    builder.Append(' ');
                    break;
                default:
                    var category = CharUnicodeInfo.GetUnicodeCategory(c);
                    if (category is UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.Surrogate or UnicodeCategory.OtherNotAssigned)
                    {
                        break;
                    }

                    builder.Append(c);
                    break;
            }
        }

        return builder.ToString();
    }

    private static bool IsPlainXmlText(string text)
    {
        foreach (var c in text)
        {
            if (c is '&' or '<' or '>' || c < ' ' || c > '~')
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>A C# string literal for any text, quotes and escapes included.</summary>
    public static string Literal(string text)
    {
        var builder = new StringBuilder(text.Length + 2);
        builder.Append('"');
        foreach (var c in text)
        {
            switch (c)
            {
                case '"': builder.Append("\\\""); break;
                case '\\': builder.Append("\\\\"); break;
                default:
                    var category = CharUnicodeInfo.GetUnicodeCategory(c);
                    if (c < 0x20 || c > 0x7E || category is UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.Surrogate)
                    {
                        builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        builder.Append(c);
                    }

                    break;
            }
        }

        return builder.Append('"').ToString();
    }

    /// <summary>A UTF-8 literal (<c>"name"u8</c>) for a JSON property name.</summary>
    public static string Utf8Literal(string text) => Literal(text) + "u8";
}
