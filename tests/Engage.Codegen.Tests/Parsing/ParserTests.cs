using Engage.Codegen.Model;
using Engage.Codegen.Parsing;

namespace Engage.Codegen.Tests;

public class ParserTests
{
    private static DocSpec Parse(string markdown, string path = "/docs/page.md") => DocParser.Parse(new DocSource(path, markdown), CancellationToken.None);

    [Fact]
    public void Reads_front_matter_title_heading_and_introduction()
    {
        var doc = Parse("---\nlayout: docs\ntitle: Users\n---\n\n# Users\n\nEverything about users.\n");
        Assert.Equal("Users", doc.FrontMatterTitle);
        Assert.Equal("Users", doc.Title);
        Assert.Equal(6, doc.TitleLine);
        Assert.Equal("Everything about users.", doc.Introduction);
        Assert.Empty(doc.Endpoints);
    }

    [Theory]
    [InlineData("```\nGET /users/{uid}\n```", "GET", "/users/{uid}")]
    [InlineData("```http\nget /users/:uid\n```", "GET", "/users/{uid}")]
    [InlineData("```text\nDELETE https://api.engage.so/v1/lists/<id>/subscribers/:uid\n```", "DELETE", "/v1/lists/{id}/subscribers/{uid}")]
    [InlineData("```shell\nPOST api.engage.so/v1/users?x=1\n```", "POST", "/v1/users")]
    [InlineData("Call `PUT /users/{uid}` to update.", "PUT", "/users/{uid}")]
    public void Reads_endpoint_lines_in_fences_and_inline_code_with_every_parameter_style(string block, string method, string path)
    {
        var doc = Parse($"# Users\n\n## Do a thing\n\n{block}\n");
        var endpoint = Assert.Single(doc.Endpoints);
        Assert.Equal(method, endpoint.HttpMethod);
        Assert.Equal(path, endpoint.PathTemplate);
    }

    [Fact]
    public void Endpoint_location_is_the_line_of_the_method_and_path()
    {
        var doc = Parse("# Users\n\n## Retrieve a User\n\nGets a user.\n\n```\nGET /users/{uid}\n```\n");
        var endpoint = Assert.Single(doc.Endpoints);
        Assert.Equal(8, endpoint.EndpointLocation.Line);
        Assert.Equal("Retrieve a User", endpoint.Heading);
        Assert.Equal("Gets a user.", endpoint.Description);
    }

    [Theory]
    [InlineData("Works with username authentication.", true)]
    [InlineData("Requires username & password authentication.", false)]
    [InlineData("Works with username and password authentication.", false)]
    [InlineData("Some prose that says nothing about credentials.", false)]
    public void Reads_auth_markers(string sentence, bool keyAlone)
    {
        var doc = Parse($"# Users\n\n## Create\n\n{sentence}\n\n```\nPOST /users\n```\n");
        Assert.Equal(keyAlone ? AuthKind.Key : AuthKind.KeyAndSecret, Assert.Single(doc.Endpoints).Auth);
    }

    [Fact]
    public void Auth_marker_glued_to_the_fence_is_read()
    {
        var doc = Parse("# Users\n\n## Create\n\nWorks with username authentication.\n```\nPOST /users\n```\n");
        Assert.Equal(AuthKind.Key, Assert.Single(doc.Endpoints).Auth);
    }

    [Fact]
    public void Conditional_auth_marks_the_parameter_that_needs_the_secret()
    {
        var doc = Parse("""
            # Users

            ## Update User attributes

            Works with username authentication if you are not updating the user's email. Updating `email` requires both username and password authentication.

            ```
            PUT /users/{uid}
            ```

            - `first_name` - Optional. First name.
            - `email` - Optional. Email address.
            """);
        var endpoint = Assert.Single(doc.Endpoints);
        Assert.Equal(AuthKind.Key, endpoint.Auth);
        Assert.Equal(new[] { "email" }, endpoint.SecretRequiredFor);
    }

    [Fact]
    public void Reads_parameter_bullets_with_required_optional_and_neither()
    {
        var doc = Parse("""
            # Lists

            ## Create a list

            ```
            POST /lists
            ```

            Parameters:

            - `title` - Required. Title of the list.
            - `description` - Optional. What it is about.
            - `redirect_url` - Where users go.
            - `limit `- Optional. Malformed spacing.
            """);
        var parameters = Assert.Single(doc.Endpoints).Parameters;
        Assert.Equal(new[] { "title", "description", "redirect_url", "limit" }, parameters.Select(p => p.Name));
        Assert.Equal(new[] { Requirement.Required, Requirement.Optional, Requirement.Unspecified, Requirement.Optional }, parameters.Select(p => p.Requirement));
        Assert.Equal("Title of the list.", parameters[0].Description);
    }

    [Fact]
    public void Reads_parameter_tables()
    {
        var doc = Parse("""
            # Lists

            ## Create a list

            ```
            POST /lists
            ```

            | Parameter | Type | Required | Description |
            |---|---|---|---|
            | `title` | string | yes | Title of the list. |
            | `double_optin` | boolean | no | Confirm by email. |
            """);
        var parameters = Assert.Single(doc.Endpoints).Parameters;
        Assert.Equal(new[] { "title", "double_optin" }, parameters.Select(p => p.Name));
        Assert.Equal(Requirement.Required, parameters[0].Requirement);
        Assert.Equal(Requirement.Optional, parameters[1].Requirement);
        Assert.Contains("boolean", parameters[1].Description);
    }

