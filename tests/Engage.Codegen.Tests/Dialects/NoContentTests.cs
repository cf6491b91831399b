using System.Net;
using System.Text.Json;
using Engage.Codegen.Runtime;

namespace Engage.Codegen.Tests.Dialects;

/// <summary>
/// Responses without a body: an operation the docs describe as answering <c>204 No Content</c>
/// returns <see cref="Task"/>, and any operation that gets an empty success body returns without
/// parsing it. Driven through generated clients of the dialect fixtures.
/// </summary>
public class NoContentTests
{
    private static readonly DialectFixture s_bullets = new("bullets", "Orchard.NoContent");
    private static readonly DialectFixture s_github = new("github", "Depot.NoContent");

    private static object Client(DialectFixture fixture, string clientName, HttpMessageHandler handler)
    {
        var options = (ApiClientOptions)Activator.CreateInstance(fixture.Type(clientName + "Options"))!;
        options.ApiKey = "key";
        options.ApiSecret = "secret";
        options.BaseAddress = new Uri("https://api.example.test/v1");
        options.UserAgent = "NoContentTests (tests@example.test)"; // the bullet fixture's docs require one
        return Activator.CreateInstance(fixture.Type(clientName), options, new HttpClient(handler))!;
    }

    [Fact]
    public void Operations_documented_as_204_return_a_plain_task()
    {
        Assert.Equal(typeof(Task), s_bullets.Type("Orchard3TreesClient").Operation("FellTreeAsync").ReturnType);
        Assert.Equal(typeof(Task), s_bullets.Type("Orchard3TreesClient").Operation("WaterAsync").ReturnType);
        Assert.Equal(typeof(Task), s_github.Type("DepotCratesClient").Operation("DeleteCrateAsync").ReturnType);
        // "Status: 202 Accepted" with no example says nothing of the body: any JSON.
        Assert.Equal(typeof(Task<JsonElement>), s_github.Type("DepotCratesClient").Operation("WeighAsync").ReturnType);
        Assert.DoesNotContain(s_github.Result.GeneratorDiagnostics, d => d.Id == "ENG011" && d.GetMessage().Contains("Delete a crate"));
    }

    [Fact]
    public async Task A_204_answer_to_a_no_content_operation_is_success()
    {
        var handler = new RecordingHandler(HttpStatusCode.NoContent);
        await DialectFixture.Invoke(Client(s_bullets, "Orchard3Client", handler), "Trees", "FellTreeAsync", "605816632", "1069479573");
        var request = Assert.Single(handler.Requests);
        Assert.Equal(HttpMethod.Delete, request.Method);
        Assert.Equal("https://api.example.test/v1/groves/605816632/trees/1069479573.json", request.Uri.ToString());
    }

    [Fact]
    public async Task A_no_content_operation_with_a_body_sends_it_and_reads_nothing()
    {
        var handler = new RecordingHandler(HttpStatusCode.NoContent);
        var request = Activator.CreateInstance(s_bullets.Type("WaterTreeRequest"))!;
        request.GetType().GetProperty("Litres")!.SetValue(request, 20);
        await DialectFixture.Invoke(Client(s_bullets, "Orchard3Client", handler), "Trees", "WaterAsync", "1", "2", request);
        var sent = Assert.Single(handler.Requests);
        Assert.Equal(HttpMethod.Post, sent.Method);
        Assert.Equal("{\"litres\":20}", sent.Body);
    }

    [Fact]
    public async Task An_empty_success_body_where_any_json_was_expected_returns_an_undefined_element()
    {
        var handler = new RecordingHandler(HttpStatusCode.NoContent);
        var task = (Task<JsonElement>)DialectFixture.Invoke(Client(s_github, "DepotClient", handler), "Crates", "WeighAsync", "north");
        Assert.Equal(JsonValueKind.Undefined, (await task).ValueKind);
    }

    [Fact]
    public async Task An_empty_success_body_where_a_model_was_expected_is_a_typed_error_naming_the_type()
    {
        var handler = new RecordingHandler(HttpStatusCode.OK);
        var exception = await Assert.ThrowsAsync<ApiException>(() => DialectFixture.Invoke(Client(s_github, "DepotClient", handler), "Crates", "GetCrateAsync", "north", "7"));
        Assert.Equal(200, exception.StatusCode);
        Assert.Contains("GetCrateResponse", exception.Message);
    }
}
