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

    internal static readonly Regex EndpointLine = new(
        @"^\s*(GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS)\s+(\S+)\s*$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, s_regexTimeout);

    private static readonly Regex s_objectHeading = new(
        @"^\s*the\s+(.+?)\s+objects?\s*[.:]*\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, s_regexTimeout);

    private static readonly Regex s_bullet = new(
        @"^\s*`\s*([^`]+?)\s*`\s*(?:\(([^)]*)\))?\s*[-\u2013\u2014:]*\s*(.*)$", RegexOptions.Singleline | RegexOptions.CultureInvariant, s_regexTimeout);

    private static readonly Regex s_boldBullet = new(
        @"^\s*\*\*\s*([^*]+?)\s*\*\*\s*(?:\(([^)]*)\))?\s*[-\u2013\u2014:]*\s*(.*)$", RegexOptions.Singleline | RegexOptions.CultureInvariant, s_regexTimeout);

    private static readonly Regex s_fieldName = new(@"^[\w$@][\w.$@\-\[\]]*$", RegexOptions.CultureInvariant, s_regexTimeout);

    private static readonly Regex s_returnsObject = new(
        @"\breturns?\s+(?:back\s+)?(?:(?:the|an?)\s+)?(?:updated\s+|new\s+|created\s+|newly\s+created\s+|matching\s+)?([A-Za-z][\w-]*)\s+objects?\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, s_regexTimeout);

    private static readonly Regex s_returnsList = new(
        @"\breturns?\s+(?:an?|the)\s+(?:list|array|page)\s+of\s+(?:the\s+)?([A-Za-z][\w-]*)\s+objects?\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, s_regexTimeout);

    private static readonly Regex s_secretPhrase = new(
        @"requires?\s+(?:both\s+)?(?:the\s+)?(?:username\s*(?:and|&)\s*password|key\s+and\s+(?:the\s+)?secret|api\s+secret|secret)",
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

        var sections = new List<(HeadingBlock? Heading, List<Block> Blocks)> { (null, new List<Block>()) };
        foreach (var block in document)
        {
            if (block is HeadingBlock heading)
            {
                sections.Add((heading, new List<Block>()));
            }
            else
            {
                sections[sections.Count - 1].Blocks.Add(block);
            }
        }

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

            var endpoint = FindEndpointLine(markdown, blocks);
            if (endpoint is not null)
            {
                var spec = ReadEndpoint(markdown, heading, headingText, blocks, endpoint.Value, diagnostics);
                if (spec is not null)
                {
                    endpoints.Add(spec);
                }

                continue;
            }

            var lower = headingText.ToLowerInvariant();
            if (lower.Contains("api root") || lower.Contains("base url") || lower.Contains("base address") || lower.Contains("root url"))
            {
                apiRoot ??= ReadApiRoot(blocks);
            }

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
            .Select(paragraph => s_bullet.Match(MarkdownText.Inline(paragraph!.Inline)))
            .Any(match => match.Success && Patterns.IsMatch(match.Groups[3].Value, @"^(Required|Optional)\b", RegexOptions.IgnoreCase, s_regexTimeout));

    private readonly struct EndpointLineInfo
    {
        public EndpointLineInfo(Block block, string method, string path, LocationInfo location)
        {
            Block = block;
            Method = method;
            Path = path;
            Location = location;
        }

        public Block Block { get; }

        public string Method { get; }

        public string Path { get; }

        public LocationInfo Location { get; }
    }

    private static EndpointLineInfo? FindEndpointLine(MarkdownText markdown, List<Block> blocks)
    {
        foreach (var block in blocks)
        {
            if (block is FencedCodeBlock or CodeBlock)
            {
                var leaf = (LeafBlock)block;
                for (var i = 0; i < leaf.Lines.Count; i++)
                {
                    var line = leaf.Lines.Lines[i];
                    var match = EndpointLine.Match(line.Slice.ToString());
                    if (match.Success)
                    {
                        return new EndpointLineInfo(block, match.Groups[1].Value.ToUpperInvariant(), match.Groups[2].Value, markdown.Line(line));
                    }
                }
            }
            else if (block is ParagraphBlock paragraph && paragraph.Inline is not null)
            {
                foreach (var code in paragraph.Inline.Descendants<Markdig.Syntax.Inlines.CodeInline>())
                {
                    var match = EndpointLine.Match(code.Content);
                    if (match.Success && match.Groups[1].Value == match.Groups[1].Value.ToUpperInvariant())
                    {
                        var location = markdown.Location(code.Span.Start, code.Span.End + 1);
                        return new EndpointLineInfo(block, match.Groups[1].Value, match.Groups[2].Value, location);
                    }
                }
            }
        }

        return null;
    }

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
                fields.AddRange(ReadBullets(markdown, list, diagnostics));
            }
            else if (block is Table table)
            {
                fields.AddRange(ReadTable(markdown, table));
            }
        }

        return new ObjectSectionSpec(name, headingText, markdown.FirstLine(heading), example, fields.ToEquatableArray());
    }

    private enum Label
    {
        None,
        Parameters,
        Request,
        Response,
    }

    private static EndpointSectionSpec? ReadEndpoint(
        MarkdownText markdown,
        HeadingBlock heading,
        string headingText,
        List<Block> blocks,
        EndpointLineInfo endpoint,
        List<DiagnosticInfo> diagnostics)
    {
        var description = new List<string>();
        var parameters = new List<FieldDocSpec>();
        var requestExamples = new List<JsonExample>();
        var responseExamples = new List<JsonExample>();
        var auth = AuthKind.KeyAndSecret;
        string? conditionalAuth = null;
        string? returnsObject = null;
        var returnsList = false;
        var label = Label.None;
        var seenEndpoint = false;

        foreach (var block in blocks)
        {
            if (block == endpoint.Block)
            {
                seenEndpoint = true;
                if (block is not ParagraphBlock)
                {
                    continue;
                }
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
                    if (seenEndpoint && label is Label.None or Label.Parameters && TryReadParagraphParameter(markdown, paragraph, text) is { } prose)
                    {
                        parameters.Add(prose);
                        break;
                    }

                    var newLabel = ReadLabel(lower);
                    if (newLabel is not null)
                    {
                        label = newLabel.Value;
                    }
                    else if (!isAuth && !seenEndpoint && !list.Success && !single.Success)
                    {
                        description.Add(text);
                    }

                    break;
                }

                case FencedCodeBlock fence when IsJsonFence(fence):
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
                        _ => endpoint.Method is "POST" or "PUT" or "PATCH" && requestExamples.Count == 0 && responseExamples.Count == 0 ? requestExamples : responseExamples,
                    };
                    target.Add(example);
                    break;
                }

                case ListBlock listBlock when label == Label.Parameters || (seenEndpoint && label == Label.None):
                    parameters.AddRange(ReadBullets(markdown, listBlock, diagnostics));
                    break;

                case Table table when label == Label.Parameters || seenEndpoint:
                    parameters.AddRange(ReadTable(markdown, table));
                    break;
            }
        }

        var path = endpoint.Path;
        if (!TryNormalizePath(path, out var normalized))
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.EndpointLineUnreadable, endpoint.Location, endpoint.Method + " " + path, headingText));
            return null;
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

        return new EndpointSectionSpec(
            headingText,
            markdown.FirstLine(heading),
            endpoint.Method,
            normalized,
            endpoint.Location,
            string.Join(" ", description),
            auth,
            secretFor.ToEquatableArray(),
            parameters.ToEquatableArray(),
            requestExamples.ToEquatableArray(),
            responseExamples.ToEquatableArray(),
            returnsObject,
            returnsList);
    }

    private static FieldDocSpec? TryReadParagraphParameter(MarkdownText markdown, ParagraphBlock paragraph, string text)
    {
        var match = s_bullet.Match(text);
        if (!match.Success || !s_fieldName.IsMatch(match.Groups[1].Value) || EndpointLine.IsMatch(match.Groups[1].Value) || text.Length > 400)
        {
            return null;
        }

        // Only "`name` - text" or "`name`: text" shapes; a sentence that merely starts with code is prose.
        var afterName = text.Substring(text.IndexOf('`', text.IndexOf('`') + 1) + 1).TrimStart();
        if (!afterName.StartsWith("-", StringComparison.Ordinal) && !afterName.StartsWith(":", StringComparison.Ordinal) &&
            !afterName.StartsWith("\u2013", StringComparison.Ordinal) && !afterName.StartsWith("\u2014", StringComparison.Ordinal))
        {
            return null;
        }

        return Field(match.Groups[1].Value, match.Groups[2].Value, match.Groups[3].Value.Trim(), markdown.FirstLine(paragraph));
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

    private static Label? ReadLabel(string lower)
    {
        var trimmed = FixLabelTypos(lower.Trim());
        if (Patterns.IsMatch(trimmed, @"^(?:(?:query|body|request|path)\s+)?parameters?\b", RegexOptions.CultureInvariant, s_regexTimeout))
        {
            return Label.Parameters;
        }

        if (Patterns.IsMatch(trimmed, @"^(?:an?\s+)?(?:example|sample)\s+(?:request|payload|body)|^request\s*(?:data|body|payload)?\s*:", RegexOptions.CultureInvariant, s_regexTimeout))
        {
            return Label.Request;
        }

        if (Patterns.IsMatch(trimmed, @"^(?:an?\s+)?(?:example|sample)\s+(?:response|result|output)|^response\s*(?:data|body|payload)?\s*:|^(?:it|this|the\s+\w+)\s+(?:returns|responds)\b.*:$", RegexOptions.CultureInvariant, s_regexTimeout))
        {
            return Label.Response;
        }

        return null;
    }

    private static readonly string[] s_labelWords = { "example", "sample", "request", "response", "parameters", "payload" };

    /// <summary>Reads label words as a person would despite typos: "Exmaple reqeust data:" is "example request data:".</summary>
    private static string FixLabelTypos(string text)
    {
        // Only the first three words can be label words: the rest of the paragraph is left as it is.
        var words = text.Split(new[] { ' ' }, 4);
        var changed = false;
        for (var i = 0; i < Math.Min(3, words.Length); i++)
        {
            var word = words[i].TrimEnd(':', '.');
            if (word.Length < 5 || s_labelWords.Contains(word))
            {
                continue;
            }

            var close = s_labelWords.FirstOrDefault(label => EditDistance(word, label) <= MaxTypos(label));
            if (close is not null)
            {
                words[i] = close + words[i].Substring(word.Length);
                changed = true;
            }
        }

        return changed ? string.Join(" ", words) : text;
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

    private static bool IsJsonFence(FencedCodeBlock fence)
    {
        var info = (fence.Info ?? string.Empty).Trim().ToLowerInvariant();
        if (info is "json" or "json5" or "jsonc" or "javascript" or "js")
        {
            return true;
        }

        if (info.Length == 0 && fence.Lines.Count > 0)
        {
            var first = fence.Lines.Lines[0].Slice.ToString().TrimStart();
            return first.StartsWith("{", StringComparison.Ordinal) || first.StartsWith("[", StringComparison.Ordinal);
        }

        return false;
    }

    private static JsonExample? ReadJson(MarkdownText markdown, FencedCodeBlock fence, List<DiagnosticInfo> diagnostics)
    {
        var (content, map) = MarkdownText.CodeContent(fence);
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

    private static IEnumerable<FieldDocSpec> ReadBullets(MarkdownText markdown, ListBlock list, List<DiagnosticInfo> diagnostics)
    {
        foreach (var item in list.OfType<ListItemBlock>())
        {
            var paragraph = item.OfType<ParagraphBlock>().FirstOrDefault();
            if (paragraph is null)
            {
                continue;
            }

            var text = MarkdownText.Inline(paragraph.Inline);
            var rest = string.Join(" ", item.OfType<ParagraphBlock>().Skip(1).Select(p => MarkdownText.Inline(p.Inline)));
            var match = s_bullet.Match(text);
            if (!match.Success)
            {
                match = s_boldBullet.Match(text);
            }

            var location = markdown.FirstLine(paragraph);
            if (!match.Success || !s_fieldName.IsMatch(match.Groups[1].Value))
            {
                if (text.TrimStart().StartsWith("[", StringComparison.Ordinal) || !text.Contains("`"))
                {
                    continue; // a table of contents entry or plain prose, not a field
                }

                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.BulletUnreadable, location, Shorten(text)));
                continue;
            }

            var description = (match.Groups[3].Value + " " + rest).Trim();
            yield return Field(match.Groups[1].Value, match.Groups[2].Value, description, location);
        }
    }

    private static FieldDocSpec Field(string name, string parenthetical, string description, LocationInfo location)
    {
        var requirement = Requirement.Unspecified;
        var lead = (parenthetical + " " + description).TrimStart().ToLowerInvariant();
        if (Patterns.IsMatch(lead, @"^(?:\*\*)?required\b", RegexOptions.CultureInvariant, s_regexTimeout))
        {
            requirement = Requirement.Required;
        }
        else if (Patterns.IsMatch(lead, @"^(?:\*\*)?optional\b", RegexOptions.CultureInvariant, s_regexTimeout))
        {
            requirement = Requirement.Optional;
        }

        var cleaned = Patterns.Replace(description, @"^(?:\*\*)?(?:required|optional)(?:\*\*)?\s*[.:,]?\s*", string.Empty, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, s_regexTimeout);
        if (parenthetical.Length > 0 && !Patterns.IsMatch(parenthetical, "^(required|optional)$", RegexOptions.IgnoreCase, s_regexTimeout))
        {
            cleaned = "(" + parenthetical + ") " + cleaned;
        }

        return new FieldDocSpec(name, cleaned.Trim(), requirement, s_secretPhrase.IsMatch(description), location);
    }

    private static IEnumerable<FieldDocSpec> ReadTable(MarkdownText markdown, Table table)
    {
        var rows = table.OfType<TableRow>().ToList();
        if (rows.Count < 2)
        {
            yield break;
        }

        var header = rows[0].OfType<TableCell>().Select(c => CellText(c).ToLowerInvariant()).ToList();
        var nameColumn = header.FindIndex(h => h is "parameter" or "name" or "field" or "property" or "key" or "attribute");
        if (nameColumn < 0)
        {
            yield break;
        }

        var typeColumn = header.FindIndex(h => h == "type");
        var requiredColumn = header.FindIndex(h => h.StartsWith("required", StringComparison.Ordinal));
        var descriptionColumn = header.FindIndex(h => h.StartsWith("description", StringComparison.Ordinal) || h == "meaning" || h == "notes");
        foreach (var row in rows.Skip(1))
        {
            var cells = row.OfType<TableCell>().Select(CellText).ToList();
            string Cell(int index) => index >= 0 && index < cells.Count ? cells[index] : string.Empty;
            var name = Cell(nameColumn).Trim('`', ' ', '*');
            if (!s_fieldName.IsMatch(name))
            {
                continue;
            }

            var required = Cell(requiredColumn).ToLowerInvariant();
            var requirement = required is "yes" or "true" or "required" or "y" ? "Required." : required is "no" or "false" or "optional" or "n" ? "Optional." : string.Empty;
            var type = Cell(typeColumn);
            var description = (requirement + " " + (type.Length > 0 ? "(" + type + ") " : string.Empty) + Cell(descriptionColumn)).Trim();
            yield return Field(name, string.Empty, description, markdown.FirstLine(row));
        }
    }

    private static string CellText(TableCell cell) =>
        string.Join(" ", cell.OfType<ParagraphBlock>().Select(p => MarkdownText.Inline(p.Inline))).Trim();

    private static string Shorten(string text) => text.Length > 80 ? text.Substring(0, 77) + "..." : text;

    /// <summary>
    /// Takes the path of <c>METHOD path</c>, with or without scheme and host, and writes its
    /// parameters as <c>{name}</c> whether the docs wrote <c>{name}</c>, <c>:name</c> or <c>&lt;name&gt;</c>.
    /// </summary>
    internal static bool TryNormalizePath(string raw, out string path)
    {
        path = string.Empty;
        var value = raw.Trim().Trim('`');
        var scheme = value.IndexOf("://", StringComparison.Ordinal);
        if (scheme >= 0)
        {
            var slash = value.IndexOf('/', scheme + 3);
            value = slash < 0 ? "/" : value.Substring(slash);
        }
        else if (!value.StartsWith("/", StringComparison.Ordinal))
        {
            var slash = value.IndexOf('/');
            if (slash > 0 && value.Substring(0, slash).Contains("."))
            {
                value = value.Substring(slash);
            }
            else
            {
                value = "/" + value;
            }
        }

        var cut = value.IndexOfAny(new[] { '?', '#' });
        if (cut >= 0)
        {
            value = value.Substring(0, cut);
        }

        var segments = value.Split(new[] { '/' }, StringSplitOptions.RemoveEmptyEntries);
        var result = new List<string>();
        foreach (var segment in segments)
        {
            string? parameter = null;
            if (segment.Length > 2 && segment[0] == '{' && segment[segment.Length - 1] == '}')
            {
                parameter = segment.Substring(1, segment.Length - 2);
            }
            else if (segment.Length > 2 && segment[0] == '<' && segment[segment.Length - 1] == '>')
            {
                parameter = segment.Substring(1, segment.Length - 2);
            }
            else if (segment.Length > 1 && segment[0] == ':')
            {
                parameter = segment.Substring(1);
            }

            if (parameter is not null)
            {
                if (!Patterns.IsMatch(parameter, @"^[\w\-]+$", RegexOptions.CultureInvariant, s_regexTimeout))
                {
                    return false;
                }

                result.Add("{" + parameter + "}");
            }
            else if (Patterns.IsMatch(segment, @"^[\w\-.~]+$", RegexOptions.CultureInvariant, s_regexTimeout) && segment.Trim('.').Length > 0)
            {
                result.Add(segment);
            }
            else
            {
                return false;
            }
        }

        path = "/" + string.Join("/", result);
        return true;
    }
}
