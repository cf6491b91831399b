using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using Engage.Codegen.Model;

namespace Engage.Codegen.Inference;

/// <summary>Which endpoints the docs declare, decided for the whole doc set, and when two of them are one operation.</summary>
internal sealed partial class ApiBuilder
{
    /// <summary>
    /// Request examples (<c>curl</c> lines) illustrate operations; the doc set's own forms (headings, endpoint
    /// lines, tables, elements) declare them. An example whose path matches a declared one (a parameter
    /// matching any value, letter case aside: <c>/classes/GameScore</c> illustrates <c>/classes/{className}</c>)
    /// makes no operation of its own. An example that matches none makes one only where examples are how the
    /// doc set declares: where sections with only an example are at least as many as sections opened by a
    /// declaring form (summary tables, which index sections documented elsewhere, do not count). Curl-only
    /// docs keep their examples; a set that declares in its own form drops sample calls and variants. An
    /// example of an operation a summary table lists is kept: its section documents that operation.
    /// </summary>
    private static List<DocSpec> DeclaredEndpoints(List<DocSpec> docs, List<DiagnosticInfo> diagnostics)
    {
        if (!docs.Any(d => d.Endpoints.Any(e => e.Illustration)))
        {
            return docs;
        }

        var declared = docs.SelectMany(d => d.Endpoints).Where(e => !e.Illustration).ToList();
        var exampleSections = docs.Sum(d => d.Endpoints.Where(e => e.Illustration).Select(e => e.HeadingLocation.Start).Distinct().Count());
        var declaringSections = docs.Sum(d => d.Endpoints.Where(e => !e.Illustration && !e.Summary).Select(e => e.HeadingLocation.Start).Distinct().Count());
        var examplesDeclare = exampleSections >= declaringSections;
        var templates = declared.Where(e => !e.Summary).Select(e => (Endpoint: e, Segments: Segments(e.PathTemplate))).ToList();
        var listed = new HashSet<string>(declared.Where(e => e.Summary).Select(e => OperationKey(e.HttpMethod, e.PathTemplate)), StringComparer.Ordinal);

        bool Keep(EndpointSectionSpec endpoint)
        {
            if (!endpoint.Illustration)
            {
                return true;
            }

            // The section a summary table's row links to documents that operation: it makes it (ChosenEndpoints).
            if (listed.Contains(OperationKey(endpoint.HttpMethod, endpoint.PathTemplate)))
            {
                return true;
            }

            var segments = Segments(endpoint.PathTemplate);
            var illustrated = templates.FirstOrDefault(t => t.Endpoint.HttpMethod == endpoint.HttpMethod && Illustrates(segments, t.Segments)).Endpoint;
            var line = endpoint.HttpMethod + " " + endpoint.PathTemplate;
            if (illustrated is not null)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.EndpointDocumentedTwice, endpoint.EndpointLocation, line, endpoint.Heading, illustrated.Heading));
                return false;
            }

            if (!examplesDeclare)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.ExampleOnly, endpoint.EndpointLocation, endpoint.Heading, line));
            }

            return examplesDeclare;
        }

        return docs.Select(d => d.Endpoints.Any(e => e.Illustration)
            ? d with { Endpoints = d.Endpoints.Where(Keep).ToEquatableArray() }
            : d).ToList();
    }

    internal static string[] Segments(string template) => template.Split(new[] { '/' }, StringSplitOptions.RemoveEmptyEntries);

    /// <summary>True when each segment of an example's path is the declared one's (letter case aside) or stands for its parameter.</summary>
    private static bool Illustrates(string[] example, string[] declared)
    {
        if (example.Length != declared.Length)
        {
            return false;
        }

        for (var i = 0; i < example.Length; i++)
        {
            var parameter = declared[i].IndexOf('{') >= 0 || example[i].IndexOf('{') >= 0;
            if (!parameter && !string.Equals(example[i], declared[i], StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// The one endpoint that makes each operation, by <see cref="OperationKey"/>: the section that documents it
    /// (its parameters and examples) rather than a summary table's row that only lists it or prose that only
    /// mentions it, then the one that says most, then the first in page order.
    /// </summary>
    private static Dictionary<string, EndpointSectionSpec> ChosenEndpoints(List<DocSpec> docs)
    {
        var chosen = new Dictionary<string, EndpointSectionSpec>(StringComparer.Ordinal);
        foreach (var endpoint in docs.SelectMany(d => d.Endpoints))
        {
            var key = OperationKey(endpoint.HttpMethod, endpoint.PathTemplate);
            if (!chosen.TryGetValue(key, out var best) || Rank(endpoint) > Rank(best))
            {
                chosen[key] = endpoint;
            }
        }

        return chosen;

        static int Rank(EndpointSectionSpec endpoint) =>
            (endpoint.Summary ? 0 : endpoint.Mention ? 1000 : 2000) + Math.Min(999, endpoint.Parameters.Count + endpoint.RequestExamples.Count + endpoint.ResponseExamples.Count);
    }

    private static readonly Regex s_referenceWords = new(
        @"(?:\s+(?:REST|HTTP|Web))?\s+(?:API|APIs|Reference|Endpoints)\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, s_timeout);

    /// <summary>
    /// A resource's name from its page or heading title, without the words that say the page is API reference:
    /// "Agents API", "Licenses Reference", "Jobs HTTP API" and "Chat Endpoints" name Agents, Licenses, Jobs, Chat.
    /// A title that names no resource of its own (the API's own name, or a banner every page repeats) gives way to
    /// the page's file name: "Nursery API" over plants.md is Plants.
    /// </summary>
    private string ResourceTitle(string title, DocSpec doc, HashSet<string> sharedTitles)
    {
        var trimmed = s_referenceWords.Replace(title, string.Empty).Trim();
        trimmed = trimmed.Length > 0 && trimmed.Any(char.IsLetter) ? trimmed : title;
        if (sharedTitles.Contains(title) || string.Equals(Naming.Pascal(trimmed), _apiName, StringComparison.Ordinal))
        {
            var file = System.IO.Path.GetFileNameWithoutExtension(doc.FileName);
            file = System.IO.Path.GetFileNameWithoutExtension(file); // index.html.md
            if (file.Any(char.IsLetter) && !string.Equals(file, "index", StringComparison.OrdinalIgnoreCase) && !string.Equals(file, "readme", StringComparison.OrdinalIgnoreCase))
            {
                return file.Replace('_', ' ').Replace('-', ' ');
            }
        }

        return trimmed;
    }

    /// <summary>Group titles that stand on more than one page: a banner, not the name of a page's resource.</summary>
    private static HashSet<string> SharedTitles(List<DocSpec> docs) =>
        new(docs.Where(d => d.Endpoints.Count > 0)
            .SelectMany(d => d.Endpoints.Select(e => e.Group).Where(g => g is not null).Distinct())
            .GroupBy(g => g!, StringComparer.Ordinal)
            .Where(g => g.Count() > 1)
            .Select(g => g.Key), StringComparer.Ordinal);

    /// <summary>
    /// The key under which two endpoints are one operation: the method and the path in lower case, each
    /// parameter written <c>{}</c> whatever its name (<c>/Users/{id}</c> and <c>/users/{uid}</c> are one).
    /// </summary>
    private static string OperationKey(string method, string pathTemplate)
    {
        var key = new StringBuilder(method.Length + pathTemplate.Length + 1).Append(method).Append(' ');
        var inParameter = false;
        foreach (var c in pathTemplate)
        {
            if (c == '{')
            {
                inParameter = true;
                key.Append("{}");
            }
            else if (c == '}')
            {
                inParameter = false;
            }
            else if (!inParameter)
            {
                key.Append(char.ToLowerInvariant(c));
            }
        }

        return key.ToString();
    }
}
