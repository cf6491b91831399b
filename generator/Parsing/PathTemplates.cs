using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Text.RegularExpressions;

namespace Engage.Codegen.Parsing;

/// <summary>One reading of the path of an endpoint line.</summary>
/// <param name="Templates">One template, or two for an optional trailing segment (collection, then item).</param>
/// <param name="Query">Query parameters written in the line, with the example value shown.</param>
/// <param name="Origin">The scheme and host when the line gave a full URL (<c>https://host</c>), else null.</param>
internal sealed record PathReading(IReadOnlyList<string> Templates, IReadOnlyList<(string Name, string Example)> Query, string? Origin);

/// <summary>
/// Reads the path of <c>METHOD path</c> as a person would, into templates with parameters as
/// <c>{name}</c>. Parameters may be written <c>{id}</c>, <c>:id</c>, <c>&lt;id&gt;</c>, <c>&amp;lt;id&amp;gt;</c>,
/// <c>[id]</c> or <c>$id</c>, with a suffix such as <c>.json</c> kept as written; example values in a
/// parameter's place (<c>/projects/1/todolists.json</c>) become parameters named after the preceding
/// segment (<c>projectId</c>); an optional segment <c>(/:id)</c> or <c>[/{id}]</c> gives two templates;
/// a query string gives query parameters. Scheme and host are dropped.
/// </summary>
internal static class PathTemplates
{
    private static readonly Regex s_queryName = new(@"^[A-Za-z_][\w\-.\[\]]*$", RegexOptions.CultureInvariant, Patterns.Timeout);

    // A whole segment that is a parameter: {id}, {org.slug} and {id:int} (a dotted name or a type inside the
    // braces, or alternatives: {email|id}), #{id} (Ruby's interpolation), :id, <id> or <camera id>, [id], $id;
    // a suffix such as .json kept.
    private static readonly Regex s_parameter = new(
        @"^(?:#?\{\s*(?<name>\w[\w\-. |]*?)\s*(?::[^{}]*)?\}|:(?<name>\w[\w\-]*)|<(?<name>\w[\w\- ]*)>|" +
            @"\[(?<name>\w[\w\-]*)\]|\$(?<name>[A-Za-z_][\w\-]*))(?<suffix>\.[A-Za-z0-9]+)?$",
        RegexOptions.CultureInvariant, Patterns.Timeout);

    /// <summary>A path's leading host variable: <c>${API_HOST}</c>, <c>$HOST</c>, <c>{{host}}</c>, <c>{host}</c>, <c>&lt;host&gt;</c>, before a
    /// slash.</summary>
    private static readonly Regex s_hostVariable = new(
        @"^(?:\$\{\w+\}|\$[A-Za-z_]\w*|\{\{\s*[\w.]+\s*\}\}|\{\w+\}|<\w[\w-]*>)(?=/)",
        RegexOptions.CultureInvariant, Patterns.Timeout);

    private static readonly Regex s_nameSeparators = new(@"[.\s]+", RegexOptions.CultureInvariant, Patterns.Timeout);

    /// <summary>Alternatives in one parameter: <c>{DEVELOPER_EMAIL|DEVELOPER_ID}</c> is <c>DEVELOPER_EMAIL_or_DEVELOPER_ID</c>.</summary>
    private static readonly Regex s_alternatives = new(@"\s*\|\s*", RegexOptions.CultureInvariant, Patterns.Timeout);

    /// <summary>A segment that names a collection: a plural word ("users", "tags"), after which a value stands for one of them.</summary>
    internal static bool IsCollectionName(string segment) => segment.Length > 2 && segment.EndsWith("s", StringComparison.Ordinal);

