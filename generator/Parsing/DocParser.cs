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
internal static partial class DocParser
{
    private static readonly Regex s_sentenceBreak = new(@"(?<=[.!?])\s+", RegexOptions.CultureInvariant, Patterns.Timeout);
    private static readonly Regex s_deprecated = new(@"\bdeprecat", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, Patterns.Timeout);
    private static readonly Regex s_replacementWords = new(@"\b(?:use|instead|in favou?r of|replaced by)\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, Patterns.Timeout);
    private static readonly Regex s_codeSpan = new("`([^`]+)`", RegexOptions.CultureInvariant, Patterns.Timeout);
    private static readonly Regex s_address = new(
        @"https?://[\w{}<>\[\]-]+(?:\.[\w{}<>\[\]-]+)*(?::\d+)?(?:/[\w\-./{}<>:\[\]]*)?|[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+(?::\d+)?(?:/[\w\-./]*)?",
        RegexOptions.CultureInvariant, Patterns.Timeout);
    private static readonly Regex s_requirementLead = new(@"^(Required|Optional)\b", RegexOptions.IgnoreCase, Patterns.Timeout);

    private static readonly MarkdownPipeline s_pipeline = new MarkdownPipelineBuilder()
        .UseYamlFrontMatter()
        .UsePipeTables()
        .Build();

    /// <summary>A heading over the error bodies: "Errors", "Error responses", "Validation errors", "Handling errors".</summary>
    private static readonly Regex s_errorHeading = new(
        @"^(?:(?:handling|validation|http|api|common)\s+)?errors?(?:\s+(?:responses?|handling|codes?|format|messages?|objects?|bodies|body))?$",
        RegexOptions.CultureInvariant, Patterns.Timeout);

    private static readonly Regex s_objectHeading = new(
        @"^\s*the\s+(.+?)\s+objects?\s*[.:]*\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, Patterns.Timeout);

    /// <summary>
    /// A section that lists an object's attributes in a table or bullets: "Order properties", "Boat
    /// attributes", and a nested object's "Order - Line item properties".
    /// </summary>
    private static readonly Regex s_propertiesHeading = new(
        @"^\s*(?:(?<parent>[A-Za-z][\w ]{0,40}?)\s*(?:-|\u2013|\u2014|:|>)\s*)?(?<name>[A-Za-z][\w " +
            @"]{0,40}?)\s+(?:properties|attributes|fields|objects?|data\s+model|model|schema|details?)\s*[.:]*\s*$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, Patterns.Timeout);

    /// <summary>A subheading that is only the word for an object's fields ("### Properties" under "## Notes"): the object is the one the section
    /// names.</summary>
    private static readonly Regex s_bareObjectHeading = new(
        @"^\s*(?:properties|attributes|fields|object|data\s+model|model|schema)\s*[.:]*\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant,
            Patterns.Timeout);

    /// <summary>A heading that names a list: "List users", "Get all users", "Search projects".</summary>
    private static readonly Regex s_listHeading = new(
        @"^\W*(?:list|get\s+all|search|find\s+all)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, Patterns.Timeout);

    private static readonly Regex s_notAnObject = new(
        @"^(?:request|response|query|body|path|url|form|required|optional|input|output|additional|custom|" +
            @"other|common|shared|extra|global|available|http|header|the|an?|json|returned|writable|read\s*only|" +
            @"all)$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, Patterns.Timeout);

    private static readonly Regex s_rootPhrase = new(
        @"\ball\s+(?:api\s+)?(?:urls|requests|endpoints|paths|calls)\s+(?:start|begin|are\s+relative\s+to|" +
            @"go\s+to)\b|\bbase\s+(?:url|uri|address|endpoint)\b|\bapi\s+root\b|\broot\s+(?:url|endpoint)\b|" +
            @"\bapi\s+(?:is\s+)?(?:served|available)\s+(?:at|from)\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, Patterns.Timeout);

    public static DocSpec Parse(DocSource source, CancellationToken cancellationToken)
    {
        MarkdownText.BeginPage();
        try
        {
            return ParsePage(source, cancellationToken);
        }
        finally
        {
            MarkdownText.EndPage();
        }
    }

    private static DocSpec ParsePage(DocSource source, CancellationToken cancellationToken)
    {
        // Template markup (Liquid, ERB, shortcodes, MDX imports) is blanked in place: never read as text.
        var text = TemplateMarkup.Blank(source.Text);
        // Documenting components (<ParamField>, <ResponseExample>) are read from their tags, and their children as Markdown.
        var (componentsBlanked, components) = FieldComponents.Extract(source.Path, text);
        text = componentsBlanked;
        var markdown = new MarkdownText(source.Path, text) { Components = components };
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
        var pagingProse = new System.Text.StringBuilder();
        var errorExamples = new List<JsonExample>();
        JsonNode? pagingEnvelope = null;
        var userAgentRequired = false;
        var listsPaginated = false;
        var mentionsUserAgent = text.IndexOf("User-Agent", StringComparison.OrdinalIgnoreCase) >= 0;

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
                diagnostics.Add(
                    DiagnosticInfo.Create(DiagnosticDescriptors.GeneratorFailure, markdown.Location(0, 0), "Markdig could not parse it (" + exception.Message
                    + ")"));
                return new DocSpec(source.Path, markdown.FileName, null, null, 0, null, null, false, EquatableArray<DeprecationSpec>.Empty,
                    EquatableArray<ObjectSectionSpec>.Empty, EquatableArray<EndpointSectionSpec>.Empty, diagnostics.ToEquatableArray());
            }
        }

        var sections = Sections.Split(document);
        var curlOnly = new List<EndpointSectionSpec>();
        CredentialSpec? credentials = null;
        string? group = null;
        string? subgroup = null;

        // The level of a section that says its subsections' lists page ("## List users" saying "this takes pagination
        // parameters" over "### For normal users" and its endpoint); 0 when none is open.
        var pagedLevel = 0;
        // The level of the endpoint section whose subsections are being read ("### Using the query parameter" under
        // "## Search teams"); 0 outside one. Their paging sentences speak of that endpoint, not of the page's lists.
        var endpointLevel = 0;
        var endpointSectionStart = 0;
        var documentsReadersEndpoint = false;
        var pageDeclared = false;
        for (var index = 0; index < sections.Count; index++)
        {
            var (heading, blocks) = sections[index];
            cancellationToken.ThrowIfCancellationRequested();
            var headingText = heading is null ? string.Empty : MarkdownText.Inline(heading.Inline).Trim().TrimEnd('.', ':').Trim();
            credentials = ReadCredentials(markdown, blocks, credentials);
            if (heading is null)
            {
                EndpointCandidate? declared = null;
                foreach (var block in blocks)
                {
                    if (block is YamlFrontMatterBlock yaml)
                    {
                        frontMatterTitle = ReadFrontMatterTitle(yaml);
                        declared = ReadFrontMatterEndpoint(markdown, yaml);
                    }
                }

                // A page titled by its front matter opens with its introduction, as an h1's section does.
                if (frontMatterTitle is not null)
                {
                    introduction ??= blocks.OfType<ParagraphBlock>().Where(p => !markdown.InsideField(p)).Select(p => MarkdownText.Inline(p.Inline))
                        .FirstOrDefault();
                }

                if (declared is not null)
                {
                    // "api: POST https://host/v1/things" in the front matter: the page documents that one operation, and all of it (its
                    // parameter and example sections) is the operation's section. Other routes it shows are examples or references.
                    var whole = sections.SelectMany(s => s.Heading is null ? s.Blocks : new List<Block> { s.Heading }.Concat(s.Blocks))
                        .Where(b => b is not YamlFrontMatterBlock).ToList();
                    var name = frontMatterTitle ?? System.IO.Path.GetFileNameWithoutExtension(markdown.FileName);
                    var folder = FolderGroup(source.Path);
                    endpoints.AddRange(ReadEndpoints(markdown, (HeadingBlock)declared.Block, name, whole, new List<EndpointCandidate> { declared },
                        diagnostics, sectionEnd: text.Length).Select(e => folder is null ? e with { Group = frontMatterTitle }
                        : e with { Group = folder, FolderGroup = true }));
                    pageDeclared = true;
                }

                // A page whose title is its front matter's may list its endpoints before its first heading
                // ("**Endpoints**" over a fence of METHOD /path lines): an index of the sections below, read
                // like a summary table's rows (the section that documents one makes it).
                if (frontMatterTitle is not null && sections.Count > 1)
                {
                    var page = PageHeading();
                    var listed = EndpointReader.Find(markdown, page, frontMatterTitle,
                            blocks.Where(b => b is (FencedCodeBlock or CodeBlock) and not YamlFrontMatterBlock).ToList())
                        .Where(f => f.Form == EndpointForm.CodeLine).ToList();
                    if (listed.Count > 0)
                    {
                        endpoints.AddRange(ReadEndpoints(markdown, page, frontMatterTitle, new List<Block>(), listed, diagnostics, sharesSection: true)
                            .Select(e => e with { Summary = true }));
                    }
                    else
                    {
                        // Else its introduction is what an h1's section would be: an endpoint it names in prose ("the
                        // endpoint `/api/query` accepts queries in the POST request body") is mentioned there.
                        var named = EndpointReader.Find(markdown, page, frontMatterTitle, blocks.Where(b => b is ParagraphBlock).ToList())
                            .Where(f => f.Form == EndpointForm.InProse).ToList();
                        if (named.Count > 0)
                        {
                            endpoints.AddRange(ReadSectionEndpoints(markdown, page, frontMatterTitle, blocks, named, diagnostics)
                                .Select(e => e with { Group = frontMatterTitle, Mention = true }));
                        }
                    }
                }

                continue;
            }

            if (heading.Level <= pagedLevel)
            {
                pagedLevel = 0;
            }

            if (heading.Level <= endpointLevel)
            {
                endpointLevel = 0;
            }

            userAgentRequired = userAgentRequired
                || (mentionsUserAgent && blocks.OfType<ParagraphBlock>().Any(p => UserAgentReader.Requires(MarkdownText.Inline(p.Inline))));
            if (heading.Level == 1)
            {
                group = headingText;
                subgroup = null;
            }
            else if (heading.Level == 2)
            {
                subgroup = headingText;
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
                objects.Add(ReadObject(markdown, heading, headingText, objectMatch.Groups[1].Value.Trim(), null, blocks, diagnostics));
                continue;
            }

            var found = EndpointReader.Find(markdown, heading, headingText, blocks);
            if (found.Count == 0 && IndexedMethod(endpoints, headingText) is { } indexed)
            {
                // "## /api/me/websites" under a page index that lists "GET /api/me/websites" alone for that path: the
                // section documents the index's operation (its method only the index gives).
                found.Add(EndpointReader.Candidate(EndpointForm.Heading, heading, indexed.Method, indexed.Path, markdown.FirstLine(heading), null));
            }

            var hasTable = blocks.Any(b => b is Table || (b is HtmlBlock html && FieldReader.IsHtmlTable(markdown.Raw(html))));
            if (found.Count == 0 && hasTable && !Sections.IsGuideTitle(headingText) && !s_notAnObject.IsMatch(headingText) &&
                blocks.FindIndex(b => b is HeadingBlock label && s_bareObjectHeading.IsMatch(MarkdownText.Inline(label.Inline))) is var fieldsAt and >= 0)
            {
                // "## Notes" over "### Properties" and its table: the Note object, its fields up to the next label.
                var end = blocks.FindIndex(fieldsAt + 1, b => b is HeadingBlock);
                var fieldBlocks = blocks.GetRange(fieldsAt + 1, (end < 0 ? blocks.Count : end) - fieldsAt - 1);
                objects.Add(ReadObject(markdown, heading, headingText, headingText, null, fieldBlocks, diagnostics));
                continue;
            }

            if (found.Count == 0 && hasTable && s_propertiesHeading.Match(headingText) is { Success: true } properties &&
                !s_notAnObject.IsMatch(properties.Groups["name"].Value.Trim()) &&
                !(properties.Groups["parent"].Success && s_notAnObject.IsMatch(properties.Groups["parent"].Value.Trim())))
            {
                // "Order properties" with an attribute table; "Order - Line item properties" is an object inside Order.
                var parent = properties.Groups["parent"].Success ? properties.Groups["parent"].Value.Trim() : null;
                objects.Add(ReadObject(markdown, heading, headingText, properties.Groups["name"].Value.Trim(), parent, blocks, diagnostics));
                continue;
            }

            if (pageDeclared && found.Count > 0 && found[0].Form != EndpointForm.Curl)
            {
                continue; // a route the page of one operation only refers to
            }

            if (found.Count > 0)
            {
                // Under a title that names the API ("# The Meter API"), an endpoint in a subsection belongs to its "## Readings".
                var resource = heading.Level >= 3 && subgroup is not null && group is not null && Sections.IsGuideTitle(group) ? subgroup : group;
                if (found[0].Form != EndpointForm.Curl && EndpointReader.ProvidedByTheReader(markdown, blocks, found[0]))
                {
                    // "Your server should provide the following endpoint": the reader's own, which the API calls. The page still
                    // documents endpoints: what it says of paging is about its own, not every list.
                    diagnostics.AddRange(found.Select(f =>
                        DiagnosticInfo.Create(DiagnosticDescriptors.ReadersOwnEndpoint, f.Location, f.Method + " " + f.RawPath, headingText)));
                    documentsReadersEndpoint = true;
                    continue;
                }

                var referred = found.Count == 1 ? EndpointReader.ReferredSection(blocks, found[0]) : null;
                var read = ReadSectionEndpoints(markdown, heading, headingText, blocks, found, diagnostics)
                    .Select(e => e with { Group = resource, ReferredTo = referred });
                if (found[0].Form == EndpointForm.Curl)
                {
                    curlOnly.AddRange(read.Select(e => e with { Illustration = true }));
                }
                else
                {
                    endpointSectionStart = found[0].Form == EndpointForm.InProse ? endpointSectionStart : endpoints.Count;
                    endpointLevel = found[0].Form == EndpointForm.InProse ? endpointLevel : heading.Level;
                    endpoints.AddRange(read.Select(e => e with { Mention = found[0].Form == EndpointForm.InProse, Paginated = e.Paginated || pagedLevel > 0 }));
                }
                continue;
            }

            // "Revenue metric response type has the following structure:" over an example or a sketch of it: an object.
            for (var i = 0; i + 1 < blocks.Count; i++)
            {
                if (blocks[i] is ParagraphBlock sentence && blocks[i + 1] is FencedCodeBlock sketch && IsJsonFence(sketch)
                    && s_structureSentence.Match(MarkdownText.Inline(sentence.Inline).Trim()) is { Success: true } described)
                {
                    objects.Add(ReadObject(markdown, heading, headingText, described.Groups["name"].Value.Trim(), null, new List<Block> { sketch },
                        diagnostics));
                }
            }

            var lower = headingText.ToLowerInvariant();

            // A pagination section (not an endpoint's "Search with paging") says how lists page.
            if (PagingReader.IsPagingHeading(lower))
            {
                foreach (var block in blocks)
                {
                    pagingProse.Append(markdown.Raw(block)).Append('\n');
                    if (pagingEnvelope is null && block is FencedCodeBlock fence && IsJsonFence(fence) &&
                        ReadJson(markdown, fence, diagnostics)?.Value is { Kind: JsonKind.Object } shown
                            && shown.Properties.Any(p => p.Value.Kind == JsonKind.Array))
                    {
                        pagingEnvelope = shown;
                    }
                }
            }

            ReadErrorExamples(markdown, s_errorHeading.IsMatch(lower), blocks, errorExamples, diagnostics);

            if (lower.Contains("api root") || lower.Contains("base url") || lower.Contains("base address") || lower.Contains("root url"))
            {
                apiRoot ??= ReadApiRoot(blocks);
            }

            // "All URLs start with `https://host/999/api/v1/`", "The base URL is ...": the phrase names the root in any section.
            apiRoot ??= ReadApiRoot(blocks.OfType<ParagraphBlock>().Where(p => s_rootPhrase.IsMatch(MarkdownText.Inline(p.Inline))).Cast<Block>().ToList());

            foreach (var paragraph in blocks.OfType<ParagraphBlock>())
            {
                var prose = MarkdownText.Inline(paragraph.Inline);
                ReadDeprecations(prose, deprecations);

                // "By default, GET requests return 20 results at a time because the API results are paginated": the
                // page's lists, or, said in a section named for a list ("## List users") whose subsections hold its
                // endpoints ("### For admins"), theirs.
                var saysPaginated = SaysPaginated(prose.ToLowerInvariant());
                if (endpointLevel > 0)
                {
                    // Under an endpoint's section, a sentence that its results come in pages is that endpoint's.
                    for (var i = endpointSectionStart; i < endpoints.Count && saysPaginated; i++)
                    {
                        endpoints[i] = endpoints[i].HttpMethod == "GET" ? endpoints[i] with { Paginated = true } : endpoints[i];
                    }
                }
                else if (saysPaginated)
                {
                    var opensSubsections = s_listHeading.IsMatch(headingText) && index + 1 < sections.Count && sections[index + 1].Heading is { } next
                        && next.Level > heading.Level;
                    pagedLevel = opensSubsections ? heading.Level : pagedLevel;
                    listsPaginated |= !opensSubsections;
                }
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

        // A page that declares no endpoint of its own (an introduction, a guide) speaks of every list when it
        // describes paging, whatever request examples it shows.
        var declaresEndpoints = documentsReadersEndpoint || endpoints.Any(e => !e.Summary);

        // Request examples go to inference marked as such: whether they declare operations or illustrate
        // the declared ones is decided for the whole doc set (ApiBuilder.DeclaredEndpoints).
        if (curlOnly.Count > 0)
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
            diagnostics.ToEquatableArray(),
            credentials,
            PagingReader.Read(pagingProse.ToString(), text, global: !declaresEndpoints) is { } paging ? paging with { Envelope = pagingEnvelope } : null,
            userAgentRequired ? UserAgentReader.Example(text) : null,
            listsPaginated,
            errorExamples.ToEquatableArray());
    }

    /// <summary>
    /// The JSON examples of an errors section ("## Errors", "### Validation errors"), or of one kept inside the section
    /// above as a labelling subheading: the bodies a refused request answers with.
    /// </summary>
    private static void ReadErrorExamples(MarkdownText markdown, bool errorSection, List<Block> blocks, List<JsonExample> found,
        List<DiagnosticInfo> diagnostics)
    {
        var inErrors = errorSection;
        foreach (var block in blocks)
        {
            if (block is HeadingBlock subheading)
            {
                inErrors = s_errorHeading.IsMatch(MarkdownText.Inline(subheading.Inline).Trim().TrimEnd('.', ':').Trim().ToLowerInvariant());
            }
            else if (inErrors && block is FencedCodeBlock fence && IsJsonFence(fence)
                && ReadJson(markdown, fence, diagnostics) is { Value.Kind: JsonKind.Object } example)
            {
                found.Add(example);
            }
        }
    }

    /// <summary>
    /// The section's endpoints. Where each endpoint is an element of its own with its own content after it
    /// (<c>&lt;Endpoint method="get" path="/x"&gt;</c> ... <c>&lt;/Endpoint&gt;</c>, one after another under one
    /// heading), each reads only the blocks from its element to the next: its own description, parameters and
    /// examples. Otherwise what the section says is shared by all of them.
    /// </summary>
    private static IEnumerable<EndpointSectionSpec> ReadSectionEndpoints(
        MarkdownText markdown, HeadingBlock heading, string headingText, List<Block> blocks, List<EndpointCandidate> found, List<DiagnosticInfo> diagnostics)
    {
        var starts = found.Select(f => blocks.IndexOf(f.StartBlock)).ToList();
        var ownBlocks = found.Count > 1 && found.All(f => f.Form == EndpointForm.Html) &&
            starts.All(i => i >= 0) && starts.Distinct().Count() == starts.Count && starts.SequenceEqual(starts.OrderBy(i => i));
        if (!ownBlocks)
        {
            return ReadEndpoints(markdown, heading, headingText, blocks, found, diagnostics);
        }

        var read = new List<EndpointSectionSpec>();
        for (var k = 0; k < found.Count; k++)
        {
            var end = k + 1 < found.Count ? starts[k + 1] : blocks.Count;
            var own = blocks.GetRange(starts[k], end - starts[k]);
            read.AddRange(ReadEndpoints(markdown, heading, headingText, own, new List<EndpointCandidate> { found[k] }, diagnostics, sharesSection: true));
        }

        return read;
    }

    /// <summary>The strongest evidence of how to authenticate, so far and in this section's prose and samples.</summary>
    private static CredentialSpec? ReadCredentials(MarkdownText markdown, List<Block> blocks, CredentialSpec? best)
    {
        foreach (var block in blocks)
        {
            var text = block switch
            {
                ParagraphBlock paragraph => MarkdownText.Inline(paragraph.Inline),
                FencedCodeBlock or CodeBlock => MarkdownText.CodeContent((LeafBlock)block).Content,
                QuoteBlock quote => string.Join(" ", quote.OfType<ParagraphBlock>().Select(p => MarkdownText.Inline(p.Inline))),
                HtmlBlock html when markdown.Raw(html) is var raw && (raw.Contains("<pre") || raw.Contains("<code")) => EndpointReader.PlainText(raw),
                _ => null,
            };
            if (text is null || text.Length > 4000)
            {
                continue;
            }

            var found = AuthReader.Read(text, markdown.FirstLine(block));
            if (found is not null && (best is null || found.Strength > best.Strength))
            {
                best = block is LeafBlock code and (FencedCodeBlock or CodeBlock) ? found with { Evidence = SampleLine(markdown, code, found) } : found;
            }
        }

        return best;
    }

    /// <summary>The line of a sample that shows the scheme (its header, query parameter or <c>-u</c>), else the block's first.</summary>
    private static LocationInfo SampleLine(MarkdownText markdown, LeafBlock code, CredentialSpec found)
    {
        var marker = found.HeaderName ?? found.ParameterName ?? "-u";
        for (var i = 0; i < code.Lines.Count; i++)
        {
            var line = code.Lines.Lines[i];
            if (line.Slice.ToString().IndexOf(marker, StringComparison.OrdinalIgnoreCase) >= 0)
            {
                return markdown.Line(line);
            }
        }

        return markdown.FirstLine(code);
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
                lines[i] = string.Concat(Enumerable.Repeat("> ", Math.Min(quotes, MaxNesting))) + new string(' ', Math.Min(position - quotes, MaxNesting * 2))
                    + line.Substring(position);
            }
        }

        return string.Join("\n", lines);
    }

    /// <summary>Sentences that call backticked names deprecated: "The older `after_id` ... are deprecated".</summary>
    private static void ReadDeprecations(string text, List<DeprecationSpec> deprecations)
    {
        foreach (var sentence in s_sentenceBreak.Split(text))
        {
            if (!s_deprecated.IsMatch(sentence))
            {
                continue;
            }

            var deprecatedPart = s_replacementWords.Split(sentence)[0];
            foreach (Match name in s_codeSpan.Matches(deprecatedPart))
            {
                deprecations.Add(new DeprecationSpec(name.Groups[1].Value.Trim(), sentence.Trim()));
            }
        }
    }

    /// <summary>A level-1 heading at the page's start that stands for the page itself, where the page opens its section with no heading of its own.</summary>
    private static HeadingBlock PageHeading() => new(null!) { Level = 1, Span = new Markdig.Syntax.SourceSpan(0, 0) };

    private static readonly Regex s_genericFolder = new(@"^(?:api[-_ ]?reference|references?|endpoints?|apis?|rest(?:[-_ ]?api)?|docs?|pages|content|v\d+)$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, Patterns.Timeout);

    /// <summary>
    /// The resource a page of one operation belongs to: its folder's name (<c>tracks/list.mdx</c> is in Tracks), as the site's
    /// navigation groups such pages; null for a folder whose name says only that it holds the reference (<c>api-reference</c>, <c>endpoints</c>).
    /// </summary>
    private static string? FolderGroup(string path)
    {
        var normalized = path.Replace('\\', '/');
        var slash = normalized.LastIndexOf('/');
        if (slash <= 0)
        {
            return null;
        }

        var before = normalized.LastIndexOf('/', slash - 1);
        var folder = normalized.Substring(before + 1, slash - before - 1);
        return folder.Length == 0 || !char.IsLetter(folder[0]) || s_genericFolder.IsMatch(folder) ? null : folder.Replace('-', ' ').Replace('_', ' ');
    }

    /// <summary>
    /// The operation a page's front matter declares: <c>api: "POST https://host/v1/things"</c>, or <c>openapi: "GET /things"</c>
    /// (after an optional description file, <c>openapi: "spec.yaml get /things"</c>); null when it declares none.
    /// </summary>
    private static EndpointCandidate? ReadFrontMatterEndpoint(MarkdownText markdown, YamlFrontMatterBlock yaml)
    {
        if (yaml.Lines.Lines is null)
        {
            return null;
        }

        foreach (var line in yaml.Lines.Lines.Take(yaml.Lines.Count))
        {
            var content = line.Slice.ToString();
            var colon = content.IndexOf(':');
            var key = colon > 0 ? content.Substring(0, colon).Trim() : string.Empty;
            if (key is not ("api" or "openapi") || content.Length - colon > 2000)
            {
                continue;
            }

            var value = content.Substring(colon + 1).Trim().Trim('"', '\'', '`').Trim();
            var words = value.Split(new[] { ' ', '\t' }, StringSplitOptions.RemoveEmptyEntries);
            var file = words.Length == 3 ? words[0].ToLowerInvariant() : string.Empty;
            if (file.EndsWith(".json", StringComparison.Ordinal) || file.EndsWith(".yaml", StringComparison.Ordinal)
                || file.EndsWith(".yml", StringComparison.Ordinal))
            {
                value = words[1] + " " + words[2];
            }

            if (EndpointReader.TryLine(value, out var method, out var path, out var misspelled))
            {
                return EndpointReader.Candidate(EndpointForm.Heading, PageHeading(), method, path, markdown.Line(line), misspelled);
            }
        }

        return null;
    }

    private static string? ReadFrontMatterTitle(YamlFrontMatterBlock yaml)
    {
        // An empty front matter ("---" then "---") has no line array at all.
        if (yaml.Lines.Lines is null)
        {
            return null;
        }

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

            // A full URL may hold placeholders (https://{subdomain}.example.com, /accounts/:account_id,
            // https://your-server/api/v1); a bare host needs a dot (api.example.com/v1).
            var match = s_address.Match(candidate);
            if (match.Success)
            {
                var value = match.Value.TrimEnd('.', '/', ':');
                return value.StartsWith("http", StringComparison.OrdinalIgnoreCase) ? value : "https://" + value;
            }
        }

        return null;
    }

    private static readonly Regex s_barePath = new(@"^`?(/[\w\-.~{}:/]+)`?$", RegexOptions.CultureInvariant, Patterns.Timeout);

    /// <summary>
    /// The method of a heading that is only a path, where the page's index (its summary lines so far) lists that path
    /// with one method and no section has documented it yet; null otherwise.
    /// </summary>
    private static (string Method, string Path)? IndexedMethod(List<EndpointSectionSpec> endpoints, string headingText)
    {
        if (headingText.Length < 2 || (headingText[0] != '/' && headingText[0] != '`'))
        {
            return null;
        }

        var bare = s_barePath.Match(headingText.Trim());
        if (!bare.Success)
        {
            return null;
        }

        var path = bare.Groups[1].Value.TrimEnd('/');
        var listed = endpoints.Where(e => e.Summary && string.Equals(e.PathTemplate, path, StringComparison.OrdinalIgnoreCase)).Select(
            e => e.HttpMethod).Distinct().ToList();
        return listed.Count == 1
            && !endpoints.Any(e => !e.Summary && !e.Illustration && string.Equals(e.PathTemplate, path, StringComparison.OrdinalIgnoreCase))
            ? (listed[0], path)
            : null;
    }

    private static bool LooksLikeParameters(List<Block> blocks) =>
        blocks.OfType<ListBlock>().SelectMany(list => list.OfType<ListItemBlock>())
            .Select(item => item.OfType<ParagraphBlock>().FirstOrDefault())
            .Where(paragraph => paragraph is not null)
            .Select(paragraph => FieldReader.s_bullet.Match(MarkdownText.Inline(paragraph!.Inline)))
            .Any(match => match.Success && s_requirementLead.IsMatch(match.Groups[3].Value));

    // A sentence that introduces an object's shape: "The Revenue type has the following structure:", "A kennel record looks like this:".
    private static readonly Regex s_structureSentence = new(
        @"^(?:an?\s+|the\s+)?(?<name>[A-Za-z][\w-]*(?:\s+[A-Za-z][\w-]*){0,3}?)\s+(?:type|object|record)\s+" +
        @"(?:has\s+(?:the\s+following|this)\s+(?:structure|shape|form|format|fields)|looks\s+like\s+this)\s*:$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, Patterns.Timeout);

    private static ObjectSectionSpec ReadObject(MarkdownText markdown, HeadingBlock heading, string headingText, string name, string? parent,
        List<Block> blocks, List<DiagnosticInfo> diagnostics)
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
            else if (block is HtmlBlock html)
            {
                fields.AddRange(FieldReader.ReadHtmlTable(markdown, html));
            }
        }

        return new ObjectSectionSpec(name, headingText, markdown.FirstLine(heading), example, fields.ToEquatableArray(), parent);
    }

}
