using Engage.Codegen.Inference;

namespace Engage.Codegen.Tests.Inference;

/// <summary>The path naming rule, for sections that document several endpoints and for names a heading cannot settle.</summary>
public class OperationNamesTests
{
    [Theory]
    [InlineData("GET", "/todolists.json", "To-do lists", "List")]
    [InlineData("GET", "/todolists/completed.json", "To-do lists", "ListCompleted")]
    [InlineData("GET", "/projects/{projectId}/todolists.json", "To-do lists", "ListForProject")]
    [InlineData("GET", "/projects/{projectId}/todolists/trashed.json", "To-do lists", "ListTrashedForProject")]
    [InlineData("GET", "/projects/{projectId}/todolists/{todolistId}.json", "To-do lists", "GetForProject")]
    [InlineData("POST", "/projects/{projectId}/todolists.json", "To-do lists", "CreateForProject")]
    [InlineData("DELETE", "/groups/{groupId}/subgroups/{subgroupId}", "Groups", "DeleteSubgroupForGroup")]
    [InlineData("GET", "/{id}", "Things", "Get")]
    public void Verb_from_the_method_qualifiers_from_the_path_and_the_parent_after_For(string method, string path, string resource, string expected)
    {
        Assert.Equal(expected, ApiBuilder.PathBaseName(method, path, resource));
    }

    [Theory]
    [InlineData("GET", "/repos/{owner}/{repo}/labels", "List all labels for a repository", "ListLabels")]
    [InlineData("GET", "/repos/{owner}/{repo}/labels/{id}", "Get a single label", "GetLabel")]
    [InlineData("POST", "/users", "Create a user", "Create")]
    [InlineData("POST", "/users/{uid}/events", "Add User events", "AddEvent")]
    [InlineData("GET", "/users/{uid}/report", "The user report", "GetReport")]
    [InlineData("GET", "/v1/things/{id}/stats", "Create thing stats", "GetStats")] // a GET of a collection the heading names in the plural
    [InlineData("DELETE", "/v1/things/{id}/stats", "Get rid of stats", "DeleteStat")]
    [InlineData("GET", "/warehouses/{w}/stats", "GET /warehouses/:w/stats", "GetStats")]
    // A segment of several words the heading names in order, and a collection a GET heading names in the plural.
    [InlineData("GET", "/kilns/{id}/firing_log", "Get the firing log of a kiln", "GetFiringLog")]
    [InlineData("POST", "/kilns/{id}/glaze-tests", "Run glaze tests on a kiln", "RunGlazeTest")]
    [InlineData("GET", "/kilns/{id}/glaze-tests", "Fetch the glaze tests of a kiln", "FetchGlazeTests")]
    [InlineData("GET", "/kilns/{id}/glaze-tests/{test}", "Fetch one glaze test", "FetchGlazeTest")]
    [InlineData("GET", "/v1/kiln-settings", "Get kiln settings", "GetKilnSettings")]
    [InlineData("GET", "/kilns/{id}/schedule", "Get kiln schedules", "GetSchedule")] // the path names one schedule
    [InlineData("GET", "/kilns/{id}/firing_log", "Get the log", "Get")]                 // "log" alone is not "firing log"
    [InlineData("POST", "/kilns/{id}/toggle", "(DE)ACTIVATE A KILN", "Deactivate")]      // a bracketed prefix is part of its word
    [InlineData("POST", "/kilns/{id}/watchers", "(Un)watch a kiln", "Unwatch")]
    public void The_heading_rule_names_a_section_of_one_endpoint(string method, string path, string heading, string expected)
    {
        Assert.Equal(expected, ApiBuilder.OperationBaseName(method, path, heading));
    }
}

/// <summary>
/// An endpoint a sentence names under a heading about something else ("Debugging" over "use GET https://.../health
/// endpoint") is named by its path's last word, not the heading's first: GetHealth; a POST to a word that is no
/// collection does what the word says (Tally); under a heading that names it ("Tallying"), the heading rule stands.
/// </summary>
public class MentionedEndpointNamesTests
{
    private const string Page =
        "# Tally API\n\n## Debugging\n\nTo watch the service, use GET https://api.example.test/v1/health endpoint.\n\n" +
        "## Overview\n\nIn short, the endpoint `/v2/tally` takes the counts in the POST request body.\n\n" +
        "## Resetting\n\nSend a `POST` request to the `/v2/reset` endpoint to start again.\n";

