using System;
using System.Linq;
using System.Text.RegularExpressions;
using Engage.Codegen.Model;

namespace Engage.Codegen.Parsing;

/// <summary>What the blocks after a label hold.</summary>
internal enum Label
{
    None,
    Parameters,
    Request,
    Response,

    /// <summary>Status codes, headers, errors, notes: nothing in them is a parameter or an example.</summary>
    Other,
}

/// <summary>
/// Labels inside an endpoint section, as paragraphs ("Example request:", "Parameters") or as
/// subheadings ("### Query Parameters", "### Response", "### HTTP Request"), read despite typos.
/// </summary>
internal static class Labels
{
    private static readonly Regex s_queryWord = new(@"\bquery\b|\bquery[-\s]string\b", RegexOptions.CultureInvariant, Patterns.Timeout);
    private static readonly Regex s_bodyWord = new(@"\b(?:body|form|payload|request\s+body)\b", RegexOptions.CultureInvariant, Patterns.Timeout);
    private static readonly Regex s_pathWord = new(@"\b(?:url|path|route)\b", RegexOptions.CultureInvariant, Patterns.Timeout);
    private static readonly Regex s_parametersLabel = new(@"^(?:(?:required|optional|query|string|body|request|path|url|form)\s+){0,3}parameters?\b|"
        + @"^(?:available\s+|supported\s+|optional\s+)?(?:filters|options|arguments)\s*:$", RegexOptions.CultureInvariant, Patterns.Timeout);
    private static readonly Regex s_requestLabel = new(@"^(?:an?\s+)?(?:example|sample)\s+(?:request|payload|body)|^request\s*(?:data|body|payload)?\s*:",
        RegexOptions.CultureInvariant, Patterns.Timeout);
    private static readonly Regex s_responseLabel = new(@"^(?:an?\s+)?(?:example|sample)\s+(?:response|result|output)|^response\s*(?:data|body|payload)?\s*:|"
        + @"^(?:it|this|the\s+\w+)\s+(?:returns|responds)\b.*:$|^(?:the\s+)?(?:above\s+)?(?:command|call|"
        + @"request)\s+(?:returns|responds|answers)\b.*:$|\blooks\s+like\s+this\s*:$|" + @"^(?:the\s+)?response(?:\s+body)?\s+(?:contains|includes|has)\b.*:$",
        RegexOptions.CultureInvariant, Patterns.Timeout);

