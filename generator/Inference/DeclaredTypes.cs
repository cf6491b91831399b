using System;
using System.Text.RegularExpressions;
using Engage.Codegen.Model;

namespace Engage.Codegen.Inference;

/// <summary>
/// The type a docs page declares for a member: a table's type column or a bullet's parenthetical
/// (<c>(integer)</c>, <c>(array of int)</c>, <c>(date-time)</c>), which the field readers put at the
/// head of the description. A declared type outranks what the prose or the example suggest.
/// Integers are <c>long</c> when the member is an id (<c>id</c>, <c>*_id</c>, <c>*Id</c>): ids outgrow 32 bits.
/// </summary>
internal static class DeclaredTypes
{

    private static readonly Regex s_lead = new(
        @"^\s*(?:(?:required|optional|mandatory)\s*[.:,]?\s*)?\(\s*([A-Za-z][\w\s\-\[\]<>]*?)\s*(?:,\s*(?:required|optional|read-?only|nullable)\s*)*\)",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, Patterns.Timeout);

    private static readonly Regex s_arrayOf = new(
        @"^(?:array|list)\s+of\s+(\w[\w\-]*?)s?$|^(\w[\w\-]*)\s*\[\]$|^\[\](\w[\w\-]*)$|^(?:array|list)\s*<\s*(\w[\w\-]*)\s*>$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, Patterns.Timeout);

    /// <summary>The declared type at the head of <paramref name="description"/>, or null when none is declared or it says too little.</summary>
    public static TypeRef? Read(string description, string jsonName)
    {
        if (description.Length == 0 || description.IndexOf('(') < 0)
        {
            return null;
        }

        var match = s_lead.Match(description);
        if (match.Success)
        {
            return Map(match.Groups[1].Value.Trim().ToLowerInvariant(), jsonName);
        }

        // "(number | optional, default 1)", "(optional number, default 1)", "(int64, available since 2.0)": the one part that names a type.
        var parts = s_parenthetical.Match(description);
        if (!parts.Success)
        {
            return null;
        }

        TypeRef? found = null;
        foreach (var part in s_partSeparator.Split(parts.Groups[1].Value))
        {
            // "(string: "")", "(int: 0)", "(bool: <required>)": a type, a colon, its default.
            var typed = part.Trim().ToLowerInvariant();
            typed = typed.IndexOf(':') is var colon and > 0 ? typed.Substring(0, colon) : typed;
            var words = s_marker.Replace(typed, string.Empty).Trim();
            if (words.Length == 0 || words.StartsWith("default", StringComparison.Ordinal) || words.StartsWith("e.g", StringComparison.Ordinal))
            {
                continue;
            }

            var type = Map(words, jsonName);
            if (type is not null && found is not null && found != type)
            {
                return null; // two types ("string | number"): say nothing
            }

            found ??= type; // a part that is no type word ("available since 2.0") is a note

        }

        return found;
    }

    private static readonly Regex s_parenthetical = new(@"^\s*\(([^()]{1,80})\)", RegexOptions.CultureInvariant, Patterns.Timeout);

    private static readonly Regex s_partSeparator = new(@"\s*[|,;]\s*", RegexOptions.CultureInvariant, Patterns.Timeout);

    private static readonly Regex s_marker = new(@"\b(?:required|optional|mandatory|nullable|read-?only)\b", RegexOptions.CultureInvariant, Patterns.Timeout);

    /// <summary>
    /// A page number, a page size, an offset or a count: JavaScript-typed docs call them "number", and they are
    /// whole numbers (<c>page</c>, <c>pageSize</c>, <c>per_page</c>, <c>limit</c>, <c>offset</c>, <c>*_count</c>; not <c>start</c>, often a date).
    /// </summary>
    internal static bool IsCounting(string jsonName) => s_counting.IsMatch(jsonName);

    private static readonly Regex s_counting = new(
        @"^(?:page|page_?size|page_?number|per_?page|per-page|limit|offset|skip|size|count|top|\w+_count|\w+Count)$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, Patterns.Timeout);

    private static TypeRef? Map(string declared, string jsonName)
    {
        var array = s_arrayOf.Match(declared);
        if (array.Success)
        {
            var element = array.Groups[1].Value + array.Groups[2].Value + array.Groups[3].Value + array.Groups[4].Value;
            var elementType = Scalar(element, Naming.Singular(jsonName));
            return elementType is null ? null : TypeRef.ListOf(elementType);
        }

        return Scalar(declared, jsonName);
    }

    private static TypeRef? Scalar(string declared, string jsonName) => declared switch
    {
        "integer" or "int" or "int32" or "long" or "int64" or "integer (int64)" or "bigint" =>
            IsId(jsonName) || declared is "long" or "int64" or "integer (int64)" or "bigint" ? TypeRef.Int64 : TypeRef.Int32,
        "number" when IsCounting(jsonName) => TypeRef.Int32,
        // "float" and "double" name a binary floating-point number (coordinates, scores, vectors); "number" and
        // "decimal" say no more than that it is a number, which decimal keeps exactly (money, rates).
        "float" or "double" or "float64" or "float32" => TypeRef.Double,
        "number" or "decimal" or "numeric" => TypeRef.Decimal,
        "string" or "str" or "text" or "email" or "url" or "uri" or "uuid" or "guid" => TypeRef.String,
        "boolean" or "bool" => TypeRef.Boolean,
        "date-time" or "datetime" or "timestamp" or "iso 8601" or "iso8601" or "time" => TypeRef.DateTimeOffset,
        "date" => TypeRef.DateOnly, // OpenAPI's and most docs' "date" is a day; "date-time" has the time

        _ => null,
    };

    /// <summary><c>id</c>, <c>uid</c>, <c>user_id</c>, <c>userId</c>, <c>ids</c>: an identifier.</summary>
    public static bool IsId(string jsonName) =>
        jsonName is "id" or "ids" or "ID" ||
        jsonName.EndsWith("_id", StringComparison.OrdinalIgnoreCase) || jsonName.EndsWith("_ids", StringComparison.OrdinalIgnoreCase) ||
        (jsonName.EndsWith("Id", StringComparison.Ordinal) && jsonName.Length > 2)
            || (jsonName.EndsWith("Ids", StringComparison.Ordinal) && jsonName.Length > 3);
}