    [Theory]
    [InlineData("/v1/health", "GetHealthAsync")]
    [InlineData("/v2/tally", "TallyAsync")]
    [InlineData("/v2/reset", "ResettingAsync")]
    public void A_mention_under_a_heading_about_something_else_is_named_by_its_path(string path, string name)
    {
        var api = InferenceHarness.Api(Page);
        Assert.Equal(name, InferenceHarness.Operation(api, path).MethodName);
    }
}

/// <summary>
/// Names that would collide are told apart by what differs in their paths, never by a number: a page of our
/// own whose one-word topic headings ("### Sound", "### Core") hold many endpoints, several of them alike.
/// </summary>
public class CollidingNamesTests
{
    private const string Page = """
        # The Hub API

        ### Sound

        ```
        GET /sound/logs/boots/{boot}/follow
        POST /sound/volume/output
        POST /sound/volume/output/{application}
        POST /sound/mute/output/{application}
        ```

        ### Core

        ```
        GET /core/logs/boots/{boot}/follow
        ```

        ## Patch user settings

        ```
        PATCH /api/user/settings
        ```

        ## Patch team settings

        ```
        PATCH /api/team/settings
        ```

        ## Update team settings

        ```
        PUT /api/team/settings
        ```
        """;

    [Fact]
    public void No_name_is_numbered_and_each_says_what_its_path_says()
    {
        var result = GeneratorHarness.Run(new[] { new InMemoryDoc("/docs/hub.md", Page) });
        Assert.Empty(result.CompileProblems);
        Assert.DoesNotContain(result.GeneratorDiagnostics, d => d.Id == "ENG007");
        var operations = DocsInputTests.OperationsOf(result.LoadAssembly())
            .Where(o => !o.Method.DeclaringType!.Name.Contains("Public", StringComparison.Ordinal))
            .Select(o => o.Operation.Method + " " + o.Operation.Path + " " + o.Method.Name)
            .Distinct()
            .Order(StringComparer.Ordinal)
            .ToList();
        Assert.DoesNotContain(operations, o => char.IsDigit(o[^1]) || System.Text.RegularExpressions.Regex.IsMatch(o, @"Async\d"));
        Assert.Equal(
            new[]
            {
                "GET /core/logs/boots/{boot}/follow CoreAsync",                             // one endpoint: the heading rule
                "GET /sound/logs/boots/{boot}/follow ListFollowForBootAsync",
                "PATCH /api/team/settings UpdateApiTeamSettingsAsync",                      // PatchSetting is taken: the path
                "PATCH /api/user/settings PatchSettingAsync",
                "POST /sound/mute/output/{application} CreateSoundMuteOutputAsync",         // CreateOutput is taken: the whole path
                "POST /sound/volume/output CreateSoundVolumeOutputAsync",
                "POST /sound/volume/output/{application} CreateOutputAsync",
                "PUT /api/team/settings UpdateSettingAsync",
            },
            operations);
    }

    [Theory]
    [InlineData("List", "User", "ListUsers")]
    [InlineData("ListForGrove", "Tree", "ListTreesForGrove")]
    [InlineData("ListFelledForGrove", "Tree", "ListTreesFelledForGrove")]
    [InlineData("ListMembers", "Agent", "ListAgentMembers")]   // a collection of its own: the resource qualifies it
    [InlineData("ListKennels", "Dog", "ListDogKennels")]
    [InlineData("GetCrate", "Crate", "GetCrate")]
    [InlineData("CreateToken", "AccessToken", "CreateAccessToken")]
    public void Type_names_put_the_resource_after_the_verb_plural_only_where_it_is_what_is_listed(string baseName, string resource, string expected)
    {
        Assert.Equal(expected, ApiBuilder.TypePrefix(baseName, resource));
    }
}
