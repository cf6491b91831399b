using System;
using System.Collections.Generic;
using Engage.Codegen.Model;

namespace Engage.Codegen.Parsing;

/// <summary>
/// Reads JSON examples as people write them in docs: placeholders (<c>...</c>, <c>{...}</c>,
/// <c>[...]</c>), trailing commas, comments, single quotes, unquoted keys, a missing closing
/// brace; a value that names a type (<c>{ value: float, currency: string }</c>, a sketch of a type) is a value of
/// that type. Takes all it can and reports each problem with its offset. Never throws; nesting is
/// bounded so deep input cannot overflow the stack.
/// <para>
/// Also reads data literals in the languages docs show requests in: PHP arrays (<c>array('k' =&gt; 'v')</c>,
/// <c>['k' =&gt; 'v']</c>, <c>['a', 'b']</c>) and Ruby hashes (<c>{"k" =&gt; "v"}</c>) become objects and
/// arrays, JavaScript object literals (unquoted keys, single quotes) objects. As <c>code</c>, a literal
/// in a PHP or JavaScript fence: that language's own syntax is not reported as a problem, and a
/// fence with more than one literal (and an optional trailing <c>;</c>) holds no example.
/// </para>
/// </summary>
internal sealed partial class LenientJson
{
    public const int MaxDepth = 128;

    private readonly string _text;
    private readonly List<(int Offset, string Message)> _problems = new();
    private readonly bool _code;
    private int _position;

    private LenientJson(string text, bool code)
    {
        _text = text;
        _code = code;
    }

    /// <summary>Reads an example; <paramref name="code"/> for a literal in a PHP or JavaScript fence.</summary>
    public static (JsonNode? Value, IReadOnlyList<(int Offset, string Message)> Problems) Parse(string text, bool code = false)
    {
        var parser = new LenientJson(text, code);
        parser.SkipTrivia();
        if (parser.AtEnd)
        {
            parser._problems.Add((0, "the example is empty"));
            return (null, parser._problems);
        }

        var value = parser.ParseValue(0);
        parser.SkipTrivia();
        if (code && !parser.AtEnd && parser.Current == ';')
        {
            parser._position++;
            parser.SkipTrivia();
        }

        if (!parser.AtEnd)
        {
            if (code)
            {
                // More code after the literal ($client->post('things', $data)): a program, not an example.
                return (null, System.Array.Empty<(int, string)>());
            }

            parser._problems.Add((parser._position, "text after the end of the JSON value is ignored"));
        }

        return (value, parser._problems);
    }

    /// <summary>A departure from JSON that is the literal's own syntax in code (single quotes, unquoted keys, comments).</summary>
    private void Quirk(int offset, string message)
    {
        if (!_code)
        {
            _problems.Add((offset, message));
        }
    }

    /// <summary>At PHP's and Ruby's <c>=&gt;</c> between a key and its value.</summary>
    private bool AtArrow => _position + 1 < _text.Length && _text[_position] == '=' && _text[_position + 1] == '>';

    private bool AtEnd => _position >= _text.Length;

    private char Current => _text[_position];

