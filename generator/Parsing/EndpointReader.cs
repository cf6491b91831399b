using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Text.RegularExpressions;
using Engage.Codegen.Model;
using Markdig.Extensions.Tables;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Engage.Codegen.Parsing;

/// <summary>Where in a section an endpoint was written.</summary>
internal enum EndpointForm
{
    /// <summary>A <c>METHOD /path</c> line in a fenced or indented code block.</summary>
    CodeLine,

    /// <summary>A paragraph that is only the endpoint, as inline code or text.</summary>
    Paragraph,

    /// <summary>A list item that starts with an inline-code endpoint and goes on in prose.</summary>
    Bullet,

    /// <summary>The section heading itself: <c>### GET /things/{id}</c>.</summary>
    Heading,

    /// <summary>An HTML block: method and path in separate elements.</summary>
    Html,

    /// <summary>A table row with a method cell and a path cell.</summary>
    TableRow,

    /// <summary>Inline code inside prose ("use `POST /users` to ..."): read only when nothing stronger is there.</summary>
    InProse,

    /// <summary>A <c>curl</c> command line: read only when the section gives nothing else.</summary>
    Curl,
}

/// <summary>One endpoint as a reader sees it in a section, before it becomes an operation.</summary>
internal sealed class EndpointCandidate
{
    public EndpointCandidate(EndpointForm form, Block block, string method, string rawPath, PathReading path, LocationInfo location, string? misspelledMethod,
        string? prose = null, string? body = null, Block? startBlock = null, bool summary = false)
    {
        Summary = summary;
        Form = form;
        Block = block;
        StartBlock = startBlock ?? block;
        Method = method;
        RawPath = rawPath;
        Path = path;
        Location = location;
        MisspelledMethod = misspelledMethod;
        Prose = prose;
        Body = body;
    }

    public EndpointForm Form { get; }

    /// <summary>The block that holds the endpoint (for HTML split over two blocks, the second).</summary>
    public Block Block { get; }

    /// <summary>The first block the endpoint is written in: the method's element when HTML splits it from the path.</summary>
    public Block StartBlock { get; }

    public string Method { get; }

    public string RawPath { get; }

    /// <summary>The path read; no templates when it could not be read (reported as ENG001).</summary>
    public PathReading Path { get; }

    public LocationInfo Location { get; }

    /// <summary>The method as written when it was a typo (<c>DLETE</c>), else null.</summary>
    public string? MisspelledMethod { get; }

    /// <summary>The prose beside the endpoint in a bullet or table row: its own description.</summary>
    public string? Prose { get; }

    /// <summary>The <c>-d</c> data of a curl line.</summary>
    public string? Body { get; }

    /// <summary>A row of a summary table that links to the section documenting the endpoint.</summary>
    public bool Summary { get; }
}

/// <summary>
/// Finds every endpoint a reader would see in one section: code lines, endpoint paragraphs,
/// endpoint bullets (several per section), the heading, HTML blocks, table rows; inline code in
/// prose only when none of those is there, and a curl command only when the section gives
/// nothing else and is not a guide section (authentication, pagination, errors...).
/// </summary>
internal static class EndpointReader
{

    private static readonly Regex s_line = new(@"^\s*([A-Za-z]{3,8})\s+(\S+)\s*$", RegexOptions.CultureInvariant, Patterns.Timeout);

    private static readonly Regex s_bulletLead = new(@"^\s*`\s*([A-Za-z]{3,8})\s+([^`\s]+)\s*`\s*(.*)$",
        RegexOptions.Singleline | RegexOptions.CultureInvariant, Patterns.Timeout);

    private static readonly Regex s_htmlTag = new(@"<[^>]*>", RegexOptions.CultureInvariant, Patterns.Timeout);

    private static readonly Regex s_htmlEndpoint = new(@"(?:^|\s)([A-Za-z]{3,8})\s+((?:https?://|/)\S*)", RegexOptions.CultureInvariant, Patterns.Timeout);

    /// <summary>A route written without its leading slash: two or more segments of path characters, the first a word.</summary>
    private static readonly Regex s_relativePath = new(@"^[A-Za-z][\w-]*(?:/[\w#{}:.-]+)+/?$", RegexOptions.CultureInvariant, Patterns.Timeout);

    /// <summary>A paragraph that is one endpoint after an optional label, the path or the whole line in code.</summary>
    private static readonly Regex s_labelledEndpoint = new(
        @"^(?<label>[^`]*?)\s*(?:(?<method>\b[A-Za-z]{3,8})\s+)?`[^`]+`$", RegexOptions.CultureInvariant, Patterns.Timeout);

    /// <summary>A table header that names the method column: "Method", "HTTP Method", "Verb", "HTTP Verb".</summary>
    private static readonly Regex s_methodColumn = new(@"^(?:http\s+)?(?:method|verb|request\s+method)$", RegexOptions.CultureInvariant, Patterns.Timeout);

    /// <summary>Methods written as alternatives in one cell: "`POST` / `PUT`", "GET, HEAD", "PUT or PATCH".</summary>
    private static readonly Regex s_methodAlternatives = new(@"\s*(?:/|,|\bor\b|\|)\s*", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant,
        Patterns.Timeout);

