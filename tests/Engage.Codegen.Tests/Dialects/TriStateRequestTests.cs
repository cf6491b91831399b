using System.Text.Json;
using Engage.Codegen.Runtime;

namespace Engage.Codegen.Tests.Dialects;

/// <summary>
/// A request model sent as a body sends exactly what the caller set (Fixtures/dialects/tri-state, our own page, a
/// PATCH with a member of every kind): an unset member is left out, one set to null is sent as <c>null</c>, one set
/// to an empty string, list or object is sent as such; raw JSON values go in a member's place or beside the typed
/// ones; a model read from JSON counts what it read as set and keeps what it does not know, so it is sent back as it
/// came.
/// </summary>
public sealed class TriStateRequestTests
{
    private static readonly DialectFixture s_fixture = new("tri-state", "Engage.Dialects.TriState");

    [Fact]
    public void It_compiles_and_no_docs_problem_is_an_error() => s_fixture.AssertCompilesAndNoDocsProblemIsAnError();

    private static object NewRequest() => Activator.CreateInstance(s_fixture.Type("UpdatePlotRequest"))!;

    private static void Set(object model, string member, object? value) => model.GetType().GetProperty(member)!.SetValue(model, value);

    private static string Json(object model) => JsonSerializer.Serialize(model, model.GetType());

    /// <summary>A value of each kind as the caller sets it, and the JSON it is sent as.</summary>
    public static TheoryData<string, string, string> Kinds() => new()
    {
        { "Name", "string", "\"name\":\"North 4\"" },
        { "Beds", "int", "\"beds\":3" },
        { "WaterUsedMl", "long", "\"water_used_ml\":5000000000" },
        { "Rent", "decimal", "\"rent\":12.50" },
        { "Slope", "double", "\"slope\":2.5" },
        { "Organic", "bool", "\"organic\":false" },
        { "LastDugAt", "date-time", "\"last_dug_at\":\"2026-03-01T08:00:00+00:00\"" },
        { "SownOn", "date-only", "\"sown_on\":\"2026-04-02\"" },
        { "Soil", "extensible enum", "\"soil\":\"loam\"" },
        { "Marker", "scalar", "\"marker\":7" },
        { "KeeperNotes", "JsonElement", "\"keeper_notes\":{\"mood\":\"sunny\"}" },
        { "Crops", "list", "\"crops\":[\"leek\"]" },
        { "Shed", "nested object", "\"shed\":{\"colour\":\"green\",\"locked\":true}" },
        { "Labels", "dictionary", "\"labels\":{\"row\":\"3\"}" },
    };

    private static object? ValueOf(string member) => member switch
    {
        "Name" => "North 4",
        "Beds" => 3,
        "WaterUsedMl" => 5_000_000_000L,
        "Rent" => 12.50m,
        "Slope" => 2.5d,
        "Organic" => false,
        "LastDugAt" => new DateTimeOffset(2026, 3, 1, 8, 0, 0, TimeSpan.Zero),
        "SownOn" => new DateOnly(2026, 4, 2),
        "Soil" => Activator.CreateInstance(s_fixture.Type("UpdatePlotRequestSoil"), "loam"),
        "Marker" => (ApiScalar)7,
        "KeeperNotes" => JsonDocument.Parse("{\"mood\":\"sunny\"}").RootElement.Clone(),
        "Crops" => new List<string> { "leek" },
        "Shed" => Shed("green", true),
        "Labels" => new Dictionary<string, string> { ["row"] = "3" },
        _ => throw new ArgumentOutOfRangeException(nameof(member)),
    };

    private static object Shed(string colour, bool locked)
    {
        var shed = Activator.CreateInstance(s_fixture.Type("UpdatePlotRequestShed"))!;
        Set(shed, "Colour", colour);
        Set(shed, "Locked", locked);
        return shed;
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Unset_is_left_out_null_is_sent_as_null_and_a_value_as_itself(string member, string kind, string sent)
    {
        var jsonName = sent.Substring(1, sent.IndexOf('"', 1) - 1);

        var unset = NewRequest();
        Assert.Equal("{}", Json(unset));

        var cleared = NewRequest();
        Set(cleared, member, null);
        Assert.True(Json(cleared) == "{\"" + jsonName + "\":null}", $"{kind}: {Json(cleared)}");

        var given = NewRequest();
        Set(given, member, ValueOf(member));
        Assert.True(Json(given) == "{" + sent + "}", $"{kind}: {Json(given)}");
    }

