using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Engage.Codegen.Tests;

/// <summary>
/// House rules of the generator's own source (issue 23): every name generated code declares for itself is decided
/// once, in <c>Model/GeneratedNames.cs</c>, so Emit never writes one as text; Emit neither strips a suffix off a
/// method name nor cuts the quote off a finished literal (the model carries each name as printed); every regex has
/// the one timeout, and a fixed pattern is a <c>static readonly</c> field (the cache is for patterns built from doc
/// text); and no line of the generator is longer than 160 characters.
/// </summary>
public sealed class SourceRulesTests
{
    private static readonly string s_generator = Path.Combine(GeneratorHarness.RepositoryRoot, "generator");

    private static IEnumerable<string> Sources(string folder) =>
        Directory.GetFiles(folder, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal);

    /// <summary>
    /// The reserved names as identifiers in generated text: not a member of something else (<c>response.Value</c>), not
    /// a runtime parameter's label (<c>cancellationToken:</c>), not a word of a sentence (<c>the query string</c>; but
    /// <c>request is null</c> is code).
    /// </summary>
    private static readonly Regex s_reserved = new(
        @"(?<![\w.])(request|requestOptions|cancellationToken|requestPath|query|Value|IsKnown)(?![\w:])(?! (?!is |as )[a-z])",
        RegexOptions.CultureInvariant);

    [Fact]
    public void Emit_writes_no_generated_name_as_text()
    {
        var found = new List<string>();
        var checkedLiterals = 0;
        foreach (var file in Sources(Path.Combine(s_generator, "Emit")))
        {
            var root = CSharpSyntaxTree.ParseText(File.ReadAllText(file)).GetRoot();
            foreach (var token in root.DescendantTokens().Where(t => t.IsKind(SyntaxKind.StringLiteralToken) || t.IsKind(SyntaxKind.InterpolatedStringTextToken)))
            {
                if (IsProse(token))
                {
                    continue;
                }

                checkedLiterals++;
                var text = token.IsKind(SyntaxKind.StringLiteralToken) ? token.ValueText : token.Text;
                foreach (Match match in s_reserved.Matches(text))
                {
                    found.Add($"{Path.GetFileName(file)}:{token.GetLocation().GetLineSpan().StartLinePosition.Line + 1}: {match.Value} in \"{text}\"");
                }
            }
        }

        Assert.True(checkedLiterals > 300, $"{checkedLiterals} literals checked");
        Assert.Empty(found);
    }

    /// <summary>Doc text for people (the text of <c>w.Doc(tag, text)</c>, a <c>RawDoc</c>, a comment's words), not code.</summary>
    private static bool IsProse(SyntaxToken token)
    {
        var argument = token.Parent?.FirstAncestorOrSelf<ArgumentSyntax>();
        if (argument?.Parent is not ArgumentListSyntax { Parent: InvocationExpressionSyntax invocation } list)
        {
            return false;
        }

        var method = invocation.Expression is MemberAccessExpressionSyntax member ? member.Name.Identifier.Text : null;
        return (method == "Doc" && list.Arguments.IndexOf(argument) == 1) || method == "RawDoc";
    }

    [Fact]
    public void Emit_strips_no_suffix_and_cuts_no_literal()
    {
        foreach (var file in Sources(Path.Combine(s_generator, "Emit")))
        {
            var text = File.ReadAllText(file);
            Assert.DoesNotContain("\"Async\"", text, StringComparison.Ordinal);
            Assert.DoesNotMatch(@"Substring\(0, \w+\.Length - 1\)", text);
        }
    }

    [Fact]
    public void Every_regex_has_the_one_timeout_and_a_fixed_pattern_is_a_field()
    {
        var sources = Sources(s_generator).ToDictionary(f => Path.GetRelativePath(s_generator, f), File.ReadAllText);
        Assert.Equal(new[] { Path.Combine("Helpers", "Patterns.cs") }, sources.Where(s => s.Value.Contains("TimeSpan.From", StringComparison.Ordinal)).Select(s => s.Key));

        // The cache is for patterns built from doc text: each call passes something other than a literal alone.
        var cached = sources.SelectMany(s => Regex.Matches(s.Value, @"Patterns\.IsMatch\([^,]+,\s*(@?""(?:[^""]|"""")*"")\s*,").Select(m => s.Key)).ToList();
        Assert.Empty(cached);
        Assert.True(sources.Values.Sum(s => Regex.Matches(s, @"static readonly Regex s_\w+ =").Count) > 100);
    }

    [Fact]
    public void No_generator_line_is_longer_than_160_characters()
    {
        var files = Sources(s_generator).ToList();
        Assert.True(files.Count > 40, $"{files.Count} files");
        var tooLong = files.SelectMany(f => File.ReadLines(f).Select((line, i) => (File: f, Line: i + 1, line.Length)))
            .Where(l => l.Length > 160)
            .Select(l => $"{Path.GetRelativePath(s_generator, l.File)}:{l.Line} ({l.Length})")
            .ToList();
        Assert.Empty(tooLong);
    }
}
