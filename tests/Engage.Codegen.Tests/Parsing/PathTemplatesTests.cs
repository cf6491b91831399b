using Engage.Codegen.Parsing;

namespace Engage.Codegen.Tests.Parsing;

/// <summary>How an endpoint line's path is read: parameter spellings, example ids, optional segments, suffixes, queries.</summary>
public class PathTemplatesTests
{
    [Theory]
    [InlineData("/things/{id}", "/things/{id}")]
    [InlineData("/things/:id", "/things/{id}")]
    [InlineData("/things/<id>", "/things/{id}")]
    [InlineData("/things/&lt;id&gt;", "/things/{id}")]
    [InlineData("/things/[id]", "/things/{id}")]
    [InlineData("/things/$id", "/things/{id}")]
    [InlineData("/things/{1st}", "/things/{1st}")]
    [InlineData("https://api.example.test/v2/things/<ID>", "/v2/things/{ID}")]
    [InlineData("api.example.test/v2/things", "/v2/things")]
    [InlineData("things", "/things")]
    [InlineData("/things/:id.json", "/things/{id}.json")]
    [InlineData("/projects/1/todolists.json", "/projects/{projectId}/todolists.json")]
    [InlineData("/projects/1/todolists/968316918.json", "/projects/{projectId}/todolists/{todolistId}.json")]
    [InlineData("/people/1/events.json", "/people/{personId}/events.json")]
    [InlineData("/users/u144", "/users/{userId}")]
    [InlineData("/projects/1/<section>/1/comments.json", "/projects/{projectId}/{section}/{sectionId}/comments.json")]
    [InlineData("/v1/users", "/v1/users")]
    [InlineData("/apps/oauth2/token", "/apps/oauth2/token")]
    [InlineData("/v2/2024/report", "/v2/2024/report")]
    [InlineData("/repos/:owner/archive/:ref:format", "/repos/{owner}/archive/{ref}{format}")]
    [InlineData("/files/{name}.{ext}", "/files/{name}.{ext}")]
    [InlineData("/orgs/{org.slug}/agents/{agent.id}", "/orgs/{org_slug}/agents/{agent_id}")]
    [InlineData("/things/{id:int}/parts/{part:guid}", "/things/{id}/parts/{part}")]
    [InlineData("/things/#{thing_id}", "/things/{thing_id}")]
    [InlineData("/things/{name or id}", "/things/{name_or_id}")]
    [InlineData("/developers/{EMAIL|ID}/apps", "/developers/{EMAIL_or_ID}/apps")]
    [InlineData("/cameras/<camera id>", "/cameras/{camera_id}")]
    [InlineData("${API_HOST}/things/:id", "/things/{id}")]
    [InlineData("{{baseUrl}}/things", "/things")]
    [InlineData("$HOST/things", "/things")]
    public void Parameters_and_example_ids_become_named_parameters(string raw, string expected)
    {
        Assert.True(PathTemplates.TryRead(raw, out var reading));
        Assert.Equal(new[] { expected }, reading.Templates);
    }

    [Theory]
    [InlineData("/projects/1/accesses/2.json", "revokes access for the person with an ID of `2` from the project with an ID of `1`", "/projects/{projectId}/accesses/{personId}.json")]
    [InlineData("/groups/1/memberships/1.json", "deletes the membership. The ID in `memberships/1.json` is the `person_id` not the membership ID.", "/groups/{groupId}/memberships/{personId}.json")]
    [InlineData("/groups/1/subgroups/1.json", "returns the group with an ID of `1`", "/groups/{groupId}/subgroups/{subgroupId}.json")]
    [InlineData("/projects/1/todolists/2.json", "returns the to-do list with an ID of `2`", "/projects/{projectId}/todolists/{toDoListId}.json")]
    [InlineData("/projects/1/todolists/2.json", "shows the list", "/projects/{projectId}/todolists/{todolistId}.json")]
    public void The_prose_names_an_example_id_when_it_says_whose_it_is(string raw, string prose, string expected)
    {
        Assert.True(PathTemplates.TryRead(raw, out var reading, prose));
        Assert.Equal(new[] { expected }, reading.Templates);
    }

    [Theory]
    [InlineData("/things(/:id)", "/things", "/things/{id}")]
    [InlineData("/things[/{id}]", "/things", "/things/{id}")]
    [InlineData("/warehouses/:w/weigh(/:id)", "/warehouses/{w}/weigh", "/warehouses/{w}/weigh/{id}")]
    public void An_optional_segment_gives_the_collection_and_the_item(string raw, string collection, string item)
    {
        Assert.True(PathTemplates.TryRead(raw, out var reading));
        Assert.Equal(new[] { collection, item }, reading.Templates);
    }

    [Fact]
    public void A_query_string_gives_query_parameters_with_their_examples()
    {
        Assert.True(PathTemplates.TryRead("/people/1/assigned_todos.json?due_since=2014-07-10&full=true", out var reading));
        Assert.Equal(new[] { "/people/{personId}/assigned_todos.json" }, reading.Templates);
        Assert.Equal(new[] { ("due_since", "2014-07-10"), ("full", "true") }, reading.Query);
    }

    [Fact]
    public void A_second_question_mark_separates_parameters_as_an_ampersand_does()
    {
        // "?limit=2?start=0": the writer meant '&'; the value of limit is 2, not "2?start=0".
        Assert.True(PathTemplates.TryRead("/kennels/7/visits?limit=2?start=0", out var reading));
        Assert.Equal(new[] { ("limit", "2"), ("start", "0") }, reading.Query);
    }

    [Fact]
    public void A_full_url_keeps_its_origin()
    {
        Assert.True(PathTemplates.TryRead("https://api.example.test:8443/v2/things", out var reading));
        Assert.Equal("https://api.example.test:8443", reading.Origin);
        Assert.True(PathTemplates.TryRead("/v2/things", out reading));
        Assert.Null(reading.Origin);
    }

    [Theory]
    [InlineData("/lists/{id!}/oops")]
    [InlineData("/things/{a b!}")]
    [InlineData("/things/\"quoted\"")]
    [InlineData("")]
    public void What_is_not_a_path_is_refused(string raw)
    {
        Assert.False(PathTemplates.TryRead(raw, out _));
    }
}
