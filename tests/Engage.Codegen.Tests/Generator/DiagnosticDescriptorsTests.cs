using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace Engage.Codegen.Tests;

/// <summary>
/// Every diagnostic's help link opens its own heading of docs/diagnostics.md at the repository URL the
/// packages declare, and the page documents no id the generator does not declare.
/// </summary>
public sealed class DiagnosticDescriptorsTests
{
    private static readonly string DocsPage = Path.Combine(GeneratorHarness.RepositoryRoot, "docs", "diagnostics.md");

    [Fact]
    public void Every_help_link_is_the_declared_repository_url_plus_the_ids_heading()
    {
        var props = XDocument.Load(Path.Combine(GeneratorHarness.RepositoryRoot, "Directory.Build.props"));
        var repositoryUrl = props.Descendants("RepositoryUrl").Single().Value.Trim();
        Assert.StartsWith("https://", repositoryUrl, StringComparison.Ordinal);

        var headings = Headings();
        foreach (var descriptor in DiagnosticDescriptors.All)
        {
            var anchor = descriptor.Id.ToLowerInvariant();
            Assert.Equal(repositoryUrl + "/blob/main/docs/diagnostics.md#" + anchor, descriptor.HelpLinkUri);
            Assert.Contains(descriptor.Id, headings);
        }
    }

    [Fact]
    public void Every_id_the_page_documents_is_declared_once()
    {
        var declared = DiagnosticDescriptors.All.Select(d => d.Id).ToList();
        Assert.Equal(declared.Count, declared.Distinct().Count());
        var headings = Headings();
        Assert.Equal(headings.Count, headings.Distinct().Count());
        Assert.All(headings, id => Assert.Contains(id, declared));
        Assert.Equal(declared.Order(StringComparer.Ordinal), headings.Order(StringComparer.Ordinal));
    }

    /// <summary>The ids with a heading of their own ("## ENG001"), whose GitHub anchor is the id in lower case.</summary>
    private static List<string> Headings() =>
        Regex.Matches(File.ReadAllText(DocsPage), @"^## (ENG\d{3})\s*$", RegexOptions.Multiline)
            .Select(m => m.Groups[1].Value)
            .ToList();
}