    /// <summary>
    /// True when a call's path is an instance of a template: each segment the template's (letter case aside) or a
    /// value in a parameter's place (on either side). With <paramref name="leadingPrefix"/>, the call may carry leading
    /// segments the template leaves to the base address ("/api" before "/things/{id}").
    /// </summary>
    public static bool IsInstanceOf(string[] sample, string[] template, bool leadingPrefix = false)
    {
        if (leadingPrefix ? sample.Length < template.Length || template.Length == 0 : sample.Length != template.Length)
        {
            return false;
        }

        var offset = sample.Length - template.Length;
        for (var i = 0; i < template.Length; i++)
        {
            var parameter = template[i].IndexOf('{') >= 0 || sample[offset + i].IndexOf('{') >= 0;
            if (!parameter && !string.Equals(sample[offset + i], template[i], StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary><see cref="IsInstanceOf(string[], string[], bool)"/> of two paths as written.</summary>
    public static bool IsInstanceOf(string sample, string template, bool leadingPrefix = false) =>
        IsInstanceOf(sample.Split(new[] { '/' }, StringSplitOptions.RemoveEmptyEntries), template.Split(new[] { '/' }, StringSplitOptions.RemoveEmptyEntries),
            leadingPrefix);

    /// <summary>The length of the host variable <paramref name="path"/> starts with, or 0: the address is the caller's to give.</summary>
    public static int HostVariable(string path)
    {
        var match = s_hostVariable.Match(path);
        return match.Success ? match.Length : 0;
    }

    private static readonly Regex s_compound = new(@"^(:[A-Za-z_]\w*|\{[A-Za-z_]\w*\}|[\w\-.~]+?)+$", RegexOptions.CultureInvariant, Patterns.Timeout);

    private static readonly Regex s_literal = new(@"^[\w\-.~@,+]+$", RegexOptions.CultureInvariant, Patterns.Timeout);

    // An example id: all digits, or letters and digits (u144, a1b2c3) after a plural collection name; optional suffix.
    private static readonly Regex s_digits = new(@"^(\d+)(\.[A-Za-z0-9]+)?$", RegexOptions.CultureInvariant, Patterns.Timeout);
    private static readonly Regex s_mixedId = new(@"^([A-Za-z0-9]+|[0-9a-f]{8}(?:-[0-9a-f]{4}){3}-[0-9a-f]{12})(\.[A-Za-z0-9]+)?$",
        RegexOptions.CultureInvariant, Patterns.Timeout);
    private static readonly Regex s_version = new(@"^v\d+(?:\.\d+)*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, Patterns.Timeout);

    // An optional trailing segment: "(/:id)", "[/{id}]", "(/{id})".
    private static readonly Regex s_optionalTail = new(@"^(.*?)(?:\((/[^()]+)\)|\[(/[^\[\]]+)\])$", RegexOptions.CultureInvariant, Patterns.Timeout);

    /// <summary>
    /// Reads <paramref name="raw"/>; false when it is not a path a person would read as one.
    /// <paramref name="prose"/> (a bullet's words) may name its example ids.
    /// </summary>
    public static bool TryRead(string raw, out PathReading reading, string? prose = null, SampleValues? samples = null)
    {
        reading = new PathReading(Array.Empty<string>(), Array.Empty<(string, string)>(), null);
        var value = WebUtility.HtmlDecode(raw.Trim().Trim('`', '"', '\'')).Trim();
        if (value.Length == 0)
        {
            return false;
        }

        string? origin = null;
        var scheme = value.IndexOf("://", StringComparison.Ordinal);
        if (scheme > 0)
        {
            var slash = value.IndexOf('/', scheme + 3);
            origin = slash < 0 ? value : value.Substring(0, slash);
            value = slash < 0 ? "/" : value.Substring(slash);
        }
        else if (HostVariable(value) is var host and > 0)
        {
            // "${API_HOST}/things": the host is the caller's; the path is what follows.
            value = value.Substring(host);
        }
        else if (!value.StartsWith("/", StringComparison.Ordinal))
        {
            var slash = value.IndexOf('/');
            if (slash > 0 && value.Substring(0, slash).Contains("."))
            {
                origin = "https://" + value.Substring(0, slash);
                value = value.Substring(slash);
            }
            else
            {
                value = "/" + value;
            }
        }

        var query = new List<(string, string)>();
        // A fragment ends the path, but "#{id}" is a parameter (Ruby's interpolation), not one.
        var fragment = value.IndexOf('#');
        while (fragment >= 0 && fragment + 1 < value.Length && value[fragment + 1] == '{')
        {
            fragment = value.IndexOf('#', fragment + 1);
        }

        if (fragment >= 0)
        {
            value = value.Substring(0, fragment);
        }

        var question = value.IndexOf('?');
        if (question >= 0)
        {
            // A second '?' where '&' was meant ("?limit=2?start=0") separates two parameters too.
            foreach (var pair in value.Substring(question + 1).Split('&', '?'))
            {
                var equals = pair.IndexOf('=');
                var name = equals < 0 ? pair : pair.Substring(0, equals);
                if (s_queryName.IsMatch(name))
                {
                    query.Add((name, equals < 0 ? string.Empty : Uri.UnescapeDataString(pair.Substring(equals + 1))));
                }
            }

            value = value.Substring(0, question);
        }

        var templates = new List<string>();
        var optional = value.EndsWith(")", StringComparison.Ordinal) || value.EndsWith("]", StringComparison.Ordinal)
            ? s_optionalTail.Match(value)
            : Match.Empty;
        var variants = optional.Success
            ? new[] { optional.Groups[1].Value, optional.Groups[1].Value + (optional.Groups[2].Success ? optional.Groups[2].Value : optional.Groups[3].Value) }
            : new[] { value };
        var named = ProseNames(prose);
        foreach (var variant in variants)
        {
            if (!TryTemplate(variant, named, samples, out var template))
            {
                return false;
            }

            if (!templates.Contains(template))
            {
                templates.Add(template);
            }
        }

        reading = new PathReading(templates, query, origin);
        return true;
    }

    /// <summary>"the tree with an ID of `2`" (tree for 2); "The ID in `memberships/1.json` is the `person_id`" (person for memberships/1).</summary>
    private static readonly Regex s_proseId = new(
        @"\bthe\s+(?<noun>[a-z][a-z_ -]{0,30}?)\s+with\s+(?:an?\s+|the\s+)?id\s+(?:of\s+)?`(?<value>[\w-]+)`|" +
            @"\bthe\s+id\s+in\s+`(?<path>[^`/]+)/(?<value>[\w-]+)(?:\.\w+)?`\s+is\s+the\s+`?(?<noun>[a-z][a-z_]*?)_?id`?\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant,
        Patterns.Timeout);

    private static Dictionary<string, string>? ProseNames(string? prose)
    {
        if (prose is null || prose.IndexOf('`') < 0 || prose.IndexOf("id", StringComparison.OrdinalIgnoreCase) < 0)
        {
            return null;
        }

        Dictionary<string, string>? names = null;
        foreach (Match match in s_proseId.Matches(prose))
        {
            var noun = match.Groups["noun"].Value.Trim().ToLowerInvariant().Replace(' ', '_').Replace('-', '_');
            var key = match.Groups["path"].Success ? match.Groups["path"].Value + "/" + match.Groups["value"].Value : match.Groups["value"].Value;
            names ??= new Dictionary<string, string>(StringComparer.Ordinal);
            if (!names.ContainsKey(key))
            {
                names[key] = noun;
            }
        }

        return names;
    }

    private static bool TryTemplate(string value, Dictionary<string, string>? proseNames, SampleValues? samples, out string template)
    {
        template = string.Empty;
        var segments = value.Split(new[] { '/' }, StringSplitOptions.RemoveEmptyEntries);
        var result = new List<string>();
        var used = new Inference.Naming.Scope();
        string? previous = null;
        string? lastParameter = null;
        foreach (var segment in segments)
        {
            var parameter = s_parameter.Match(segment);
            if (parameter.Success)
            {
                var name = s_nameSeparators.Replace(s_alternatives.Replace(parameter.Groups["name"].Value.Trim(), "_or_"), "_");
                result.Add("{" + name + "}" + parameter.Groups["suffix"].Value);
                used.Claim(name);
                previous = null;
                lastParameter = name;
                continue;
            }

            // An example id right after a parameter ("<section>/1") is that thing's id.
            var collection = previous ?? (lastParameter is null ? null : lastParameter + "s");
            var example = ExampleId(segment, collection);
            if (example is not null)
            {
                // The prose's name for this id ("the tree with an ID of `2`"), when it is told apart from the path's other ids.
                var id = segment.Substring(0, segment.Length - example.Length);
                var noun = proseNames is null ? null
                    : proseNames.TryGetValue(collection + "/" + id, out var byPath) ? byPath
                    : proseNames.TryGetValue(id, out var byValue) && segments.Count(s => s == id || s.StartsWith(id + ".", StringComparison.Ordinal)) == 1
                        ? byValue
                    : null;
                var name = used.Claim(noun is null ? ExampleParameterName(collection) : IdParameterName(noun));
                lastParameter = null;
                result.Add("{" + name + "}" + example);
                previous = null;
                continue;
            }

            // An elided value ("files/...profile.png"): the docs left the real one out.
            if (previous is not null && (segment.StartsWith("...", StringComparison.Ordinal) || segment.StartsWith("\u2026", StringComparison.Ordinal)))
            {
                result.Add("{" + used.Claim(ExampleParameterName(previous)) + "}");
                previous = null;
                lastParameter = null;
                continue;
            }

            // A value the page shows as data, right after a collection's name: "/tags/logos.json" where the page
            // shows {"name": "logos"} is the tag's name in a parameter's place.
            if (samples is not null && previous is not null && IsCollectionName(previous) &&
                s_literal.IsMatch(segment) && samples.FieldOf(segment) is { } field)
            {
                result.Add("{" + used.Claim(SampleParameterName(previous, field)) + "}" + SampleValues.Suffix(segment));
                previous = null;
                lastParameter = null;
                continue;
            }

            // Parameters run together with each other or with text: ":ref:format", "{ref}.{format}".
            var compound = segment.IndexOf(':') >= 0 || segment.IndexOf('{') >= 0 ? s_compound.Match(segment) : Match.Empty;
            if (compound.Success)
            {
                var built = new System.Text.StringBuilder();
                foreach (Capture piece in compound.Groups[1].Captures)
                {
                    var text = piece.Value;
                    var name = text[0] == ':' ? text.Substring(1) : text[0] == '{' ? text.Substring(1, text.Length - 2) : null;
                    built.Append(name is null ? text : "{" + name + "}");
                    if (name is not null)
                    {
                        used.Claim(name);
                    }
                }

                result.Add(built.ToString());
                previous = null;
                lastParameter = null;
                continue;
            }

            if (!s_literal.IsMatch(segment) || segment.Trim('.').Length == 0)
            {
                return false;
            }

            result.Add(segment);
            previous = segment;
            lastParameter = null;
        }

        template = "/" + string.Join("/", result);
        return true;
    }

    /// <summary>The suffix after an example id in <paramref name="segment"/> ("" or ".json"), or null when it is not one.</summary>
    private static string? ExampleId(string segment, string? previous)
    {
        var digits = s_digits.Match(segment);
        if (digits.Success && previous is not null && !s_version.IsMatch(previous))
        {
            return digits.Groups[2].Value;
        }

        // Letters and digits mixed stand for an id only after a plural collection name ("users/u144"), never a version.
        if (previous is not null && IsCollectionName(previous) && !s_version.IsMatch(segment))
        {
            var mixed = s_mixedId.Match(segment);
            if (mixed.Success && LooksLikeId(mixed.Groups[1].Value))
            {
                return mixed.Groups[2].Value;
            }
        }

        return null;
    }

    // "u144", "a1b2c3" or a GUID, not a word with a digit in it ("oauth2", "s3"): two digits or more.
    private static bool LooksLikeId(string value)
    {
        var digits = 0;
        foreach (var c in value)
        {
            digits += c >= '0' && c <= '9' ? 1 : 0;
        }

        return digits >= 2;
    }

    /// <summary>The collection's name in the singular with "Id", in camel case: <c>assigned_todos</c> gives <c>assignedTodoId</c>.</summary>
    private static string ExampleParameterName(string? collection) =>
        collection is null ? "id" : IdParameterName(Inference.Naming.Singular(collection.Replace('-', '_')));

    /// <summary>A sample value's parameter: the thing's name or key when the page shows it in such a field (<c>tagName</c>), else its id.</summary>
    private static string SampleParameterName(string collection, string field)
    {
        var thing = Inference.Naming.Singular(collection.Replace('-', '_'));
        var lower = field.ToLowerInvariant();
        return IdParameterName(thing, lower is "name" or "key" or "slug" or "code" or "handle" ? char.ToUpperInvariant(lower[0]) + lower.Substring(1) : "Id");
    }

    /// <summary>A thing's id (or another suffix: its Name) in camel case: <c>assigned_todo</c> gives <c>assignedTodoId</c>.</summary>
    private static string IdParameterName(string thing, string suffix = "Id")
    {
        var words = (thing + suffix).Split('_');
        var name = words[0];
        for (var i = 1; i < words.Length; i++)
        {
            name += words[i].Length == 0 ? string.Empty : char.ToUpperInvariant(words[i][0]) + words[i].Substring(1);
        }

        return name;
    }
}
