using System;
using System.Collections.Generic;
using System.Text.RegularExpressions;

namespace Engage.Codegen.Parsing;

/// <summary>
/// The values a page shows as the names or ids of things: JSON string values of identifying fields
/// (<c>"name": "logos"</c>, <c>"id": "set-1"</c>, with the field that holds them) and values its prose names a
/// thing by ("a set called <c>`countries`</c>", "a preset named <c>`listing_view`</c>"). A path segment spelled like one of them, right after a collection's
/// name, is that sample value standing in a parameter's place: <c>/tags/logos.json</c> after
/// <c>{"name": "logos"}</c> is <c>/tags/{tagName}.json</c>. Words the page writes as fixed segments of a path
/// that has parameters (<c>/collections/:name/documents/search</c>) are never samples.
/// </summary>
internal sealed class SampleValues
{

    /// <summary>A JSON string value in a field that names or identifies its object: "id", "name", "key", "slug", "uid", "handle".</summary>
    private static readonly Regex s_jsonPair = new(
        @"""(?<field>id|name|key|slug|uid|uuid|handle)""\s*:\s*""(?<value>[A-Za-z0-9][\w.\-]{1,80})""", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant,
            Patterns.Timeout);

    /// <summary>A value the prose names a thing by: "a set called `countries`", "a tag named `logos`", "with name `x`".</summary>
    private static readonly Regex s_named = new(
        @"\b(?:(?<field>name)d?|called|with\s+(?:the\s+)?(?<field>id))\s+`(?<value>[A-Za-z0-9][\w.\-]{1,80})`",
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, Patterns.Timeout);

    /// <summary>A path with two segments or more; one with a parameter marker gives the fixed words around it.</summary>
    private static readonly Regex s_path = new(@"(?:/[\w\-.~:{}<>$]+){2,}", RegexOptions.CultureInvariant, Patterns.Timeout);

    private readonly Dictionary<string, string> _values = new(StringComparer.Ordinal);
    private readonly HashSet<string> _fixed = new(StringComparer.OrdinalIgnoreCase);

    private SampleValues()
    {
    }

    public static readonly SampleValues None = new();

    public static SampleValues Read(string text)
    {
        var samples = new SampleValues();
        try
        {
            foreach (Match match in s_jsonPair.Matches(text))
            {
                samples.Add(match.Groups["value"].Value, match.Groups["field"].Value);
            }

            foreach (Match match in s_named.Matches(text))
            {
                samples.Add(match.Groups["value"].Value, match.Groups["field"].Success ? match.Groups["field"].Value.ToLowerInvariant() : "name");
            }

            foreach (Match match in s_path.Matches(text))
            {
                var path = match.Value;
                if (path.IndexOf('{') < 0 && path.IndexOf("/:", StringComparison.Ordinal) < 0 && path.IndexOf('<') < 0)
                {
                    continue;
                }

                foreach (var segment in path.Split('/'))
                {
                    if (segment.Length > 0 && segment.IndexOfAny(new[] { '{', '}', ':', '<', '>', '$' }) < 0)
                    {
                        samples._fixed.Add(StripSuffix(segment));
                    }
                }
            }
        }
        catch (RegexMatchTimeoutException)
        {
            // A page too pathological to scan shows no samples: its paths are read as written.
            return None;
        }

        return samples;
    }

    /// <summary>
    /// What a sample value is (<c>"name"</c> or <c>"id"</c>: the field it is shown in, or the word the prose names it
    /// by), or null when <paramref name="segment"/> (its <c>.json</c> suffix aside) is no value the page shows.
    /// </summary>
    public string? FieldOf(string segment)
    {
        var value = StripSuffix(segment);
        return !_fixed.Contains(value) && _values.TryGetValue(value, out var field) ? field : null;
    }

    private void Add(string value, string field)
    {
        if (!_values.ContainsKey(value))
        {
            _values[value] = field;
        }
    }

    /// <summary>The <c>.json</c>-like suffix of a segment ("" when it has none).</summary>
    public static string Suffix(string segment) => segment.Substring(StripSuffix(segment).Length);

    private static string StripSuffix(string segment)
    {
        var dot = segment.LastIndexOf('.');
        return dot > 0 && segment.Length - dot <= 5 && IsLetters(segment, dot + 1) ? segment.Substring(0, dot) : segment;
    }

    private static bool IsLetters(string text, int start)
    {
        for (var i = start; i < text.Length; i++)
        {
            if (!char.IsLetter(text[i]))
            {
                return false;
            }
        }

        return start < text.Length;
    }
}
