using Engage.Codegen.Runtime;
using Microsoft.CodeAnalysis;

namespace Engage.Codegen.Tests.Dialects;

/// <summary>
/// Fixtures/dialects/github: GitHub-v3 style pages (endpoint in a plain fence with <c>:name</c>
/// parameters, "### Parameters" tables with a type column and <b>Required</b> in the description,
/// "### Response" with a <c>Status:</c> fence before the JSON, a self-hosted base address, a
/// misspelled method, an optional segment, an endpoint as a heading, endpoints in a table).
/// </summary>
public class GitHubDialectTests
{
    private static readonly DialectFixture s_fixture = new("github", "Depot.GitHub");

    [Fact]
    public void Generated_client_compiles_without_warnings_and_no_docs_problem_is_an_error() => s_fixture.AssertCompilesAndNoDocsProblemIsAnError();

    [Fact]
    public void Every_endpoint_a_reader_sees_is_an_operation_and_nothing_else_is()
    {
        // From reading the pages: seven on Crates/README.md (the optional "(/:id)" gives two, the
        // heading "### GET ..." one), three in the Shelves table; the overview's curl lines are not endpoints.
        Assert.Equal(
            new[]
            {
                "DepotAccessTokensClient.CreateTokenAsync POST /users/{username}/tokens",
                "DepotAccessTokensClient.ListTokensAsync GET /users/{username}/tokens",
                "DepotCratesClient.CreateCrateAsync POST /warehouses/{warehouse}/crates",
                "DepotCratesClient.DeleteCrateAsync DELETE /warehouses/{warehouse}/crates/{id}",
                "DepotCratesClient.GetCrateAsync GET /warehouses/{warehouse}/crates/{id}",
                "DepotCratesClient.GetStatsAsync GET /warehouses/{warehouse}/stats",
                "DepotCratesClient.ListCratesAsync GET /warehouses/{warehouse}/crates",
                "DepotCratesClient.WeighAsync POST /warehouses/{warehouse}/weigh",
                "DepotCratesClient.WeighByIdAsync POST /warehouses/{warehouse}/weigh/{id}",
                "DepotShelvesClient.CreateForWarehouseAsync POST /warehouses/{warehouse}/shelves",
                "DepotShelvesClient.GetForWarehouseAsync GET /warehouses/{warehouse}/shelves/{shelf_id}",
                "DepotShelvesClient.ListForWarehouseAsync GET /warehouses/{warehouse}/shelves",
            },
            s_fixture.Operations);
    }

    [Fact]
    public void A_misspelled_method_is_read_and_reported_at_its_line()
    {
        var typo = Assert.Single(s_fixture.Result.GeneratorDiagnostics, d => d.Id == "ENG014");
        Assert.Equal("DLETE /warehouses/:warehouse/crates/:id", DialectFixture.LineOf(typo));
        Assert.Equal(DiagnosticSeverity.Warning, typo.DefaultSeverity);
    }

    [Fact]
    public void A_self_hosted_api_has_no_default_base_address()
    {
        Assert.Contains(s_fixture.Result.GeneratorDiagnostics, d => d.Id == "ENG009");
    }

    [Fact]
    public void Table_type_column_decides_member_types_and_ids_are_long()
    {
        Assert.Equal(typeof(string), s_fixture.MemberType("CreateCrateRequest", "Label"));
        Assert.Equal(typeof(decimal?), s_fixture.MemberType("CreateCrateRequest", "WeightKg"));
        Assert.Equal(typeof(long?), s_fixture.MemberType("CreateCrateRequest", "ShelfId"));
        Assert.Equal(typeof(List<string>), s_fixture.MemberType("CreateCrateRequest", "Tags"));
        Assert.Equal(typeof(bool?), s_fixture.MemberType("CreateCrateRequest", "Fragile"));
        Assert.Equal(typeof(int?), s_fixture.MemberType("ListCratesRequest", "Page"));
        Assert.Equal(typeof(long), s_fixture.MemberType("GetCrateResponse", "Id"));
        Assert.Equal(typeof(DateTimeOffset), s_fixture.MemberType("GetCrateResponse", "ReceivedAt"));
    }

    [Fact]
    public void Required_in_the_description_makes_the_member_required()
    {
        var label = s_fixture.Type("CreateCrateRequest").GetProperty("Label")!;
        Assert.Contains(label.GetCustomAttributesData(), a => a.AttributeType.Name == "RequiredMemberAttribute");
        var weight = s_fixture.Type("CreateCrateRequest").GetProperty("WeightKg")!;
        Assert.DoesNotContain(weight.GetCustomAttributesData(), a => a.AttributeType.Name == "RequiredMemberAttribute");
    }

    [Fact]
    public void Response_subsections_type_the_response_after_the_status_fence()
    {
        Assert.Equal("GetCrateResponse", s_fixture.ResponseOf("DepotCratesClient", "GetCrateAsync").Name);
        Assert.Equal("CreateCrateResponse", s_fixture.ResponseOf("DepotCratesClient", "CreateCrateAsync").Name);
        // The list pages (the README's Pagination section names `?page`): its items are the array's.
        Assert.Equal(typeof(AsyncPageable<>).MakeGenericType(s_fixture.Type("ListCratesItem")), s_fixture.Type("DepotCratesClient").Operation("ListCratesAsync").ReturnType);
        Assert.Equal(typeof(int), s_fixture.MemberType("GetCrateStatsResponse", "Shipped"));
    }

    [Fact]
    public void Colon_parameters_become_method_parameters_in_path_order()
    {
        var get = s_fixture.Type("DepotCratesClient").Operation("GetCrateAsync");
        Assert.Equal(new[] { "warehouse", "id" }, get.GetParameters().Take(2).Select(p => p.Name));
        var shelf = s_fixture.Type("DepotShelvesClient").Operation("GetForWarehouseAsync");
        Assert.Equal(new[] { "warehouse", "shelfId" }, shelf.GetParameters().Take(2).Select(p => p.Name));
    }

    [Fact]
    public void Snapshot()
    {
        Engage.Codegen.Tests.Snapshot.Verify(nameof(GitHubDialectTests), nameof(Snapshot), s_fixture.Result.Sources.Where(s => s.HintName.StartsWith("DepotCratesClient", StringComparison.Ordinal) || s.HintName.StartsWith("DepotShelvesClient", StringComparison.Ordinal)).Select(s => (s.HintName, s.Text)));
    }
}
