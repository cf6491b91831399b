using System.Net;
using System.Reflection;
using Engage.Codegen.Runtime;

namespace Engage.Codegen.Tests.Dialects;

/// <summary>
/// Docs that show their answers as XML, in the form Rails-era APIs use (Fixtures/dialects/xml, our own page): the
/// examples type the models by the members they name (<c>height-cm</c> a decimal, <c>repotted-on</c> a nullable
/// date), the client asks for XML and reads the XML answer by the same rules. An XML request example is not made a
/// body (the client sends JSON). XML that is not well-formed is a located ENG026 warning and what could be read is used.
/// </summary>
public sealed class XmlExampleTests
{
    private static readonly DialectFixture s_fixture = new("xml", "Engage.Dialects.Xml");

    private const string Answer =
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<plants type=\"array\">\n  <plant>\n    <id type=\"integer\">7</id>\n" +
        "    <name>Mint</name>\n    <height-cm type=\"float\">12.25</height-cm>\n    <watered type=\"boolean\">false</watered>\n" +
        "    <planted-at type=\"datetime\">2026-04-01T06:00:00Z</planted-at>\n    <repotted-on type=\"date\" nil=\"true\"/>\n" +
        "    <bench nil=\"true\"/>\n    <pot><colour>blue</colour><litres type=\"integer\">2</litres></pot>\n" +
        "    <tags type=\"array\"><tag>sun</tag></tags>\n  </plant>\n</plants>";

    [Fact]
    public void It_compiles_and_no_docs_problem_is_an_error() => s_fixture.AssertCompilesAndNoDocsProblemIsAnError();

    [Theory]
    [InlineData("Id", typeof(long))]
    [InlineData("Name", typeof(string))]
    [InlineData("HeightCm", typeof(decimal))]
    [InlineData("Watered", typeof(bool))]
    [InlineData("PlantedAt", typeof(DateTimeOffset))]
    [InlineData("RepottedOn", typeof(DateOnly?))]
    [InlineData("Tags", typeof(List<string>))]
    public void The_examples_type_the_members_they_name(string member, Type type) =>
        Assert.Equal(type, s_fixture.MemberType("Plant", member));

    [Fact]
    public void A_nested_element_is_a_model_and_the_items_are_named_after_a_heading_in_capitals()
    {
        // "LIST PLANTS" names the items Plant, not PLANT.
        Assert.Equal(typeof(Task<>).MakeGenericType(typeof(List<>).MakeGenericType(s_fixture.Type("Plant"))),
            s_fixture.Type("GreenhouseGreenhousesClient").Operation("ListAsync").ReturnType);
        Assert.Equal(s_fixture.Type("PlantPot"), s_fixture.MemberType("Plant", "Pot"));
    }

    [Fact]
    public void An_xml_request_example_is_not_made_a_body()
    {
        var create = s_fixture.Type("GreenhouseGreenhousesClient").Operation("CreateAsync");
        Assert.DoesNotContain(create.GetParameters(), p => p.ParameterType.Name.EndsWith("Request", StringComparison.Ordinal));
    }

    [Fact]
    public void Xml_that_is_not_well_formed_is_a_located_warning_and_what_could_be_read_is_used()
    {
        // <humidity>71</humid>: the end tag closes the element it should have closed.
        var problem = Assert.Single(s_fixture.Result.GeneratorDiagnostics, d => d.Id == "ENG026");
        Assert.Equal(Microsoft.CodeAnalysis.DiagnosticSeverity.Warning, problem.DefaultSeverity);
        Assert.Contains("</humid>", DialectFixture.LineOf(problem), StringComparison.Ordinal);
        var climate = s_fixture.Type("GreenhouseGreenhousesClient").Operation("GreenhouseAsync").ReturnType.GetGenericArguments()[0];
        Assert.Equal(typeof(decimal), climate.GetProperty("Temperature")!.PropertyType);
        Assert.Equal(typeof(int), climate.GetProperty("Humidity")!.PropertyType);
    }

    [Fact]
    public async Task The_client_asks_for_xml_and_reads_the_xml_answer()
    {
        await using var server = await LoopbackServer.StartAsync(Answer);
        server.ContentType = "application/xml; charset=utf-8";
        var client = Client(server);
        var list = await Call(client, "ListAsync");
        Assert.Equal("application/xml", Assert.Single(server.Requests).Header("Accept"));

        var plant = Assert.Single(((System.Collections.IEnumerable)list!).Cast<object>());
        object? Get(object target, string property) => target.GetType().GetProperty(property)!.GetValue(target);
        Assert.Equal(7L, Get(plant, "Id"));
        Assert.Equal("Mint", Get(plant, "Name"));
        Assert.Equal(12.25m, Get(plant, "HeightCm"));
        Assert.Equal(false, Get(plant, "Watered"));
        Assert.Equal(DateTimeOffset.Parse("2026-04-01T06:00:00Z", System.Globalization.CultureInfo.InvariantCulture), Get(plant, "PlantedAt"));
        Assert.Null(Get(plant, "RepottedOn"));
        Assert.Equal(2, Convert.ToInt32(Get(Get(plant, "Pot")!, "Litres"), System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(new[] { "sun" }, (List<string>)Get(plant, "Tags")!);
    }

    [Fact]
    public async Task An_answer_that_leaves_out_its_array_type_is_still_a_list()
    {
        await using var server = await LoopbackServer.StartAsync(
            "<plants><plant><id type=\"integer\">1</id><name>Mint</name><name>Spearmint</name></plant>" +
            "<plant><id type=\"integer\">2</id><name>Sage</name></plant></plants>");
        server.ContentType = "text/xml";
        var list = ((System.Collections.IEnumerable)(await Call(Client(server), "ListAsync"))!).Cast<object>().ToList();
        Assert.Equal(2, list.Count);

        // A value sent twice is its last, as JSON reads a repeated member.
        Assert.Equal("Spearmint", list[0].GetType().GetProperty("Name")!.GetValue(list[0]));
        Assert.Equal(2L, list[1].GetType().GetProperty("Id")!.GetValue(list[1]));
    }

    [Fact]
    public async Task An_answer_with_a_document_type_is_refused_as_an_unreadable_body()
    {
        await using var server = await LoopbackServer.StartAsync("<!DOCTYPE plants [<!ENTITY x \"x\">]>\n<plants type=\"array\">&x;</plants>");
        server.ContentType = "application/xml";
        var exception = await Assert.ThrowsAsync<ApiException>(() => Call(Client(server), "ListAsync"));
        Assert.Contains("could not be read", exception.Message, StringComparison.Ordinal);
        Assert.Equal(200, exception.StatusCode);
    }

    private static object Client(LoopbackServer server)
    {
        var options = (ApiClientOptions)Activator.CreateInstance(s_fixture.Type("GreenhouseClientOptions"))!;
        options.BaseAddress = new Uri(server.Root, "/api");
        options.ApiKey = "gardener@example.test";
        options.ApiSecret = "pw-secret";
        return Activator.CreateInstance(s_fixture.Type("GreenhouseClient"), options, new HttpClient())!;
    }

    private static async Task<object?> Call(object client, string method)
    {
        var task = DialectFixture.Invoke(client, "Greenhouses", method, new object?[] { null });
        await task;
        return task.GetType().GetProperty("Result")!.GetValue(task);
    }
}
