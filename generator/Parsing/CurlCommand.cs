using System;
using System.Collections.Generic;
using System.Text;
using Markdig.Syntax;

namespace Engage.Codegen.Parsing;

/// <summary>
/// Reads a <c>curl</c> command in a code block as an endpoint: the method from <c>-X</c> (else
/// POST when it sends data, else GET), the URL, and the <c>-d</c> data as the request example.
/// Lines continued with a backslash are joined; shell quoting is honoured.
/// </summary>
internal static class CurlCommand
{
    public static EndpointCandidate? Read(MarkdownText markdown, LeafBlock code)
    {
        for (var i = 0; i < code.Lines.Count; i++)
        {
            var first = code.Lines.Lines[i];
            var text = first.Slice.ToString().TrimStart();
            if (text.StartsWith("$", StringComparison.Ordinal))
            {
                text = text.Substring(1).TrimStart();
            }

            if (!text.StartsWith("curl ", StringComparison.Ordinal))
            {
                continue;
            }

            var command = new StringBuilder(text);
            while (command.Length > 0 && command[command.Length - 1] == '\\' && i + 1 < code.Lines.Count)
            {
                command.Length--;
                command.Append(' ').Append(code.Lines.Lines[++i].Slice.ToString().Trim());
            }

            var candidate = Parse(command.ToString(), out var method, out var url, out var body);
            if (candidate && url is not null)
            {
                return EndpointReader.Candidate(EndpointForm.Curl, code, method, url, markdown.Line(first), null, null, body);
            }
        }

        return null;
    }

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
            else if (word is "-I" or "--head")
            {
                method = "HEAD";
            }
            else if (word is "-H" or "--header" or "-u" or "--user" or "-o" or "--output" or "-A" or "--user-agent" or "-b" or "--cookie" or "-e" or "--referer")
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
