using Engage.Codegen.Model;

namespace Engage.Codegen.Tests.Inference;

/// <summary>
/// A section that sends the reader elsewhere for its endpoint documents nothing itself: the endpoint written as a
/// link's text ("See [`POST /kennels/:id/locks`](locks.md#lock-a-kennel) for ..."), or a request example led by a
/// link to "the list walks endpoint". The linked section makes the operation when it is among the docs; when it is
/// not, no operation is made (ENG025 names the link), rather than one the pages never document.
/// </summary>
public class CrossReferenceTests
{
    private const string Kennels =
        "# Kennels API\n\n## Get a kennel\n\n```plaintext\nGET /kennels/:id\n```\n\n```json\n{\"id\": 1, \"name\": \"North\"}\n```\n\n" +
        "## Lock a kennel\n\nSee [`POST /kennels/:id/locks`](locks.md#lock-a-kennel) for locking a kennel.\n";

    private const string Locks =
        "# Locks API\n\n## Lock a kennel\n\nLocks the kennel for the night.\n\n```plaintext\nPOST /kennels/:id/locks\n```\n\n" +
        "| Attribute | Type | Required | Description |\n| --- | --- | --- | --- |\n| `until` | string | no | When it opens again. |\n";

    private const string Walks =
        "# Walks API\n\n## List walks\n\nLists the walks of the week.\n\n" +
        "```bash\ncurl -H \"Authorization: Bearer $TOKEN\" \\\n  -X GET \"https://api.kennel.test/v1/walks\"\n```\n\n" +
        "```json\n[{\"id\": 4, \"minutes\": 30}]\n```\n";

    private const string LongWalks =
        "# Long walks API\n\nTo find the long walks, use the [list walks endpoint](walks.md#list-walks) with `?min=60`:\n\n" +
        "```bash\ncurl -H \"Authorization: Bearer $TOKEN\" \\\n  -X GET \"https://api.kennel.test/v1/walks?min=60\"\n```\n";

    private static List<OperationSpec> Operations(InferredApi inferred) => inferred.Api.Resources.SelectMany(r => r.Operations).ToList();

    [Fact]
    public void An_endpoint_that_is_a_links_text_makes_no_operation_when_the_linked_page_is_not_given()
    {
        var inferred = InferenceHarness.Of(("/docs/kennels.md", Kennels));
        Assert.Equal(new[] { "GET /kennels/{id}" }, Operations(inferred).Select(o => o.HttpMethod + " " + o.PathTemplate));
        var reported = Assert.Single(inferred.Diagnostics, d => d.Id == "ENG025");
        Assert.Contains("locks.md#lock-a-kennel", reported.Arguments);
    }

    [Fact]
    public void The_linked_section_makes_the_operation_when_it_is_given()
    {
        var inferred = InferenceHarness.Of(("/docs/kennels.md", Kennels), ("/docs/locks.md", Locks));
        var locking = Assert.Single(Operations(inferred), o => o.PathTemplate == "/kennels/{id}/locks");
        Assert.Equal("Lock a kennel", locking.Heading);
        Assert.StartsWith("locks.md:", locking.Source, StringComparison.Ordinal);
        Assert.DoesNotContain(inferred.Diagnostics, d => d.Id == "ENG025");
    }

    [Fact]
    public void An_example_led_by_a_link_to_an_endpoint_illustrates_that_endpoints_section()
    {
        // Page order puts the long walks page first; the list walks section still makes the operation.
        var inferred = InferenceHarness.Of(("/docs/a-long-walks.md", LongWalks), ("/docs/walks.md", Walks));
        var list = Assert.Single(Operations(inferred));
        Assert.Equal("List walks", list.Heading);
        Assert.Equal(TypeKind.List, list.ResponseType.Kind);
    }
}
