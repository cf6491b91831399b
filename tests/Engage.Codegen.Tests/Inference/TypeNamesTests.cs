namespace Engage.Codegen.Tests.Inference;

/// <summary>
/// Two operations whose types would take one name are told apart by their paths, as their methods are, before a
/// number is added: by the collection the path goes through (<c>GET /owners/{id}/kennels</c> beside
/// <c>GET /kennels</c>: ListKennelsForOwnerRequest), or else by the parameter it ends in (umami's
/// <c>POST /api/teams/{teamId}</c> beside <c>POST /api/teams</c>: CreateTeamByTeamIdRequest). Types of the same
/// shape are still one type.
/// </summary>
public class TypeNamesTests
{
    private const string Kennels =
        "# Kennels API\n\n" +
        "## List kennels\n\n`GET /kennels`\n\n- `heated` (boolean) - Only heated kennels.\n- `size` (string) - Small, medium or large.\n\n" +
        "```json\n[{\"id\": \"k1\", \"name\": \"North\"}]\n```\n\n" +
        "## List an owner's kennels\n\n`GET /owners/{id}/kennels`\n\n- `since` (string) - Kennels taken since this date.\n\n" +
        "```json\n[{\"id\": \"k1\", \"name\": \"North\"}]\n```\n\n" +
        "## Create a kennel\n\n`POST /kennels`\n\n- `name` (string) - Required. Its name.\n\n```json\n{\"id\": \"k1\", \"name\": \"North\"}\n```\n\n" +
        "## Create a kennel in place of another\n\n`POST /kennels/{kennelId}`\n\n- `name` (string) - Required. Its name.\n- `moved_from` (string) - Where it was.\n\n" +
        "```json\n{\"id\": \"k1\", \"name\": \"North\", \"replaced\": \"k0\"}\n```\n";

    [Fact]
    public void Types_of_different_shapes_take_their_paths_names_and_the_same_shape_stays_one_type()
    {
        var result = GeneratorHarness.Run(new[] { new InMemoryDoc("/docs/kennels.md", Kennels) }, ns: "Engage.TypeNames");
        Assert.Empty(result.CompileProblems);
        var types = result.LoadAssembly().GetTypes().Where(t => t.Namespace == "Engage.TypeNames").Select(t => t.Name).ToList();
        Assert.Contains("ListKennelsRequest", types);
        Assert.Contains("ListKennelsForOwnerRequest", types);
        Assert.DoesNotContain(types, t => t.EndsWith("Request2", StringComparison.Ordinal) || t.EndsWith("Response2", StringComparison.Ordinal));
        Assert.Single(types, t => t == "Kennel");
    }
}
