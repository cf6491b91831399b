using System;
using System.Text.RegularExpressions;

namespace Engage.Codegen.Parsing;

/// <summary>
/// Reads whether the docs require callers to identify their application in a <c>User-Agent</c>
/// header ("You must include a `User-Agent` header with the name of your application"), and the
/// format they show (<c>User-Agent: MyApp (you@example.com)</c>, in a sample or a curl <c>-H</c>).
/// </summary>
internal static class UserAgentReader
{

    private static readonly Regex s_required = new(
        @"\b(?:must|required|have\s+to|need\s+to|always)\b[^.]{0,120}?\bUser-Agent\b|\bUser-Agent\b[^.]{0,80}?\b(?:is\s+required|are\s+required|must)\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, Patterns.Timeout);

    private static readonly Regex s_sample = new(
        @"User-Agent:[ \t]*([^\r\n'""`\\<>]{1,100})",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, Patterns.Timeout);

    /// <summary>Whether a paragraph says a User-Agent is required.</summary>
    public static bool Requires(string paragraph) =>
        paragraph.IndexOf("User-Agent", StringComparison.OrdinalIgnoreCase) >= 0 && s_required.IsMatch(paragraph);

    /// <summary>The first User-Agent the page shows, trimmed; empty when it shows none.</summary>
    public static string Example(string pageText)
    {
        var match = s_sample.Match(pageText);
        return match.Success ? match.Groups[1].Value.Trim() : string.Empty;
    }
}
