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
    [InlineData("GET", "/v1/things/{id}/stats", "Create thing stats", "GetStat")]
    [InlineData("DELETE", "/v1/things/{id}/stats", "Get rid of stats", "DeleteStat")]
    [InlineData("GET", "/warehouses/{w}/stats", "GET /warehouses/:w/stats", "GetStat")]
    public void The_heading_rule_names_a_section_of_one_endpoint(string method, string path, string heading, string expected)
    {
        Assert.Equal(expected, ApiBuilder.OperationBaseName(method, path, heading));
    }
}