    [Theory]
    [InlineData("Name", "\"\"")]
    [InlineData("Crops", "[]")]
    [InlineData("Labels", "{}")]
    [InlineData("Shed", "{\"colour\":\"\",\"locked\":false}")]
    public void An_empty_value_is_sent_as_such(string member, string sent)
    {
        var request = NewRequest();
        Set(request, member, member switch
        {
            "Name" => string.Empty,
            "Crops" => new List<string>(),
            "Labels" => new Dictionary<string, string>(),
            _ => Activator.CreateInstance(s_fixture.Type("UpdatePlotRequestShed")),
        });

        var json = Json(request);
        Assert.EndsWith(":" + sent + "}", json, StringComparison.Ordinal);
    }

    [Fact]
    public void A_raw_value_goes_in_the_members_place_and_an_undocumented_one_beside_the_others()
    {
        var request = NewRequest();
        Set(request, "SownOn", new DateOnly(2026, 4, 2));
        Set(request, "Beds", 2);
        var raw = (IDictionary<string, JsonElement>)request.GetType().GetProperty("AdditionalProperties")!.GetValue(request)!;
        raw["sown_on"] = JsonDocument.Parse("\"\"").RootElement.Clone();      // an empty string the API takes to clear a date
        raw["greenhouse"] = JsonDocument.Parse("{\"panes\": 12}").RootElement.Clone();

        Assert.Equal("{\"beds\":2,\"sown_on\":\"\",\"greenhouse\":{\"panes\":12}}", Json(request));
    }

    [Fact]
    public void A_model_read_from_json_is_sent_back_as_it_came()
    {
        // Members in the docs' order (the order the model writes them), then what the model does not know.
        const string body = "{\"name\":null,\"rent\":3.5,\"crops\":[],\"unknown_flag\":true,\"extra\":{\"a\":[1,2]}}";

        var request = JsonSerializer.Deserialize(body, s_fixture.Type("UpdatePlotRequest"))!;

        Assert.Equal(body, Json(request));
    }

    [Fact]
    public void An_object_initialiser_sends_null_for_a_member_it_sets_to_null()
    {
        // As C# writes it: new UpdatePlotRequest { Name = null } — the setter runs, the member counts as set.
        var request = NewRequest();
        Set(request, "Name", null);
        Set(request, "Organic", true);

        Assert.Equal("{\"name\":null,\"organic\":true}", Json(request));
    }

    [Fact]
    public async Task The_client_sends_exactly_the_members_set_to_the_server()
    {
        await using var server = await LoopbackServer.StartAsync("{\"id\": \"p-4\", \"name\": \"North 4\"}");
        var options = (ApiClientOptions)Activator.CreateInstance(s_fixture.Type("AllotmentClientOptions"))!;
        options.GetType().GetProperty("AccessToken")!.SetValue(options, "token");
        options.BaseAddress = new Uri(server.Root, "/v1");
        using var client = (IDisposable)Activator.CreateInstance(s_fixture.Type("AllotmentClient"), options, null)!;
        var plots = client.GetType().GetProperty("Plots")!.GetValue(client)!;
        var update = plots.GetType().GetMethods().Single(m => m.Name == "UpdateAsync" && m.GetParameters().Length == 3 && m.GetParameters()[2].ParameterType == typeof(CancellationToken));
        var request = NewRequest();
        Set(request, "Crops", new List<string>());
        Set(request, "SownOn", null);

        await (Task)update.Invoke(plots, new object?[] { "p-4", request, CancellationToken.None })!;

        var received = Assert.Single(server.Requests);
        Assert.Equal("PATCH", received.Method);
        Assert.Equal("{\"sown_on\":null,\"crops\":[]}", received.Body);
    }
}