    /// <summary>A table header that names the path column: "URL", "Path", "Endpoint", "Route", "URI", "Resource".</summary>
    private static readonly Regex s_pathColumn = new(@"^(?:request\s+)?(?:url|path|endpoint|route|uri|resource\s+url)$", RegexOptions.CultureInvariant,
        Patterns.Timeout);

    /// <summary>
    /// An opening tag with its attributes: <c>&lt;ApiEndpoint path="/x" method="get"&gt;</c>,
    /// <c>&lt;div class="endpoint get"&gt;</c>. Attribute values in braces are template expressions and are dropped.
    /// </summary>
    private static readonly Regex s_openTag = new(
        @"<(?<tag>[A-Za-z][\w.:-]*)(?<attributes>(?:\s+[\w:.@-]+(?:\s*=\s*(?:""[^""]*""|'[^']*'|\{[^{}]*\}|[^\s""'=<>`{}]+))?)*)\s*/?>",
        RegexOptions.CultureInvariant, Patterns.Timeout);

    internal static readonly Regex s_attribute = new(
        @"(?<name>[\w:.@-]+)(?:\s*=\s*(?:""(?<value>[^""]*)""|'(?<value>[^']*)'|(?<expression>\{[^{}]*\})|(?<value>[^\s""'=<>`{}]+)))?",
        RegexOptions.CultureInvariant, Patterns.Timeout);

    /// <summary>White space in a path outside its parameters (<c>/things/{name or id}</c> has none): prose, not a path.</summary>
    private static readonly Regex s_spaceOutsideParameters = new(@"^(?:[^\s{<]|\{[^}]*\}|<[^>]*>)*\s", RegexOptions.CultureInvariant, Patterns.Timeout);

    /// <summary>An endpoint among a table cell's words: an upper-case method and a path, bare or in code or parentheses.</summary>
    private static readonly Regex s_endpointAmongWords = new(
        @"(?<![\w/])`?(?<method>GET|POST|PUT|PATCH|DELETE|HEAD)\s+(?<path>/[^\s`()|,;]*)`?(?=[\s).,;]|$)", RegexOptions.CultureInvariant, Patterns.Timeout);

    private static readonly Regex s_emptyParentheses = new(@"\(\s*\)", RegexOptions.CultureInvariant, Patterns.Timeout);

