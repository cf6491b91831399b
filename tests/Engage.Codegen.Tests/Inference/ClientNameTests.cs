namespace Engage.Codegen.Tests.Inference;

/// <summary>
/// The client is named after the API's title as the docs write it ("the Harbour API", "Harbour's HTTP API"), and
/// not after one resource's part of it: where several pages document endpoints, a page's prose "the Ropes API" under
/// its own "# Ropes" (a collection's name) names that resource, and "Every API request" names nothing; a page titled
/// by the API's own name ("# Kennel" and "the Kennel API") still names it.
/// </summary>
public class ClientNameTests
{
    private const string Ropes = "# Ropes\n\nYou can coil and uncoil ropes through the Ropes API.\n\n## List ropes\n\n`GET /ropes`\n";

    private const string Knots = "# Knots\n\nEvery API request about knots needs a key.\n\n## List knots\n\n`GET /knots`\n";

    private static string ClientOf(params (string Path, string Text)[] pages)
    {
        var result = GeneratorHarness.Run(pages.Select(p => new InMemoryDoc(p.Path, p.Text)), ns: "Engage.Names");
        return result.Sources.Select(s => s.HintName).Single(n => n.EndsWith("Client.g.cs", StringComparison.Ordinal) && !n.Contains("Ropes", StringComparison.Ordinal) && !n.Contains("Knots", StringComparison.Ordinal));
    }

    [Fact]
    public void A_resource_pages_own_api_and_a_determiner_name_nothing()
    {
        var result = GeneratorHarness.Run(new[] { new InMemoryDoc("/docs/ropes.md", Ropes), new InMemoryDoc("/docs/knots.md", Knots) }, ns: "Engage.Names");
        Assert.Contains(result.Sources, s => s.HintName == "ApiClient.g.cs");
        Assert.Contains(result.GeneratorDiagnostics, d => d.Id == "ENG008");
    }

    [Fact]
    public void A_possessive_title_names_the_api()
    {
        const string intro = "# Overview\n\nBoats reach Harbour's HTTP API through the Ropes API.\n";
        Assert.Equal("HarbourClient.g.cs", ClientOf(("/docs/index.md", intro), ("/docs/ropes.md", Ropes), ("/docs/knots.md", Knots)));
    }

    [Fact]
    public void One_page_that_names_its_api_after_its_title_still_names_the_client()
    {
        var result = GeneratorHarness.Run(new[] { new InMemoryDoc("/docs/ropes.md", Ropes) }, ns: "Engage.Names");
        Assert.Contains(result.Sources, s => s.HintName == "RopesClient.g.cs");
    }

    [Fact]
    public void A_page_titled_by_the_apis_own_name_names_it()
    {
        const string kennel = "# Kennel\n\nThe Kennel API looks after dogs.\n\n## List dogs\n\n`GET /dogs`\n";
        var result = GeneratorHarness.Run(new[] { new InMemoryDoc("/docs/kennel.md", kennel), new InMemoryDoc("/docs/knots.md", Knots) }, ns: "Engage.Names");
        Assert.Contains(result.Sources, s => s.HintName == "KennelClient.g.cs");
    }
}
