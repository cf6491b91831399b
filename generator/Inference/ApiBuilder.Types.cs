using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using Engage.Codegen.Model;

namespace Engage.Codegen.Inference;

/// <summary>
/// Decides the C# type of a documented field or parameter from every source the docs offer, in a
/// fixed order: explicit prose (value unions, arrays of objects or ids, listed values, dates,
/// booleans, counts), then the example value, then the same-named field of a documented object,
/// then weaker prose ("string", "phone number", "url"), then an open object; JsonElement (with an
/// informational diagnostic) only when nothing implies a type.
/// </summary>
internal sealed partial class ApiBuilder
{
    private static readonly Regex s_wordString = new(@"\bstring\b", RegexOptions.CultureInvariant, Patterns.Timeout);
    private static readonly Regex s_wordNumber = new(@"\bnumber\b", RegexOptions.CultureInvariant, Patterns.Timeout);
    private static readonly Regex s_wordBoolean = new(@"\bbool(?:ean)?\b", RegexOptions.CultureInvariant, Patterns.Timeout);
    private static readonly Regex s_saysValues = new(@"\beach\s+value\b|\bvalues\b|\bobject\b", RegexOptions.CultureInvariant, Patterns.Timeout);
    private static readonly Regex s_listJoiners = new(@"^(?:and|or|,)\s+|\s+(?:and|or|,)$", RegexOptions.CultureInvariant, Patterns.Timeout);

    private static Regex R(string pattern) => new(pattern, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, Patterns.Timeout);

    private static readonly Regex s_arrayOfObjects = R(
        @"(?:an?\s+)?(?:array|list)\s+of\s+objects?\s+(?:with|having|containing)\s+(?:the\s+)?(?:(?:properties|fields|keys|attributes)\s*:?\s*)?");
    private static readonly Regex s_objectWith = R(@"\bobject\s+(?:with|having|containing)\s+(?:the\s+)?(?:properties|fields|keys|attributes)\s*:?\s*");
    private static readonly Regex s_arrayOfStrings = R(
        @"\b(?:array|list)\s+of\s+(?:[\w-]+\s+){0,3}?(?:ids|strings|identifiers|names|emails|tokens|urls|tags|keys)\b");
    private static readonly Regex s_arrayOfIntegers = R(@"\b(?:array|list)\s+of\s+(?:integers|ints|whole\s+numbers)\b");
    private static readonly Regex s_arrayOfNumbers = R(@"\b(?:array|list)\s+of\s+numbers\b");
    private static readonly Regex s_listedValues = R(@"(?:(?:supported|possible|allowed|valid|accepted)\s+values\s*(?:are|is|include)?|" +
        @"(?<!\bonly\s)\bone\s+of|(?<!\bonly\s)\beither)\s*:?\s*((?:`[^`]+`(?:\s*,\s*|\s+or\s+|\s*,\s*or\s+|" +
        @"\s+and\s+)?)+)");
    private static readonly Regex s_backticked = R("`([^`]+)`");
    private static readonly Regex s_timeWords = R(@"\btimestamp\b|\bdate-?time\b|\btime\b|\bhours?\b|\bminutes?\b|\bseconds?\b|\butc\b|\btime\s*zone\b");
    private static readonly Regex s_date = R(@"\b(?:date|timestamp|datetime|date-time|iso\s*8601|time\s+of)\b");
    private static readonly Regex s_boolean = R(
        @"set\s+to\s+`?(?:true|false)`?|`?\b(?:true|false)\b`?\s+or\s+`?\b(?:true|false)\b`?|\bwhether\b|\bboolean\b|\bbool\b|\bflag\b");
    private static readonly Regex s_integer = R(@"\bnumber\s+of\b|\bcount\s+of\b|\bhow\s+many\b|\binteger\b|\bint\b");
    private static readonly Regex s_weakString = R(
        @"\bstring\b|\bphone\s+number\b|\bemail\b|\burl\b|\bname\b|\btitle\b|\bid\b|\bidentifier\b|\btext\b|\bcurrency\b|\btoken\b|cursor\b");
    private static readonly Regex s_stringName = R(@"^(?:id|uid|\w+_id|token|\w+_token|email|\w+_email|name|\w+_name|title|description|url|\w+_url|slug|" +
        @"code|status|type|currency|cursor|\w+_cursor|next|prev|previous)$");
    private static readonly Regex s_epoch = R(@"\bunix\s+(?:timestamp|time|epoch)\b|\bepoch\s+(?:seconds|milliseconds|time|timestamp)\b|" +
        @"\b(?:seconds|milliseconds)\s+since\s+(?:the\s+)?(?:unix\s+)?epoch\b");
    private static readonly Regex s_momentName = new(@"(?:_at|[a-z]At)$", RegexOptions.CultureInvariant, Patterns.Timeout);
    private static readonly Regex s_momentDescription = R(@"^\W*when\s+(?:the|this|it|an?)\s+\w+(?:\s+\w+)?\s+(?:was|were|is|last|first)?\s*\w+ed\b");
    private static readonly Regex s_open = R(
        @"\b(?:additional|custom|arbitrary|any)\s+(?:attributes|properties|fields|keys|data|metadata|key[-\s]value\s+pairs)\b");
    private static readonly Regex s_openObject = R(@"\b(?:object|map|dictionary|hash)\b");
    private static readonly Regex s_nullable = R(@"\bif\s+(?:added|exists|any|known|set|available|provided)\b|\b(?:may|can|could)\s+be\s+(?:null|empty|" +
        @"missing)\b|\bnullable\b|\bonly\s+present\b|\bpresent\s+only\b|\bnot\s+always\s+present\b");
    private static readonly Regex s_isoDate = new(@"^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2}| UTC)?)?$",
        RegexOptions.CultureInvariant, Patterns.Timeout);

