using System.Diagnostics;
using System.Text;
using CsCheck;
using Microsoft.CodeAnalysis;

namespace Engage.Codegen.Tests;

/// <summary>
/// Property-based tests: random doc sets built from the docs grammar, and mutations of the
/// docs-input pages. For every case the generator does not throw, stays within a time bound,
/// produces code that compiles without errors or warnings against the runtime, and reports what it
/// dropped. Case i always uses CsCheck's PCG with seed i, so a failure names a case that reproduces;
/// ENGAGE_FUZZ_CASES raises the count for a longer run (see README).
/// </summary>
[Collection(BuildCollection.Name)]
public class FuzzTests
{
    private static readonly int s_cases = int.TryParse(Environment.GetEnvironmentVariable("ENGAGE_FUZZ_CASES"), out var n) ? n : 1000;

    // ENGAGE_FUZZ_ONLY=523 replays that one case; ENGAGE_FUZZ_DUMP=dir also writes its pages there.
    private static readonly int? s_only = int.TryParse(Environment.GetEnvironmentVariable("ENGAGE_FUZZ_ONLY"), out var only) ? only : null;

    // Fresh cases beside the fixed 0..N-1: ENGAGE_FUZZ_FRESH of them (default 100) from a start that
    // differs per run (ENGAGE_FUZZ_FRESH_START fixes it). A failing case names its number; ENGAGE_FUZZ_ONLY replays it.
    private static readonly int s_fresh = int.TryParse(Environment.GetEnvironmentVariable("ENGAGE_FUZZ_FRESH"), out var fresh) ? fresh : 100;
    private static readonly int s_freshStart = int.TryParse(Environment.GetEnvironmentVariable("ENGAGE_FUZZ_FRESH_START"), out var start) ? start : Random.Shared.Next(1_000_000, 100_000_000);

    private readonly Xunit.Abstractions.ITestOutputHelper _output;

    public FuzzTests(Xunit.Abstractions.ITestOutputHelper output) => _output = output;

    private void ForEachCase(Action<int> body)
    {
        if (s_only is { } one)
        {
            body(one);
            return;
        }

        _output.WriteLine($"fixed cases 0..{s_cases - 1}; fresh cases {s_freshStart}..{s_freshStart + s_fresh - 1} (ENGAGE_FUZZ_ONLY=<case> replays one)");
        Console.Error.WriteLine($"fuzz: fresh cases {s_freshStart}..{s_freshStart + s_fresh - 1} this run");
        var cases = Enumerable.Range(0, s_cases).Concat(Enumerable.Range(s_freshStart, s_fresh));
        Parallel.ForEach(cases, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, body);
    }

    private static void Dump(IEnumerable<InMemoryDoc> docs)
    {
        var directory = Environment.GetEnvironmentVariable("ENGAGE_FUZZ_DUMP");
        if (s_only is not null && !string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
            foreach (var doc in docs)
            {
                File.WriteAllText(Path.Combine(directory, Path.GetFileName(doc.Path)), doc.GetText()!.ToString());
            }
        }
    }
    private static readonly TimeSpan s_bound = TimeSpan.FromSeconds(20);

    private static readonly string[] s_words = { "users", "lists", "events", "things", "class", "default", "params", "a-b", "1st", "naïve", "événements", "x" };
    private static readonly string[] s_names = { "id", "uid", "class", "event", "params", "object", "default", "1st", "with-hyphen", "naïve", "Name", "name", "limit", "after_id", "before_id", "next_cursor", "has_more", "meta", "created_at", "x" };
    private static readonly string[] s_headings = { "Create a thing", "Get a thing", "Get a thing", "List things", "Add thing events", "Delete \"); Evil(); //", "Update */ </summary>", "", "#pragma warning disable", "Ünïcödé", "1 2 3", "class" };
    private static readonly string[] s_descriptions =
    {
        "Required. The id.", "Optional. Number of items. Defaults to 10. Maximum of 30.", "Optional. Set to `true` to confirm.", "Date string of the event.",
        "Optional. An array of ids.", "Can be a string, number or boolean.", "An object of attributes. Each value can be a string, number or boolean.",
        "An array of objects with the properties `token` and `platform` (supported values are `android` or `ios`).", "Supported values are `a\"b`, `c\\d` or `</summary>`.",
        "Deprecated: use `next_cursor`.", "Requires both username and password authentication.", "\"); Evil(); // */ </summary>", "", "Whether it is on, if known.",
    };

