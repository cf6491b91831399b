using System.Text.RegularExpressions;

namespace Engage.Codegen.Inspect.Corpora;

/// <summary>One line of <c>tools/corpora/manifest.tsv</c>: a glob of pages in a repository at a commit.</summary>
public sealed record ManifestEntry(string Id, string Repository, string Commit, string Glob);

/// <summary>The training set's manifest: which pages of which repository at which commit make each corpus.</summary>
public static class Manifest
{
    public static IReadOnlyList<ManifestEntry> Read(string path)
    {
        var entries = new List<ManifestEntry>();
        foreach (var raw in File.ReadAllLines(path))
        {
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var cells = line.Split('\t');
            if (cells.Length != 4 || !Regex.IsMatch(cells[2], "^[0-9a-f]{40}$"))
            {
                throw new FormatException($"{path}: '{line}' is not 'id<TAB>owner/name<TAB>commit<TAB>glob'");
            }

            entries.Add(new ManifestEntry(cells[0], cells[1], cells[2], cells[3]));
        }

        return entries;
    }

    /// <summary>
    /// The pages of one corpus under its local copy (<c>root/id/</c>), ordered: every Markdown or MDX file whose
    /// path inside the repository matches one of the corpus's globs.
    /// </summary>
    public static IReadOnlyList<string> Pages(IEnumerable<ManifestEntry> entries, string corpusRoot)
    {
        var globs = entries.Select(e => GlobRegex(e.Glob)).ToList();
        if (!Directory.Exists(corpusRoot))
        {
            return Array.Empty<string>();
        }

        return Directory.EnumerateFiles(corpusRoot, "*", SearchOption.AllDirectories)
            .Where(DocsFiles.IsPage)
            .Where(f => globs.Any(g => g.IsMatch(Path.GetRelativePath(corpusRoot, f).Replace('\\', '/'))))
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    /// <summary><c>*</c> within a folder, <c>**</c> across folders, <c>?</c> one character; anything else literal.</summary>
    public static Regex GlobRegex(string glob)
    {
        var pattern = Regex.Escape(glob.TrimEnd('/'))
            .Replace(@"\*\*/", "(?:.*/)?", StringComparison.Ordinal)
            .Replace(@"\*\*", ".*", StringComparison.Ordinal)
            .Replace(@"\*", "[^/]*", StringComparison.Ordinal)
            .Replace(@"\?", "[^/]", StringComparison.Ordinal);

        // A folder matches everything below it.
        return new Regex("^" + pattern + "(?:/.*)?$", RegexOptions.CultureInvariant);
    }
}