    internal static bool ProseSaysNullable(string description) => s_nullable.IsMatch(description);

    private static bool MentionsScalarUnion(string lower) =>
        lower.Contains("string") && lower.Contains("number") && lower.Contains("bool") &&
        s_wordString.IsMatch(lower) &&
        s_wordNumber.IsMatch(lower) &&
        s_wordBoolean.IsMatch(lower);

    /// <summary>The type of one member. Registers nested models and enums it implies.</summary>
    private TypeRef InferType(
        string owner,
        string jsonName,
        string description,
        JsonNode? example,
        TypeRef? fallback,
        LocationInfo location,
        string source)
    {
        var lower = description.ToLowerInvariant();

        // A type the page declares (a table's type column, "(integer)") decides, except that a string
        // with listed values still becomes an enum below.
        var declared = DeclaredTypes.Read(description, jsonName);
        if (declared is not null && declared.Kind != TypeKind.String)
        {
            return declared;
        }

        // "See the section Attachments Detail", "An array of [Attachment Field Objects](#attachment-field-objects)": the object that section documents.
        if (LinkedObject(owner, description, example, declared) is { } linked)
        {
            return linked;
        }

        // Cheap word checks first: each pattern below needs its word, and most descriptions have none of them.
        var mentionsList = lower.Contains("array") || lower.Contains("list");
        var mentionsObject = lower.Contains("object");

        if (MentionsScalarUnion(lower))
        {
            var open = s_saysValues.IsMatch(lower)
                || example?.Kind == JsonKind.Object;
            return open ? TypeRef.DictionaryOf(TypeRef.Scalar) : TypeRef.Scalar;
        }

        var arrayOfObjects = mentionsList && mentionsObject ? s_arrayOfObjects.Match(description) : Match.Empty;
        if (arrayOfObjects.Success)
        {
            var element = example?.Kind == JsonKind.Array ? example.Items.FirstOrDefault(i => i.Kind == JsonKind.Object) : null;
            var fields = ReadInlineFields(description.Substring(arrayOfObjects.Index + arrayOfObjects.Length));
            if (fields.Count > 0 || element is not null)
            {
                return TypeRef.ListOf(NestedModel(owner + Naming.Pascal(Naming.Singular(jsonName)), owner, jsonName, fields, element, location, source));
            }
        }

        var objectWith = mentionsObject ? s_objectWith.Match(description) : Match.Empty;
        if (objectWith.Success)
        {
            var fields = ReadInlineFields(description.Substring(objectWith.Index + objectWith.Length));
            if (fields.Count > 0)
            {
                return NestedModel(owner + Naming.Pascal(jsonName), owner, jsonName, fields, example?.Kind == JsonKind.Object ? example : null, location,
                    source);
            }
        }

        if (mentionsList && s_arrayOfStrings.IsMatch(description))
        {
            if (example?.Kind == JsonKind.Array
                && example.Items.Any(i => i.Kind is JsonKind.Integer or JsonKind.Decimal or JsonKind.Boolean or JsonKind.Object))
            {
                _diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.ProseContradictsExample, location, $"{owner}.{jsonName}",
                    "the description implies an array of strings but the example holds other values", $"'{jsonName}' is a list of strings"));
            }

