using Engage.Codegen.Model;

namespace Engage.Codegen.Tests.Inference;

/// <summary>
/// A query parameter is text on the wire, a string where nothing else says what it is; a value a call shows in its
/// place says more. A sample request line in the section (<c>GET /kennels/7/visits?limit=2&amp;start=0 HTTP/1.1</c>) or a
/// sample code line types the parameters the section lists by their shown values: whole numbers are integers, true
/// and false booleans, other words say nothing. So "start", listed as "Visit to start from", is an integer, and with
/// "limit" the list pages by offset.
/// </summary>
public class ShownQueryValuesTests
{
    private const string Parameters =
        "Query parameters:\n\n- **limit** - Most visits to return\n- **start** - Visit to start from\n- **tag** - Only visits with this tag\n\n";

    private const string RequestLine =
        "# Kennels API\n\n## Get all visits\n\n" + Parameters + "`GET /api/kennels/:kennelId/visits`\n\nLists the visits of the kennel.\n\n" +
        "**Example request**:\n\n```http\nGET /api/kennels/7/visits?limit=2&start=0&tag=vet HTTP/1.1\nAccept: application/json\n```\n\n" +
        "**Example response**:\n\n```http\nHTTP/1.1 200 OK\nContent-Type: application/json\n\n[{\"id\": 1, \"kennelId\": 7, \"note\": \"Checked\"}]\n```\n";

    private const string CodeLine =
        "# Kennels API\n\n## Get all visits\n\n" + Parameters + "```plaintext\nGET /api/kennels/:kennelId/visits\nGET /api/kennels/7/visits?limit=2&start=0\n```\n\n" +
        "```json\n[{\"id\": 1, \"kennelId\": 7, \"note\": \"Checked\"}]\n```\n";

    private static OperationSpec Visits(string markdown) => Assert.Single(InferenceHarness.Api(markdown).Resources.SelectMany(r => r.Operations));

    [Theory]
    [InlineData(RequestLine)]
    [InlineData(CodeLine)]
    public void A_shown_whole_number_types_a_listed_parameter_and_the_list_pages_by_offset(string markdown)
    {
        var visits = Visits(markdown);
        Assert.Equal(TypeKind.Int32, visits.RequestProperties.Single(p => p.JsonName == "start").Type.Kind);
        Assert.Equal(TypeKind.Int32, visits.RequestProperties.Single(p => p.JsonName == "limit").Type.Kind);
        Assert.Equal(PagingStyle.Offset, visits.Paging?.Style);
    }

    [Fact]
    public void A_shown_word_says_nothing_and_the_parameter_stays_a_string()
    {
        Assert.Equal(TypeKind.String, Visits(RequestLine).RequestProperties.Single(p => p.JsonName == "tag").Type.Kind);
    }
}