    // Section prose: the auth sentences, and one that says the endpoint answers with no content.
    private static readonly string[] s_auth = { "", "Works with username authentication.", "Requires username & password authentication.", "Works with username authentication if not updating the email; updating `email` requires the key and secret.", "Answers `204 No Content`." };

    private static readonly Gen<string> s_json = JsonGen(3);

    private static Gen<string> JsonGen(int depth)
    {
        var scalar = Gen.OneOfConst("\"text\"", "12", "4.5", "true", "null", "\"2021-01-12T05:24:39Z\"", "'single'", "...", "\"\\\"); Evil(); //\"", "-0", "1e400", "\"\\ud800\"");
        if (depth == 0)
        {
            return scalar;
        }

        var inner = JsonGen(depth - 1);
        var property = Gen.Select(Gen.OneOfConst(s_names), inner, (name, value) => $"\"{name}\": {value}");
        var obj = Gen.Select(property.Array[0, 4], Gen.Bool, (members, trailing) => "{" + string.Join(", ", members) + (trailing && members.Length > 0 ? "," : "") + "}");
        var array = inner.Array[0, 3].Select(items => "[" + string.Join(", ", items) + "]");
        return Gen.OneOf(scalar, obj, array, Gen.OneOfConst("{...}", "[...]", "{\"unclosed\": 1"));
    }

    private static readonly Gen<string> s_xml = XmlGen(3);

    /// <summary>An XML example as Rails-era docs write one: typed leaves, nil, arrays, placeholders, and the slips docs make.</summary>
    private static Gen<string> XmlGen(int depth)
    {
        var leaf = Gen.Select(Gen.OneOfConst(s_names), Gen.OneOfConst("", " type=\"integer\"", " type=\"boolean\"", " type=\"datetime\"", " type=\"float\"", " nil=\"true\""),
            Gen.OneOfConst("12", "true", "2021-01-12T05:24:39Z", "Hull & Leeds", "&lt;x&gt;&#65;&#xD800;", "...", "\"); Evil(); //", ""),
            (name, type, text) => $"<{name}{type}>{text}</{name}>");
        if (depth == 0)
        {
            return leaf;
        }

        var inner = XmlGen(depth - 1);
        var element = Gen.Select(Gen.OneOfConst(s_names), Gen.OneOfConst("", " type=\"array\""), inner.Array[0, 4],
            (name, type, children) => $"<{name}{type}>\n{string.Join("\n", children)}\n</{name}>");
        return Gen.OneOf(leaf, element, Gen.OneOfConst("<a><b>1</c></a>", "<a><b>", "<!DOCTYPE a [<!ENTITY x \"xx\">]><a>&x;</a>", "<a/><b/>", "text only", "<a b=\"1></a>"));
    }

    private sealed record Section(string Markdown, bool ValidEndpoint, bool InvalidEndpoint);