    [Fact]
    public void Assigns_examples_by_their_labels_and_reads_the_returned_object()
    {
        var doc = Parse("""
            # Users

            ## Add User events

            ```
            POST /users/{uid}/events
            ```

            Example request data:

            ```json
            {"event": "Paid", "value": 49.99}
            ```

            Another example:

            ```json
            {"event": "Add to cart"}
            ```

            Example response:

            ```json
            {"status": "ok"}
            ```

            ## Retrieve

            ```
            GET /users/{uid}
            ```

            The method returns the user object.
            """);
        var events = doc.Endpoints[0];
        Assert.Equal(2, events.RequestExamples.Count);
        var response = Assert.Single(events.ResponseExamples);
        Assert.Equal("ok", response.Value.Property("status")!.Text);
        Assert.Equal("user", doc.Endpoints[1].ReturnsObject);
        Assert.False(doc.Endpoints[1].ReturnsList);
    }

    [Fact]
    public void Object_sections_read_example_and_field_bullets_in_any_case_and_number()
    {
        var doc = Parse("# Lists\n\n## the lists OBJECT\n\n```json\n{\"id\": \"1\", \"title\": \"T\"}\n```\n\n- `id` - Identifier.\n- `title` - Title.\n- `archived` - Whether archived.\n");
        var section = Assert.Single(doc.Objects);
        Assert.Equal("lists", section.Name);
        Assert.Equal(new[] { "id", "title" }, section.Example!.Properties.Select(p => p.Name));
        Assert.Equal(3, section.Fields.Count);
    }

    [Fact]
    public void Table_of_contents_links_and_front_matter_are_not_endpoints()
    {
        var doc = Parse("---\ntitle: x\n---\n# Users\n\n- [Create a User](#create-a-user)\n- [List Users](#list-users)\n");
        Assert.Empty(doc.Endpoints);
        Assert.Empty(doc.Diagnostics);
    }

    [Fact]
    public void Reads_the_api_root_and_the_paging_rules_of_the_introduction()
    {
        var doc = Parse(GeneratorHarness.DocsInput("index.md"));
        Assert.Equal("https://api.engage.so/v1", doc.ApiRoot);
        Assert.True(doc.DocumentsIdCursorPaging);
        Assert.Contains("The Engage API", doc.Introduction);
    }

    [Fact]
    public void Broken_json_example_yields_located_diagnostics_and_keeps_what_it_can()
    {
        var markdown = "# Users\n\n## Create\n\n```\nPOST /users\n```\n\nExample request data:\n\n```json\n{\n  'id': \"u1\",\n  \"meta\": {...},\n  \"age\": 3,\n}\n```\n";
        var doc = Parse(markdown);
        var example = Assert.Single(Assert.Single(doc.Endpoints).RequestExamples).Value;
        Assert.Equal(new[] { "id", "meta", "age" }, example.Properties.Select(p => p.Name));
        var problems = doc.Diagnostics.Where(d => d.Id == "ENG003").ToList();
        Assert.Contains(problems, d => d.Arguments[0].Contains("single quotes") && d.Location!.Line == 13);
        Assert.Contains(problems, d => d.Arguments[0].Contains("trailing comma") && d.Location!.Line == 16);
    }

    [Fact]
    public void Unreadable_bullet_in_a_parameter_list_is_reported_at_its_line()
    {
        var doc = Parse("# Users\n\n## Create\n\n```\nPOST /users\n```\n\nParameters:\n\n- `id` - Required. The id.\n- `two words` - Optional. Not a name.\n");
        var diagnostic = Assert.Single(doc.Diagnostics, d => d.Id == "ENG004");
        Assert.Equal(12, diagnostic.Location!.Line);
        Assert.Equal(new[] { "id" }, Assert.Single(doc.Endpoints).Parameters.Select(p => p.Name));
    }
}

public class NamingRuleTests
{
    [Theory]
    [InlineData("POST", "/users", "Create a User", "Create")]
    [InlineData("GET", "/users", "List Users", "List")]
    [InlineData("GET", "/users/{uid}", "Retrieve a User", "Get")]
    [InlineData("PUT", "/users/{uid}", "Update User attributes", "Update")]
    [InlineData("PATCH", "/lists/{id}", "Change a list", "Update")]
    [InlineData("DELETE", "/lists/{id}", "Archive a list", "Delete")]
    [InlineData("POST", "/users/{uid}/events", "Add User events", "AddEvent")]
    [InlineData("POST", "/users/{uid}/events", "add user EVENTS.", "AddEvent")]
    [InlineData("POST", "/users/{uid}/events", "  Add   User-events!! ", "AddEvent")]
    [InlineData("POST", "/lists/{id}/subscribers", "Subscribe to a list", "Subscribe")]
    [InlineData("PUT", "/lists/{id}/subscribers/{uid}", "Update subscriber status", "UpdateSubscriber")]
    [InlineData("DELETE", "/lists/{id}/subscribers/{uid}", "Remove subscriber from a list", "RemoveSubscriber")]
    public void Operation_names_follow_one_rule_whatever_the_headings_case_and_punctuation(string method, string path, string heading, string expected) =>
        Assert.Equal(expected, Engage.Codegen.Inference.ApiBuilder.OperationBaseName(method, path, heading));
}
