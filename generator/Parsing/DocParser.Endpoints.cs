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

/// <summary>Endpoint sections: what a section says besides its endpoints, read once and shared by them.</summary>
internal static partial class DocParser
{
    private static readonly Regex s_genericObjectWord = new("^(error|json|response|status)$", RegexOptions.IgnoreCase, Patterns.Timeout);
    private static readonly Regex s_integerText = new(@"^-?\d+$", RegexOptions.CultureInvariant, Patterns.Timeout);
    private static readonly Regex s_dateText = new(@"^\d{4}-\d{2}-\d{2}", RegexOptions.CultureInvariant, Patterns.Timeout);
    private static readonly Regex s_saysNoAuth = new(@"\bno\s+(?:authentication|auth|credentials|api\s+key|token)\s+(?:is\s+|are\s+)?(?:required|needed)\b|"
        + @"\bdoes\s+not\s+(?:require|need)\s+(?:any\s+)?(?:authentication|auth|credentials|an\s+api\s+key|"
        + @"a\s+token)\b|\brequires\s+no\s+(?:authentication|auth|credentials)\b|"
        + @"\b(?:this\s+)?endpoint\s+is\s+public\b|\bcan\s+be\s+called\s+without\s+(?:authentication|" + @"credentials|an\s+api\s+key|a\s+token)\b",
        RegexOptions.CultureInvariant, Patterns.Timeout);
    private static readonly Regex s_saysBasicAuth = new(@"\b(?:requires?|required|needs?|must\s+(?:use|be\s+made\s+with)|only\s+(?:with|via)|via|using|"
        + @"authenticated\s+with)\b[^.]{0,60}?\bbasic\s+auth(?:entication)?\b", RegexOptions.CultureInvariant, Patterns.Timeout);
    private static readonly Regex s_saysWithoutBasic = new(@"\bwithout\s+(?:providing\s+)?basic\b", RegexOptions.CultureInvariant, Patterns.Timeout);
    private static readonly Regex s_saysKeyOnly = new(@"works\s+with\s+(?:just\s+(?:the\s+)?)?(?:username|api\s+key)(?:\s+only)?\s+(?:authentication|auth)\b",
        RegexOptions.CultureInvariant, Patterns.Timeout);
    private static readonly Regex s_conditionLead = new(@"^\s*(?:,\s*)?(?:if|unless|except|when|but)\b", RegexOptions.CultureInvariant, Patterns.Timeout);
    private static readonly Regex s_saysKeyAndSecret = new(@"username\s*(?:and|&|\+)\s*password|key\s+and\s+(?:the\s+)?secret|api\s+secret",
        RegexOptions.CultureInvariant, Patterns.Timeout);