    private static readonly Gen<Section> s_endpointSection =
        Gen.Select(
            Gen.OneOfConst(s_headings),
            Gen.OneOfConst("GET", "POST", "PUT", "PATCH", "DELETE"),
            Gen.Select(Gen.OneOfConst(s_words), Gen.Int[0, 3], Gen.OneOfConst(s_names), (word, style, name) => style switch { 0 => word, 1 => "{" + name + "}", 2 => ":" + name, _ => "<" + name + ">" }).Array[1, 4],
            // The path breaks one time in ten; the endpoint is written in one of the thirteen forms real docs use, or as a cross-reference to another page.
            Gen.Int[0, 129],
            Gen.OneOfConst(s_auth),
            Gen.Select(Gen.OneOfConst(s_names), Gen.OneOfConst(s_descriptions), (name, description) => $"- `{name}` - {description}").Array[0, 5],
            Gen.Select(s_json, s_json, Gen.Bool, s_xml, (request, response, label, xml) => (request, response, label, xml)))
        .Select((heading, method, segments, shape, auth, bullets, examples) =>
        {
            var invalid = shape % 10 == 0;
            var path = "/" + string.Join("/", segments) + (invalid ? "/{bad!}" : string.Empty);
            var markdown = new StringBuilder();
            switch (shape / 10)
            {
                case 0: // a fence, under a Markdown heading or, one time in two, a heading written as HTML with a permalink
                    markdown.Append(shape % 2 == 0 ? "## " + heading : "<h2 id=\"s\">" + System.Net.WebUtility.HtmlEncode(heading) + " <a class=\"anchor\" href=\"#s\">\u00B6</a></h2>")
                        .Append("\n\n").Append(auth).Append("\n\n```\n").Append(method).Append(' ').Append(path).Append("\n```\n\n");
                    break;
                case 1: // the heading
                    markdown.Append("## ").Append(method).Append(' ').Append(path).Append("\n\n").Append(auth).Append("\n\n");
                    break;
                case 2: // a bullet that goes on in prose
                    markdown.Append("## ").Append(heading).Append("\n\n").Append(auth).Append("\n\n* `").Append(method).Append(' ').Append(path).Append("` does it.\n\n");
                    break;
                case 3: // HTML, method and path in separate elements
                    markdown.Append("## ").Append(heading).Append("\n\n").Append(auth).Append("\n\n<i class=\"label\">").Append(method).Append("</i>\n<h6>")
                        .Append(System.Net.WebUtility.HtmlEncode(path)).Append("</h6>\n\n");
                    break;
                case 4: // a table row
                    markdown.Append("## ").Append(heading).Append("\n\n").Append(auth).Append("\n\n| Method | Path |\n|---|---|\n| ").Append(method).Append(" | ").Append(path.Replace("|", "\\|")).Append(" |\n\n");
                    break;
                case 5: // only a curl command, one time in two with a site's line-highlight directive inside it
                    markdown.Append("## ").Append(heading).Append("\n\n").Append(auth).Append("\n\n```shell\ncurl ")
                        .Append(shape % 2 == 1 ? "\\\n# highlight-next-line\n" : string.Empty).Append("-X ").Append(method).Append(" https://api.fuzz.test").Append(path).Append("\n```\n\n");
                    break;
                case 6: // a JSX or MDX element whose attributes state it, with a template expression among them
                    markdown.Append("## ").Append(heading).Append("\n\n<Endpoint method=\"").Append(method.ToLowerInvariant()).Append("\" path=\"")
                        .Append(path.Replace("\"", "&quot;")).Append("\" summary={props.summary}>\n").Append(auth).Append("\n\n</Endpoint>\n\n");
                    break;
                case 7: // a div whose class is the method and whose text is the path
                    markdown.Append("## ").Append(heading).Append("\n\n").Append(auth).Append("\n\n<div class=\"endpoint ").Append(method.ToLowerInvariant()).Append("\">")
                        .Append(System.Net.WebUtility.HtmlEncode(path)).Append("</div>\n\n");
                    break;
                case 8: // a label, then the line in code on a host variable, with template markup around it
                    markdown.Append("## ").Append(heading).Append("\n\n{% include note.md %}\n\n").Append(auth).Append("\n\n**Definition**\n`").Append(method).Append(" ${API_HOST}").Append(path.Replace("`", string.Empty)).Append("`\n\n{: .note}\n\n");
                    break;
                case 9 when shape % 3 == 2: // a cross-reference: the endpoint as a link's text, to a page the set does not hold
                    markdown.Append("## ").Append(heading).Append("\n\n").Append(auth).Append("\n\nSee [`").Append(method).Append(' ').Append(path.Replace("`", string.Empty))
                        .Append("`](elsewhere.md#it) for how.\n\n");
                    break;
                case 9 when shape % 3 == 1: // a sentence that calls the path an endpoint and names its method
                    markdown.Append("## ").Append(heading).Append("\n\n").Append(auth).Append("\n\nIn short, the endpoint `").Append(path.Replace("`", string.Empty))
                        .Append("` takes it in the ").Append(method).Append(" request.\n\n");
                    break;
                case 9: // the method, then the path in code
                    markdown.Append("## ").Append(heading).Append("\n\n").Append(auth).Append("\n\n").Append(method).Append(" `").Append(path.Replace("`", string.Empty)).Append("`\n\n");
                    break;
                case 11: // only a curl command in an HTML code block, spans inside its URL
                    markdown.Append("## ").Append(heading).Append("\n\n").Append(auth).Append("\n\n<pre><code class=\"bash\">\ncurl -X ").Append(method)
                        .Append(" \\\n  <span class=\"host\">https://api.fuzz.test</span>").Append(System.Net.WebUtility.HtmlEncode(path)).Append("\n</code></pre>\n\n");
                    break;
                case 12: // only a curl command whose URL goes on the next line without a backslash; a GET sends its data with -G
                    markdown.Append("## ").Append(heading).Append("\n\n").Append(auth).Append("\n\n```shell\ncurl ").Append(method == "GET" ? "-G --data-urlencode 'q=x'" : "-X " + method)
                        .Append(" -H \"X-Key: k\"\n  \"https://api.fuzz.test").Append(path.Replace("\"", string.Empty)).Append("\"\n```\n\n");
                    break;
                default: // a table whose header names the URL and method columns, the method last
                    markdown.Append("# ").Append(heading).Append("\n\n").Append(auth).Append("\n\n| URL | Requires Auth | HTTP Method |\n| --- | --- | --- |\n| `").Append(path.Replace("|", "\\|").Replace("`", string.Empty)).Append("` | yes | ").Append(method).Append(" |\n\n");
                    break;
            }

            string Name(string bullet) => bullet.Substring(3, bullet.IndexOf("` - ", StringComparison.Ordinal) - 3);
            string Description(string bullet) => bullet.Substring(bullet.IndexOf("` - ", StringComparison.Ordinal) + 4);
            if (bullets.Length > 0 && shape % 5 == 3)
            {
                // Terms of an informal definition list: the name alone with a component that marks it, its description below.
                markdown.Append("#### Query parameters\n\n").Append(string.Concat(bullets.Select((b, i) =>
                    "<hr />\n\n**" + Name(b) + "** " + (i % 2 == 0 ? "<Optional />" : "(string, required)") + "\n\n" + Description(b) + "\n\n")));
            }
            else if (bullets.Length > 0 && shape % 5 == 4)
            {
                // An HTML parameters table under a label that links to the pagination section.
                markdown.Append("Optional [query string parameters](#pagination):\n\n<table>\n<tbody>\n").Append(string.Concat(bullets.Select(b =>
                    "  <tr>\n    <th><code>" + System.Net.WebUtility.HtmlEncode(Name(b)) + "</code></th>\n    <td>" + System.Net.WebUtility.HtmlEncode(Description(b)) + "</td>\n  </tr>\n")))
                    .Append("</tbody>\n</table>\n\n");
            }
            else if (bullets.Length > 0 && shape % 3 == 1)
            {
                // Slate's "Query Parameters" table, on any method (a POST's go in the query string).
                markdown.Append("### Query Parameters\n\nParameter | Type | Description\n--------- | ---- | -----------\n")
                    .Append(string.Concat(bullets.Select(b => b.Substring(3).Replace("` - ", " | string | ") + "\n"))).Append('\n');
            }
            else if (bullets.Length > 0 && shape % 3 == 2)
            {
                // The same bullets with their names in bold.
                markdown.Append("Parameters:\n\n").Append(string.Join("\n", bullets.Select(b => "- **" + b.Substring(3, b.IndexOf("` - ", StringComparison.Ordinal) - 3) + "**" + b.Substring(b.IndexOf("` - ", StringComparison.Ordinal) + 1))))
                    .Append("\n\n");
            }
            else if (bullets.Length > 0)
            {
                markdown.Append("Parameters:\n\n").Append(string.Join("\n", bullets)).Append("\n\n");
            }

            // The request as JSON, as a PHP array, or as a JavaScript literal (the last two as a language tab).
            var request = (shape % 4) switch
            {
                2 => "```php\n<?php\n$data = " + examples.request.Replace("{", "[").Replace("}", "]").Replace("\": ", "' => ").Replace("\"", "'") + ";\n```\n\n",
                3 => "```javascript\nconst body = " + examples.request + ";\n```\n\n",
                _ => "```json\n" + examples.request + "\n```\n\n",
            };
            // The response as JSON or, one time in seven, as XML.
            markdown.Append(examples.label ? "Example request data:\n\n" : string.Empty).Append(request)
                .Append(shape % 7 == 5 ? "Example response:\n\n```xml\n" + examples.xml : "Example response:\n\n```json\n" + examples.response).Append("\n```\n\n");
            return new Section(markdown.ToString(), !invalid, invalid);
        });

