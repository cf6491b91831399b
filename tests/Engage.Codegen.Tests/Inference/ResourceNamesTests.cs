namespace Engage.Codegen.Tests.Inference;

/// <summary>
/// Two pages or groups whose titles give one resource name are told apart by what else the doc set says of them
/// before any number is added: a group of another page is that page's part ("## Kennels" under "# Comments API"
/// beside a Kennels page is KennelComments), and a page whose file name says more than its title takes those words
/// ("staff-admin.md" titled "Keepers" beside keepers.md is StaffAdminKeepers). The one with nothing more to say keeps
/// the plain title.
/// </summary>
public class ResourceNamesTests
{
    private const string Kennels = "# Kennels API\n\n## List kennels\n\n`GET /kennels`\n\n```json\n[{\"id\": \"k1\", \"name\": \"North\"}]\n```\n";

    private const string Walks = "# Walks API\n\n## List walks\n\n`GET /walks`\n\n```json\n[{\"id\": \"w1\", \"minutes\": 30}]\n```\n";

    private const string Comments =
        "# Comments API\n\nComments hang off kennels and walks.\n\n" +
        "## Kennels\n\n### List a kennel's comments\n\n`GET /kennels/{id}/comments`\n\n```json\n[{\"id\": \"c1\", \"text\": \"Dry\"}]\n```\n\n" +
        "## Walks\n\n### List a walk's comments\n\n`GET /walks/{id}/comments`\n\n```json\n[{\"id\": \"c2\", \"text\": \"Muddy\"}]\n```\n";

    private const string Keepers = "---\ntitle: Keepers\n---\n\n## List keepers\n\n`GET /keepers`\n\n```json\n[{\"id\": \"p1\", \"name\": \"Ada\"}]\n```\n";

    private const string StaffAdmin = "---\ntitle: Keepers\n---\n\n## List keepers as an admin\n\n`GET /admin/keepers`\n\n```json\n[{\"id\": \"p1\", \"name\": \"Ada\", \"salary\": 100}]\n```\n";

    private static IReadOnlyList<string> ClientClasses(params (string Path, string Text)[] pages)
    {
        var result = GeneratorHarness.Run(pages.Select(p => new InMemoryDoc(p.Path, p.Text)), ns: "Engage.Names");
        Assert.Empty(result.CompileProblems);
        return result.Sources.Select(s => s.HintName).Where(n => n.EndsWith("Client.g.cs", StringComparison.Ordinal) && !n.Contains("Public", StringComparison.Ordinal))
            .Select(n => n.Substring(0, n.Length - ".g.cs".Length)).Order(StringComparer.Ordinal).ToList();
    }

    [Fact]
    public void A_group_that_shares_another_pages_title_is_named_as_part_of_its_own_page()
    {
        var clients = ClientClasses(("/docs/comments.md", Comments), ("/docs/kennels.md", Kennels), ("/docs/walks.md", Walks));
        Assert.Contains("CommentsKennelCommentsClient", clients);
        Assert.Contains("CommentsWalkCommentsClient", clients);
        Assert.Contains("CommentsKennelsClient", clients);
        Assert.Contains("CommentsWalksClient", clients);
        Assert.DoesNotContain(clients, c => c.Any(char.IsDigit));
    }

    [Fact]
    public void A_page_that_shares_another_pages_title_takes_the_words_its_file_name_adds()
    {
        var clients = ClientClasses(("/docs/keepers.md", Keepers), ("/docs/staff-admin.md", StaffAdmin));
        Assert.Contains("ApiKeepersClient", clients);
        Assert.Contains("ApiStaffAdminKeepersClient", clients);
        Assert.DoesNotContain(clients, c => c.Any(char.IsDigit));
    }

    [Fact]
    public void Titles_with_nothing_to_tell_them_apart_are_still_numbered()
    {
        var clients = ClientClasses(("/docs/a/keepers.md", Keepers), ("/docs/b/keepers.md", Keepers.Replace("/keepers", "/old-keepers", StringComparison.Ordinal)));
        Assert.Contains("ApiKeepersClient", clients);
        Assert.Contains("ApiKeepers2Client", clients);
    }
}