            return TypeRef.ListOf(TypeRef.String);
        }

        if (mentionsList && s_arrayOfIntegers.IsMatch(description))
        {
            return TypeRef.ListOf(TypeRef.Int32);
        }

        if (mentionsList && s_arrayOfNumbers.IsMatch(description))
        {
            return TypeRef.ListOf(TypeRef.Decimal);
        }

        var listed = description.IndexOf('`') >= 0 ? s_listedValues.Match(description) : Match.Empty;
        if (listed.Success)
        {
            var values = s_backticked.Matches(listed.Groups[1].Value).Cast<Match>().Select(m => m.Groups[1].Value.Trim()).Where(
                v => v.Length > 0).Distinct().ToList();
            if (values.Count > 0 && values.All(v => v is "true" or "false"))
            {
                return TypeRef.Boolean;
            }

            if (values.Count >= 2)
            {
                return EnumType(owner, jsonName, values, description, source);
            }
        }

        // "(string: <required>) the JSON definition of the job" over an object example: the object is what is sent (a
        // string declared over an array stays a string: "a comma-separated list" is sent as one).
        if (declared == TypeRef.String && example?.Kind == JsonKind.Object && TypeFromExample(owner, jsonName, example, location, source) is { } structured)
        {
            return structured;
        }

        if (declared is not null)
        {
            return declared;
        }

        var prose = PlainProseType(description, lower);
        if (prose is not null)
        {
            var shown = example is null ? null : TypeFromExample(owner, jsonName, example, location, source);
            // "The start date" over "2026-06-01": a day, unless the prose speaks of a time.
            if (prose == TypeRef.DateTimeOffset && shown == TypeRef.DateOnly && !s_timeWords.IsMatch(description))
            {
                return TypeRef.DateOnly;
            }

            if (shown is not null && shown != prose && !(prose == TypeRef.Int32 && shown == TypeRef.Int64)
                && !(prose == TypeRef.DateTimeOffset && shown == TypeRef.DateOnly))
            {
                _diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.ProseContradictsExample, location, $"{owner}.{jsonName}",
                    $"the description implies {Describe(prose)} but the example shows {Describe(shown)}", $"'{jsonName}' is {Describe(prose)}"));
            }

            return prose;
        }

        // An object the docs call open ("custom fields", "any properties") is a dictionary, whatever keys its example shows.
        if (example?.Kind == JsonKind.Object && lower.Contains("any") | lower.Contains("custom") | lower.Contains("additional") | lower.Contains("arbitrary")
            && s_open.IsMatch(description))
        {
            return TypeRef.DictionaryOf(OpenValueType(example));
        }

        var fromExample = example is null ? null : TypeFromExample(owner, jsonName, example, location, source);
        if (fromExample is not null)
        {
            return fromExample;
        }

        // "Default: `false`", "Defaults to 100": the stated default's kind, where no example shows one.
        if (example is null && lower.Contains("default") && DefaultValueType(description) is { } byDefault)
        {
            return byDefault;
        }

        // A bare `offset`, `limit` or `page` with nothing said of it counts: a whole number.
        if (example is null && DeclaredTypes.IsCounting(jsonName))
        {
            return TypeRef.Int32;
        }

        if (fallback is not null)
        {
            return fallback;
        }

        // A moment the example leaves null: `lost_at`, `finishedAt`, or "When the agent disconnected".
        if ((example is null || example.Kind == JsonKind.Null)
            && (s_momentName.IsMatch(jsonName) || (s_momentDescription.IsMatch(description) && !s_boolean.IsMatch(description))))
        {
            return TypeRef.DateTimeOffset;
        }

        if (s_weakString.IsMatch(description) || s_stringName.IsMatch(jsonName))
        {
            return TypeRef.String;
        }

        if (s_openObject.IsMatch(description))
        {
            return TypeRef.DictionaryOf(TypeRef.JsonElement);
        }

        _diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.UntypedMember, location, jsonName, owner));
        return TypeRef.JsonElement;
    }

    /// <summary>
    /// The type that a request parameter of the same name on the same page states, for an object's
    /// field whose own description and example imply none: "the user's number" on the object and "the
    /// user's phone number, in international format" on a request is a string. Only a declared type
    /// or a plain prose reading (a date, a boolean, a count, a string); nothing is registered.
    /// </summary>
    private TypeRef? SecondDescriptionType(string fileName, string jsonName)
    {
        if (!_parameterDescriptions.TryGetValue((fileName, jsonName), out var descriptions))
        {
            return null;
        }

        foreach (var description in descriptions)
        {
            var declared = DeclaredTypes.Read(description, jsonName);
            if (declared is not null && declared.Kind is not (TypeKind.Model or TypeKind.Enum))
            {
                return declared;
            }

            var prose = PlainProseType(description, description.ToLowerInvariant()) ?? (s_weakString.IsMatch(description) ? TypeRef.String : null);
            if (prose is not null)
            {
                return prose;
            }
        }

        return null;
    }

    /// <summary>What plain prose says of a type: a date ("timestamp", "time of"), a boolean ("whether"), a count ("number of").</summary>
    private static TypeRef? PlainProseType(string description, string lower)
    {
        var mentionsDate = lower.Contains("date") || lower.Contains("time") || lower.Contains("iso");
        // "unix timestamp", "epoch milliseconds": a moment sent as a whole number.
        return (lower.Contains("unix") || lower.Contains("epoch")) && s_epoch.IsMatch(description) ? TypeRef.Int64
            : mentionsDate && s_date.IsMatch(description) ? TypeRef.DateTimeOffset
            : MentionsBoolean(lower) && s_boolean.IsMatch(description) ? TypeRef.Boolean
            : MentionsCount(lower) && s_integer.IsMatch(description) ? TypeRef.Int32
            : null;
    }

    // Words one of s_boolean's or s_integer's forms holds, looked for before the pattern runs: most descriptions have none.
    private static bool MentionsBoolean(string lower) =>
        lower.Contains("true") || lower.Contains("false") || lower.Contains("whether") || lower.Contains("bool") || lower.Contains("flag");

    private static bool MentionsCount(string lower) => lower.Contains("number") || lower.Contains("count") || lower.Contains("how") || lower.Contains("int");

    private static readonly Regex s_defaultValue = R(@"\bdefaults?(?:\s+(?:value|is|to))*\s*[:=]?\s*(`?)(true|false|-?\d{1,12}(?:\.\d+)?)\1(?![\w\-:/`]|\.\w)");

    /// <summary>The kind of a default the description states as a literal (<c>true</c>, <c>100</c>, <c>0.5</c>), or null.</summary>
    private static TypeRef? DefaultValueType(string description)
    {
        var match = s_defaultValue.Match(description);
        if (!match.Success)
        {
            return null;
        }

        var value = match.Groups[2].Value;
        return value is "true" or "false" ? TypeRef.Boolean : value.IndexOf('.') >= 0 ? TypeRef.Decimal : TypeRef.Int32;
    }

    /// <summary>The value type of an open object, from its example: all strings, scalars of several kinds, or anything.</summary>
    private static TypeRef OpenValueType(JsonNode example)
    {
        var kinds = example.Properties.Select(p => p.Value.Kind).Where(k => k != JsonKind.Null).Distinct().ToList();
        if (kinds.Count == 1 && kinds[0] == JsonKind.String)
        {
            return TypeRef.String;
        }

        return kinds.Count > 0 && kinds.All(k => k is JsonKind.String or JsonKind.Integer or JsonKind.Decimal or JsonKind.Boolean) ? TypeRef.Scalar
            : TypeRef.JsonElement;
    }

    private static string Describe(TypeRef type) => type.Kind switch
    {
        TypeKind.DateTimeOffset => "a date",
        TypeKind.DateOnly => "a date without a time",
        TypeKind.Boolean => "a boolean",
        TypeKind.Int32 or TypeKind.Int64 => "an integer",
        TypeKind.Decimal => "a decimal number",
        TypeKind.Double => "a floating-point number",
        TypeKind.String => "a string",
        TypeKind.List => "an array",
        TypeKind.Dictionary or TypeKind.Model => "an object",
        _ => type.Kind.ToString(),
    };

    /// <summary>The type an example value shows, or null when it shows none (null, <c>[]</c>, a placeholder).</summary>
    private TypeRef? TypeFromExample(string owner, string jsonName, JsonNode example, LocationInfo location, string source)
    {
        switch (example.Kind)
        {
            case JsonKind.String:
                // "2026-06-01" is a day; "2026-06-01T10:00:00Z" (or with a space for the T) a moment, and so is a day in a
                // member named for a moment (`starts_at`, `createdAt`), which other values give with their time.
                return s_isoDate.IsMatch(example.Text ?? string.Empty)
                    ? example.Text!.Length == 10 && !s_momentName.IsMatch(jsonName) ? TypeRef.DateOnly : TypeRef.DateTimeOffset
                    : TypeRef.String;
            case JsonKind.Integer:
                // Ids are long (real APIs show ids like 1069479573, and JSON ids reach 2^53), and so is
                // any integer whose example comes within a factor of four of the 32-bit limit.
                if (!long.TryParse(example.Text, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var whole))
                {
                    return TypeRef.Decimal;
                }

                return DeclaredTypes.IsId(jsonName) || whole > int.MaxValue / 4 || whole < int.MinValue / 4 ? TypeRef.Int64 : TypeRef.Int32;
            case JsonKind.Decimal:
                return TypeRef.Decimal;
            case JsonKind.Boolean:
                return TypeRef.Boolean;
            case JsonKind.Array:
            {
                TypeRef? element = null;
                var items = example.Items.Where(i => i.Kind is not (JsonKind.Null or JsonKind.Unknown)).ToList();
                if (items.Count == 0)
                {
                    return null;
                }

                if (items[0].Kind == JsonKind.Object)
                {
                    element = MatchObject(items[0])
                        ?? NestedModel(owner + Naming.Pascal(Naming.Singular(jsonName)), owner, jsonName, new List<(string, string)>(), MergeObjects(items),
                        location, source);
                }
                else
                {
                    element = TypeFromExample(owner, Naming.Singular(jsonName), items[0], location, source);
                    if (items.Any(i => i.Kind == JsonKind.Decimal) && element?.Kind == TypeKind.Int32)
                    {
                        element = TypeRef.Decimal;
                    }
                }

                return element is null ? null : TypeRef.ListOf(element);
            }

            case JsonKind.Object:
                return MatchObject(example)
                    ?? NestedModel(owner + Naming.Pascal(jsonName), owner, jsonName, new List<(string, string)>(), example, location, source);
            default:
                return null;
        }
    }

    /// <summary>Merges the keys of several example objects (first value of each key wins).</summary>
    private static JsonNode MergeObjects(IEnumerable<JsonNode> objects)
    {
        // Each member as its first sample shows it; one that a sample shows null and another with a value is that value,
        // which may be null ("description": null in the second of two projects).
        var properties = new List<JsonProperty>();
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var item in objects.Where(o => o.Kind == JsonKind.Object))
        {
            foreach (var property in item.Properties)
            {
                if (!index.TryGetValue(property.Name, out var at))
                {
                    index[property.Name] = properties.Count;
                    properties.Add(property);
                }
                else if (properties[at].Value.Kind == JsonKind.Null && property.Value.Kind != JsonKind.Null)
                {
                    properties[at] = property with { Value = property.Value with { SeenNull = true } };
                }
                else if (property.Value.Kind == JsonKind.Null && !properties[at].Value.MayBeNull)
                {
                    properties[at] = properties[at] with { Value = properties[at].Value with { SeenNull = true } };
                }
            }
        }

        return new JsonNode(JsonKind.Object, null, properties.ToEquatableArray(), EquatableArray<JsonNode>.Empty);
    }

    /// <summary>
    /// Reads inline field lists such as <c>`token` (the device token string) and `platform`
    /// (supported values are `android` or `ios`)</c>: a backticked name outside parentheses starts a
    /// field; the words up to the next such name describe it. The list ends at the sentence's end.
    /// </summary>
    private static List<(string Name, string Description)> ReadInlineFields(string text)
    {
        var fields = new List<(string Name, string Description)>();
        var depth = 0;
        string? current = null;
        var description = new System.Text.StringBuilder();
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '(')
            {
                depth++;
            }
            else if (c == ')')
            {
                depth = Math.Max(0, depth - 1);
            }
            else if (depth == 0 && (c == ':' || (c == '.' && (i + 1 == text.Length || char.IsWhiteSpace(text[i + 1])))))
            {
                break;
            }
            else if (c == '`' && depth == 0)
            {
                var end = text.IndexOf('`', i + 1);
                if (end < 0)
                {
                    break;
                }

                if (current is not null)
                {
                    fields.Add((current, description.ToString().Trim()));
                }

                current = text.Substring(i + 1, end - i - 1).Trim();
                description.Clear();
                i = end;
                continue;
            }

            if (current is not null)
            {
                description.Append(c);
            }
        }

        if (current is not null)
        {
            fields.Add((current, description.ToString().Trim()));
        }

        return fields.Where(f => f.Name.Length > 0).Select(f => (f.Name,
            s_listJoiners.Replace(f.Description, string.Empty).Trim(' ', ',',
            '(', ')'))).ToList();
    }
}
