using System.Collections;
using System.Net;
using Engage.Codegen.Runtime;

namespace Engage.Codegen.Tests.Dialects;

/// <summary>
/// The Slate fixture's "# Moorings": an object given only as an attribute table ("Mooring
/// properties") with read-only markers and a nested table ("Mooring - Line properties"), a POST
/// whose request is shown only as a PHP array (the JavaScript tab goes on to call a function, so it
/// is code), and a "Query Parameters" table on that POST.
/// </summary>
public class AttributeTableTests
{
    private static readonly DialectFixture s_fixture = new("slate", "Harbor.Attributes");

    [Fact]
    public void An_attribute_table_under_a_properties_heading_is_an_object_and_its_nested_table_the_type_of_its_array()
    {
        var mooring = s_fixture.Type("Mooring");
        Assert.Equal(typeof(long), mooring.GetProperty("Id")!.PropertyType);
        Assert.Equal(typeof(DateTimeOffset), mooring.GetProperty("BookedAt")!.PropertyType);
        Assert.Equal(typeof(List<>).MakeGenericType(s_fixture.Type("MooringLine")), mooring.GetProperty("Lines")!.PropertyType);
        Assert.Equal(typeof(decimal), s_fixture.MemberType("MooringLine", "LengthM"));
        Assert.Equal(mooring, s_fixture.ResponseOf("HarborMooringsClient", "CreateAsync"));
    }

    [Fact]
    public void Read_only_attributes_are_on_the_response_only_though_the_request_example_shows_one()
    {
        var request = s_fixture.Type("CreateMooringRequest");
        Assert.Null(request.GetProperty("Id"));
        Assert.Null(request.GetProperty("BookedAt"));
        Assert.Equal(typeof(long?), request.GetProperty("BoatId")!.PropertyType);
        Assert.Equal(typeof(DateOnly?), request.GetProperty("StartsOn")!.PropertyType); // "date", "2026-06-01": a day
        Assert.Equal(typeof(List<>).MakeGenericType(s_fixture.Type("MooringLine")), request.GetProperty("Lines")!.PropertyType);
    }

    [Fact]
    public void A_php_array_is_the_request_example_and_a_javascript_tab_that_calls_code_is_not()
    {
        // Nights is in the PHP array only among the examples; the JavaScript tab's literal is followed by a call.
        Assert.Equal(typeof(int?), s_fixture.MemberType("CreateMooringRequest", "Nights"));
        Assert.DoesNotContain(s_fixture.Result.GeneratorDiagnostics, d => d.Id == "ENG003" && d.Location.GetLineSpan().StartLinePosition.Line > 200);
    }

    [Fact]
    public async Task Query_parameters_of_a_post_go_in_the_query_string_and_the_rest_in_the_body()
    {
        var handler = new RecordingHandler(HttpStatusCode.Created, """{"id": 88, "boat_id": 4021, "starts_on": "2026-06-01", "nights": 3, "booked_at": "2026-05-20T10:00:00Z", "lines": []}""");
        var options = (ApiClientOptions)Activator.CreateInstance(s_fixture.Type("HarborClientOptions"))!;
        options.ApiKey = "hb_test";
        var client = Activator.CreateInstance(s_fixture.Type("HarborClient"), options, new HttpClient(handler))!;
        var request = Activator.CreateInstance(s_fixture.Type("CreateMooringRequest"))!;
        request.GetType().GetProperty("Notify")!.SetValue(request, true);
        request.GetType().GetProperty("BoatId")!.SetValue(request, 4021L);
        request.GetType().GetProperty("Nights")!.SetValue(request, 3);
        var task = DialectFixture.Invoke(client, "Moorings", "CreateAsync", request);
        await task;

        Assert.Equal("https://api.harbor.test/v2/moorings?notify=true", handler.LastUri!.ToString());
        Assert.Equal("""{"boat_id":4021,"nights":3}""", handler.LastBody);
        var mooring = task.GetType().GetProperty("Result")!.GetValue(task)!;
        Assert.Equal(88L, mooring.GetType().GetProperty("Id")!.GetValue(mooring));
        Assert.Empty((IList)mooring.GetType().GetProperty("Lines")!.GetValue(mooring)!);
    }
}