    private JsonNode ParseValue(int depth)
    {
        SkipTrivia();
        if (AtEnd)
        {
            _problems.Add((_position, "the example ends where a value was expected"));
            return JsonNode.Scalar(JsonKind.Unknown, null);
        }

        if (depth >= MaxDepth)
        {
            _problems.Add((_position, $"nesting deeper than {MaxDepth} levels is not read"));
            SkipNested();
            return JsonNode.Scalar(JsonKind.Unknown, null);
        }

        var c = Current;
        if (c == '{')
        {
            return ParseObject(depth);
        }

        if (c == '[')
        {
            return ParseArray(depth, '[', ']');
        }

        if (c == '"' || c == '\'' || c == '\u201C' || c == '\u2018')
        {
            return JsonNode.Scalar(JsonKind.String, ParseString());
        }

        if (IsEllipsis())
        {
            SkipEllipsis();
            return JsonNode.Scalar(JsonKind.Unknown, null);
        }

        if (c == '-' || char.IsDigit(c))
        {
            return ParseNumber();
        }

        var wordStart = _position;
        var word = ReadWord();
        if (word == "array")
        {
            // PHP's long array syntax: array('key' => 'value'), array('a', 'b').
            SkipTrivia();
            if (!AtEnd && Current == '(')
            {
                return ParseArray(depth, '(', ')');
            }

            _position = wordStart + word.Length;
        }

        switch (_code ? word.ToLowerInvariant() : word)
        {
            case "true":
            case "false":
                return JsonNode.Scalar(JsonKind.Boolean, word);
            case "null":
                return JsonNode.Scalar(JsonKind.Null, null);
            // A sketch of a type whose values name types ({ value: float, currency: string }): a value of that type.
            case "string" or "str" or "text":
                return JsonNode.Scalar(JsonKind.String, "text");
            case "int" or "integer" or "long" or "int32" or "int64":
                return JsonNode.Scalar(JsonKind.Integer, "1");
            case "float" or "double" or "number" or "decimal":
                return JsonNode.Scalar(JsonKind.Decimal, "0.5");
            case "bool" or "boolean":
                return JsonNode.Scalar(JsonKind.Boolean, "true");
            case "":
                _problems.Add((_position, $"unexpected character '{Printable(c)}'"));
                _position++;
                return JsonNode.Scalar(JsonKind.Unknown, null);
            default:
                _problems.Add((_position - word.Length, $"'{word}' is not a JSON value"));
                return JsonNode.Scalar(JsonKind.Unknown, null);
        }
    }

    private JsonNode ParseObject(int depth)
    {
        var start = _position;
        _position++; // {
        var properties = new List<JsonProperty>();
        var names = new HashSet<string>();
        while (true)
        {
            var step = BetweenMembers(start, '{', '}', "an object");
            if (step == Step.Close)
            {
                break;
            }

            if (step == Step.Skip)
            {
                continue;
            }

            var keyStart = _position;
            string key;
            if (Current == '"' || Current == '\'' || Current == '\u201C' || Current == '\u2018')
            {
                key = ParseString();
            }
            else
            {
                key = ReadWord();
                if (key.Length == 0)
                {
                    _problems.Add((_position, $"unexpected character '{Printable(Current)}' where a property name was expected"));
                    _position++;
                    continue;
                }

                Quirk(keyStart, $"property name {key} is not quoted");
            }

            SkipTrivia();
            JsonNode? unopened = null;
            if (!AtEnd && Current == ':')
            {
                _position++;
            }
            else if (AtArrow)
            {
                _position += 2;
            }
            else if (KeyMissingItsQuote(ref key) is { } text)
            {
                // "description: "Create, read or delete.": the key's closing quote is missing, so the quote meant to
                // open the value closed the key; the value runs to the next quote on its line.
                _problems.Add((keyStart, $"the closing quote of \"{key}\" is missing"));
                unopened = JsonNode.Scalar(JsonKind.String, text);
            }
            else
            {
                _problems.Add((_position, $"':' expected after \"{key}\""));
            }

            var value = unopened ?? ParseValue(depth + 1);
            if (names.Add(key))
            {
                properties.Add(new JsonProperty(key, value));
            }
            else
            {
                _problems.Add((keyStart, $"property \"{key}\" appears twice; the first is used"));
            }

            if (!AfterMember('}') && !AtEnd && Current != '}' && Current != ']')
            {
                _problems.Add((_position, "',' expected between properties"));
            }
        }

        return new JsonNode(JsonKind.Object, null, properties.ToEquatableArray(), EquatableArray<JsonNode>.Empty);
    }

    /// <summary>
    /// Where a quoted key ends with a colon and text follows on its line (<c>"description: "Create, read."</c>, or
    /// <c>"age': "2m"</c> with the other quote where its own belonged): the key without the colon and that quote, and
    /// the value's text up to the next quote on the line, which is skipped. Null, with nothing read, otherwise.
    /// </summary>
    private string? KeyMissingItsQuote(ref string key)
    {
        var trimmed = key.TrimEnd();
        if (!trimmed.EndsWith(":", StringComparison.Ordinal) || trimmed.Length < 2 || AtEnd || Current is '\n' or '\r')
        {
            return null;
        }

        var end = _position;
        while (end < _text.Length && _text[end] is not ('"' or '\n' or '\r'))
        {
            end++;
        }

        if (end >= _text.Length || _text[end] != '"')
        {
            return null;
        }

        key = trimmed.Substring(0, trimmed.Length - 1).TrimEnd().TrimEnd('\'', '\u2019'); // "age': "2m": a slip of the other quote
        var text = _text.Substring(_position, end - _position);
        _position = end + 1;
        return text;
    }

