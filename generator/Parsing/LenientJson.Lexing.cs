using System.Text;
using Engage.Codegen.Model;

namespace Engage.Codegen.Parsing;

// The tokens of a lenient example: strings in any quotes, numbers, bare words, placeholders, and the
// whitespace and comments between them.
internal sealed partial class LenientJson
{
    private string ParseString()
    {
        var start = _position;
        var open = Current;
        var close = open switch
        {
            '\u201C' => '\u201D',
            '\u2018' => '\u2019',
            _ => open,
        };
        if (open != '"')
        {
            Quirk(start, open == '\'' ? "strings in JSON use double quotes, not single quotes" : "strings in JSON use straight quotes, not curly quotes");
        }

        _position++;
        var builder = new StringBuilder();
        while (!AtEnd && Current != close)
        {
            if (Current == '\n')
            {
                break;
            }

            if (Current == '\\' && _position + 1 < _text.Length)
            {
                _position++;
                var escaped = Current;
                switch (escaped)
                {
                    case 'n': builder.Append('\n'); break;
                    case 't': builder.Append('\t'); break;
                    case 'r': builder.Append('\r'); break;
                    case 'b': builder.Append('\b'); break;
                    case 'f': builder.Append('\f'); break;
                    case 'u' when _position + 4 < _text.Length && TryHex(_text.Substring(_position + 1, 4), out var code):
                        builder.Append((char)code);
                        _position += 4;
                        break;
                    default: builder.Append(escaped); break;
                }

                _position++;
                continue;
            }

            builder.Append(Current);
            _position++;
        }

        if (AtEnd || Current != close)
        {
            _problems.Add((start, "a string is not closed"));
        }
        else
        {
            _position++;
        }

        return builder.ToString();
    }

    private static bool TryHex(string digits, out int value)
    {
        value = 0;
        foreach (var c in digits)
        {
            var digit = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
            if (digit < 0)
            {
                return false;
            }

            value = (value * 16) + digit;
        }

        return true;
    }

    private JsonNode ParseNumber()
    {
        var start = _position;
        if (Current == '-')
        {
            _position++;
        }

        var isDecimal = false;
        while (!AtEnd
            && (char.IsDigit(Current) || Current == '.' || Current == 'e' || Current == 'E'
            || ((Current == '+' || Current == '-') && (_text[_position - 1] == 'e' || _text[_position - 1] == 'E'))))
        {
            if (Current == '.' || Current == 'e' || Current == 'E')
            {
                if (Current == '.' && _position + 1 < _text.Length && _text[_position + 1] == '.')
                {
                    break; // "1..." placeholder
                }

                isDecimal = true;
            }

            _position++;
        }

        var text = _text.Substring(start, _position - start);
        if (text == "-")
        {
            _problems.Add((start, "'-' is not a number"));
            return JsonNode.Scalar(JsonKind.Unknown, null);
        }

        return JsonNode.Scalar(isDecimal ? JsonKind.Decimal : JsonKind.Integer, text);
    }

    private string ReadWord()
    {
        var start = _position;
        while (!AtEnd && (char.IsLetterOrDigit(Current) || Current == '_' || Current == '$' || Current == '-'))
        {
            _position++;
        }

        return _text.Substring(start, _position - start);
    }

    private bool IsEllipsis() =>
        (_position + 2 < _text.Length && _text[_position] == '.' && _text[_position + 1] == '.' && _text[_position + 2] == '.') ||
        (!AtEnd && Current == '\u2026');

    private void SkipEllipsis()
    {
        if (Current == '\u2026')
        {
            _position++;
            return;
        }

        while (!AtEnd && Current == '.')
        {
            _position++;
        }
    }

    private void SkipNested()
    {
        var depth = 0;
        while (!AtEnd)
        {
            var c = Current;
            if (c == '{' || c == '[')
            {
                depth++;
            }
            else if (c == '}' || c == ']')
            {
                depth--;
                if (depth <= 0)
                {
                    _position++;
                    return;
                }
            }

            _position++;
        }
    }

    private void SkipTrivia()
    {
        while (!AtEnd)
        {
            var c = Current;
            if (char.IsWhiteSpace(c) || c == '\uFEFF')
            {
                _position++;
            }
            else if (c == '/' && _position + 1 < _text.Length && _text[_position + 1] == '/')
            {
                Quirk(_position, "JSON has no comments; the comment is ignored");
                while (!AtEnd && Current != '\n')
                {
                    _position++;
                }
            }
            else if (c == '/' && _position + 1 < _text.Length && _text[_position + 1] == '*')
            {
                Quirk(_position, "JSON has no comments; the comment is ignored");
                var end = _text.IndexOf("*/", _position + 2, System.StringComparison.Ordinal);
                _position = end < 0 ? _text.Length : end + 2;
            }
            else if (c == '#')
            {
                Quirk(_position, "JSON has no comments; the comment is ignored");
                while (!AtEnd && Current != '\n')
                {
                    _position++;
                }
            }
            else
            {
                return;
            }
        }
    }

    private static string Printable(char c) => char.IsControl(c) ? $"U+{(int)c:X4}" : c.ToString();
}
