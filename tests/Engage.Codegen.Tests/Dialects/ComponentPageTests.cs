namespace Engage.Codegen.Tests.Dialects;

/// <summary>
/// Reference pages as MDX doc platforms write them (Fixtures/dialects/components, our own words about an invented API):
/// each page's front matter names its one operation (<c>api: "GET https://host/v2/tracks"</c>, or <c>openapi:</c> after a
/// description file's name), parameters are components whose attributes say where they go
/// (<c>&lt;ParamField query="limit" type="integer"&gt;</c>), and examples are wrapped in <c>&lt;ResponseExample&gt;</c> with no
/// blank line around the fence. The pages of one folder are one resource, named after the folder.
/// </summary>
public sealed class ComponentPageTests
{
    private static readonly DialectFixture s_fixture = new("components", "Engage.Dialects.Components");

    [Fact]
    public void It_compiles_and_no_docs_problem_is_an_error() => s_fixture.AssertCompilesAndNoDocsProblemIsAnError();

    [Fact]
    public void Each_page_makes_the_operation_its_front_matter_names_and_a_folder_is_a_resource()
    {
        // delete.mdx refers to `GET /tracks` in prose: a reference, not a second operation.
        Assert.Equal(
            new[]
            {
                "LarkspurPlaylistsClient.AddTrackAsync POST /playlists/{playlist_id}/tracks",
                "LarkspurTracksClient.CreateAsync POST /tracks",
                "LarkspurTracksClient.DeleteAsync DELETE /tracks/{track_id}",
                "LarkspurTracksClient.GetAsync GET /tracks/{track_id}",
                "LarkspurTracksClient.ListAsync GET /tracks",
            },
            s_fixture.Operations);
    }

    [Fact]
    public void The_introduction_of_a_page_titled_by_its_front_matter_names_the_client_and_states_the_scheme()
    {
        Assert.NotNull(s_fixture.Assembly.GetType("Engage.Dialects.Components.LarkspurClient"));
        Assert.DoesNotContain(s_fixture.Result.GeneratorDiagnostics, d => d.Id == "ENG008");
        Assert.Contains(s_fixture.Result.Sources, s => s.Text.Contains("\"Bearer\"", StringComparison.Ordinal));
    }

    [Fact]
    public void Parameter_components_give_the_request_its_members_where_they_say_they_go()
    {
        var list = s_fixture.Type("ListTracksRequest");
        // The Authorization header component is the scheme's, not a member.
        Assert.Equal(new[] { "Cursor", "Limit" }, list.GetProperties().Select(p => p.Name).OrderBy(n => n, StringComparer.Ordinal));
        Assert.Equal(typeof(int?), list.GetProperty("Limit")!.PropertyType);
        Assert.Equal(typeof(string), list.GetProperty("Cursor")!.PropertyType);
        Assert.Contains(s_fixture.Result.Sources, s => s.Text.Contains("How many tracks one page holds, from 1 to 100.", StringComparison.Ordinal));

        // required={true} is required; a body member's nested component (credits' artist) is not a member of the request.
        var create = s_fixture.Type("CreateTrackRequest");
        Assert.Contains(create.GetProperty("Title")!.GetCustomAttributesData(), a => a.AttributeType.Name == "RequiredMemberAttribute");
        Assert.DoesNotContain(create.GetProperty("DurationMs")!.GetCustomAttributesData(), a => a.AttributeType.Name == "RequiredMemberAttribute");
        Assert.NotNull(create.GetProperty("Credits"));
        Assert.Null(create.GetProperty("Artist"));

        // The openapi: page: its path component is the path's, its body components the body's.
        var add = s_fixture.Type("LarkspurPlaylistsClient").Operation("AddTrackAsync");
        Assert.Equal("playlistId", add.GetParameters()[0].Name);
        Assert.Equal(new[] { "Position", "TrackId" },
            s_fixture.Type("AddPlaylistTrackRequest").GetProperties().Select(p => p.Name).Where(n => n != "AdditionalProperties").OrderBy(n => n, StringComparer.Ordinal));
    }

    [Fact]
    public void An_example_right_under_its_wrapper_types_the_answer_and_the_cursor_list_pages()
    {
        Assert.Equal(typeof(DateTimeOffset), s_fixture.MemberType("GetTrackResponse", "ReleasedAt"));
        Assert.Equal(typeof(int), s_fixture.MemberType("ListTracksData", "DurationMs"));
        Assert.Equal(typeof(bool), s_fixture.MemberType("ListTracksData", "Explicit"));
        Assert.True(s_fixture.Operation("LarkspurTracksClient", "ListAsync").Paged);
        Assert.False(s_fixture.Operation("LarkspurTracksClient", "GetAsync").Paged);
    }
}