    /// <summary>
    /// An array, or a PHP array (<c>[...]</c> or <c>array(...)</c>) whose members are <c>key =&gt; value</c>,
    /// which is an object.
    /// </summary>
    private JsonNode ParseArray(int depth, char open, char close)
    {
        var start = _position;
        _position++; // [ or (
        var items = new List<JsonNode>();
        var properties = new List<JsonProperty>();
        var names = new HashSet<string>();
        while (true)
        {
            var step = BetweenMembers(start, open, close, "an array");
            if (step == Step.Close)
            {
                break;
            }

            if (step == Step.Skip)
            {
                continue;
            }

            var before = _position;
            var item = ParseValue(depth + 1);
            SkipTrivia();
            if (AtArrow && item.Kind is JsonKind.String or JsonKind.Integer)
            {
                _position += 2;
                var value = ParseValue(depth + 1);
                if (names.Add(item.Text ?? string.Empty))
                {
                    properties.Add(new JsonProperty(item.Text ?? string.Empty, value));
                }
                else
                {
                    _problems.Add((before, $"key \"{item.Text}\" appears twice; the first is used"));
                }
            }
            else
            {
                items.Add(item);
            }

            if (!AfterMember(close) && !AtEnd && Current != close && Current != ']' && Current != '}' && _position == before)
            {
                _position++;
            }
        }

        return properties.Count > 0
            ? new JsonNode(JsonKind.Object, null, properties.ToEquatableArray(), EquatableArray<JsonNode>.Empty)
            : new JsonNode(JsonKind.Array, null, EquatableArray<JsonProperty>.Empty, items.ToEquatableArray());
    }

    private enum Step
    {
        Close,
        Skip,
        Member,
    }

    /// <summary>
    /// What objects and arrays share between members: the end of the input, the closing bracket
    /// (or the other kind), separators and placeholders.
    /// </summary>
    private Step BetweenMembers(int start, char open, char close, string container)
    {
        SkipTrivia();
        var wrongClose = close == '}' ? ']' : '}';
        if (close == ')' && !AtEnd && Current == ']')
        {
            wrongClose = ']';
        }
        if (AtEnd)
        {
            _problems.Add((start, $"{container} is not closed with '{close}'"));
            return Step.Close;
        }

        if (Current == close)
        {
            _position++;
            return Step.Close;
        }

        if (Current == wrongClose && NextAfterTrivia(_position + 1) == close)
        {
            // One closing bracket too many ("}\n}\n]" after an array's last object): the stray one is dropped.
            _problems.Add((_position, $"a stray '{wrongClose}' in {container} is ignored"));
            _position++;
            return Step.Skip;
        }

        if (Current == wrongClose)
        {
            _problems.Add((_position, $"'{wrongClose}' closes {container} opened with '{open}'"));
            _position++;
            return Step.Close;
        }

        if (Current == ',')
        {
            _position++;
            return Step.Skip;
        }

        if (IsEllipsis())
        {
            SkipEllipsis();
            return Step.Skip;
        }

        return Step.Member;
    }

    /// <summary>The first character from <paramref name="offset"/> that is not white space, or '\0' at the end.</summary>
    private char NextAfterTrivia(int offset)
    {
        while (offset < _text.Length && char.IsWhiteSpace(_text[offset]))
        {
            offset++;
        }

        return offset < _text.Length ? _text[offset] : '\0';
    }

    /// <summary>Consumes the comma after a member, if any, reporting a trailing one; false when there is none.</summary>
    private bool AfterMember(char close)
    {
        SkipTrivia();
        if (AtEnd || Current != ',')
        {
            return false;
        }

        _position++;
        SkipTrivia();
        if (!AtEnd && Current == close)
        {
            Quirk(_position, $"trailing comma before '{close}'");
        }

        return true;
    }

}
