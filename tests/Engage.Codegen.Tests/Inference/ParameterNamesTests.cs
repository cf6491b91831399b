namespace Engage.Codegen.Tests.Inference;

/// <summary>Path parameters named like the locals a generated method declares get another name, and the client compiles.</summary>
public class ParameterNamesTests
{
    [Fact]
    public void Path_parameters_named_query_or_request_path_do_not_collide_with_the_methods_locals()
    {
        const string page = """
            # Reports

            ## Run a saved report

            ```
            GET /reports/{query}/results
            ```

            Parameters:

            - `limit` - Optional. How many results, at most.

            ## Store a file

            ```
            PUT /files/{request_path}
            ```

            - `content` - Required. The file's content.
            """;
        var result = GeneratorHarness.Run(new[] { new InMemoryDoc("/names/reports.md", page) }, ns: "Engage.Names");
        Assert.Empty(result.CompileProblems);
        var client = result.Sources.Single(s => s.HintName == "ApiReportsClient.g.cs").Text;
        Assert.Contains("RunAsync(string query2, global::Engage.Names.RunReportRequest? request, ", client);
        Assert.Contains("var query = new global::Engage.Codegen.Runtime.ApiQuery();", client);
        Assert.Contains("UpdateAsync(string requestPath2, global::Engage.Names.UpdateReportRequest request, ", client);
        Assert.Contains("var requestPath = \"/files/\" + global::Engage.Codegen.Runtime.ApiPath.Segment(requestPath2, nameof(requestPath2));", client);
    }
}
