using System.Net;
using Engage.Codegen.Runtime;
using Engage.Codegen.Tests.Generated;

namespace Engage.Codegen.Tests;

/// <summary>
/// A refused request's validation errors on <see cref="ApiException.FieldErrors"/> and in its message, from the
/// body shapes APIs commonly answer with, sent by a real server on the loopback interface.
/// </summary>
public sealed class FieldErrorTests
{
    private const string Key = "key-7f3a91";
    private const string Secret = "secret-c0ffee42";

    private static async Task<ApiException> RefusedAsync(string body, HttpStatusCode status = HttpStatusCode.UnprocessableEntity)
    {
        await using var server = await LoopbackServer.StartAsync("{}", status);
        server.ErrorBody = body;
        using var client = new EngageClient(new EngageClientOptions { ApiKey = Key, ApiSecret = Secret, BaseAddress = new Uri(server.Root, "/v1") });
        return await Assert.ThrowsAsync<ApiException>(() => client.Users.CreateAsync(new CreateUserRequest { Id = "u1" }));
    }

    [Fact]
    public async Task A_map_of_fields_to_messages_gives_each_field_its_messages_in_field_order()
    {
        var error = await RefusedAsync("""{"name": "can't be blank", "callback_url": ["is not a valid URL", "is too long"]}""");

        Assert.Equal(new[] { "callback_url", "name" }, error.FieldErrors.Keys);
        Assert.Equal(new[] { "is not a valid URL", "is too long" }, error.FieldErrors["callback_url"]);
        Assert.Equal(new[] { "can't be blank" }, error.FieldErrors["name"]);
        Assert.EndsWith("returned 422 Unprocessable Entity. Field errors: callback_url: is not a valid URL; callback_url: is too long; name: can't be blank", error.Message, StringComparison.Ordinal);
        Assert.Contains("callback_url", error.RawBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_errors_array_of_objects_names_the_fields()
    {
        var error = await RefusedAsync("""{"errors": [{"field": "email", "message": "is taken"}, {"field": "email", "message": "is too long"}, {"param": "plan", "message": "unknown"}]}""", HttpStatusCode.BadRequest);

        Assert.Equal(new[] { "email", "plan" }, error.FieldErrors.Keys);
        Assert.Equal(new[] { "is taken", "is too long" }, error.FieldErrors["email"]);
        Assert.Contains("Field errors: email: is taken; email: is too long; plan: unknown", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_message_with_an_errors_object_flattens_nested_fields()
    {
        var error = await RefusedAsync("""
            {"message": "The given data was invalid.",
             "errors": {"items": [{"name": ["is required"]}, {"qty": "must be positive"}], "address": {"city": ["is blank"]}}}
            """);

        Assert.Equal(new[] { "address.city", "items[0].name", "items[1].qty" }, error.FieldErrors.Keys);
        Assert.Equal(new[] { "must be positive" }, error.FieldErrors["items[1].qty"]);
    }

    [Theory]
    [InlineData("""{"errors": [{"source": {"pointer": "/data/attributes/first_name"}, "detail": "can't be blank"}]}""", "first_name", "can't be blank")]
    [InlineData("""{"detail": [{"loc": ["body", "items", 0, "name"], "msg": "field required", "type": "missing"}]}""", "items[0].name", "field required")]
    public async Task Pointer_and_location_errors_name_their_fields(string body, string field, string message)
    {
        var error = await RefusedAsync(body);

        Assert.Equal(message, Assert.Single(error.FieldErrors[field]));
        Assert.Single(error.FieldErrors);
    }

    [Theory]
    [InlineData("""{"error": "denied"}""")]
    [InlineData("""{"message": "Not allowed", "code": 17}""")]
    [InlineData("""{"error_message": "Some error"}""")]
    [InlineData("""{"title": "Invalid request", "detail": "The body is empty"}""")]
    [InlineData("""{"name": "Sea Lark", "length_m": 11.5}""")] // an object, not a field map: a number in it
    [InlineData("""["is blank"]""")]
    [InlineData("not json")]
    public async Task A_body_of_no_known_shape_gives_no_field_errors(string body)
    {
        var error = await RefusedAsync(body, HttpStatusCode.BadRequest);

        Assert.Empty(error.FieldErrors);
        Assert.DoesNotContain("Field errors", error.Message, StringComparison.Ordinal);
        Assert.Equal(body, error.RawBody);
    }

    [Fact]
    public async Task A_server_error_is_not_read_for_field_errors()
    {
        var error = await RefusedAsync("""{"name": "can't be blank"}""", HttpStatusCode.InternalServerError);

        Assert.Empty(error.FieldErrors);
        Assert.DoesNotContain("Field errors", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_list_in_the_message_stops_at_a_thousand_characters_and_counts_the_rest()
    {
        // 120 fields of one message each: "field_000: message number 000" is 29 characters, 31 with "; " before it.
        var fields = Enumerable.Range(0, 120).Select(i => $"\"field_{i:D3}\": \"message number {i:D3}\"");
        var error = await RefusedAsync("{" + string.Join(", ", fields) + "}");

        Assert.Equal(120, error.FieldErrors.Count);
        var list = error.Message.Substring(error.Message.IndexOf("Field errors: ", StringComparison.Ordinal) + "Field errors: ".Length);
        var shown = list.Substring(0, list.LastIndexOf("; and ", StringComparison.Ordinal));
        Assert.True(shown.Length <= 1000, $"the list is {shown.Length} characters");
        var count = shown.Split("; ").Length;
        Assert.Equal(32, count); // 32 entries take 32 * 29 + 31 * 2 = 990 characters; a 33rd would make 1021
        Assert.EndsWith("; and 88 more", error.Message, StringComparison.Ordinal);
        Assert.StartsWith("field_000: message number 000; field_001", list, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Credentials_the_server_echoes_are_masked_in_the_message()
    {
        var error = await RefusedAsync($$"""{"api_key": ["{{Key}} is not active"], "api_secret": "{{Secret}} has expired"}""", HttpStatusCode.Unauthorized);

        Assert.Equal(2, error.FieldErrors.Count);
        Assert.DoesNotContain(Key, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, error.Message, StringComparison.Ordinal);
        Assert.Contains("api_key: *** is not active; api_secret: *** has expired", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void An_exception_made_by_hand_reads_its_field_errors_from_its_body()
    {
        // Tests and mocks build ApiException with the shipped constructor: the field errors come from the body they give.
        var error = new ApiException("refused", 422, null, """{"errors": {"title": ["is too short"]}}""", "POST", "https://api.example.test/v1/notes");

        Assert.Equal(new[] { "is too short" }, error.FieldErrors["title"]);
        Assert.Empty(new ApiException("failed", 503, null, """{"title": "x"}""", "GET", "https://api.example.test/v1/notes").FieldErrors);
    }
}
