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

/// <summary>JSON examples: which fences hold one, and reading them leniently with located problems.</summary>
internal static partial class DocParser
{
    /// <summary>
    /// A JSON example: a json fence, or a fence of another or no language (javascript, http) whose
    /// body, after any <c>HTTP/1.1 200 OK</c> status and header lines, starts with an object or array.
    /// A PHP or JavaScript fence that is one data literal, perhaps assigned (<c>$data = ['name' =&gt; 'x'];</c>,
    /// <c>const body = { name: 'x' };</c>), is one too. Other language tabs (shell, ruby, python) and
    /// PHP or JavaScript that does more than state a literal are code, not examples. An xml fence is an example
    /// too, read by <see cref="XmlSamples"/> into the same shape.
    /// </summary>
    private static bool IsJsonFence(FencedCodeBlock fence) => IsXmlFence(fence) || JsonStartLine(fence) >= 0;

    private static bool IsXmlFence(FencedCodeBlock fence) => string.Equals(fence.Info?.Trim(), "xml", StringComparison.OrdinalIgnoreCase);

    /// <summary>A literal's start in a PHP or JavaScript fence, after an optional assignment.</summary>
    private static readonly Regex s_codeLiteral = new(
        @"^(?<assign>(?:<\?php\s+)?(?:\$\w+|(?:const|let|var)\s+\w+)\s*=\s*)?(?:\{|\[|array\s*\()",
        RegexOptions.CultureInvariant,
        Patterns.Timeout);

    private static bool IsCodeLanguage(string info) => info is "php" or "javascript" or "js" or "node" or "nodejs";

    /// <summary>A fence's language, as its info string names it, in lower case.</summary>
    private static string Language(FencedCodeBlock fence) => (fence.Info ?? string.Empty).Trim().ToLowerInvariant();

    /// <summary>The line the JSON starts on, or -1 when the fence holds no JSON example.</summary>
    private static int JsonStartLine(FencedCodeBlock fence)
    {
        var info = Language(fence);
        if (info is "json" or "json5" or "jsonc")
        {
            return 0;
        }

        if (info is not ("" or "javascript" or "js" or "node" or "nodejs" or "php" or "http" or "text" or "txt" or "plain" or "response")
            || fence.Lines.Count == 0)
        {
            return -1;
        }

        var start = 0;
        if (fence.Lines.Lines[0].Slice.ToString().TrimStart().StartsWith("HTTP/", StringComparison.OrdinalIgnoreCase))
        {
            // A status line and headers, then a blank line (or, where the docs leave it out, the body's first
            // brace or bracket), then the body.
            while (start < fence.Lines.Count && fence.Lines.Lines[start].Slice.ToString().Trim() is { Length: > 0 } line &&
                !(start > 0 && (line[0] == '{' || line[0] == '[')))
            {
                start++;
            }
        }

        var code = IsCodeLanguage(info);
        string first;
        while (true)
        {
            while (start < fence.Lines.Count && fence.Lines.Lines[start].Slice.ToString().Trim().Length == 0)
            {
                start++;
            }

            if (start >= fence.Lines.Count)
            {
                return -1;
            }

            first = fence.Lines.Lines[start].Slice.ToString().TrimStart();
            if (!(code && first.TrimEnd() == "<?php"))
            {
                break;
            }

            start++; // PHP's opening tag on its own line, then the literal.
        }

        if (code)
        {
            return s_codeLiteral.IsMatch(first) ? start : -1;
        }

        return first.StartsWith("{", StringComparison.Ordinal) || first.StartsWith("[", StringComparison.Ordinal) ? start : -1;
    }

    private static JsonExample? ReadJson(MarkdownText markdown, FencedCodeBlock fence, List<DiagnosticInfo> diagnostics)
    {
        var (content, map) = MarkdownText.CodeContent(fence);
        if (IsXmlFence(fence))
        {
            var (sample, _, xmlProblems) = XmlSamples.Parse(content);
            foreach (var (offset, message) in xmlProblems.Take(10))
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.XmlExampleProblem, ExampleLocation(markdown, fence, map, offset), message));
            }

            return sample is null ? null : new JsonExample(sample, markdown.FirstLine(fence), Xml: true);
        }

        var skip = Math.Max(0, JsonStartLine(fence));
        if (skip > 0)
        {
            var cut = map[skip].ContentStart;
            content = content.Substring(cut);
            map = map.Skip(skip).Select(entry => (entry.ContentStart - cut, entry.Line)).ToList();
        }

        var code = IsCodeLanguage(Language(fence));
        if (code)
        {
            // "$data = " or "const body = " before the literal: blanked, so offsets still point at their lines.
            var leading = content.Length - content.TrimStart().Length;
            var assignment = s_codeLiteral.Match(content.Substring(leading)).Groups["assign"];
            if (assignment.Success)
            {
                content = content.Substring(0, leading) + new string(' ', assignment.Length) + content.Substring(leading + assignment.Length);
            }
        }

        var (value, problems) = LenientJson.Parse(content, code);
        foreach (var (offset, message) in problems.Take(10))
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.JsonExampleProblem, ExampleLocation(markdown, fence, map, offset), message));
        }

        return value is null ? null : new JsonExample(value, markdown.FirstLine(fence));
    }

    /// <summary>Where an offset in a fence's content is on the page: from there to its line's end.</summary>
    private static LocationInfo ExampleLocation(MarkdownText markdown, FencedCodeBlock fence, List<(int ContentStart, StringLine Line)> map, int offset)
    {
        var line = map.LastOrDefault(entry => entry.ContentStart <= offset);
        return line.Line.Slice.Text is null
            ? markdown.FirstLine(fence)
            : markdown.Location(line.Line.Position + (offset - line.ContentStart), line.Line.Position + line.Line.Slice.Length);
    }
}
