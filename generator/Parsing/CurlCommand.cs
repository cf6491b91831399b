using System;
using System.Collections.Generic;
using System.Text;
using Markdig.Syntax;

namespace Engage.Codegen.Parsing;

/// <summary>
/// Reads a <c>curl</c> command in a code block as an endpoint: the method from <c>-X</c> (else GET with
/// <c>-G</c>, which puts the data in the query string; else POST when it sends data, else GET), the URL, and the <c>-d</c> data as the request example.
/// Lines continued with a backslash are joined; shell quoting is honoured.
/// </summary>
internal static class CurlCommand
{
    /// <summary>
    /// The first curl command of a code block: a fence, an indented block, or an HTML <c>&lt;pre&gt;</c> block
    /// (the HTML a fence renders to), whose tags are dropped and entities decoded, the text of its elements kept.
    /// </summary>
    public static EndpointCandidate? Read(MarkdownText markdown, LeafBlock code)
    {
        var html = code is HtmlBlock;
        string LineText(int index) => html ? EndpointReader.PlainText(code.Lines.Lines[index].Slice.ToString()) : code.Lines.Lines[index].Slice.ToString();
        for (var i = 0; i < code.Lines.Count; i++)
        {
            var first = code.Lines.Lines[i];
            var text = LineText(i).TrimStart();
            if (text.StartsWith("$", StringComparison.Ordinal))
            {
                text = text.Substring(1).TrimStart();
            }

            if (!text.StartsWith("curl ", StringComparison.Ordinal))
            {
                continue;
            }

            // A line goes on after a backslash, inside an open quote (a -d body over several lines), and where the
            // backslash was forgotten but the next, indented line plainly goes on with an option ("    -X DELETE") or the URL.
            var command = new StringBuilder(text);
            var quote = OpenQuote('\0', text);
            while (i + 1 < code.Lines.Count)
            {
                var next = LineText(i + 1);
                if (command.Length > 0 && command[command.Length - 1] == '\\')
                {
                    if (next.Trim().Length == 0 && i + 2 < code.Lines.Count)
                    {
                        // A blank line after a backslash is a line the site removed (a highlight directive, blanked as
                        // template markup): the command goes on after it, as the rendered page shows it.
                        i++;
                        continue;
                    }

                    // As a shell reads it: the backslash and the line break go, nothing else ("...search\" then
                    // "?q=stark" is one URL; "-H x \" then "  -d y" keeps the space before the backslash).
                    command.Length--;
                    command.Append(next.TrimEnd());
                }
                else if (quote != '\0')
                {
                    command.Append('\n').Append(next);
                }
                else if (next.Length > 0 && char.IsWhiteSpace(next[0]) && GoesOn(next.TrimStart()))
                {
                    command.Append(' ').Append(next.Trim());
                }
                else
                {
                    break;
                }

                quote = OpenQuote(quote, next);
                i++;
            }

            var candidate = Parse(command.ToString(), out var method, out var url, out var body);
            if (candidate && url is not null)
            {
                return EndpointReader.Candidate(EndpointForm.Curl, code, method, url, markdown.Line(first), null, null, body);
            }
        }

        return null;
    }

    private static bool GoesOn(string line) =>
        line.StartsWith("-", StringComparison.Ordinal) ||
        line.TrimStart('"', '\'').StartsWith("http://", StringComparison.OrdinalIgnoreCase) ||
        line.TrimStart('"', '\'').StartsWith("https://", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// True for a block a curl command may stand in: a fence, an indented block, or an HTML block that is a
    /// preformatted code block holding one (<c>&lt;pre&gt;&lt;code class="bash"&gt;curl ...</c>).
    /// </summary>
    public static bool IsCodeBlock(MarkdownText markdown, Block block) =>
        block is FencedCodeBlock or CodeBlock ||
        (block is HtmlBlock html && markdown.Raw(html) is var raw && raw.IndexOf("<pre", StringComparison.OrdinalIgnoreCase) >= 0
            && raw.IndexOf("curl", StringComparison.Ordinal) >= 0);

    private static bool Parse(string command, out string method, out string? url, out string? body)
    {
        method = "GET";
        url = null;
        body = null;
        string? explicitMethod = null;
        var words = Split(command);
        for (var i = 1; i < words.Count; i++)
        {
            var word = words[i];
            string? Next() => i + 1 < words.Count ? words[++i] : null;
            if (word is "-X" or "--request")
            {
                explicitMethod = Next();
            }
            else if (word.StartsWith("-X", StringComparison.Ordinal) && word.Length > 2)
            {
                explicitMethod = word.Substring(2);
            }
            else if (word is "-d" or "--data" or "--data-raw" or "--data-binary" or "--json")
            {
                body ??= Next();
                method = "POST";
            }
            else if (word is "-F" or "--form" or "--data-urlencode")
            {
                Next();
                method = "POST";
            }
            else if (word is "-G" or "--get")
            {
                // The data goes in the query string: a GET whatever it sends.
                explicitMethod ??= "GET";
            }
            else if (word is "-I" or "--head")
            {
                method = "HEAD";
            }
            else if (
                word is "-H" or "--header" or "-u" or "--user" or "-o" or "--output" or "-A" or "--user-agent" or "-b" or "--cookie" or "-e" or "--referer")
            {
                Next();
            }
            else if (word.StartsWith("-", StringComparison.Ordinal))
            {
                continue;
            }
            else if (word.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || word.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
            {
                url ??= word;
            }
        }

        if (explicitMethod is not null)
        {
            if (!HttpMethods.TryRead(explicitMethod, out var read, out var corrected) || corrected)
            {
                return false;
            }

            method = read;
        }

        return url is not null;
    }

    /// <summary>The quote left open after <paramref name="text"/> when <paramref name="quote"/> was open before it ('\0' for none).</summary>
    private static char OpenQuote(char quote, string text)
    {
        foreach (var c in text)
        {
            if (quote != '\0')
            {
                quote = c == quote ? '\0' : quote;
            }
            else if (c is '\'' or '"')
            {
                quote = c;
            }
        }

        return quote;
    }

    /// <summary>Splits a command line into words, as a POSIX shell would for plain and quoted words.</summary>
    private static List<string> Split(string command)
    {
        var words = new List<string>();
        var word = new StringBuilder();
        var inWord = false;
        char quote = '\0';
        foreach (var c in command)
        {
            if (quote != '\0')
            {
                if (c == quote)
                {
                    quote = '\0';
                }
                else
                {
                    word.Append(c);
                }
            }
            else if (c is '\'' or '"')
            {
                quote = c;
                inWord = true;
            }
            else if (char.IsWhiteSpace(c))
            {
                if (inWord)
                {
                    words.Add(word.ToString());
                    word.Clear();
                    inWord = false;
                }
            }
            else
            {
                word.Append(c);
                inWord = true;
            }
        }

        if (inWord)
        {
            words.Add(word.ToString());
        }

        return words;
    }
}