    /// <summary>Attribute names that hold the method and the path of an endpoint element.</summary>
    private static readonly Regex s_methodAttribute = new(@"^(?:method|verb|http-?method|data-method)$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, Patterns.Timeout);

    private static readonly Regex s_pathAttribute = new(@"^(?:path|url|endpoint|route|uri|data-path|data-url|data-endpoint)$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, Patterns.Timeout);

    private static readonly Regex s_guideHeading = new(
        @"\b(?:authenticat\w*|authori[sz]\w*|oauth|tokens?|pagination|paging|errors?|rate\s+limit\w*|" +
            @"making\s+(?:a\s+)?requests?|introduction|overview|getting\s+started|identify|versioning|caching|" +
            @"schema|conventions|client\s+errors|examples?)\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, Patterns.Timeout);

    /// <summary>
    /// A heading that opens with an action names an operation, whatever its object: "Get the current token",
    /// "Revoke a token", "List errors" are endpoints, where "Tokens", "Authentication" and "Errors" are guides.
    /// </summary>
    private static readonly Regex s_actionHeading = new(
        @"^\W*(?:get|list|create|update|delete|remove|revoke|add|fetch|retrieve|show|edit|set|replace|" +
            @"regenerate|rotate|reset|search|find|query|post|put|patch)s?\b(?!\s+(?:started|up)\b)",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, Patterns.Timeout);

    /// <summary>True when the line is <c>METHOD path</c> as the code-line and paragraph forms need.</summary>
    internal static bool IsEndpointLine(string text) => TryLine(text, out _, out _, out _);

    /// <summary>Every endpoint in the section, strongest forms first as written; empty when there is none.</summary>
    public static List<EndpointCandidate> Find(MarkdownText markdown, HeadingBlock heading, string headingText, List<Block> blocks)
    {
        var found = new List<EndpointCandidate>();
        if (TryLine(headingText.Trim('`', ' '), out var method, out var path, out var typo))
        {
            found.Add(Candidate(EndpointForm.Heading, heading, method, path, markdown.FirstLine(heading), typo));
        }

        for (var i = 0; i < blocks.Count; i++)
        {
            switch (blocks[i])
            {
                case FencedCodeBlock or CodeBlock:
                    ReadCodeLines(markdown, (LeafBlock)blocks[i], found);
                    break;
                case ParagraphBlock paragraph when paragraph.Inline is not null && paragraph.Inline.Descendants<HtmlInline>().Any():
                    ReadHtml(markdown, blocks, i, found);
                    break;
                case ParagraphBlock paragraph:
                    ReadParagraph(markdown, paragraph, found);
                    break;
                case HtmlBlock:
                    ReadHtml(markdown, blocks, i, found);
                    break;
                case ListBlock list:
                    ReadBullets(markdown, list, found);
                    break;
                case Table table:
                    ReadTableRows(markdown, table, found);
                    break;
            }
        }

        if (found.Count > 0)
        {
            return WithSamples(markdown, WithoutSampleLines(found));
        }

        // Weaker forms, only when the section shows no endpoint of its own.
        foreach (var paragraph in blocks.OfType<ParagraphBlock>())
        {
            var inProse = InProse(markdown, paragraph);
            if (inProse is not null)
            {
                found.Add(inProse);
                return WithSamples(markdown, found);
            }
        }

        if (!s_guideHeading.IsMatch(headingText) || s_actionHeading.IsMatch(headingText))
        {
            // Every command of the section: "or use the build-scoped route" shows a second endpoint.
            foreach (var code in blocks.OfType<LeafBlock>().Where(b => CurlCommand.IsCodeBlock(markdown, b)))
            {
                var curl = CurlCommand.Read(markdown, code);
                if (curl is not null && !found.Any(f => f.Method == curl.Method && f.RawPath == curl.RawPath))
                {
                    found.Add(curl);
                }
            }
        }

        return WithSamples(markdown, found);
    }

    /// <summary>
    /// A request line in a code block that shows a call to the section's own endpoint with sample values in its
    /// parameters (<c>GET /api/roles/PYnDO3rMk</c> under <c>`GET /api/roles/:uid`</c>) is its example, not a second endpoint.
    /// </summary>
    private static List<EndpointCandidate> WithoutSampleLines(List<EndpointCandidate> found)
    {
        if (found.Count < 2 || !found.Any(f => f.Form == EndpointForm.CodeLine))
        {
            return found;
        }

        bool Calls(EndpointCandidate line, EndpointCandidate other) =>
            line.Form == EndpointForm.CodeLine && other.Form != EndpointForm.CodeLine && other.Method == line.Method &&
            other.Path.Templates.Any(t => line.Path.Templates.Any(l => l != t && PathTemplates.IsInstanceOf(l, t)));

        List<EndpointCandidate>? samples = null;
        foreach (var line in found)
        {
            if (line.Form == EndpointForm.CodeLine && found.Any(other => Calls(line, other)))
            {
                (samples ??= new List<EndpointCandidate>()).Add(line);
            }
        }

        if (samples is null)
        {
            return found;
        }

        // The sample's query string shows values of the endpoint's query parameters ("?limit=2&start=0").
        return found.Where(line => !samples.Contains(line)).Select(endpoint =>
        {
            var shown = samples.Where(line => Calls(line, endpoint)).SelectMany(line => line.Path.Query)
                .Where(q => endpoint.Path.Query.All(own => own.Name != q.Name)).GroupBy(q => q.Name, StringComparer.Ordinal).Select(g => g.First()).ToList();
            return shown.Count == 0 ? endpoint : new EndpointCandidate(endpoint.Form, endpoint.Block, endpoint.Method, endpoint.RawPath,
                endpoint.Path with { Query = endpoint.Path.Query.Concat(shown).ToList() }, endpoint.Location, endpoint.MisspelledMethod, endpoint.Prose,
                endpoint.Body, endpoint.StartBlock, endpoint.Summary);
        }).ToList();
    }

    /// <summary>
    /// The candidates with each sample value in their paths read as the parameter it stands for
    /// (<see cref="SampleValues"/>); the page is scanned for samples only when a path has a word after a collection.
    /// </summary>
    private static List<EndpointCandidate> WithSamples(MarkdownText markdown, List<EndpointCandidate> found)
    {
        for (var i = 0; i < found.Count; i++)
        {
            var candidate = found[i];
            if (candidate.Path.Templates.Count == 0 || !candidate.Path.Templates.Any(HasWordAfterCollection))
            {
                continue;
            }

            if (PathTemplates.TryRead(candidate.RawPath, out var reading, candidate.Prose, markdown.Samples) &&
                !reading.Templates.SequenceEqual(candidate.Path.Templates, StringComparer.Ordinal))
            {
                found[i] = new EndpointCandidate(candidate.Form, candidate.Block, candidate.Method, candidate.RawPath, reading, candidate.Location,
                    candidate.MisspelledMethod, candidate.Prose, candidate.Body, candidate.StartBlock, candidate.Summary);
            }
        }

        return found;

        static bool HasWordAfterCollection(string template)
        {
            var segments = template.Split('/');
            for (var i = 1; i < segments.Length; i++)
            {
                if (PathTemplates.IsCollectionName(segments[i - 1]) && segments[i].Length > 0 && segments[i][0] != '{')
                {
                    return true;
                }
            }

            return false;
        }
    }

    /// <summary>Reads <c>METHOD path</c>: method in any case (typo corrected), path a path or URL.</summary>
    internal static bool TryLine(string text, out string method, out string path, out string? misspelled)
    {
        method = string.Empty;
        path = string.Empty;
        misspelled = null;
        var match = s_line.Match(text);
        if (!match.Success || !HttpMethods.TryRead(match.Groups[1].Value, out method, out var corrected))
        {
            return false;
        }

        path = match.Groups[2].Value;
        // A lower-case or misspelled method needs a path that is plainly one ("get /users", "DLETE /users/{id}").
        var plain = match.Groups[1].Value == method;
        if ((!plain || corrected) && !LooksLikePath(path))
        {
            return false;
        }

        misspelled = corrected ? match.Groups[1].Value : null;
        return true;
    }

    private static bool LooksLikePath(string path) =>
        path.StartsWith("/", StringComparison.Ordinal) || path.StartsWith("http://", StringComparison.OrdinalIgnoreCase)
            || path.StartsWith("https://", StringComparison.OrdinalIgnoreCase);

    internal static EndpointCandidate Candidate(EndpointForm form, Block block, string method, string rawPath, LocationInfo location, string? misspelled,
        string? prose = null, string? body = null, Block? startBlock = null, bool summary = false)
    {
        if (!PathTemplates.TryRead(rawPath, out var reading, prose))
        {
            reading = new PathReading(Array.Empty<string>(), Array.Empty<(string, string)>(), null);
        }

        return new EndpointCandidate(form, block, method, rawPath, reading, location, misspelled, prose, body, startBlock, summary);
    }

    /// <summary>
    /// The request line a code block opens with (<c>GET /api/things?per_page=2 HTTP/1.1</c>), as a candidate, or null:
    /// only its first line with text is read, where a raw request writes it (most code blocks are JSON, read no further).
    /// </summary>
    internal static EndpointCandidate? RequestLine(MarkdownText markdown, LeafBlock leaf)
    {
        for (var i = 0; i < leaf.Lines.Count; i++)
        {
            var line = leaf.Lines.Lines[i];
            if (line.Slice.IsEmptyOrWhitespace())
            {
                continue;
            }

            // A request line starts with a method's letters: anything else (a brace, a quote, a prompt) is no request.
            var start = line.Slice;
            start.TrimStart();
            if (!char.IsLetter(start.CurrentChar))
            {
                return null;
            }

            var text = line.Slice.ToString();
            var version = text.LastIndexOf(" HTTP/", StringComparison.Ordinal);
            return TryLine(version > 0 ? text.Substring(0, version) : text, out var method, out var path, out var typo)
                ? Candidate(EndpointForm.CodeLine, leaf, method, path, markdown.Line(line), typo)
                : null;
        }

        return null;
    }

    private static void ReadCodeLines(MarkdownText markdown, LeafBlock leaf, List<EndpointCandidate> found)
    {
        for (var i = 0; i < leaf.Lines.Count; i++)
        {
            var line = leaf.Lines.Lines[i];
            if (TryLine(line.Slice.ToString(), out var method, out var path, out var typo))
            {
                found.Add(Candidate(EndpointForm.CodeLine, leaf, method, path, markdown.Line(line), typo));
            }
        }
    }

    /// <summary>A paragraph that is only an endpoint: <c>`GET /things`</c> or <c>GET /things</c>.</summary>
    private static void ReadParagraph(MarkdownText markdown, ParagraphBlock paragraph, List<EndpointCandidate> found)
    {
        var codes = paragraph.Inline!.Descendants<CodeInline>().ToList();
        var text = MarkdownText.Inline(paragraph.Inline).Trim();
        if (ReadLine(markdown, paragraph, text, codes, found))
        {
            return;
        }

        // A paragraph whose first line alone is an endpoint line declares it; the lines after it say more
        // ("GET `/expenses/#{id}`" then "HTTP Response: 200 Success" with no blank line between).
        if (FirstLine(paragraph.Inline!) is { } first)
        {
            ReadLine(markdown, paragraph, first.Text, first.Codes, found);
        }
    }

    /// <summary>
    /// The text and code spans of a paragraph's first line when more lines follow it; null when it has one line or
    /// markup the line form never has.
    /// </summary>
    private static (string Text, List<CodeInline> Codes)? FirstLine(ContainerInline inline)
    {
        var text = new System.Text.StringBuilder();
        var codes = new List<CodeInline>();
        for (var child = inline.FirstChild; child is not null; child = child.NextSibling)
        {
            switch (child)
            {
                case LineBreakInline:
                    return child.NextSibling is null ? null : (text.ToString().Trim(), codes);
                case LiteralInline literal:
                    text.Append(literal.Content.ToString());
                    break;
                case CodeInline code:
                    text.Append('`').Append(code.Content).Append('`');
                    codes.Add(code);
                    break;
                default:
                    return null;
            }
        }

        return null;
    }

    /// <summary>One paragraph's text (or its first line) as an endpoint line, in the three forms a paragraph writes one.</summary>
    private static bool ReadLine(MarkdownText markdown, ParagraphBlock paragraph, string text, List<CodeInline> codes, List<EndpointCandidate> found)
    {
        if (codes.Count == 1 && text == "`" + codes[0].Content + "`" && TryLine(codes[0].Content, out var method, out var path, out var typo))
        {
            found.Add(Candidate(EndpointForm.Paragraph, paragraph, method, path, markdown.Location(codes[0].Span.Start, codes[0].Span.End + 1), typo));
            return true;
        }

        if (codes.Count == 0 && TryLine(text, out method, out path, out typo) && LooksLikePath(path))
        {
            found.Add(Candidate(EndpointForm.Paragraph, paragraph, method, path, markdown.FirstLine(paragraph), typo));
            return true;
        }

        if (codes.Count == 1 && s_labelledEndpoint.Match(text) is { Success: true } labelled && IsLabel(paragraph, labelled.Groups["label"].Value))
        {
            // "GET `/clients`", "**Definition** `GET ${HOST}/things`", "Endpoint: `DELETE /things/{id}`".
            var line = labelled.Groups["method"].Success ? labelled.Groups["method"].Value + " " + codes[0].Content : codes[0].Content;
            if (labelled.Groups["method"].Success && labelled.Groups["label"].Length == 0 && s_relativePath.IsMatch(codes[0].Content))
            {
                // "GET `account/who_am_i`": the line alone, its route written relative to the base address.
                line = labelled.Groups["method"].Value + " /" + codes[0].Content;
            }

            if (TryLine(line.Trim(), out method, out path, out typo) && LooksLikePathOrHostPath(path))
            {
                found.Add(Candidate(EndpointForm.Paragraph, paragraph, method, path, markdown.Location(codes[0].Span.Start, codes[0].Span.End + 1), typo));
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Text before an endpoint that only labels it: nothing, an emphasised word or two ("**Definition**"),
    /// or a few words ending with a colon ("Endpoint:"); never a sentence that mentions the endpoint.
    /// </summary>
    private static bool IsLabel(ParagraphBlock paragraph, string label)
    {
        label = label.Trim();
        if (label.Length == 0)
        {
            return true;
        }

        if (label.Length > 40 || label.Split(' ').Length > 4)
        {
            return false;
        }

        return label.EndsWith(":", StringComparison.Ordinal) ||
            (paragraph.Inline?.FirstChild is EmphasisInline emphasis && MarkdownText.Inline(emphasis).Trim().TrimEnd(':') == label.TrimEnd(':'));
    }

    /// <summary>
    /// Prose that names an endpoint: the first upper-case <c>`METHOD path`</c> code span in a paragraph, or
    /// <c>**METHOD /path**</c> in bold, else a sentence that names one in words (<see cref="NamedEndpoint"/>).
    /// </summary>
    private static EndpointCandidate? InProse(MarkdownText markdown, ParagraphBlock paragraph)
    {
        if (paragraph.Inline is null)
        {
            return null;
        }

        foreach (var code in paragraph.Inline.Descendants<CodeInline>())
        {
            var match = s_line.Match(code.Content);
            if (match.Success && HttpMethods.TryRead(match.Groups[1].Value, out var method, out var corrected) && !corrected && match.Groups[1].Value == method)
            {
                return Candidate(EndpointForm.InProse, paragraph, method, match.Groups[2].Value, markdown.Location(code.Span.Start, code.Span.End + 1), null);
            }
        }

        // Or in bold: "Call **GET /ping** to check the service is up."
        foreach (var strong in paragraph.Inline.Descendants<EmphasisInline>().Where(e => e.DelimiterCount >= 2))
        {
            var match = s_line.Match(MarkdownText.Inline(strong));
            if (match.Success && HttpMethods.TryRead(match.Groups[1].Value, out var method, out var corrected) && !corrected
                && match.Groups[1].Value == method &&
                LooksLikePath(match.Groups[2].Value))
            {
                return Candidate(EndpointForm.InProse, paragraph, method, match.Groups[2].Value, markdown.Location(strong.Span.Start, strong.Span.End + 1),
                    null);
            }
        }

        return NamedEndpoint(markdown, paragraph);
    }

    // "the endpoint `/api/query` accepts ... in the POST request body", "a `POST` request to the `/auth/login` endpoint":
    // one sentence names a path in code as an endpoint and one method in capitals.
    private static readonly Regex s_endpointBesidePath = new(
        @"\bend\s*point\s+`(?<path>/[^`\s]*)`|`(?<path>/[^`\s]*)`\s+end\s*point\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, Patterns.Timeout);

    private static readonly Regex s_methodWord = new(
        @"(?<![\w/-])`?(?<method>GET|POST|PUT|PATCH|DELETE)`?(?![\w/-])", RegexOptions.CultureInvariant, Patterns.Timeout);

    // "use GET https://api.example.test/health endpoint": the method, the address and the word, in plain prose.
    private static readonly Regex s_methodAddressEndpoint = new(
        @"(?<![\w/-])(?<method>GET|POST|PUT|PATCH|DELETE)\s+(?<path>https?://[^\s`<>()]+)\s+end\s*point\b", RegexOptions.CultureInvariant, Patterns.Timeout);

    /// <summary>
    /// An endpoint a sentence names in words: a path in code called an endpoint, beside the one method the sentence
    /// names ("the endpoint `/api/query` accepts queries in the POST request body"), or a method and an address followed
    /// by "endpoint" ("use GET https://api.example.test/health endpoint"). Null when no sentence of the paragraph does.
    /// </summary>
    private static EndpointCandidate? NamedEndpoint(MarkdownText markdown, ParagraphBlock paragraph)
    {
        if (!markdown.Contains(paragraph, "point") && !markdown.Contains(paragraph, "POINT"))
        {
            return null;
        }

        var text = MarkdownText.Inline(paragraph.Inline);

        foreach (var sentence in s_sentenceEnd.Split(text))
        {
            if (s_methodAddressEndpoint.Match(sentence) is { Success: true } addressed)
            {
                return Candidate(EndpointForm.InProse, paragraph, addressed.Groups["method"].Value, addressed.Groups["path"].Value.TrimEnd('.', ',', ';', ':'),
                    markdown.FirstLine(paragraph), null);
            }

            var paths = s_endpointBesidePath.Matches(sentence);
            var methods = s_methodWord.Matches(sentence).Cast<Match>().Select(m => m.Groups["method"].Value).Distinct().ToList();
            if (paths.Count == 1 && methods.Count == 1)
            {
                return Candidate(EndpointForm.InProse, paragraph, methods[0], paths[0].Groups["path"].Value, markdown.FirstLine(paragraph), null);
            }
        }

        return null;
    }

    private static readonly Regex s_sentenceEnd = new(@"(?<=[.!?])\s+(?=[A-Z`*\[])", RegexOptions.CultureInvariant, Patterns.Timeout);

    // "The custom API server behind the URL should provide the following endpoint", "your server must implement this endpoint".
    private static readonly Regex s_readersEndpoint = new(
        @"\b(?:your|custom|own)\b[^.]*?\b(?:should|must|needs?\s+to|has\s+to|is\s+expected\s+to)\s+(?:provide|implement|expose|serve|host)\b" +
        @"[^.]*?\bend\s*points?\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, Patterns.Timeout);

    /// <summary>
    /// True when the sentence that leads to the endpoint (one of the two paragraphs before it) says the reader's own server
    /// provides it ("The custom API server behind the specified URL should provide the following endpoint:"): an endpoint the
    /// API calls, as a webhook receiver or a model server is, not one of the API's own.
    /// </summary>
    public static bool ProvidedByTheReader(MarkdownText markdown, List<Block> blocks, EndpointCandidate endpoint)
    {
        var at = blocks.IndexOf(endpoint.StartBlock);
        at = at < 0 ? blocks.IndexOf(endpoint.Block) : at;
        var paragraphs = 0;
        for (var i = at - 1; i >= 0 && paragraphs < 2; i--)
        {
            if (blocks[i] is not ParagraphBlock paragraph)
            {
                continue;
            }

            paragraphs++;
            if (markdown.Contains(paragraph, "point") && s_readersEndpoint.IsMatch(MarkdownText.Inline(paragraph.Inline)))
            {
                return true;
            }
        }

        return false;
    }

    private static readonly Regex s_endpointWord = new(@"\bend\s*points?\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, Patterns.Timeout);

    /// <summary>
    /// Where the section refers the reader for its endpoint, when it does: the link whose text is the endpoint
    /// ("See [`POST /kennels/:id/locks`](locks.md#lock-a-kennel) for ..."), or, before a request example, a link that
    /// names an endpoint ("use the [list walks endpoint](walks.md#list-walks) with `?dog=7`"). Null when the section
    /// documents its endpoint itself.
    /// </summary>
    public static string? ReferredSection(List<Block> blocks, EndpointCandidate endpoint)
    {
        if (endpoint.Form == EndpointForm.InProse && endpoint.Block is ParagraphBlock { Inline: { } inline })
        {
            foreach (var link in inline.Descendants<LinkInline>().Where(l => !l.IsImage && !string.IsNullOrWhiteSpace(l.Url)))
            {
                if (link.Descendants<CodeInline>().Any(c => s_line.Match(c.Content) is { Success: true } line
                    && string.Equals(line.Groups[2].Value, endpoint.RawPath, StringComparison.Ordinal)))
                {
                    return link.Url;
                }
            }

            return null;
        }

        if (endpoint.Form != EndpointForm.Curl)
        {
            return null;
        }

        foreach (var block in blocks.TakeWhile(b => !ReferenceEquals(b, endpoint.Block)).OfType<ParagraphBlock>())
        {
            var link = block.Inline?.Descendants<LinkInline>().FirstOrDefault(l =>
                !l.IsImage && !string.IsNullOrWhiteSpace(l.Url) && s_endpointWord.IsMatch(MarkdownText.Inline(l)));
            if (link is not null)
            {
                return link.Url;
            }
        }

        return null;
    }

    /// <summary>Bullets that start with an endpoint in code and go on in prose; several per section.</summary>
    private static void ReadBullets(MarkdownText markdown, ListBlock list, List<EndpointCandidate> found)
    {
        foreach (var item in list.OfType<ListItemBlock>())
        {
            var paragraph = item.OfType<ParagraphBlock>().FirstOrDefault();
            if (paragraph?.Inline is null)
            {
                continue;
            }

            var text = MarkdownText.Inline(paragraph.Inline);
            var match = s_bulletLead.Match(text);
            if (!match.Success || !TryLine(match.Groups[1].Value + " " + match.Groups[2].Value, out var method, out var path, out var typo))
            {
                continue;
            }

            var code = paragraph.Inline.Descendants<CodeInline>().First();
            found.Add(
                Candidate(EndpointForm.Bullet, list, method, path, markdown.Location(code.Span.Start, code.Span.End + 1), typo, match.Groups[3].Value.Trim()));
        }
    }

    /// <summary>
    /// HTML written inside the Markdown, the method and the path in separate elements
    /// (<c>&lt;i class="label label-get"&gt;GET&lt;/i&gt;</c> then <c>&lt;h6&gt;/v3/things/&amp;lt;id&amp;gt;&lt;/h6&gt;</c>), read
    /// across this block and the next when the method and the path are split between them.
    /// </summary>
    private static void ReadHtml(MarkdownText markdown, List<Block> blocks, int index, List<EndpointCandidate> found)
    {
        // An element pair already read from the previous block is not read again.
        if (found.Count > 0 && ReferenceEquals(found[found.Count - 1].Block, blocks[index]))
        {
            return;
        }

        if (ReadElements(markdown, blocks[index], found))
        {
            return;
        }

        var text = PlainHtml(markdown.Raw(blocks[index]));
        var block = blocks[index];
        var match = s_htmlEndpoint.Match(text);
        if ((!match.Success || !HttpMethods.TryRead(match.Groups[1].Value, out _, out _)) && index + 1 < blocks.Count
            && blocks[index + 1] is HtmlBlock or ParagraphBlock)
        {
            text = text + " " + PlainHtml(markdown.Raw(blocks[index + 1]));
            match = s_htmlEndpoint.Match(text);
            block = blocks[index + 1];
        }

        for (; match.Success; match = match.NextMatch())
        {
            if (HttpMethods.TryRead(match.Groups[1].Value, out var method, out var corrected)
                && (match.Groups[1].Value == method || corrected || LooksLikePath(match.Groups[2].Value)))
            {
                found.Add(
                    Candidate(EndpointForm.Html, block, method, match.Groups[2].Value, markdown.FirstLine(blocks[index]), corrected ? match.Groups[1].Value
                    : null, startBlock: blocks[index]));
            }
        }
    }

    /// <summary>
    /// Endpoints written as elements whose attributes state them: the method in a method attribute
    /// (<c>method="get"</c>) or as a class (<c>class="endpoint get"</c>), the path in a path attribute
    /// (<c>path="/things/&lt;id&gt;"</c>) or as the element's text. True when the block held one.
    /// </summary>
    private static bool ReadElements(MarkdownText markdown, Block block, List<EndpointCandidate> found)
    {
        var raw = markdown.Raw(block);
        if (raw.IndexOf('<') < 0 || raw.Length > 20000)
        {
            return false;
        }

        var any = false;
        foreach (Match tag in s_openTag.Matches(raw))
        {
            string? method = null;
            string? path = null;
            foreach (Match attribute in s_attribute.Matches(tag.Groups["attributes"].Value))
            {
                if (!attribute.Groups["value"].Success)
                {
                    continue; // a bare attribute or a template expression: no text to read
                }

                var name = attribute.Groups["name"].Value;
                var value = WebUtility.HtmlDecode(attribute.Groups["value"].Value).Trim();
                if (s_methodAttribute.IsMatch(name) && HttpMethods.TryRead(value, out var read, out _))
                {
                    method = read;
                }
                else if (s_pathAttribute.IsMatch(name) && LooksLikePathOrHostPath(value))
                {
                    path = value;
                }
                else if (name.Equals("class", StringComparison.OrdinalIgnoreCase) && method is null)
                {
                    // A class token that is a method, as a label's colour is: class="endpoint get".
                    foreach (var token in value.Split(new[] { ' ', '\t' }, StringSplitOptions.RemoveEmptyEntries))
                    {
                        if (HttpMethods.TryRead(token, out var fromClass, out var typo) && !typo && token.Equals(fromClass, StringComparison.OrdinalIgnoreCase))
                        {
                            method = fromClass;
                            break;
                        }
                    }
                }
            }

            if (method is not null && path is null)
            {
                // The element's own text: <div class="endpoint get">/things/{id}</div>.
                var end = tag.Index + tag.Length;
                var close = raw.IndexOf('<', end);
                var inner = WebUtility.HtmlDecode((close < 0 ? raw.Substring(end) : raw.Substring(end, close - end)).Trim());
                if (LooksLikePathOrHostPath(inner) && !s_spaceOutsideParameters.IsMatch(inner))
                {
                    path = inner;
                }
            }

            if (method is not null && path is not null)
            {
                found.Add(
                    Candidate(EndpointForm.Html, block, method, path,
                    markdown.Location(block.Span.Start + tag.Index, block.Span.Start + tag.Index + tag.Length), null));
                any = true;
            }
        }

        return any;
    }

    /// <summary>
    /// The words of an element block besides its tags and the endpoint itself (the prose a JSX endpoint element
    /// opens with): empty for an element that only states the method and the path.
    /// </summary>
    internal static string ElementProse(string html, EndpointCandidate endpoint)
    {
        var words = PlainHtml(html).Split(new[] { ' ', '\t' }, StringSplitOptions.RemoveEmptyEntries)
            .Where(w => !string.Equals(w, endpoint.Method, StringComparison.OrdinalIgnoreCase) && w != endpoint.RawPath
                && w != WebUtility.HtmlDecode(endpoint.RawPath));
        return MarkdownText.Normalize(string.Join(" ", words));
    }

    /// <summary>A row that links to a section (<c>[List agents](/docs/agents#list-agents)</c>): a summary table's row.</summary>
    private static bool LinksToSection(TableRow row) =>
        row.Descendants<ParagraphBlock>().Any(p => p.Inline is not null
            && p.Inline.Descendants<LinkInline>().Any(l => l.Url is { } url && url.IndexOf('#') >= 0));

    /// <summary>A path (<c>/x</c>), a URL, or a path on a host variable (<c>${HOST}/x</c>, <c>{{host}}/x</c>).</summary>
    internal static bool LooksLikePathOrHostPath(string path) => LooksLikePath(path) || PathTemplates.HostVariable(path) > 0;

    /// <summary>An HTML block's text as a reader sees it, lines kept: a request sample written as <c>&lt;pre&gt;&lt;code&gt;</c>.</summary>
    internal static string PlainText(string html) => WebUtility.HtmlDecode(s_htmlTag.Replace(html, string.Empty));

    /// <summary>
    /// The text of HTML: tags as spaces, but those of inline elements that sit inside a word (<c>span</c>, <c>em</c>,
    /// <c>b</c>...: <c>&lt;span&gt;/api/&lt;/span&gt;login</c> is one path) as nothing; entities decoded, on one line.
    /// </summary>
    internal static string PlainHtml(string html) =>
        WebUtility.HtmlDecode(s_htmlTag.Replace(s_inlineTag.Replace(html, string.Empty), " ")).Replace('\n', ' ').Replace('\r', ' ');

    private static readonly Regex s_inlineTag = new(@"</?(?:span|em|strong|b|i|u|small|mark|var|samp|kbd)\b[^>]*>",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, Patterns.Timeout);

    /// <summary>
    /// Rows with a method cell and a path cell (<c>| GET | /things | ... |</c>) or one <c>`METHOD /path`</c> cell;
    /// or, where the header names a method column and a URL or path column (<c>| URL | Auth | HTTP Method |</c>),
    /// each row's cells of those columns, wherever they stand.
    /// </summary>
    private static void ReadTableRows(MarkdownText markdown, Table table, List<EndpointCandidate> found)
    {
        var rows = table.OfType<TableRow>().ToList();
        if (rows.Count > 1 && rows[0].IsHeader)
        {
            var header = rows[0].OfType<TableCell>().Select(c => FieldReader.CellText(c).Trim('*', '_', '`', ' ').ToLowerInvariant()).ToList();
            var methodColumn = header.FindIndex(h => s_methodColumn.IsMatch(h));
            var pathColumn = header.FindIndex(h => s_pathColumn.IsMatch(h));
            if (methodColumn >= 0 && pathColumn >= 0)
            {
                var before = found.Count;
                foreach (var row in rows.Skip(1))
                {
                    var cells = row.OfType<TableCell>().Select(FieldReader.CellText).ToList();
                    if (Math.Max(methodColumn, pathColumn) >= cells.Count)
                    {
                        continue;
                    }

                    // A cell may name alternatives: "`POST` / `PUT`" is one operation (the first method), and two
                    // paths in one cell ("`/v1/quota/:name` <br /> `/v1/quota`") are two operations.
                    var methodCell = s_methodAlternatives.Split(cells[methodColumn].Trim())[0].Trim('`', ' ', '*');
                    var paths = cells[pathColumn].Split(new[] { ' ' }, StringSplitOptions.RemoveEmptyEntries).Select(p => p.Trim('`', '*')).ToList();
                    if (!paths.All(LooksLikePathOrHostPath))
                    {
                        paths = new List<string> { cells[pathColumn].Trim('`', ' ', '*') };
                    }

                    if (HttpMethods.TryRead(methodCell, out var method, out var corrected))
                    {
                        var prose = string.Join(" ", cells.Where((_, c) => c != methodColumn && c != pathColumn)).Trim();
                        foreach (var pathCell in paths.Where(LooksLikePathOrHostPath))
                        {
                            found.Add(
                                Candidate(EndpointForm.TableRow, table, method, pathCell, markdown.FirstLine(row), corrected ? methodCell : null, prose,
                                summary: LinksToSection(row)));
                        }
                    }
                }

                if (found.Count > before)
                {
                    return;
                }
            }
        }

        // "| `presets:get` | Get a preset (GET /presets/:name) |": a table whose rows name their endpoints among a
        // cell's words, when two rows or more do (one row's mention is prose, a column of them is an index).
        var amongWords = rows.Count(r => !r.IsHeader && r.OfType<TableCell>().Any(c => s_endpointAmongWords.Matches(FieldReader.CellText(c)).Count == 1)) >= 2;
        foreach (var row in rows.Where(r => !r.IsHeader))
        {
            var cells = row.OfType<TableCell>().Select(FieldReader.CellText).ToList();
            for (var i = 0; i < cells.Count; i++)
            {
                var cell = cells[i].Trim('`', ' ');
                string? method = null;
                string? path = null;
                string? typo = null;
                var pathCell = i;
                if (TryLine(cell, out var lineMethod, out var linePath, out var lineTypo) && LooksLikePath(linePath))
                {
                    (method, path, typo) = (lineMethod, linePath, lineTypo);
                }
                else if (i + 1 < cells.Count && HttpMethods.TryRead(cell, out var cellMethod, out var corrected) && LooksLikePath(cells[i + 1].Trim('`', ' ')))
                {
                    (method, path, typo, pathCell) = (cellMethod, cells[i + 1].Trim('`', ' '), corrected ? cell : null, i + 1);
                }
                else if (amongWords && s_endpointAmongWords.Matches(cells[i]) is { Count: 1 } among)
                {
                    (method, path, pathCell) = (among[0].Groups["method"].Value, among[0].Groups["path"].Value, -1);
                }

                if (method is not null)
                {
                    var prose = pathCell < 0
                        ? s_emptyParentheses.Replace(s_endpointAmongWords.Replace(cells[i], string.Empty), string.Empty).Trim()
                        : string.Join(" ", cells.Where((_, c) => c != i && c != pathCell)).Trim();
                    found.Add(Candidate(EndpointForm.TableRow, table, method, path!, markdown.FirstLine(row), typo, prose, summary: LinksToSection(row)));
                    break;
                }
            }
        }
    }
}
