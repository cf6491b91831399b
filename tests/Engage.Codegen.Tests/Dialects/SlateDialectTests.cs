using System.Text.Json;
using Microsoft.CodeAnalysis;

namespace Engage.Codegen.Tests.Dialects;

/// <summary>
/// Fixtures/dialects/slate: one Slate page (front matter, language tabs, "> The above command
/// returns JSON" side notes, "### HTTP Request" with full URLs, parameter tables, an endpoint given
/// only as a curl command, endpoints as HTML blocks under a second top-level heading).
/// </summary>
public class SlateDialectTests
{
    private static readonly DialectFixture s_fixture = new("slate", "Harbor.Slate");

    [Fact]
    public void Generated_client_compiles_without_warnings_and_no_docs_problem_is_an_error() => s_fixture.AssertCompilesAndNoDocsProblemIsAnError();

    [Fact]
    public void Every_endpoint_a_reader_sees_is_an_operation_and_nothing_else_is()
    {
        // From reading index.html.md: three under "# Boats" with their "HTTP Request" lines, two as HTML
        // under "# Berths", one under "# Moorings". The curl in "# Authentication" and the one in "Haul Out a
        // Boat" only illustrate: this page declares its endpoints with HTTP Request lines, not with examples.
        Assert.Equal(
            new[]
            {
                "HarborBerthsClient.GetAsync GET /berths/{berth_id}",
                "HarborBerthsClient.ReleaseAsync DELETE /berths/{berth_id}/lease",
                "HarborBoatsClient.CreateAsync POST /boats",
                "HarborBoatsClient.GetAsync GET /boats/{ID}",
                "HarborBoatsClient.ListAsync GET /boats",
                "HarborMooringsClient.CreateAsync POST /moorings",
            },
            s_fixture.Operations);
    }

    [Fact]
    public void The_base_url_sentence_gives_the_default_base_address_and_the_version_prefix_is_not_repeated()
    {
        Assert.Contains("\"https://api.harbor.test/v2\"", s_fixture.Result.Source("HarborClient.g.cs"));
        Assert.DoesNotContain(s_fixture.Result.GeneratorDiagnostics, d => d.Id is "ENG009" or "ENG015");
    }

    [Fact]
    public void Operations_point_at_their_endpoint_line()
    {
        var list = s_fixture.Operation("HarborBoatsClient", "ListAsync");
        Assert.Equal("index.html.md:68", list.Source);
        Assert.Equal("`GET https://api.harbor.test/v2/boats`", File.ReadAllLines(Path.Combine(s_fixture.Directory, "index.html.md"))[67]);
        var release = s_fixture.Operation("HarborBerthsClient", "ReleaseAsync");
        Assert.Contains("<span class=\"method\">DELETE</span>", File.ReadAllLines(Path.Combine(s_fixture.Directory, "index.html.md"))[int.Parse(release.Source!.Split(':')[1]) - 1]);
    }

    [Fact]
    public void Query_parameter_table_with_defaults_and_listed_values_types_the_request()
    {
        Assert.Equal(typeof(bool?), s_fixture.MemberType("ListBoatsRequest", "Moored"));
        var hull = s_fixture.MemberType("ListBoatsRequest", "Hull");
        Assert.Equal("ListBoatsRequestHull", Nullable.GetUnderlyingType(hull)?.Name ?? hull.Name);
    }

    [Fact]
    public void Body_table_type_column_decides_and_the_side_note_json_is_the_response_not_the_request()
    {
        Assert.Equal(typeof(string), s_fixture.MemberType("CreateBoatRequest", "Name"));
        Assert.Equal(typeof(decimal?), s_fixture.MemberType("CreateBoatRequest", "LengthM"));
        Assert.Null(s_fixture.Type("CreateBoatRequest").GetProperty("Moored"));
        Assert.Equal("CreateBoatResponse", s_fixture.ResponseOf("HarborBoatsClient", "CreateAsync").Name);
        Assert.Equal(typeof(long), s_fixture.MemberType("CreateBoatResponse", "Id"));
    }

    [Fact]
    public void Language_tabs_are_code_not_json_examples()
    {
        Assert.DoesNotContain(s_fixture.Result.GeneratorDiagnostics, d => d.Id == "ENG003");
        var items = s_fixture.ResponseOf("HarborBoatsClient", "ListAsync");
        Assert.Equal("Boat", items.GetGenericArguments()[0].Name); // the items of "List boats"
    }

    [Fact]
    public void A_section_with_only_a_request_example_is_reported_as_an_illustration()
    {
        var haul = Assert.Single(s_fixture.Result.GeneratorDiagnostics, d => d.Id == "ENG018");
        Assert.StartsWith("curl -X POST \"https://api.harbor.test/v2/boats/4021/haul-out\"", DialectFixture.LineOf(haul), StringComparison.Ordinal);
        Assert.Contains("'Haul Out a Boat'", haul.GetMessage(), StringComparison.Ordinal);
        Assert.Null(s_fixture.Assembly.GetType(s_fixture.Namespace + ".HaulBoatRequest"));
    }

    [Fact]
    public void Html_endpoint_decodes_entities_and_its_json_is_the_response()
    {
        var berth = s_fixture.ResponseOf("HarborBerthsClient", "GetAsync");
        Assert.Equal(typeof(string), berth.GetProperty("BerthId")!.PropertyType);
        Assert.Equal(typeof(bool), berth.GetProperty("Occupied")!.PropertyType);
        var get = s_fixture.Type("HarborBerthsClient").Operation("GetAsync");
        Assert.Equal("berthId", get.GetParameters()[0].Name);
    }

    [Fact]
    public void Snapshot()
    {
        Engage.Codegen.Tests.Snapshot.Verify(nameof(SlateDialectTests), nameof(Snapshot), s_fixture.Result.Sources.Where(s => s.HintName.Contains("Boat") || s.HintName.Contains("Berths") || s.HintName.Contains("Mooring") || s.HintName.StartsWith("HarborClient")).Select(s => (s.HintName, s.Text)));
    }
}