    // An object as "The X object" with bullets, or as Slate's "X properties" attribute table (read-only
    // markers, a type column) with a nested "X - Y properties" table.
    private static readonly Gen<string> s_objectSection =
        Gen.Select(Gen.OneOfConst("Thing", "Lists", "class", "Évent"), s_json,
            Gen.Select(Gen.OneOfConst(s_names), Gen.OneOfConst(s_descriptions), (name, description) => $"- `{name}` - {description}").Array[0, 5],
            Gen.Select(Gen.OneOfConst(s_names), Gen.OneOfConst("integer", "string", "array", "object", "date-time", "bool", "number", ""), Gen.OneOfConst(s_descriptions), Gen.Bool,
                (name, type, description, readOnly) => $"{name} | {type} | {description.Replace("|", "\\|")}{(readOnly ? " <i class=\"label\">read-only</i>" : string.Empty)}").Array[0, 4],
            Gen.Int[0, 3],
            (name, example, bullets, rows, form) => form == 0
                ? $"## {name} properties\n\nAttribute | Type | Description\n--------- | ---- | -----------\n{string.Join("\n", rows)}\n\n### {name} - {(rows.Length > 0 ? rows[0].Split(' ')[0] : "part")} properties\n\nAttribute | Type | Description\n--------- | ---- | -----------\n{string.Join("\n", rows.Skip(1))}\n\n"
                : $"## The {name} object\n\n```json\n{example}\n```\n\n{string.Join("\n", bullets)}\n\n");

    // A reference page of one operation as MDX doc platforms write one: the front matter names the operation (a full URL, or the
    // path after a description file's name), components its parameters (one nested in another, one a header), a wrapper its example.
    private static readonly Gen<(string Text, int Valid, int Invalid)> s_referencePage =
        Gen.Select(
            Gen.OneOfConst(s_headings),
            Gen.OneOfConst("GET", "POST", "PUT", "PATCH", "DELETE"),
            Gen.Select(Gen.OneOfConst(s_words), Gen.Int[0, 1], Gen.OneOfConst(s_names), (word, style, name) => style == 0 ? word : "{" + name + "}").Array[1, 4],
            Gen.Int[0, 99],
            Gen.Select(Gen.OneOfConst("query", "path", "body", "header", "name"), Gen.OneOfConst(s_names), Gen.OneOfConst("string", "integer", "boolean", "Thing[]", "string | null", ""),
                Gen.OneOfConst(s_descriptions), Gen.OneOfConst("", " required", " required={true}", " required={false}", " default=\"10\""),
                (where, name, type, description, marks) => $"<ParamField {where}=\"{name}\" type=\"{type}\"{marks}>\n  {description}\n</ParamField>\n\n").Array[0, 4],
            s_json,
            (heading, method, segments, shape, parameters, response) =>
            {
                var invalid = shape % 10 == 0;
                var path = "/" + string.Join("/", segments) + (invalid ? "/{bad!}" : string.Empty);
                var declared = shape % 2 == 0 ? $"api: \"{method} https://api.fuzz.test{path}\"" : $"openapi: \"fuzz.yaml {method.ToLowerInvariant()} {path}\"";
                var nested = shape % 3 == 0
                    ? "<ParamField body=\"outer\" type=\"object\">\n  The outer.\n  <Expandable title=\"fields\">\n    <ParamField body=\"inner\" type=\"string\" required />\n  </Expandable>\n</ParamField>\n\n"
                    : string.Empty;
                var text = $"---\ntitle: \"{heading.Replace("\"", string.Empty)}\"\n{declared}\n---\n\n{string.Concat(parameters)}{nested}" +
                    $"<ResponseExample>\n```json 200\n{response}\n```\n</ResponseExample>\n";
                return (text, invalid ? 0 : 1, invalid ? 1 : 0);
            });

    private static readonly Gen<(string Text, int Valid, int Invalid)> s_sectionsPage =
        Gen.Select(Gen.OneOfConst("Things", "Lists \"); Evil(); //", "Événements", "Users"), s_objectSection.Array[0, 2], s_endpointSection.Array[0, 5], Gen.Bool,
            Gen.OneOfConst("", "", "The base URL is `https://api.fuzz.test/v1`.\n\n", "All URLs start with `https://fuzz.test/999999/api/v1/`.\n\n", "The base URL is `https://{account}.fuzz.test/v2`.\n\n", "Base URL: `https://your-server/api/v1`\n\n"),
            (title, objects, endpoints, frontMatter, root) =>
            {
                var text = (frontMatter ? "---\ntitle: The Fuzz API\n---\n\n" : string.Empty) + $"# {title}\n\n" + root + string.Concat(objects) + string.Concat(endpoints.Select(e => e.Markdown));
                return (text, endpoints.Count(e => e.ValidEndpoint), endpoints.Count(e => e.InvalidEndpoint));
            });

    // Pages of sections, and one time in four a reference page of one operation.
    private static readonly Gen<(string Name, string Text, int Valid, int Invalid)[]> s_docSet =
        Gen.Select(s_sectionsPage, Gen.Int[0, 3], s_referencePage, (page, kind, reference) => kind == 0 ? reference : page)
        .Array[1, 3]
        .Select(docs => docs.Select((d, i) => ($"/fuzz/page{i}.md", d.Text, d.Valid, d.Invalid)).ToArray());

    private static T Case<T>(Gen<T> gen, int i) => gen.Generate(new PCG(1u, (ulong)i), null!, out _);

    private static GenerationResult GenerateWithinBound(IEnumerable<InMemoryDoc> docs, string what)
    {
        docs = docs.ToList();
        Dump(docs);

        // The bound is enforced while the case runs: on its own thread, abandoned (and the case failed) when it overruns.
        GenerationResult? produced = null;
        System.Runtime.ExceptionServices.ExceptionDispatchInfo? failure = null;
        var thread = new Thread(() =>
        {
            try
            {
                produced = GeneratorHarness.Run(docs, ns: "Engage.Fuzz");
            }
            catch (Exception exception)
            {
                failure = System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(exception);
            }
        }) { IsBackground = true, Name = what };
        thread.Start();
        Assert.True(thread.Join(s_bound), $"{what}: generation and compilation did not finish within {s_bound} (replay with ENGAGE_FUZZ_ONLY)");
        failure?.Throw();
        var result = produced!;
        Assert.True(!result.GeneratorDiagnostics.Any(d => d.Id == "ENG099"), $"{what}: {string.Join("\n", result.GeneratorDiagnostics.Where(d => d.Id == "ENG099"))}");
        Assert.True(!result.CompileProblems.Any(), $"{what}: {string.Join("\n", result.CompileProblems.Take(5))}");
        return result;
    }

    [Fact]
    public void Random_doc_sets_never_break_the_build_and_report_every_dropped_endpoint()
    {
        ForEachCase(i =>
        {
            var docs = Case(s_docSet, i);
            var what = $"random case {i}";
            var result = GenerateWithinBound(docs.Select(d => new InMemoryDoc(d.Name, d.Text)), what);
            // Every valid endpoint is an operation, or reported as the same endpoint documented again (ENG016), as a
            // request example that illustrates where the doc set declares its endpoints in another form (ENG018), or as
            // a cross-reference to a page the set does not hold (ENG025).
            var operations = result.Sources.Sum(s => CountOccurrences(s.Text, "Engage.Codegen.Runtime.ApiOperation(\""));
            var repeated = result.GeneratorDiagnostics.Count(d => d.Id == "ENG016");
            var illustrations = result.GeneratorDiagnostics.Count(d => d.Id == "ENG018");
            var references = result.GeneratorDiagnostics.Count(d => d.Id == "ENG025");
            Assert.True(operations + repeated + illustrations + references == docs.Sum(d => d.Valid), $"{what}: {operations} operations, {repeated} repeats, {illustrations} illustrations and {references} references for {docs.Sum(d => d.Valid)} valid endpoint sections\n{string.Join("\n\n", docs.Select(d => d.Text))}");
            Assert.True(result.GeneratorDiagnostics.Count(d => d.Id == "ENG001") == docs.Sum(d => d.Invalid), $"{what}: every unreadable endpoint line is reported");
        });
    }

    [Fact]
    public void Mutated_docs_input_pages_never_break_the_build()
    {
        var pages = GeneratorHarness.DocsInputFiles().Select(d => (d.Path, Lines: d.GetText()!.ToString().Split('\n'))).ToArray();
        var mutation = Gen.Select(Gen.Int[0, 4], Gen.Int[0, 100000], Gen.Int[0, 100000], Gen.Int[0, 255]);
        ForEachCase(i =>
        {
            var (page, kind) = (i % pages.Length, 0);
            var docs = pages.Select(p => p.Lines.ToList()).ToArray();
            var target = docs[page];
            for (var step = 0; step < 4; step++)
            {
                (kind, var a, var b, var value) = Case(mutation, i * 4 + step);
                var x = a % target.Count;
                var y = b % target.Count;
                switch (kind)
                {
                    case 0: target.RemoveAt(x); break;
                    case 1: target.Insert(y, target[x]); break;
                    case 2: (target[x], target[y]) = (target[y], target[x]); break;
                    case 3: target[x] = target[x].Substring(0, target[x].Length * (b % 100) / 100); break;
                    default:
                        var chars = target[x].ToCharArray();
                        if (chars.Length > 0)
                        {
                            chars[b % chars.Length] = (char)(chars[b % chars.Length] ^ (1 << (value % 7)));
                        }

                        target[x] = new string(chars);
                        break;
                }

                if (target.Count == 0)
                {
                    target.Add(string.Empty);
                }
            }

            GenerateWithinBound(pages.Select((p, index) => new InMemoryDoc(p.Path, string.Join("\n", docs[index]))), $"mutation case {i} of {pages[page].Path}");
        });
    }

    /// <summary>A longer, random exploration with shrinking: ENGAGE_FUZZ_SECONDS=600 dotnet test --filter Explore.</summary>
    [Fact]
    public void Explore()
    {
        if (!int.TryParse(Environment.GetEnvironmentVariable("ENGAGE_FUZZ_SECONDS"), out var seconds))
        {
            seconds = 5;
        }

        s_docSet.Sample(docs => GenerateWithinBound(docs.Select(d => new InMemoryDoc(d.Name, d.Text)), "exploration"), time: seconds, iter: -1);
    }

    private static int CountOccurrences(string text, string value)
    {
        var count = 0;
        for (var index = text.IndexOf(value, StringComparison.Ordinal); index >= 0; index = text.IndexOf(value, index + 1, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}