    private static readonly Regex s_headingLabel = new(
        @"^(?:(?<p>(?:(?:required|optional|query|url|path|body|request|form|input)\s+)*(?:parameters?|params|" +
            @"arguments|variables|fields|attributes|properties|input)|" +
            @"(?:`?[A-Za-z][\w-]*`?\s+(?:and\s+)?){1,3}parameters)|(?<req>(?:(?:example|" +
            @"sample)\s+)?(?:request(?:\s+(?:body|payload|example))?|payload|body))|(?<res>(?:(?:example|" +
            @"sample)\s+)?(?:responses?|result|returns|response\s+(?:body|example|format))|output)|" +
            @"(?<ex>examples?|sample|(?:example|sample)\s+(?:calls?|usage|code|curl))|(?<none>http\s+request|" +
            @"endpoint|definition|request\s+url|url|method|http\s+method|resource\s+url)|" +
            @"(?<other>(?:http\s+)?status(?:\s+codes?)?|(?:response\s+)?headers?|errors?|error\s+codes|notes?|" +
            @"(?:required\s+)?(?:permissions|scopes?)|rate\s+limit(?:ing)?))\s*[.:]*$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, Patterns.Timeout);

    /// <summary>Where the parameters under a parameters label go: "Query Parameters", "Body Parameters", "URL Parameters".</summary>
    public static Placement PlacementOf(Label label, string labelText)
    {
        if (label != Label.Parameters)
        {
            return Placement.Unspecified;
        }

        var lower = labelText.ToLowerInvariant();
        return s_queryWord.IsMatch(lower) ? Placement.Query
            : s_bodyWord.IsMatch(lower) ? Placement.Body
            : s_pathWord.IsMatch(lower) ? Placement.Path
            : Placement.Unspecified;
    }

    /// <summary>True when a subheading only labels part of the endpoint section above it.</summary>
    public static bool IsLabelHeading(string headingText) => s_headingLabel.IsMatch(headingText.Trim());

    /// <summary>The label a subheading gives; "Example" alone is the request for a method with a body.</summary>
    public static Label? OfHeading(string headingText, string httpMethod)
    {
        var match = s_headingLabel.Match(headingText.Trim());
        if (!match.Success)
        {
            return null;
        }

        if (match.Groups["p"].Success)
        {
            return Label.Parameters;
        }

        if (match.Groups["req"].Success)
        {
            return Label.Request;
        }

        if (match.Groups["res"].Success)
        {
            return Label.Response;
        }

        if (match.Groups["ex"].Success)
        {
            return httpMethod is "POST" or "PUT" or "PATCH" ? Label.Request : Label.Response;
        }

        return match.Groups["other"].Success ? Label.Other : Label.None;
    }

    public static Label? Read(string lower)
    {
        var trimmed = FixLabelTypos(lower.Trim());
        if (!MayBeLabel(trimmed))
        {
            return null;
        }

        // "Parameters", "Query parameters:", and the lists a GET takes, "Available filters:", "Options:", "Arguments:".
        if (s_parametersLabel.IsMatch(trimmed))
        {
            return Label.Parameters;
        }

        if (s_requestLabel.IsMatch(trimmed))
        {
            return Label.Request;
        }

        if (s_responseLabel.IsMatch(trimmed))
        {
            return Label.Response;
        }

        return null;
    }

    private static readonly string[] s_exactFirstWords = { "required", "optional", "query", "body", "path", "url", "form", "a", "an" };

    private static readonly string[] s_firstWordStarts = { "parameter", "request", "response", "example", "sample" };

    /// <summary>
    /// False for a paragraph none of the patterns in <see cref="Read"/> can match: each of them either
    /// starts with one of these words or ends with a colon. Most paragraphs are not labels, and this
    /// spares them the patterns.
    /// </summary>
    private static bool MayBeLabel(string trimmed)
    {
        if (trimmed.Length == 0)
        {
            return false;
        }

        if (trimmed[trimmed.Length - 1] == ':')
        {
            return true;
        }

        var end = 0;
        while (end < trimmed.Length && !char.IsWhiteSpace(trimmed[end]))
        {
            end++;
        }

        var first = trimmed.Substring(0, end);
        return Array.IndexOf(s_exactFirstWords, first) >= 0 || s_firstWordStarts.Any(s => first.StartsWith(s, StringComparison.Ordinal));
    }

    private static readonly string[] s_labelWords = { "example", "sample", "request", "response", "parameters", "payload" };

    /// <summary>Reads label words as a person would despite typos: "Exmaple reqeust data:" is "example request data:".</summary>
    private static string FixLabelTypos(string text)
    {
        // Only the first three words can be label words: the rest of the paragraph is left as it is, and not copied
        // (most paragraphs have no typo, and most are not labels at all).
        System.Text.StringBuilder? fixedText = null;
        var copied = 0;
        var start = 0;
        for (var i = 0; i < 3 && start <= text.Length; i++)
        {
            var end = text.IndexOf(' ', start);
            end = end < 0 ? text.Length : end;
            var wordEnd = end;
            while (wordEnd > start && text[wordEnd - 1] is ':' or '.')
            {
                wordEnd--;
            }

            if (wordEnd - start >= 5)
            {
                var word = text.Substring(start, wordEnd - start);
                var close = s_labelWords.Contains(word) ? null : s_labelWords.FirstOrDefault(label => EditDistance(word, label) <= MaxTypos(label));
                if (close is not null)
                {
                    fixedText ??= new System.Text.StringBuilder(text.Length + 4);
                    fixedText.Append(text, copied, start - copied).Append(close);
                    copied = wordEnd;
                }
            }

            start = end + 1;
        }

        return fixedText is null ? text : fixedText.Append(text, copied, text.Length - copied).ToString();
    }

    [ThreadStatic]
    private static int[]? t_editRow1;

    [ThreadStatic]
    private static int[]? t_editRow2;

    private static int MaxTypos(string label) => label.Length >= 7 ? 2 : 1;

    private static int EditDistance(string a, string b)
    {
        if (Math.Abs(a.Length - b.Length) > 2)
        {
            return int.MaxValue; // Farther than any typo allowance: no need for the table.
        }

        // Two rows of the table, kept per thread: this runs for the first words of every paragraph.
        var previous = t_editRow1 ??= new int[16];
        var current = t_editRow2 ??= new int[16];
        if (b.Length >= previous.Length)
        {
            previous = new int[b.Length + 1];
            current = new int[b.Length + 1];
        }

        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
