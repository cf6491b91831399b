namespace Engage.Codegen.Inspect;

/// <summary>The pages the tool reads: Markdown and MDX files, as the build's <c>&lt;ApiDocs&gt;</c> would list them.</summary>
public static class DocsFiles
{
    /// <summary>Whether a file is a docs page (<c>.md</c> or <c>.mdx</c>).</summary>
    public static bool IsPage(string path) =>
        path.EndsWith(".md", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".mdx", StringComparison.OrdinalIgnoreCase);

    /// <summary>Every page under a folder, in ordinal order.</summary>
    public static IReadOnlyList<string> Under(string folder) =>
        Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Where(IsPage).Order(StringComparer.Ordinal).ToList();
}
