using System;
using System.Collections.Generic;
using System.Linq;
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
        docs = docs.Select(d => WithIndexMethods(d, diagnostics)).ToList();
        docs = WithoutLoneReferences(docs, diagnostics);
        docs = WithoutShortReferences(docs, diagnostics);
        docs = docs.Select(d => WithoutSampleVariants(d, diagnostics)).ToList();
        if (!docs.Any(d => d.Endpoints.Any(e => e.Illustration)))
        {
            return docs;
        }

        var declared = docs.SelectMany(d => d.Endpoints).Where(e => !e.Illustration).ToList();
        var exampleSections = docs.Sum(d => d.Endpoints.Where(e => e.Illustration).Select(e => e.HeadingLocation.Start).Distinct().Count());
        var declaringSections = docs.Sum(d => d.Endpoints.Where(e => !e.Illustration && !e.Summary).Select(e => e.HeadingLocation.Start).Distinct().Count());
        var examplesDeclare = exampleSections >= declaringSections;
        var templates = declared.Select(e => (Endpoint: e, Segments: Segments(e.PathTemplate))).ToList();
        var listed = new HashSet<string>(declared.Where(e => e.Summary).Select(e => OperationKey(e.HttpMethod, e.PathTemplate)), StringComparer.Ordinal);
        var learned = LearnedSamples(docs, templates);
        var mainOrigin = MainOrigin(docs);

        // The paths a page's own examples spell with a parameter, where its prose named the sample value ("a set
        // called `s1`": PUT /sets/{setId}): the same path with another word there shows a sample value of that
        // parameter too when the page's examples both read and replace (or delete) by that word, as one does a
        // thing (GET and PUT /sets/countries); a word one example calls once is a route (GET /sets/status).
        var illustrating = docs.Where(d => d.Endpoints.Any(e => e.Illustration)).ToList();
        var pageTemplates = illustrating.ToDictionary(
            d => d.Path,
            d => d.Endpoints.Where(e => e.Illustration && e.PathTemplate.IndexOf('{') >= 0).Select(e => Segments(e.PathTemplate)).ToList(),
            StringComparer.Ordinal);
        var pagePaths = illustrating.ToDictionary(
            d => d.Path,
            d => new HashSet<string>(
                d.Endpoints.Where(e => e.Illustration).GroupBy(e => e.PathTemplate, StringComparer.OrdinalIgnoreCase)
                    .Where(g => g.Select(e => e.HttpMethod).Distinct(StringComparer.Ordinal).Count() >= 2).Select(g => g.Key),
                StringComparer.OrdinalIgnoreCase),
            StringComparer.Ordinal);

        // Illustrations of a declared operation, to give it what their sections say of it.
        var attached = new List<(EndpointSectionSpec Declared, EndpointSectionSpec Illustration)>();

        EndpointSectionSpec? Keep(DocSpec doc, EndpointSectionSpec endpoint)
        {
            if (!endpoint.Illustration)
            {
                return endpoint;
            }

            // The section a summary table's row links to documents that operation: it makes it (ChosenEndpoints).
            if (listed.Contains(OperationKey(endpoint.HttpMethod, endpoint.PathTemplate)))
            {
                return endpoint;
            }

            var segments = Segments(endpoint.PathTemplate);
            // The declaration on the example's own page where there is one (a route declared on two pages).
            EndpointSectionSpec? illustrated = null;
            foreach (var candidate in templates)
            {
                if (candidate.Endpoint.HttpMethod == endpoint.HttpMethod && Illustrates(segments, candidate.Segments))
                {
                    illustrated ??= candidate.Endpoint;
                    if (OnPage(doc, candidate.Endpoint))
                    {
                        illustrated = candidate.Endpoint;
                        break;
                    }
                }
            }

            var line = endpoint.HttpMethod + " " + endpoint.PathTemplate;
            if (illustrated is { Summary: true })
            {
                // An example of a row the summary lists, with sample values in the row's parameters: its section
                // documents that operation in the row's spelling.
                return endpoint with { PathTemplate = illustrated.PathTemplate };
            }

            if (illustrated is not null)
            {
                diagnostics.Add(
                    DiagnosticInfo.Create(DiagnosticDescriptors.EndpointDocumentedTwice, endpoint.EndpointLocation, line, endpoint.Heading,
                    illustrated.Heading));
                if (OnPage(doc, illustrated))
                {
                    attached.Add((illustrated, endpoint));
                }

                return null;
            }

            // Not a POST: a POST to a word after a collection is an action on it (POST /tests/find), not a member.
            if (endpoint.HttpMethod != "POST" && pagePaths.TryGetValue(doc.Path, out var paths) && paths.Contains(endpoint.PathTemplate) &&
                SampleOf(segments, pageTemplates[doc.Path]) is { } template)
            {
                endpoint = endpoint with { PathTemplate = "/" + string.Join("/", template) };
                line = endpoint.HttpMethod + " " + endpoint.PathTemplate;
            }

            if (!examplesDeclare)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.ExampleOnly, endpoint.EndpointLocation, endpoint.Heading, line));
                return null;
            }

            if (mainOrigin is not null && endpoint.Origin is not null && !string.Equals(endpoint.Origin, mainOrigin, StringComparison.OrdinalIgnoreCase))
            {
                diagnostics.Add(
                    DiagnosticInfo.Create(DiagnosticDescriptors.ExampleOnAnotherHost, endpoint.EndpointLocation, endpoint.Heading, line, endpoint.Origin,
                    mainOrigin));
                return null;
            }

            return WithLearned(endpoint);
        }

        // An example that makes an operation reads the values other examples showed in a declared parameter's place as that parameter.
        EndpointSectionSpec WithLearned(EndpointSectionSpec endpoint)
        {
            if (learned.Count == 0)
            {
                return endpoint;
            }

            var segments = Segments(endpoint.PathTemplate);
            var changed = false;
            for (var i = 1; i < segments.Length; i++)
            {
                if (segments[i - 1].IndexOf('{') < 0 && learned.TryGetValue(segments[i], out var parameter) && !segments.Contains("{" + parameter + "}"))
                {
                    segments[i] = "{" + parameter + "}";
                    changed = true;
                }
            }

            return changed ? endpoint with { PathTemplate = "/" + string.Join("/", segments) } : endpoint;
        }

        var kept = docs.Select(d => d.Endpoints.Any(e => e.Illustration)
            ? d with { Endpoints = d.Endpoints.Select(e => Keep(d, e)).Where(e => e is not null).Select(e => e!).ToEquatableArray() }
            : d).ToList();
        return attached.Count == 0 ? kept : kept.Select(d => WithIllustrations(d, attached)).ToList();
    }

    /// <summary>
    /// A section that refers to another for its endpoint (the endpoint is a link's text, or a link to "the list
    /// walks endpoint" leads its example) does not document it: the section it links to does, and where no other
    /// section of the doc set shows that operation, the linked page is not among the docs and nothing is made (ENG025).
    /// </summary>
    private static List<DocSpec> WithoutLoneReferences(List<DocSpec> docs, List<DiagnosticInfo> diagnostics)
    {
        if (!docs.Any(d => d.Endpoints.Any(e => e.ReferredTo is not null)))
        {
            return docs;
        }

        var shown = new HashSet<string>(
            docs.SelectMany(d => d.Endpoints).Where(e => e.ReferredTo is null).Select(e => OperationKey(e.HttpMethod, e.PathTemplate)), StringComparer.Ordinal);
        bool Documented(EndpointSectionSpec reference) => shown.Contains(OperationKey(reference.HttpMethod, reference.PathTemplate));

        return docs.Select(d => d.Endpoints.All(e => e.ReferredTo is null || Documented(e)) ? d : d with
        {
            Endpoints = d.Endpoints.Where(e =>
            {
                if (e.ReferredTo is null || Documented(e))
                {
                    return true;
                }

                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.CrossReferenceOnly, e.EndpointLocation, e.Heading,
                    e.HttpMethod + " " + e.PathTemplate, e.ReferredTo));
                return false;
            }).ToEquatableArray(),
        }).ToList();
    }

    /// <summary>
    /// An illustration attaches to the operation it illustrates on the same page (another page's sample calls serve
    /// that page's subject): the parameters its section documents that the operation's own section does not (a
    /// search page's "Pagination parameters" around its sample calls, the query string of a sample call) are the
    /// operation's too. Its bodies and responses stay its own: a guide's sample body is often one case of a
    /// schemaless object, and its answer a variant or elided.
    /// </summary>
    private static DocSpec WithIllustrations(DocSpec doc, List<(EndpointSectionSpec Declared, EndpointSectionSpec Illustration)> attached)
    {
        var changed = false;
        var endpoints = doc.Endpoints.Select(endpoint =>
        {
            var illustrations = attached.Where(a => ReferenceEquals(a.Declared, endpoint)).Select(a => a.Illustration).ToList();
            if (illustrations.Count == 0)
            {
                return endpoint;
            }

            var names = new HashSet<string>(endpoint.Parameters.Select(p => p.Name), StringComparer.OrdinalIgnoreCase);
            foreach (var segment in Segments(endpoint.PathTemplate).Where(s => s.IndexOf('{') >= 0))
            {
                names.Add(segment.Trim('{', '}'));
            }

            var parameters = endpoint.Parameters.ToList();
            parameters.AddRange(illustrations.SelectMany(i => i.Parameters).Where(p => names.Add(p.Name)));
            if (parameters.Count == endpoint.Parameters.Count)
            {
                return endpoint;
            }

            changed = true;
            return endpoint with { Parameters = parameters.ToEquatableArray() };
        }).ToList();
        return changed ? doc with { Endpoints = endpoints.ToEquatableArray() } : doc;
    }

    /// <summary>
    /// The values request examples show in a declared parameter's place (<c>/classes/GameScore</c> illustrates
    /// <c>/classes/{className}</c>: GameScore is a class name), each with the parameter it stands for; a value seen
    /// for two parameters stands for neither.
    /// </summary>
    private static Dictionary<string, string> LearnedSamples(List<DocSpec> docs, List<(EndpointSectionSpec Endpoint, string[] Segments)> templates)
    {
        var learned = new Dictionary<string, string>(StringComparer.Ordinal);
        var ambiguous = new HashSet<string>(StringComparer.Ordinal);
        foreach (var example in docs.SelectMany(d => d.Endpoints).Where(e => e.Illustration))
        {
            var segments = Segments(example.PathTemplate);
            var template = templates.FirstOrDefault(t => t.Endpoint.HttpMethod == example.HttpMethod && Illustrates(segments, t.Segments)).Segments;
            for (var i = 0; template is not null && i < segments.Length; i++)
            {
                var declared = template[i];
                if (declared.Length > 2 && declared[0] == '{' && declared[declared.Length - 1] == '}' && declared.IndexOf('}') == declared.Length - 1 &&
                    segments[i].IndexOf('{') < 0 && segments[i].Any(char.IsLetter))
                {
                    var name = declared.Substring(1, declared.Length - 2);
                    if (learned.TryGetValue(segments[i], out var known) && known != name)
                    {
                        ambiguous.Add(segments[i]);
                    }

                    learned[segments[i]] = name;
                }
            }
        }

        foreach (var value in ambiguous)
        {
            learned.Remove(value);
        }

        return learned;
    }

    /// <summary>The host nearly all request examples call (four in five or more, when some call another), else null.</summary>
    private static string? MainOrigin(List<DocSpec> docs)
    {
        var origins = docs.SelectMany(d => d.Endpoints).Where(e => e.Illustration && e.Origin is not null)
            .GroupBy(e => e.Origin!, StringComparer.OrdinalIgnoreCase).OrderByDescending(g => g.Count()).ToList();
        if (origins.Count < 2)
        {
            return null;
        }

        var total = origins.Sum(g => g.Count());
        return origins[0].Count() * 5 >= total * 4 ? origins[0].Key : null;
    }

    private static readonly Regex s_readingVerb = new(
        @"^(?:returns?|gets?|lists?|retrieves?|fetch(?:es)?|shows?|reads?)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, Patterns.Timeout);

    /// <summary>
    /// A section whose method the page's index (summary rows) does not list for its path, where the index lists
    /// that path with exactly one other method no section documents: the page's two lines disagree, and the section
    /// documents the index's operation (ENG021); to become a GET, the section reads like one ("Returns all lamps").
    /// </summary>
    private static DocSpec WithIndexMethods(DocSpec doc, List<DiagnosticInfo> diagnostics)
    {
        var index = doc.Endpoints.Where(e => e.Summary).ToList();
        if (index.Count == 0)
        {
            return doc;
        }

        // Documented by a section, or shown by an example with sample values in its parameters.
        var shown = doc.Endpoints.Where(e => !e.Summary).Select(e => (e.HttpMethod, Segments: Segments(e.PathTemplate))).ToList();
        bool Documented(EndpointSectionSpec row) => shown.Any(s => s.HttpMethod == row.HttpMethod && Illustrates(s.Segments, Segments(row.PathTemplate)));
        var listed = new HashSet<string>(index.Select(e => OperationKey(e.HttpMethod, e.PathTemplate)), StringComparer.Ordinal);
        var changed = false;
        var endpoints = doc.Endpoints.Select(endpoint =>
        {
            if (endpoint.Summary || endpoint.Illustration || listed.Contains(OperationKey(endpoint.HttpMethod, endpoint.PathTemplate)))
            {
                return endpoint;
            }

            var others = index.Where(i => i.HttpMethod != endpoint.HttpMethod &&
                OperationKey("", i.PathTemplate) == OperationKey("", endpoint.PathTemplate) &&
                !Documented(i)).Select(i => i.HttpMethod).Distinct().ToList();

            // A section that becomes a GET reads like one: "Returns all lamps", "Lists ...", "Gets ...".
            if (others.Count != 1 || (others[0] == "GET" && !s_readingVerb.IsMatch(endpoint.Description.TrimStart())))
            {
                return endpoint;
            }

            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.MethodDisagreesWithIndex, endpoint.EndpointLocation, endpoint.Heading,
                endpoint.HttpMethod + " " + endpoint.PathTemplate, others[0] + " " + endpoint.PathTemplate));
            changed = true;
            return endpoint with { HttpMethod = others[0] };
        }).ToList();

        return changed ? doc with { Endpoints = endpoints.ToEquatableArray() } : doc;
    }

    /// <summary>
    /// Prose that names an operation by the tail of its path ("the <c>GET /documents/search</c> endpoint has a
    /// limit", where the docs declare <c>GET /collections/{name}/documents/search</c>) refers to that operation:
    /// the mention makes none of its own.
    /// </summary>
    private static List<DocSpec> WithoutShortReferences(List<DocSpec> docs, List<DiagnosticInfo> diagnostics)
    {
        if (!docs.Any(d => d.Endpoints.Any(e => e.Mention)))
        {
            return docs;
        }

        var declared = docs.SelectMany(d => d.Endpoints).Where(e => !e.Mention && !e.Illustration)
            .Select(e => (Endpoint: e, Segments: Segments(e.PathTemplate))).ToList();

        bool Keep(EndpointSectionSpec endpoint)
        {
            if (!endpoint.Mention)
            {
                return true;
            }

            // The tail ends in the same word (a parameter there would match any mention).
            var segments = Segments(endpoint.PathTemplate);
            var referred = segments.Length == 0 || segments[segments.Length - 1].IndexOf('{') >= 0 ? null : declared.FirstOrDefault(t =>
                t.Endpoint.HttpMethod == endpoint.HttpMethod && t.Segments.Length > segments.Length &&
                string.Equals(t.Segments[t.Segments.Length - 1], segments[segments.Length - 1], StringComparison.OrdinalIgnoreCase) &&
                Illustrates(segments, t.Segments.Skip(t.Segments.Length - segments.Length).ToArray())).Endpoint;
            if (referred is null)
            {
                return true;
            }

            diagnostics.Add(
                DiagnosticInfo.Create(DiagnosticDescriptors.EndpointDocumentedTwice, endpoint.EndpointLocation, endpoint.HttpMethod + " "
                + endpoint.PathTemplate, endpoint.Heading, referred.Heading));
            return false;
        }

        return docs.Select(d => d.Endpoints.Any(e => e.Mention) ? d with { Endpoints = d.Endpoints.Where(Keep).ToEquatableArray() } : d).ToList();
    }

    internal static string[] Segments(string template) => template.Split(new[] { '/' }, StringSplitOptions.RemoveEmptyEntries);

    /// <summary>
    /// A section that shows its endpoint twice, once with an id and once with another value in its place
    /// (<c>GET /users/270</c>, then <c>GET /users/foobar</c> "by username"), documents one operation: the line with a
    /// literal where the other has a parameter is that operation called another way, not an operation of its own.
    /// </summary>
    private static DocSpec WithoutSampleVariants(DocSpec doc, List<DiagnosticInfo> diagnostics)
    {
        List<EndpointSectionSpec>? kept = null;
        for (var i = 0; i < doc.Endpoints.Count; i++)
        {
            var endpoint = doc.Endpoints[i];
            // Only a section of those two lines: a section that lists many routes (GET /boards/{board}, then
            // GET /boards/yellow with its own text) documents each.
            var inSection = 0;
            for (var j = 0; j < doc.Endpoints.Count; j++)
            {
                inSection += doc.Endpoints[j].HeadingLocation.Start == endpoint.HeadingLocation.Start ? 1 : 0;
            }

            var variantOf = endpoint.Illustration || endpoint.Summary || inSection != 2 ? null : doc.Endpoints.FirstOrDefault(other =>
                !ReferenceEquals(other, endpoint) && !other.Illustration && !other.Summary &&
                other.HttpMethod == endpoint.HttpMethod && other.HeadingLocation.Start == endpoint.HeadingLocation.Start &&
                Math.Abs(other.EndpointLocation.StartLine - endpoint.EndpointLocation.StartLine) <= 5 &&
                other.PathTemplate.IndexOf('{') >= 0 &&
                IsSampleOf(Segments(endpoint.PathTemplate), Segments(other.PathTemplate)));
            if (variantOf is null)
            {
                kept?.Add(endpoint);
                continue;
            }

            kept ??= doc.Endpoints.Take(i).ToList();
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.EndpointDocumentedTwice, endpoint.EndpointLocation,
                endpoint.HttpMethod + " " + endpoint.PathTemplate, endpoint.Heading, variantOf.Heading));
        }

        return kept is null ? doc : doc with { Endpoints = kept.ToEquatableArray() };
    }

    /// <summary>Whether <paramref name="endpoint"/> is one of <paramref name="doc"/>'s own (the same instance).</summary>
    private static bool OnPage(DocSpec doc, EndpointSectionSpec endpoint)
    {
        foreach (var own in doc.Endpoints)
        {
            if (ReferenceEquals(own, endpoint))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The template among <paramref name="templates"/> of which <paramref name="example"/> is an instance with a
    /// literal in at least one parameter's place (<c>/sets/countries</c> of <c>/sets/{setId}</c>), else null.
    /// </summary>
    private static string[]? SampleOf(string[] example, List<string[]> templates)
    {
        foreach (var template in templates)
        {
            if (IsSampleOf(example, template))
            {
                return template;
            }
        }

        return null;
    }

    /// <summary>
    /// An instance of <paramref name="template"/> (<see cref="Illustrates"/>) with a literal in the place of one of its
    /// parameters that stands after a literal segment (the collection it is one of).
    /// </summary>
    private static bool IsSampleOf(string[] example, string[] template)
    {
        if (!Illustrates(example, template))
        {
            return false;
        }

        for (var i = 1; i < template.Length; i++)
        {
            var parameter = template[i].Length > 2 && template[i][0] == '{' && template[i][template[i].Length - 1] == '}';
            if (parameter && example[i].IndexOf('{') < 0 && template[i - 1].IndexOf('{') < 0)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True when each segment of an example's path is the declared one's (letter case aside) or stands for its parameter.</summary>
    private static bool Illustrates(string[] example, string[] declared) => Parsing.PathTemplates.IsInstanceOf(example, declared);

    /// <summary>
    /// The one endpoint that makes each operation, by <see cref="OperationKey"/>: the section that documents it
    /// (its parameters and examples) rather than a summary table's row that only lists it or prose that only
    /// mentions it, then the one that says most, then the first in page order. <paramref name="shownResponses"/> gets
    /// the first response each operation's sections show: a guide that shows one call in several sections may show
    /// its parameters in one and what it answers in another.
    /// </summary>
    private static Dictionary<string, EndpointSectionSpec> ChosenEndpoints(List<DocSpec> docs, Dictionary<string, EquatableArray<JsonExample>> shownResponses)
    {
        var chosen = new Dictionary<string, EndpointSectionSpec>(StringComparer.Ordinal);
        var keys = new List<(EndpointSectionSpec Endpoint, string Key)>();
        foreach (var endpoint in docs.SelectMany(d => d.Endpoints))
        {
            var key = OperationKey(endpoint.HttpMethod, endpoint.PathTemplate);
            keys.Add((endpoint, key));
            if (!chosen.TryGetValue(key, out var best) || Rank(endpoint) > Rank(best))
            {
                chosen[key] = endpoint;
            }

            if (endpoint.ResponseExamples.Count > 0 && !shownResponses.ContainsKey(key))
            {
                shownResponses[key] = endpoint.ResponseExamples;
            }
        }

        // The answer shown on the documenting section's own page, where one of its pages shows one.
        foreach (var (endpoint, key) in keys)
        {
            if (endpoint.ResponseExamples.Count > 0 && chosen[key] is { ResponseExamples.Count: 0 } documenting &&
                documenting.HeadingLocation.Path == endpoint.HeadingLocation.Path &&
                shownResponses[key][0].Location.Path != endpoint.HeadingLocation.Path)
            {
                shownResponses[key] = endpoint.ResponseExamples;
            }
        }

        return chosen;

        static int Rank(EndpointSectionSpec endpoint) =>
            (endpoint.ReferredTo is not null ? -1000 : endpoint.Summary ? 0 : endpoint.Mention ? 1000 : 2000)
                + Math.Min(999, endpoint.Parameters.Count + endpoint.RequestExamples.Count + endpoint.ResponseExamples.Count);
    }

    private static readonly Regex s_referenceWords = new(
        @"(?:\s+(?:REST|HTTP|Web))?\s+(?:API|APIs|Reference|Endpoints)\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, Patterns.Timeout);

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
            var file = FileStem(doc);
            if (file.Any(char.IsLetter) && !string.Equals(file, "index", StringComparison.OrdinalIgnoreCase)
                && !string.Equals(file, "readme", StringComparison.OrdinalIgnoreCase))
            {
                return file.Replace('_', ' ').Replace('-', ' ');
            }
        }

        return trimmed;
    }

    /// <summary>The title a page's endpoints are grouped under when no heading groups them: its own, its front matter's, else its file's name.</summary>
    private static string PageTitle(DocSpec doc) => doc.Title ?? doc.FrontMatterTitle ?? System.IO.Path.GetFileNameWithoutExtension(doc.FileName);

    /// <summary>A page's file name without its extensions (<c>index.html.md</c> is <c>index</c>).</summary>
    private static string FileStem(DocSpec doc) => System.IO.Path.GetFileNameWithoutExtension(System.IO.Path.GetFileNameWithoutExtension(doc.FileName));

    /// <summary>
    /// Each resource's title (<see cref="ResourceTitle"/>) and name, by page and group. The name is the title, except
    /// where two pages or groups would share it and something else tells one apart: a group of another page is that
    /// page's part ("## Issues" under "# Notes API" is Issue notes), a page whose file name says more than its title
    /// is named with those words too (admin-api.mdx titled "Users" is Admin users). The one left with nothing more to
    /// say keeps the plain title; two of those are still numbered.
    /// </summary>
    private Dictionary<(string Path, string Group), (string Title, string Name)> ResourceNames(
        List<(DocSpec Doc, string Key, List<(DocSpec Doc, EndpointSectionSpec Endpoint)> Endpoints)> units, HashSet<string> sharedTitles)
    {
        var titles = new List<(string Path, string Group, string Title, string? Qualified)>();
        foreach (var (doc, group, _) in units)
        {
            var pageTitle = PageTitle(doc);
            var title = ResourceTitle(group, doc, sharedTitles);
            string? qualified = null;
            if (!string.Equals(group, pageTitle, StringComparison.Ordinal))
            {
                var page = ResourceTitle(pageTitle, doc, sharedTitles);
                qualified = Naming.Pascal(page) == Naming.Pascal(title) ? null : Naming.Singular(title) + " " + page;
            }
            else
            {
                var titleWords = new HashSet<string>(Words(title).Select(Naming.Singular), StringComparer.OrdinalIgnoreCase);
                var extra = Words(FileStem(doc))
                    .Where(w => !titleWords.Contains(Naming.Singular(w)) && !s_referenceWords.IsMatch(" " + w))
                    .ToList();
                qualified = extra.Count == 0 ? null : string.Join(" ", extra) + " " + title;
            }

            titles.Add((doc.Path, group, title, qualified));
        }

        var shared = new HashSet<string>(
            titles.GroupBy(t => Naming.Pascal(t.Title), StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key), StringComparer.Ordinal);
        return titles.ToDictionary(
            t => (t.Path, t.Group),
            t => (t.Title, t.Qualified is not null && shared.Contains(Naming.Pascal(t.Title)) ? t.Qualified : t.Title));

        static IEnumerable<string> Words(string text) =>
            text.Split(new[] { ' ', '-', '_', '.' }, StringSplitOptions.RemoveEmptyEntries).Where(w => w.Any(char.IsLetter));
    }

    /// <summary>
    /// The doc set's resources before they are named, in page order: one per page and top-level group (a page with none is one,
    /// under its title), except that the pages of one operation in one folder are one resource, under the folder's name, found
    /// where its first page is. Each endpoint keeps the page it stands on.
    /// </summary>
    private static List<(DocSpec Doc, string Key, List<(DocSpec Doc, EndpointSectionSpec Endpoint)> Endpoints)> ResourceUnits(List<DocSpec> docs)
    {
        var units = new List<(DocSpec Doc, string Key, List<(DocSpec Doc, EndpointSectionSpec Endpoint)> Endpoints)>();
        var folders = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var doc in docs.Where(d => d.Endpoints.Count > 0))
        {
            var pageTitle = PageTitle(doc);
            foreach (var group in doc.Endpoints.GroupBy(e => e.Group ?? pageTitle, StringComparer.Ordinal))
            {
                var folder = group.All(e => e.FolderGroup);
                if (folder && folders.TryGetValue(group.Key, out var at))
                {
                    units[at].Endpoints.AddRange(group.Select(e => (doc, e)));
                    continue;
                }

                if (folder)
                {
                    folders[group.Key] = units.Count;
                }

                units.Add((doc, group.Key, group.Select(e => (doc, e)).ToList()));
            }
        }

        return units;
    }

    /// <summary>Group titles that stand on more than one page: a banner, not the name of a page's resource. A folder's name is its resource's.</summary>
    private static HashSet<string> SharedTitles(List<DocSpec> docs) =>
        new(docs.Where(d => d.Endpoints.Count > 0)
            .SelectMany(d => d.Endpoints.Where(e => !e.FolderGroup).Select(e => e.Group).Where(g => g is not null).Distinct())
            .GroupBy(g => g!, StringComparer.Ordinal)
            .Where(g => g.Count() > 1)
            .Select(g => g.Key), StringComparer.Ordinal);

    /// <summary>
    /// The key under which two endpoints are one operation: the method and the path in lower case, each
    /// parameter written <c>{}</c> whatever its name (<c>/Users/{id}</c> and <c>/users/{uid}</c> are one).
    /// </summary>
    private static string OperationKey(string method, string pathTemplate) => method + " " + Surface.PathShape.Of(pathTemplate, lowerCase: true);
}