    private static readonly Regex s_noContent = new(
        @"\b204\b|\bno\s+content\b|\breturns?\s+nothing\b|\b(?:an?\s+)?empty\s+(?:response|body)\b|" +
            @"\bno\s+response\s+body\b|\bwithout\s+a\s+(?:response\s+)?body\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, Patterns.Timeout);

    /// <summary>False when <paramref name="lower"/> holds none of the words every phrase of <see cref="s_noContent"/> needs.</summary>
    private static bool MayMeanNoContent(string lower) =>
        lower.Contains("204") || lower.Contains("content") || lower.Contains("nothing") || lower.Contains("empty") || lower.Contains("body");

    private static readonly Regex s_returnsObject = new(
        @"\breturns?\s+(?:back\s+)?(?:(?:the|an?)\s+)?(?:updated\s+|new\s+|created\s+|newly\s+created\s+|matching\s+)?([A-Za-z][\w-]*)\s+objects?\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, Patterns.Timeout);

    private static readonly Regex s_returnsList = new(
        @"\breturns?\s+(?:an?|the)\s+(?:list|array|page)\s+of\s+(?:the\s+)?([A-Za-z][\w-]*)\s+objects?\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, Patterns.Timeout);

    /// <summary>
    /// A call in the section to <paramref name="endpoint"/> (sample values in its parameters): a curl command, or else a
    /// request line in a code block (<c>GET /api/things?per_page=2 HTTP/1.1</c>); null when the section shows none.
    /// </summary>
    private static EndpointCandidate? IllustratingCurl(MarkdownText markdown, List<Block> blocks, EndpointCandidate endpoint, HashSet<Block> declaring)
    {
        bool Calls(EndpointCandidate? call) => call is not null && call.Method == endpoint.Method && call.Path.Templates.Count > 0 &&
            endpoint.Path.Templates.Any(t => PathTemplates.IsInstanceOf(call.Path.Templates[0], t, leadingPrefix: true));

        EndpointCandidate? line = null;
        foreach (var code in blocks.OfType<LeafBlock>())
        {
            // The blocks that declare the section's endpoints call nothing: only the others are read.
            if (!CurlCommand.IsCodeBlock(markdown, code) || declaring.Contains(code))
            {
                continue;
            }

            var curl = CurlCommand.Read(markdown, code);
            if (Calls(curl))
            {
                return curl;
            }

            if (curl is null && line is null && code is CodeBlock && EndpointReader.RequestLine(markdown, code) is { } request && Calls(request))
            {
                line = request;
            }
        }

        return line;
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
        List<DiagnosticInfo> diagnostics,
        bool sharesSection = false,
        int sectionEnd = -1)
    {
        var first = found[0];
        var endpointBlocks = new HashSet<Block>(
            found.Where(f => f.Form is EndpointForm.Bullet or EndpointForm.TableRow or EndpointForm.Html or EndpointForm.CodeLine or EndpointForm.Curl)
            .SelectMany(f => new[] { f.StartBlock, f.Block }));
        var description = new List<string>();
        var parameters = new List<FieldDocSpec>();
        var requestExamples = new List<JsonExample>();
        var responseExamples = new List<JsonExample>();
        JsonExample? unlabeledRequest = null;
        var auth = AuthKind.KeyAndSecret;
        string? conditionalAuth = null;
        string? returnsObject = null;
        var returnsList = false;
        var label = Label.None;
        var labelRequirement = Requirement.Unspecified;
        var placement = Placement.Unspecified;
        var noContent = false;
        // "Get a list of all boats with pagination": a heading that says the list pages.
        var paginated = SaysPaginated(headingText.ToLowerInvariant());
        var seenEndpoint = first.Form == EndpointForm.Heading;
        var undescribed = -1; // the index of a term paragraph's parameter, until the paragraph below describes it
        var nullMembers = new HashSet<string>(StringComparer.Ordinal); // "`icon` is `null` when ...": members the answer may leave null

        foreach (var block in blocks)
        {
            if (block == first.StartBlock || block == first.Block)
            {
                seenEndpoint = true;

                // A sentence that names its endpoint ("Call **GET /search** to search for notes.") describes it.
                if (first.Form == EndpointForm.InProse && found.Count == 1 && block is ParagraphBlock sentence)
                {
                    description.Add(MarkdownText.Inline(sentence.Inline));
                }
            }

            if (markdown.Components.Count > 0)
            {
                // A field component's children are its description, read with it below; an example wrapper labels what it holds.
                if (markdown.InsideField(block))
                {
                    continue;
                }

                label = markdown.ExampleWrapper(block) ?? label;
            }

            if (endpointBlocks.Contains(block) || (block is ParagraphBlock && found.Any(f => f.Form == EndpointForm.Paragraph && f.Block == block)))
            {
                // An endpoint element's own words (<Endpoint ...>Forgets a bed; answers with 204 No Content.) describe it.
                if (block is HtmlBlock && found.Count == 1 && first.Form == EndpointForm.Html
                    && EndpointReader.ElementProse(markdown.Raw(block), first) is { Length: > 0 } prose)
                {
                    description.Add(prose);
                    noContent |= MayMeanNoContent(prose.ToLowerInvariant()) && s_noContent.IsMatch(prose);
                }

                continue;
            }

            if (block is not ParagraphBlock and not HtmlBlock)
            {
                undescribed = -1;
            }

            if (block is ParagraphBlock or ListBlock && markdown.Contains(block, "null")) // most blocks say nothing of null: no text made
            {
                NullNotes(block, nullMembers);
            }

            switch (block)
            {
                case ParagraphBlock paragraph:
                {
                    var text = MarkdownText.Inline(paragraph.Inline);
                    var lower = text.ToLowerInvariant();
                    var isAuth = false;
                    if (lower.Contains("auth") || lower.Contains("api key") || lower.Contains("api secret") || lower.Contains("credentials")
                        || lower.Contains("public"))
                    {
                        var (kind, condition) = ReadAuth(lower);
                        if (kind is not null)
                        {
                            auth = kind.Value;
                            conditionalAuth = condition;
                            isAuth = true;
                        }
                    }

                    // Each phrase these patterns look for holds one of these words: most paragraphs skip them.
                    noContent |= MayMeanNoContent(lower) && s_noContent.IsMatch(text);
                    // "Optional [query string parameters](/docs/api#pagination):": a link to the pagination section says it too.
                    paginated |= SaysPaginated(lower) || LinksToPagination(paragraph.Inline);
                    var mentionsReturn = lower.Contains("return");
                    var list = mentionsReturn ? s_returnsList.Match(text) : Match.Empty;
                    var single = mentionsReturn ? s_returnsObject.Match(text) : Match.Empty;
                    if (list.Success)
                    {
                        returnsObject = list.Groups[1].Value;
                        returnsList = true;
                    }
                    else if (single.Success
                        && !s_genericObjectWord.IsMatch(single.Groups[1].Value))
                    {
                        returnsObject = single.Groups[1].Value;
                    }

                    // "the `limit` query parameter", "the query parameter `page`": a query parameter named in prose.
                    if (lower.Contains("query") && lower.Contains("param"))
                    {
                        foreach (Match named in s_proseQueryParameter.Matches(text))
                        {
                            var name = named.Groups["a"].Success ? named.Groups["a"].Value : named.Groups["b"].Value;
                            if (!parameters.Any(p => p.Name == name))
                            {
                                parameters.Add(
                                    new FieldDocSpec(name, Sentence(text, named.Index), Requirement.Optional, false, markdown.FirstLine(paragraph),
                                    Placement.Query));
                            }
                        }
                    }

                    // "use the `offset` and `limit` parameters to paginate": the paging parameters a sentence about paging names.
                    if (lower.Contains("paginat") && lower.IndexOf('`') >= 0)
                    {
                        foreach (Match named in s_pagingParameterInProse.Matches(text))
                        {
                            var name = named.Groups["name"].Value;
                            var sentence = Sentence(text, named.Index);
                            if (!parameters.Any(p => p.Name == name) && sentence.IndexOf("paginat", StringComparison.OrdinalIgnoreCase) >= 0)
                            {
                                parameters.Add(
                                    new FieldDocSpec(name, "An integer. " + sentence, Requirement.Optional, false, markdown.FirstLine(paragraph),
                                    Placement.Query));
                                paginated = true;
                            }
                        }
                    }

                    // "use the `continue` token returned to fetch the next page": the cursor a paragraph about paging names,
                    // sent back as a query parameter of that name.
                    if ((lower.Contains("next page") || lower.Contains("paginat") || lower.Contains("resume")) && lower.IndexOf('`') >= 0)
                    {
                        foreach (Match named in s_cursorInProse.Matches(text))
                        {
                            var name = named.Groups["name"].Value;
                            if (!parameters.Any(p => p.Name == name))
                            {
                                parameters.Add(
                                    new FieldDocSpec(name, "A string: the cursor the previous page returned. " + Sentence(text, named.Index),
                                    Requirement.Optional, false, markdown.FirstLine(paragraph), Placement.Query));
                                paginated = true;
                            }
                        }
                    }

                    var newLabel = Labels.Read(lower);

                    // A parameter named alone on its line ("**limit** <Optional />"), described by the paragraph below it.
                    if (seenEndpoint && label == Label.Parameters && newLabel is null && FieldReader.TryReadTermParagraph(markdown, paragraph) is { } term)
                    {
                        parameters.Add(
                            term with { Requirement = term.Requirement == Requirement.Unspecified ? labelRequirement : term.Requirement,
                            Placement = placement });
                        undescribed = term.Description.Length == 0 ? parameters.Count - 1 : -1;
                        break;
                    }

                    if (undescribed >= 0 && label == Label.Parameters)
                    {
                        parameters[undescribed] = FieldReader.Described(parameters[undescribed], text);
                        undescribed = -1;
                        break;
                    }

                    // A parameter written as its own paragraph: "`subscribed` - true or false".
                    if (seenEndpoint && label is Label.None or Label.Parameters
                        && FieldReader.TryReadParagraphParameter(markdown, paragraph, text) is { } prose)
                    {
                        parameters.Add(prose with { Placement = placement });
                        break;
                    }

                    if (newLabel is not null)
                    {
                        label = newLabel.Value;
                        placement = Labels.PlacementOf(label, lower);
                        // "_Required parameters_" / "_Optional parameters_": the bullets below say no more themselves.
                        labelRequirement = lower.TrimStart().StartsWith("required", StringComparison.Ordinal) ? Requirement.Required
                            : lower.TrimStart().StartsWith("optional", StringComparison.Ordinal) ? Requirement.Optional
                            : Requirement.Unspecified;
                    }
                    else if (!isAuth && (!seenEndpoint || (first.Form is EndpointForm.Heading or EndpointForm.Curl or EndpointForm.Html && label == Label.None))
                        && !list.Success && !single.Success)
                    {
                        description.Add(text);
                    }

                    break;
                }

                // Slate's side notes: "> The above command returns JSON structured like this:".
                case QuoteBlock quote when quote.OfType<ParagraphBlock>().Select(
                    p => Labels.Read(MarkdownText.Inline(p.Inline).ToLowerInvariant())).FirstOrDefault(l => l is not null) is { } quoted:
                    label = quoted;
                    placement = Placement.Unspecified;
                    break;

                case HeadingBlock subheading:
                {
                    var subheadingText = MarkdownText.Inline(subheading.Inline);
                    label = Labels.OfHeading(subheadingText, first.Method) ?? label;
                    placement = Labels.PlacementOf(label, subheadingText);
                    break;
                }

                // "Status: 204 No Content" under "### Response".
                case FencedCodeBlock statusFence when !IsJsonFence(statusFence) && statusFence.Lines.Count <= 3:
                    noContent |= s_noContent.IsMatch(MarkdownText.CodeContent(statusFence).Content);
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
                        _ => first.Method is "POST" or "PUT" or "PATCH" && requestExamples.Count == 0 && responseExamples.Count == 0 ? requestExamples
                            : responseExamples,
                    };
                    if (example.Xml && ReferenceEquals(target, requestExamples))
                    {
                        // The runtime reads XML answers; it sends JSON bodies, whose members an XML example does not name.
                        break;
                    }

                    target.Add(example);
                    if (label is not (Label.Request or Label.Response) && ReferenceEquals(target, requestExamples))
                    {
                        unlabeledRequest = example;
                    }

                    break;
                }

                case ListBlock listBlock when label == Label.Parameters || (seenEndpoint && label == Label.None):
                    parameters.AddRange(FieldReader.ReadBullets(markdown, listBlock, diagnostics)
                        .Select(f => f with { Requirement = f.Requirement == Requirement.Unspecified ? labelRequirement : f.Requirement,
                            Placement = placement }));
                    break;

                // A parameters label over a table written in HTML: "<tr><th><code>per_page</code></th><td>...</td></tr>".
                case HtmlBlock html when label == Label.Parameters && FieldReader.IsHtmlTable(markdown.Raw(html)):
                    parameters.AddRange(FieldReader.ReadHtmlTable(markdown, html).Select(f => f with { Placement = placement }));
                    break;

                case Table table when label == Label.Parameters || (seenEndpoint && label != Label.Other):
                    parameters.AddRange(FieldReader.ReadTable(markdown, table).Select(f => f with { Placement = placement }));
                    break;
            }
        }

        // Parameter components in the section (<ParamField query="limit" type="integer">): each documents one, where it says it goes.
        // A header's (an Authorization component) is the scheme's, not the operation's.
        if (markdown.Components.Count > 0)
        {
            var start = heading.Span.Start;
            var end = sectionEnd >= 0 ? sectionEnd : blocks.Count > 0 ? blocks[blocks.Count - 1].Span.End + 1 : start;
            foreach (var component in markdown.Components)
            {
                if (component.Kind == ComponentKind.Parameter && !component.InHeader && component.Depth == 0 && component.Start >= start
                    && component.Start < end && component.Name.Length > 0 && parameters.All(p => p.Name != component.Name))
                {
                    parameters.Add(FieldComponents.Field(component));
                }
            }
        }

        if (nullMembers.Count > 0)
        {
            for (var i = 0; i < responseExamples.Count; i++)
            {
                responseExamples[i] = responseExamples[i] with { Value = WithNullMembers(responseExamples[i].Value, nullMembers) };
            }
        }

        // An unlabeled example after a write's parameters is its body only if it sends them: one whose members are
        // mostly not the documented parameters (id, created_at, state where the table lists title and labels) shows the answer.
        if (unlabeledRequest is not null && ShowsTheAnswer(unlabeledRequest.Value, parameters))
        {
            requestExamples.Remove(unlabeledRequest);
            responseExamples.Insert(0, unlabeledRequest);
        }

        // The data of a curl command: the section's own (curl-declared), or, for an endpoint the section declares in
        // another form, that of a curl command in the section that calls it (same method, the path with sample values).
        var calling = first.Form == EndpointForm.Curl || first.Path.Templates.Count == 0 ? null : IllustratingCurl(markdown, blocks, first, endpointBlocks);
        var bodied = found.FirstOrDefault(f => f.Body is not null)
            ?? (requestExamples.Count == 0 && first.Method is "POST" or "PUT" or "PATCH" && calling?.Body is not null ? calling : null);

        // The query string of an example call names query parameters the section may not list ("...&count=1&offset=2"),
        // and shows values of those it lists.
        foreach (var (name, example) in calling?.Path.Query ?? Array.Empty<(string, string)>())
        {
            var listed = parameters.FindIndex(p => string.Equals(p.Name, name, StringComparison.Ordinal));
            if (listed >= 0)
            {
                parameters[listed] = Shown(parameters[listed], example);
            }
            else if (!first.Path.Query.Any(q => q.Name == name))
            {
                parameters.Add(QueryField(name, example, calling!.Location) with { Placement = Placement.Query });
            }
        }

        if (bodied is not null && requestExamples.Count == 0)
        {
            var (value, _) = LenientJson.Parse(bodied.Body!);
            if (value is not null && value.Kind is JsonKind.Object or JsonKind.Array)
            {
                requestExamples.Add(new JsonExample(value, bodied.Location));
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
                if (Patterns.IsMatch(conditionalAuth, @"\b" + Regex.Escape(spoken) + @"\b", RegexOptions.CultureInvariant) ||
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
                diagnostics.Add(
                    DiagnosticInfo.Create(DiagnosticDescriptors.MethodMisspelled, candidate.Location, candidate.MisspelledMethod, candidate.Method));
            }

            if (candidate.Path.Templates.Count == 0)
            {
                diagnostics.Add(
                    DiagnosticInfo.Create(DiagnosticDescriptors.EndpointLineUnreadable, candidate.Location, candidate.Method + " " + candidate.RawPath,
                    headingText));
                continue;
            }

            var query = candidate.Path.Query.Select(q => QueryField(q.Name, q.Example, candidate.Location) with { Placement = Placement.Query }).ToList();
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

        var shared = sharesSection || readable.Count > 1;
        var sectionDescription = string.Join(" ", description);
        foreach (var (candidate, template, query) in readable)
        {
            // A documented parameter the endpoint line or a sample call shows with a value takes it as its example.
            var own = (query.Count == 0 ? parameters : parameters.Select(p => Shown(p, query.FirstOrDefault(q => q.Name == p.Name)?.Example)))
                .Concat(query.Where(q => parameters.All(p => p.Name != q.Name))).ToEquatableArray();
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
                Origin: candidate.Path.Origin,
                NoContent: responseExamples.Count == 0 && returnsObject is null
                    && (noContent || (candidate.Prose is not null && s_noContent.IsMatch(candidate.Prose))),
                Summary: candidate.Summary,
                Paginated: paginated);
        }
    }

    // A note that a member of the answer may be null: "`icon` is `null` when the feed has none", "`created_at` is null."
    private static readonly Regex s_nullNote = new(
        @"`(?<name>[A-Za-z_][\w-]*)`\s+(?:is|will\s+be|can\s+be|may\s+be)\s+`?null`?(?=[\s.,;:]|$)",
        RegexOptions.CultureInvariant, Patterns.Timeout);

    /// <summary>Adds the members a paragraph (or a list's items) says may be null to <paramref name="names"/>.</summary>
    private static void NullNotes(Block block, HashSet<string> names)
    {
        var paragraphs = block is ParagraphBlock paragraph ? new[] { paragraph } : block.Descendants<ParagraphBlock>();
        foreach (var sentence in paragraphs)
        {
            var text = MarkdownText.Inline(sentence.Inline);
            if (text.IndexOf("null", StringComparison.Ordinal) < 0)
            {
                continue;
            }

            foreach (Match note in s_nullNote.Matches(text))
            {
                names.Add(note.Groups["name"].Value);
            }
        }
    }

    /// <summary>
    /// The example with the answer's own members of these names (the object's, or a list's items') marked as ones that may be null.
    /// A nested object's member of the same name (a tag's commit's <c>message</c>) is another member, and the note is not about it.
    /// </summary>
    private static JsonNode WithNullMembers(JsonNode node, HashSet<string> names) => node.Kind switch
    {
        JsonKind.Object => node with
        {
            Properties = node.Properties.Select(p => names.Contains(p.Name) ? new JsonProperty(p.Name, p.Value with { SeenNull = true }) : p)
                .ToEquatableArray(),
        },
        JsonKind.Array => node with { Items = node.Items.Select(i => WithNullMembers(i, names)).ToEquatableArray() },
        _ => node,
    };

    private static readonly Regex s_paginated = new(
        @"\bpaginat(?:ed|ion|es)\b|\bpages\s+of\s+results\b|\bresults\s+are\s+paged\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, Patterns.Timeout);

    /// <summary>A query parameter named in prose: "the `limit` query parameter", "the query parameter `page`".</summary>
    private static readonly Regex s_proseQueryParameter = new(
        @"`(?<a>[A-Za-z_][\w.\-]{0,40})`\s+query(?:[-\s]string)?\s+param(?:eter)?\b|\bquery(?:[-\s]string)?\s+param(?:eter)?\s+`(?<b>[A-Za-z_][\w.\-]{0,40})`",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, Patterns.Timeout);

    /// <summary>A paging parameter's usual name, in code: <c>`offset`</c>, <c>`limit`</c>, <c>`skip`</c>, <c>`page`</c>, <c>`per_page`</c>...</summary>
    private static readonly Regex s_pagingParameterInProse = new(
        @"`(?<name>offset|limit|skip|page|per_page|perPage|page_size|pageSize|start|count)`",
        RegexOptions.CultureInvariant, Patterns.Timeout);

    /// <summary>An opaque cursor's usual name, in code: <c>`cursor`</c>, <c>`continue`</c>, <c>`next_token`</c>, <c>`page_token`</c>.</summary>
    private static readonly Regex s_cursorInProse = new(
        @"`(?<name>cursor|continue|next_token|nextToken|page_token|pageToken|continuation_token)`",
        RegexOptions.CultureInvariant, Patterns.Timeout);

    /// <summary>The sentence of <paramref name="text"/> that holds the character at <paramref name="index"/>.</summary>
    private static string Sentence(string text, int index)
    {
        var start = text.LastIndexOf(". ", index, StringComparison.Ordinal);
        var end = text.IndexOf(". ", index, StringComparison.Ordinal);
        return text.Substring(start < 0 ? 0 : start + 2, (end < 0 ? text.Length : end + 1) - (start < 0 ? 0 : start + 2)).Trim();
    }

    // "not paginated", "without pagination", "doesn't handle pagination" (the contraction ends a word, it does not start one).
    private static readonly Regex s_notPaginated = new(
        @"(?:\b(?:not|never|no|without)|n't)\b[^.]{0,30}\bpaginat",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, Patterns.Timeout);

    /// <summary>Whether a paragraph links to a pagination section (<c>[parameters](/docs/api#pagination)</c>); walked without allocating.</summary>
    private static bool LinksToPagination(Markdig.Syntax.Inlines.ContainerInline? container, int depth = 0)
    {
        for (var inline = container?.FirstChild; inline is not null && depth < 16; inline = inline.NextSibling)
        {
            if (inline is Markdig.Syntax.Inlines.LinkInline { Url: { } url } && url.IndexOf('#') is var hash and >= 0 &&
                url.IndexOf("paginat", hash, StringComparison.OrdinalIgnoreCase) > hash)
            {
                return true;
            }

            if (inline is Markdig.Syntax.Inlines.ContainerInline inner && LinksToPagination(inner, depth + 1))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// True when the prose says results come in pages ("Returns a paginated list", "supports pagination",
    /// "the API results are paginated"), not that they do not ("doesn't handle pagination").
    /// </summary>
    internal static bool SaysPaginated(string lower) =>
        (lower.Contains("paginat") || lower.Contains("paged") || lower.Contains("pages of")) && s_paginated.IsMatch(lower) && !s_notPaginated.IsMatch(lower);

    /// <summary>A documented parameter with the value a call shows for it as its example, unless it has one already.</summary>
    private static FieldDocSpec Shown(FieldDocSpec parameter, string? example) =>
        parameter.Example is null && example is { Length: > 0 } ? parameter with { Example = example } : parameter;

    /// <summary>A query parameter shown in an endpoint line, typed by its example value.</summary>
    private static FieldDocSpec QueryField(string name, string example, LocationInfo location)
    {
        var kind = example is "true" or "false" ? "true or false"
            : s_integerText.IsMatch(example) ? "an integer"
            : s_dateText.IsMatch(example) ? "a date"
            : "a string";
        return new FieldDocSpec(name, "Optional. A query parameter shown in the endpoint line; " + kind + ".", Requirement.Optional, false, location,
            Example: example);
    }

    private static (AuthKind? Kind, string? Condition) ReadAuth(string lower)
    {
        // "No authentication is required", "does not require authentication", "This endpoint is public".
        if (s_saysNoAuth.IsMatch(lower))
        {
            return (AuthKind.None, null);
        }

        // "List access tokens requires that you are authenticated via basic authentication."
        if (s_saysBasicAuth.IsMatch(lower) &&
            !s_saysWithoutBasic.IsMatch(lower))
        {
            return (AuthKind.Basic, null);
        }

        var keyOnly = s_saysKeyOnly.Match(lower);
        if (keyOnly.Success)
        {
            var rest = lower.Substring(keyOnly.Index + keyOnly.Length);
            var conditional = s_conditionLead.IsMatch(rest);
            return (AuthKind.Key, conditional ? rest : null);
        }

        if (s_saysKeyAndSecret.IsMatch(lower))
        {
            return (AuthKind.KeyAndSecret, null);
        }

        return (null, null);
    }

    /// <summary>
    /// Whether an object example disagrees with the parameters the section documents: at least three parameters and
    /// three members, and fewer than half of its members among the parameters.
    /// </summary>
    private static bool ShowsTheAnswer(JsonNode example, List<FieldDocSpec> parameters)
    {
        if (example.Kind != JsonKind.Object || example.Properties.Count < 3 || parameters.Count < 3)
        {
            return false;
        }

        var documented = new HashSet<string>(parameters.Select(p => p.Name), StringComparer.Ordinal);
        var sent = example.Properties.Count(p => documented.Contains(p.Name));
        return sent * 2 < example.Properties.Count;
    }
}
