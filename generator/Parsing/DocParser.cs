using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading;
using Engage.Codegen.Model;
using Markdig;
using Markdig.Extensions.Tables;
using Markdig.Extensions.Yaml;
using Markdig.Helpers;
using Markdig.Syntax;

namespace Engage.Codegen.Parsing;

/// <summary>
/// Reads one Markdown docs page into a <see cref="DocSpec"/>: front matter, title, "The X object"
/// sections, and endpoint sections (heading, auth sentence, <c>METHOD /path</c>, parameters,
/// examples, the object the prose says is returned). Reads as a person would; reports what it
/// cannot read as located diagnostics.
/// </summary>
internal static class DocParser
{
    private static readonly MarkdownPipeline s_pipeline = new MarkdownPipelineBuilder()
        .UseYamlFrontMatter()
        .UsePipeTables()
        .Build();

    private static TimeSpan s_regexTimeout => TimeSpan.FromSeconds(5);

    private static readonly Regex s_objectHeading = new(
        @"^\s*the\s+(.+?)\s+objects?\s*[.:]*\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, s_regexTimeout);

    private static readonly Regex s_returnsObject = new(
        @"\breturns?\s+(?:back\s+)?(?:(?:the|an?)\s+)?(?:updated\s+|new\s+|created\s+|newly\s+created\s+|matching\s+)?([A-Za-z][\w-]*)\s+objects?\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, s_regexTimeout);

    private static readonly Regex s_returnsList = new(
        @"\breturns?\s+(?:an?|the)\s+(?:list|array|page)\s+of\s+(?:the\s+)?([A-Za-z][\w-]*)\s+objects?\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, s_regexTimeout);

    private static readonly Regex s_rootPhrase = new(
        @"\ball\s+(?:api\s+)?(?:urls|requests|endpoints|paths|calls)\s+(?:start|begin|are\s+relative\s+to|go\s+to)\b|\bbase\s+(?:url|uri|address|endpoint)\b|\bapi\s+root\b|\broot\s+(?:url|endpoint)\b|\bapi\s+(?:is\s+)?(?:served|available)\s+(?:at|from)\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, s_regexTimeout);

    public static DocSpec Parse(DocSource source, CancellationToken cancellationToken)
    {
        var text = source.Text;
        var markdown = new MarkdownText(source.Path, text);
        var diagnostics = new List<DiagnosticInfo>();
        var objects = new List<ObjectSectionSpec>();
        var endpoints = new List<EndpointSectionSpec>();
        string? frontMatterTitle = null;
        string? title = null;
        var titleLine = 0;
        string? introduction = null;
        string? apiRoot = null;
        var documentsIdCursor = false;
        var deprecations = new List<DeprecationSpec>();

        MarkdownDocument document;
        try
        {
            document = Markdown.Parse(text, s_pipeline);
        }
        catch (Exception first) when (first is not OperationCanceledException)
        {
            // Markdig refuses absurdly deep nesting. Flatten block quotes and indentation past a
            // sane depth (line lengths change only in leading markers) and read the rest.
            try
            {
                document = Markdown.Parse(Flatten(text), s_pipeline);
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.MarkdownTooDeep, markdown.Location(0, 0), first.Message));
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.GeneratorFailure, markdown.Location(0, 0), "Markdig could not parse it (" + exception.Message + ")"));
                return new DocSpec(source.Path, markdown.FileName, null, null, 0, null, null, false, EquatableArray<DeprecationSpec>.Empty,
                    EquatableArray<ObjectSectionSpec>.Empty, EquatableArray<EndpointSectionSpec>.Empty, diagnostics.ToEquatableArray());
            }
        }

        var sections = Sections.Split(document);
        var curlOnly = new List<EndpointSectionSpec>();
        string? group = null;

        foreach (var (heading, blocks) in sections)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var headingText = heading is null ? string.Empty : MarkdownText.Inline(heading.Inline).Trim().TrimEnd('.', ':').Trim();
            if (heading is null)
            {
                foreach (var block in blocks)
                {
                    if (block is YamlFrontMatterBlock yaml)
                    {
                        frontMatterTitle = ReadFrontMatterTitle(yaml);
                    }
                }

                continue;
            }

            if (heading.Level == 1)
            {
                group = headingText;
            }

            if (heading.Level == 1 && title is null)
            {
                title = headingText;
                titleLine = heading.Line + 1;
                introduction = blocks.OfType<ParagraphBlock>().Select(p => MarkdownText.Inline(p.Inline)).FirstOrDefault();
            }

            var objectMatch = s_objectHeading.Match(headingText);
            if (objectMatch.Success)
            {
                objects.Add(ReadObject(markdown, heading, headingText, objectMatch.Groups[1].Value.Trim(), blocks, diagnostics));
                continue;
            }

            var found = EndpointReader.Find(markdown, heading, headingText, blocks);
            if (found.Count > 0)
            {
                var read = ReadEndpoints(markdown, heading, headingText, blocks, found, diagnostics).Select(e => e with { Group = group });
                (found[0].Form == EndpointForm.Curl ? curlOnly : endpoints).AddRange(read);
                continue;
            }

            var lower = headingText.ToLowerInvariant();
            if (lower.Contains("api root") || lower.Contains("base url") || lower.Contains("base address") || lower.Contains("root url"))
            {
                apiRoot ??= ReadApiRoot(blocks);
            }

            // "All URLs start with `https://host/999/api/v1/`", "The base URL is ...": the phrase names the root in any section.
            apiRoot ??= ReadApiRoot(blocks.OfType<ParagraphBlock>().Where(p => s_rootPhrase.IsMatch(MarkdownText.Inline(p.Inline))).Cast<Block>().ToList());

            foreach (var paragraph in blocks.OfType<ParagraphBlock>())
            {
                ReadDeprecations(MarkdownText.Inline(paragraph.Inline), deprecations);
            }

            if (lower.Contains("paginat"))
            {
                var prose = string.Join(" ", blocks.OfType<ParagraphBlock>().Select(p => MarkdownText.Inline(p.Inline)));
                documentsIdCursor |= prose.Contains("before_id") && prose.Contains("after_id") && prose.Contains("has_more");
            }

            if (LooksLikeParameters(blocks))
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.SectionWithoutEndpoint, markdown.FirstLine(heading), headingText));
            }
        }

        // A curl command is an endpoint only on a page that documents endpoints; on an introduction
        // or guide page that shows nothing else ("The X API", "Getting started"), it illustrates.
        if (curlOnly.Count > 0 && (endpoints.Count > 0 || !Sections.IsGuideTitle(title ?? frontMatterTitle ?? markdown.FileName)))
        {
            endpoints.AddRange(curlOnly);
            endpoints.Sort((a, b) => a.EndpointLocation.Start.CompareTo(b.EndpointLocation.Start));
        }

        return new DocSpec(
            source.Path,
            markdown.FileName,
            frontMatterTitle,
            title,
            titleLine,
            introduction,
            apiRoot,
            documentsIdCursor,
            deprecations.ToEquatableArray(),
            objects.ToEquatableArray(),
            endpoints.ToEquatableArray(),
            diagnostics.ToEquatableArray());
    }

    private const int MaxNesting = 16;

    /// <summary>Caps each line's leading block-quote markers and indentation so nesting stays shallow.</summary>
    private static string Flatten(string text)
    {
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            var position = 0;
            var quotes = 0;
            while (position < line.Length && (line[position] == '>' || line[position] == ' ' || line[position] == '\t'))
            {
                quotes += line[position] == '>' ? 1 : 0;
                position++;
            }

            if (quotes > MaxNesting || position > MaxNesting * 4)
            {
                lines[i] = string.Concat(Enumerable.Repeat("> ", Math.Min(quotes, MaxNesting))) + new string(' ', Math.Min(position - quotes, MaxNesting * 2)) + line.Substring(position);
            }
        }

        return string.Join("\n", lines);
    }

    /// <summary>Sentences that call backticked names deprecated: "The older `after_id` ... are deprecated".</summary>
    private static void ReadDeprecations(string text, List<DeprecationSpec> deprecations)
    {
        foreach (var sentence in Patterns.Split(text, @"(?<=[.!?])\s+", RegexOptions.CultureInvariant, s_regexTimeout))
        {
            if (!Patterns.IsMatch(sentence, @"\bdeprecat", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, s_regexTimeout))
            {
                continue;
            }

            var deprecatedPart = Patterns.Split(sentence, @"\b(?:use|instead|in favou?r of|replaced by)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, s_regexTimeout)[0];
            foreach (Match name in Patterns.Matches(deprecatedPart, "`([^`]+)`", RegexOptions.CultureInvariant, s_regexTimeout))
            {
                deprecations.Add(new DeprecationSpec(name.Groups[1].Value.Trim(), sentence.Trim()));
            }
        }
    }

    private static string? ReadFrontMatterTitle(YamlFrontMatterBlock yaml)
    {
        foreach (var line in yaml.Lines.Lines.Take(yaml.Lines.Count))
        {
            var content = line.Slice.ToString();
            var colon = content.IndexOf(':');
            if (colon > 0 && content.Substring(0, colon).Trim() == "title")
            {
                return content.Substring(colon + 1).Trim().Trim('"', '\'');
            }
        }

        return null;
    }

    private static string? ReadApiRoot(List<Block> blocks)
    {
        foreach (var block in blocks)
        {
            var candidate = block switch
            {
                ParagraphBlock paragraph => MarkdownText.Inline(paragraph.Inline),
                LeafBlock leaf when leaf is FencedCodeBlock or CodeBlock => MarkdownText.CodeContent(leaf).Content,
                _ => null,
            };
            if (candidate is null)
            {
                continue;
            }

            var match = Patterns.Match(candidate, @"(https?://)?[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+(:\d+)?(/[\w\-./]*)?", RegexOptions.CultureInvariant, s_regexTimeout);
            if (match.Success)
            {
                var value = match.Value.TrimEnd('.', '/');
                return value.StartsWith("http", StringComparison.OrdinalIgnoreCase) ? value : "https://" + value;
            }
        }

        return null;
    }

    private static bool LooksLikeParameters(List<Block> blocks) =>
        blocks.OfType<ListBlock>().SelectMany(list => list.OfType<ListItemBlock>())
            .Select(item => item.OfType<ParagraphBlock>().FirstOrDefault())
            .Where(paragraph => paragraph is not null)
            .Select(paragraph => FieldReader.s_bullet.Match(MarkdownText.Inline(paragraph!.Inline)))
            .Any(match => match.Success && Patterns.IsMatch(match.Groups[3].Value, @"^(Required|Optional)\b", RegexOptions.IgnoreCase, s_regexTimeout));

    private static ObjectSectionSpec ReadObject(MarkdownText markdown, HeadingBlock heading, string headingText, string name, List<Block> blocks, List<DiagnosticInfo> diagnostics)
    {
        JsonNode? example = null;
        var fields = new List<FieldDocSpec>();
        foreach (var block in blocks)
        {
            if (example is null && block is FencedCodeBlock fence && IsJsonFence(fence))
            {
                example = ReadJson(markdown, fence, diagnostics)?.Value;
            }
            else if (block is ListBlock list)
            {
                fields.AddRange(FieldReader.ReadBullets(markdown, list, diagnostics));
            }
            else if (block is Table table)
            {
                fields.AddRange(FieldReader.ReadTable(markdown, table));
            }
        }

        return new ObjectSectionSpec(name, headingText, markdown.FirstLine(heading), example, fields.ToEquatableArray());
    }

    /// <summary>
    /// One spec per distinct endpoint of a section. What the section says besides its endpoints
    /// (description, auth, parameters, examples, the object returned) is read once and shared;
    /// a bullet's or table row's own prose is that endpoint's description.
    /// </summary>
    private static IEnumerable<EndpointSectionSpec> ReadEndpoints(
        MarkdownText markdown,
        HeadingBlock heading,
        string headingText,
        List<Block> blocks,
        List<EndpointCandidate> found,
        List<DiagnosticInfo> diagnostics)
    {
        var first = found[0];
        var endpointBlocks = new HashSet<Block>(found.Where(f => f.Form is EndpointForm.Bullet or EndpointForm.TableRow or EndpointForm.Html or EndpointForm.CodeLine or EndpointForm.Curl)
            .SelectMany(f => new[] { f.StartBlock, f.Block }));
        var description = new List<string>();
        var parameters = new List<FieldDocSpec>();
        var requestExamples = new List<JsonExample>();
        var responseExamples = new List<JsonExample>();
        var auth = AuthKind.KeyAndSecret;
        string? conditionalAuth = null;
        string? returnsObject = null;
        var returnsList = false;
        var label = Label.None;
        var labelRequirement = Requirement.Unspecified;
        var seenEndpoint = first.Form == EndpointForm.Heading;

        foreach (var block in blocks)
        {
            if (block == first.StartBlock || block == first.Block)
            {
                seenEndpoint = true;
            }

            if (endpointBlocks.Contains(block) || (block is ParagraphBlock && found.Any(f => f.Form == EndpointForm.Paragraph && f.Block == block)))
            {
                continue;
            }

            switch (block)
            {
                case ParagraphBlock paragraph:
                {
                    var text = MarkdownText.Inline(paragraph.Inline);
                    var lower = text.ToLowerInvariant();
                    var isAuth = false;
                    if (lower.Contains("authentication") || lower.Contains("api key") || lower.Contains("api secret"))
                    {
                        var (kind, condition) = ReadAuth(lower);
                        if (kind is not null)
                        {
                            auth = kind.Value;
                            conditionalAuth = condition;
                            isAuth = true;
                        }
                    }

                    var list = s_returnsList.Match(text);
                    var single = s_returnsObject.Match(text);
                    if (list.Success)
                    {
                        returnsObject = list.Groups[1].Value;
                        returnsList = true;
                    }
                    else if (single.Success && !Patterns.IsMatch(single.Groups[1].Value, "^(error|json|response|status)$", RegexOptions.IgnoreCase, s_regexTimeout))
                    {
                        returnsObject = single.Groups[1].Value;
                    }

                    // A parameter written as its own paragraph: "`subscribed` - true or false".
                    if (seenEndpoint && label is Label.None or Label.Parameters && FieldReader.TryReadParagraphParameter(markdown, paragraph, text) is { } prose)
                    {
                        parameters.Add(prose);
                        break;
                    }

                    var newLabel = Labels.Read(lower);
                    if (newLabel is not null)
                    {
                        label = newLabel.Value;
                        // "_Required parameters_" / "_Optional parameters_": the bullets below say no more themselves.
                        labelRequirement = lower.TrimStart().StartsWith("required", StringComparison.Ordinal) ? Requirement.Required
                            : lower.TrimStart().StartsWith("optional", StringComparison.Ordinal) ? Requirement.Optional
                            : Requirement.Unspecified;
                    }
                    else if (!isAuth && (!seenEndpoint || (first.Form is EndpointForm.Heading or EndpointForm.Curl or EndpointForm.Html && label == Label.None)) && !list.Success && !single.Success)
                    {
                        description.Add(text);
                    }

                    break;
                }

                // Slate's side notes: "> The above command returns JSON structured like this:".
                case QuoteBlock quote when quote.OfType<ParagraphBlock>().Select(p => Labels.Read(MarkdownText.Inline(p.Inline).ToLowerInvariant())).FirstOrDefault(l => l is not null) is { } quoted:
                    label = quoted;
                    break;

                case HeadingBlock subheading:
                    label = Labels.OfHeading(MarkdownText.Inline(subheading.Inline), first.Method) ?? label;
                    break;

                case FencedCodeBlock fence when label != Label.Other && IsJsonFence(fence):
                {
                    var example = ReadJson(markdown, fence, diagnostics);
                    if (example is null)
                    {
                        break;
                    }

                    var target = label switch
                    {
                        Label.Request => requestExamples,
                        Label.Response => responseExamples,
                        _ => first.Method is "POST" or "PUT" or "PATCH" && requestExamples.Count == 0 && responseExamples.Count == 0 ? requestExamples : responseExamples,
                    };
                    target.Add(example);
                    break;
                }

                case ListBlock listBlock when label == Label.Parameters || (seenEndpoint && label == Label.None):
                    parameters.AddRange(FieldReader.ReadBullets(markdown, listBlock, diagnostics)
                        .Select(f => f.Requirement == Requirement.Unspecified ? f with { Requirement = labelRequirement } : f));
                    break;

                case Table table when label == Label.Parameters || (seenEndpoint && label != Label.Other):
                    parameters.AddRange(FieldReader.ReadTable(markdown, table));
                    break;
            }
        }

        if (found.Any(f => f.Body is not null) && requestExamples.Count == 0)
        {
            var curl = found.First(f => f.Body is not null);
            var (value, _) = LenientJson.Parse(curl.Body!);
            if (value is not null && value.Kind is JsonKind.Object or JsonKind.Array)
            {
                requestExamples.Add(new JsonExample(value, curl.Location));
            }
        }

        var secretFor = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var parameter in parameters.Where(p => p.RequiresSecret))
        {
            secretFor.Add(parameter.Name);
        }

        if (conditionalAuth is not null)
        {
            foreach (var parameter in parameters)
            {
                var spoken = parameter.Name.Replace('_', ' ').ToLowerInvariant();
                if (Patterns.IsMatch(conditionalAuth, @"\b" + Regex.Escape(spoken) + @"\b", RegexOptions.CultureInvariant, s_regexTimeout) ||
                    conditionalAuth.Contains("`" + parameter.Name.ToLowerInvariant() + "`"))
                {
                    secretFor.Add(parameter.Name);
                }
            }
        }

        if (auth == AuthKind.KeyAndSecret)
        {
            secretFor.Clear();
        }

        // One operation per method and template: a second line that only adds a query string
        // ("GET /things/1.json?full=true") adds its query parameters to the first.
        var readable = new List<(EndpointCandidate Candidate, string Template, List<FieldDocSpec> Query)>();
        foreach (var candidate in found)
        {
            if (candidate.MisspelledMethod is not null)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.MethodMisspelled, candidate.Location, candidate.MisspelledMethod, candidate.Method));
            }

            if (candidate.Path.Templates.Count == 0)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.EndpointLineUnreadable, candidate.Location, candidate.Method + " " + candidate.RawPath, headingText));
                continue;
            }

            var query = candidate.Path.Query.Select(q => QueryField(q.Name, q.Example, candidate.Location)).ToList();
            foreach (var template in candidate.Path.Templates)
            {
                var index = readable.FindIndex(r => r.Candidate.Method == candidate.Method && r.Template == template);
                if (index < 0)
                {
                    readable.Add((candidate, template, new List<FieldDocSpec>(query)));
                }
                else
                {
                    readable[index].Query.AddRange(query.Where(q => readable[index].Query.All(existing => existing.Name != q.Name)));
                }
            }
        }

        var shared = readable.Count > 1;
        var sectionDescription = string.Join(" ", description);
        foreach (var (candidate, template, query) in readable)
        {
            var own = parameters.Concat(query.Where(q => parameters.All(p => p.Name != q.Name))).ToEquatableArray();
            yield return new EndpointSectionSpec(
                headingText,
                markdown.FirstLine(heading),
                candidate.Method,
                template,
                candidate.Location,
                string.IsNullOrEmpty(candidate.Prose) ? sectionDescription : char.ToUpperInvariant(candidate.Prose![0]) + candidate.Prose.Substring(1),
                auth,
                secretFor.ToEquatableArray(),
                own,
                requestExamples.ToEquatableArray(),
                responseExamples.ToEquatableArray(),
                returnsObject,
                returnsList,
                shared,
                Origin: candidate.Path.Origin);
        }
    }

    /// <summary>A query parameter shown in an endpoint line, typed by its example value.</summary>
    private static FieldDocSpec QueryField(string name, string example, LocationInfo location)
    {
        var kind = example is "true" or "false" ? "true or false"
            : Patterns.IsMatch(example, @"^-?\d+$", RegexOptions.CultureInvariant, s_regexTimeout) ? "an integer"
            : Patterns.IsMatch(example, @"^\d{4}-\d{2}-\d{2}", RegexOptions.CultureInvariant, s_regexTimeout) ? "a date"
            : "a string";
        return new FieldDocSpec(name, "Optional. A query parameter shown in the endpoint line; " + kind + ".", Requirement.Optional, false, location);
    }

    private static (AuthKind? Kind, string? Condition) ReadAuth(string lower)
    {
        var keyOnly = Patterns.Match(lower, @"works\s+with\s+(?:just\s+(?:the\s+)?)?(?:username|api\s+key)(?:\s+only)?\s+(?:authentication|auth)\b", RegexOptions.CultureInvariant, s_regexTimeout);
        if (keyOnly.Success)
        {
            var rest = lower.Substring(keyOnly.Index + keyOnly.Length);
            var conditional = Patterns.IsMatch(rest, @"^\s*(?:,\s*)?(?:if|unless|except|when|but)\b", RegexOptions.CultureInvariant, s_regexTimeout);
            return (AuthKind.Key, conditional ? rest : null);
        }

        if (Patterns.IsMatch(lower, @"username\s*(?:and|&|\+)\s*password|key\s+and\s+(?:the\s+)?secret|api\s+secret", RegexOptions.CultureInvariant, s_regexTimeout))
        {
            return (AuthKind.KeyAndSecret, null);
        }

        return (null, null);
    }

    /// <summary>
    /// A JSON example: a json fence, or a fence of another or no language (javascript, http) whose
    /// body, after any <c>HTTP/1.1 200 OK</c> status and header lines, starts with an object or array.
    /// Other language tabs (shell, ruby, python, php) are code, not examples.
    /// </summary>
    private static bool IsJsonFence(FencedCodeBlock fence) => JsonStartLine(fence) >= 0;

    /// <summary>The line the JSON starts on, or -1 when the fence holds no JSON example.</summary>
    private static int JsonStartLine(FencedCodeBlock fence)
    {
        var info = (fence.Info ?? string.Empty).Trim().ToLowerInvariant();
        if (info is "json" or "json5" or "jsonc")
        {
            return 0;
        }

        if (info is not ("" or "javascript" or "js" or "http" or "text" or "txt" or "plain" or "response") || fence.Lines.Count == 0)
        {
            return -1;
        }

        var start = 0;
        if (fence.Lines.Lines[0].Slice.ToString().TrimStart().StartsWith("HTTP/", StringComparison.OrdinalIgnoreCase))
        {
            // A status line and headers, then a blank line, then the body.
            while (start < fence.Lines.Count && fence.Lines.Lines[start].Slice.ToString().Trim().Length > 0)
            {
                start++;
            }
        }

        while (start < fence.Lines.Count && fence.Lines.Lines[start].Slice.ToString().Trim().Length == 0)
        {
            start++;
        }

        if (start >= fence.Lines.Count)
        {
            return -1;
        }

        var first = fence.Lines.Lines[start].Slice.ToString().TrimStart();
        return first.StartsWith("{", StringComparison.Ordinal) || first.StartsWith("[", StringComparison.Ordinal) ? start : -1;
    }

    private static JsonExample? ReadJson(MarkdownText markdown, FencedCodeBlock fence, List<DiagnosticInfo> diagnostics)
    {
        var (content, map) = MarkdownText.CodeContent(fence);
        var skip = Math.Max(0, JsonStartLine(fence));
        if (skip > 0)
        {
            var cut = map[skip].ContentStart;
            content = content.Substring(cut);
            map = map.Skip(skip).Select(entry => (entry.ContentStart - cut, entry.Line)).ToList();
        }

        var (value, problems) = LenientJson.Parse(content);
        foreach (var (offset, message) in problems.Take(10))
        {
            var line = map.LastOrDefault(entry => entry.ContentStart <= offset);
            var location = line.Line.Slice.Text is null
                ? markdown.FirstLine(fence)
                : markdown.Location(line.Line.Position + (offset - line.ContentStart), line.Line.Position + line.Line.Slice.Length);
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.JsonExampleProblem, location, message));
        }

        return value is null ? null : new JsonExample(value, markdown.FirstLine(fence));
    }
}
