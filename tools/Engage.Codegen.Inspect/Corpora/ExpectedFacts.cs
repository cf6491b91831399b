using System.Text.RegularExpressions;

namespace Engage.Codegen.Inspect.Corpora;

/// <summary>A documented operation: method, path below the base address, and for a list how it pages.</summary>
/// <param name="Paging">null when the operation is no list; "unpaged", or the style (page, offset, id, cursor, link).</param>
public sealed record ExpectedOperation(string Method, string Path, string? Paging, string Where);

/// <summary>One part of an auth scheme: <c>basic</c>, <c>header Name [prefix P]</c>, <c>query name</c>, or <c>none</c>.</summary>
public sealed record ExpectedAuthPart(string Kind, string? Name, string? Prefix);

/// <summary>A field of a documented object and its type in the expected vocabulary (<c>integer</c>, <c>array&lt;string&gt;</c>; <c>?</c> when nullable).</summary>
public sealed record ExpectedField(string Object, string Field, string Type, string Where);

/// <summary>
/// What a reader finds on a corpus's pages (<c>tools/corpora/expected/ID.txt</c>; its format is in
/// <c>tools/corpora/README.md</c>). Plain <c>METHOD path</c> lines, as the older <c>--expect</c> lists hold, read too.
/// </summary>
public sealed record ExpectedFacts(
    string? BaseAddress,
    IReadOnlyList<ExpectedAuthPart>? Auth,
    IReadOnlyList<ExpectedOperation> Operations,
    IReadOnlyList<ExpectedField> Fields)
{
    private static readonly Regex OperationLine = new(@"^([A-Za-z]+)\s+(\S+)(?:\s+(paged=(\w+)|unpaged))?\s*$", RegexOptions.CultureInvariant);
    private static readonly Regex FieldLine = new(@"^type\s+(.+?)\.([^.\s]+)\s+(\S+)\s*$", RegexOptions.CultureInvariant);

    public static ExpectedFacts Parse(IEnumerable<string> lines)
    {
        string? baseAddress = null;
        List<ExpectedAuthPart>? auth = null;
        var operations = new List<ExpectedOperation>();
        var fields = new List<ExpectedField>();
        foreach (var raw in lines)
        {
            var line = raw.Trim();
            var where = string.Empty;
            var at = line.LastIndexOf(" @ ", StringComparison.Ordinal);
            if (at >= 0)
            {
                where = line.Substring(at + 3).Trim();
                line = line.Substring(0, at).Trim();
            }

            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            if (line.StartsWith("base:", StringComparison.Ordinal))
            {
                baseAddress = line.Substring(5).Trim();
            }
            else if (line.StartsWith("auth:", StringComparison.Ordinal))
            {
                auth = ParseAuth(line.Substring(5));
            }
            else if (line.StartsWith("auth-alt:", StringComparison.Ordinal))
            {
                // Alternatives are documented options, not the default: not scored.
            }
            else if (FieldLine.Match(line) is { Success: true } field)
            {
                fields.Add(new ExpectedField(field.Groups[1].Value, field.Groups[2].Value, field.Groups[3].Value, where));
            }
            else if (OperationLine.Match(line) is { Success: true } operation)
            {
                var paging = operation.Groups[4].Success ? operation.Groups[4].Value : operation.Groups[3].Success ? "unpaged" : null;
                operations.Add(new ExpectedOperation(operation.Groups[1].Value.ToUpperInvariant(), operation.Groups[2].Value, paging, where));
            }
            else
            {
                throw new FormatException($"not a fact line: '{raw}'");
            }
        }

        return new ExpectedFacts(baseAddress, auth, operations, fields);
    }

    private static List<ExpectedAuthPart> ParseAuth(string text)
    {
        var parts = new List<ExpectedAuthPart>();
        foreach (var part in text.Split(" + ", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var words = part.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var kind = words[0].ToLowerInvariant();
            parts.Add(kind switch
            {
                "header" when words.Length >= 4 && words[2] == "prefix" => new ExpectedAuthPart(kind, words[1], words[3]),
                "header" or "query" when words.Length >= 2 => new ExpectedAuthPart(kind, words[1], null),
                "basic" or "none" => new ExpectedAuthPart(kind, null, null),
                _ => throw new FormatException($"not an auth part: '{part}'"),
            });
        }

        return parts;
    }
}
