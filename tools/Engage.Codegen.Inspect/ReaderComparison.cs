using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace Engage.Codegen.Inspect;

/// <summary>
/// Compares what the generator made with the endpoints a person lists from the same pages
/// (<c>--expect FILE</c>: one <c>METHOD path</c> per line, written as the docs write it). Paths are
/// compared by shape with a reader's simple rules, independent of the generator's: host and query
/// dropped, HTML entities decoded, the base address's path left out, and any parameter
/// (<c>:id</c>, <c>{id}</c>, <c>&lt;id&gt;</c>, <c>[id]</c>, <c>$id</c>) or example id (digits) written <c>{}</c>.
/// </summary>
public static partial class ReaderComparison
{
    [GeneratedRegex(@"^(?::\w[\w-]*|\{[^}]+\}|<[^>]+>|\[[^\]]+\]|\$\w+|\d+)(\.\w+)?$")]
    private static partial Regex Parameter();

    [GeneratedRegex(@":\w[\w-]*|\{[^}]+\}")]
    private static partial Regex InnerParameter();

    [GeneratedRegex(@"^\s*([A-Za-z]+)\s+(\S+)")]
    private static partial Regex Line();

    public static string Compare(DocsReport report, IEnumerable<string> expectedLines)
    {
        var root = report.BaseAddress is null ? string.Empty : new Uri(report.BaseAddress).AbsolutePath.TrimEnd('/');
        var expected = new List<string>();
        foreach (var line in expectedLines)
        {
            var match = Line().Match(line);
            if (match.Success)
            {
                var shape = match.Groups[1].Value.ToUpperInvariant() + " " + Shape(match.Groups[2].Value, root);
                if (!expected.Contains(shape))
                {
                    expected.Add(shape);
                }
            }
        }

        var generated = report.Operations.Select(o => o.HttpMethod + " " + Shape(o.Path, string.Empty)).ToList();
        var found = expected.Where(generated.Contains).ToList();
        var missing = expected.Where(e => !generated.Contains(e)).ToList();
        var extra = generated.Where(g => !expected.Contains(g)).Distinct().ToList();
        var text = new StringBuilder();
        text.AppendLine($"reader: {expected.Count} endpoints; generated with that method and path: {found.Count} ({Percent(found.Count, expected.Count)}); missed: {missing.Count}; generated but not listed: {extra.Count}");
        foreach (var m in missing)
        {
            text.AppendLine("  missed    " + m);
        }

        foreach (var e in extra)
        {
            text.AppendLine("  not listed " + e);
        }

        return text.ToString();
    }

    private static string Percent(int part, int whole) => whole == 0 ? "-" : (100.0 * part / whole).ToString("0.0", System.Globalization.CultureInfo.InvariantCulture) + "%";

    /// <summary>A path's shape: host, query and the base path <paramref name="root"/> left out, every parameter or example id <c>{}</c>.</summary>
    internal static string Shape(string raw, string root)
    {
        var path = WebUtility.HtmlDecode(raw.Trim('`'));
        var scheme = path.IndexOf("://", StringComparison.Ordinal);
        if (scheme >= 0)
        {
            var slash = path.IndexOf('/', scheme + 3);
            path = slash < 0 ? "/" : path.Substring(slash);
        }

        var cut = path.IndexOfAny(new[] { '?', '#' });
        if (cut >= 0)
        {
            path = path.Substring(0, cut);
        }

        if (!path.StartsWith('/'))
        {
            path = "/" + path;
        }

        if (root.Length > 0 && path.StartsWith(root + "/", StringComparison.OrdinalIgnoreCase))
        {
            path = path.Substring(root.Length);
        }

        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries)
            .Select(s => Parameter().Match(s) is { Success: true } m ? "{}" + m.Groups[1].Value : InnerParameter().Replace(s, "{}"));
        return "/" + string.Join("/", segments);
    }
}
