using Microsoft.CodeAnalysis;

namespace Engage.Codegen.Tests.Dialects;

/// <summary>
/// Fixtures/dialects/bullets: Basecamp-style pages (several endpoints per section as bullets that
/// start with an inline-code endpoint, example ids in paths, <c>.json</c> suffixes, a query-string
/// variant of an endpoint, "_Required parameters_" prose, an account id in the base address, and an
/// introduction whose curl examples are not endpoints).
/// </summary>
public class BulletDialectTests
{
    private static readonly DialectFixture s_fixture = new("bullets", "Orchard.Bullets");

    [Fact]
    public void Generated_client_compiles_without_warnings_and_no_docs_problem_is_an_error() => s_fixture.AssertCompilesAndNoDocsProblemIsAnError();

    [Fact]
    public void Every_endpoint_bullet_is_an_operation_and_the_introductions_curl_is_not()
    {
        // From reading sections/trees.md: three bullets under "Get trees", one endpoint (two bullets,
        // the second only adds a query string) under "Get tree", one each under "Plant tree", "Fell tree" and "Water tree".
        Assert.Equal(
            new[]
            {
                "Orchard3TreesClient.FellTreeAsync DELETE /groves/{groveId}/trees/{treeId}.json",
                "Orchard3TreesClient.GetTreeAsync GET /groves/{groveId}/trees/{treeId}.json",
                "Orchard3TreesClient.ListAsync GET /trees.json",
                "Orchard3TreesClient.ListFelledForGroveAsync GET /groves/{groveId}/trees/felled.json",
                "Orchard3TreesClient.ListForGroveAsync GET /groves/{groveId}/trees.json",
                "Orchard3TreesClient.PlantTreeAsync POST /groves/{groveId}/trees.json",
                "Orchard3TreesClient.WaterAsync POST /groves/{groveId}/trees/{treeId}/water.json",
            },
            s_fixture.Operations);
    }

    [Fact]
    public void Example_ids_become_parameters_named_after_their_collection_and_the_suffix_is_sent_as_written()
    {
        var get = s_fixture.Type("Orchard3TreesClient").Operation("GetTreeAsync");
        Assert.Equal(new[] { "groveId", "treeId" }, get.GetParameters().Take(2).Select(p => p.Name));
        Assert.Contains("\".json\"", s_fixture.Result.Source("Orchard3TreesClient.g.cs"));
    }

    [Fact]
    public void The_query_string_variant_adds_a_query_parameter_typed_by_its_example()
    {
        Assert.Equal(typeof(bool?), s_fixture.MemberType("GetTreeRequest", "IncludeHarvests"));
    }

    [Fact]
    public void Required_and_optional_parameter_labels_and_the_json_example_type_the_request()
    {
        Assert.Equal(typeof(string), s_fixture.MemberType("PlantTreeRequest", "Variety"));
        var variety = s_fixture.Type("PlantTreeRequest").GetProperty("Variety")!;
        Assert.Contains(variety.GetCustomAttributesData(), a => a.AttributeType.Name == "RequiredMemberAttribute");
        Assert.Equal(typeof(DateOnly?), s_fixture.MemberType("PlantTreeRequest", "PlantedOn")); // "2026-04-02": a day
        Assert.Equal(typeof(decimal?), s_fixture.MemberType("PlantTreeRequest", "HeightM"));
    }

    [Fact]
    public void Ids_near_32_bits_are_long()
    {
        var tree = s_fixture.ResponseOf("Orchard3TreesClient", "GetTreeAsync");
        Assert.Equal(typeof(long), tree.GetProperty("Id")!.PropertyType);
        Assert.Equal(typeof(long), tree.GetProperty("GroveId")!.PropertyType);
    }

    [Fact]
    public void Snapshot()
    {
        Engage.Codegen.Tests.Snapshot.Verify(nameof(BulletDialectTests), nameof(Snapshot), s_fixture.Result.Sources.Where(s => s.HintName.StartsWith("Orchard3TreesClient", StringComparison.Ordinal)).Select(s => (s.HintName, s.Text)));
    }
}
