using System.Net;
using System.Text;
using System.Text.Json;
using Engage.Codegen.Runtime;
using Engage.Codegen.Tests.Generated;

namespace Engage.Codegen.Tests;

public class RuntimeTests
{
    /// <summary>Answers every request with one canned response and remembers the requests.</summary>
    private sealed class CannedHandler(HttpStatusCode status, string body, string contentType = "application/json") : HttpMessageHandler
    {
        public List<HttpRequestMessage> Requests { get; } = new();

        public List<string?> Bodies { get; } = new();

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Requests.Add(request);
            Bodies.Add(request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken));
            var response = new HttpResponseMessage(status) { Content = new StringContent(body, Encoding.UTF8, contentType) };
            response.Headers.Add("X-Request-Id", "req-42");
            return response;
        }
    }

    private static EngageClient Client(HttpMessageHandler handler, string? secret = "s3cr3t-value") =>
        new(new EngageClientOptions { ApiKey = "key-value", ApiSecret = secret }, new HttpClient(handler));

    [Fact]
    public async Task Sends_basic_auth_with_key_and_secret_or_key_and_empty_secret()
    {
        var handler = new CannedHandler(HttpStatusCode.OK, "{\"id\":\"1\",\"title\":\"t\"}");
        await Client(handler).Lists.GetAsync("1");
        await Client(handler, secret: null).Lists.GetAsync("1");
        Assert.Equal("Basic", handler.Requests[0].Headers.Authorization!.Scheme);
        Assert.Equal("key-value:s3cr3t-value", Encoding.UTF8.GetString(Convert.FromBase64String(handler.Requests[0].Headers.Authorization!.Parameter!)));
        Assert.Equal("key-value:", Encoding.UTF8.GetString(Convert.FromBase64String(handler.Requests[1].Headers.Authorization!.Parameter!)));
        Assert.Equal(new Uri("https://api.engage.so/v1/lists/1"), handler.Requests[0].RequestUri);
    }

    [Fact]
    public async Task The_default_user_agent_names_the_client_and_the_runtime_version_that_generated_code_carries()
    {
        var handler = new CannedHandler(HttpStatusCode.OK, "{\"id\":\"1\",\"title\":\"t\"}");
        await Client(handler).Lists.GetAsync("1");
        Assert.Equal($"EngageClient Engage.Codegen.Runtime/{ApiPipeline.RuntimeVersion}", string.Join(" ", handler.Requests[0].Headers.GetValues("User-Agent")));
        var generatedBy = typeof(EngageClient).GetCustomAttributes(typeof(System.CodeDom.Compiler.GeneratedCodeAttribute), false).Cast<System.CodeDom.Compiler.GeneratedCodeAttribute>().Single();
        Assert.Equal(ApiPipeline.RuntimeVersion, generatedBy.Version);
        Assert.Matches(@"^\d+\.\d+\.\d+", ApiPipeline.RuntimeVersion);

        // An HttpClient's own User-Agent wins.
        var custom = new HttpClient(handler);
        custom.DefaultRequestHeaders.UserAgent.ParseAdd("MyApp/2.0");
        await new EngageClient(new EngageClientOptions { ApiKey = "key-value" }, custom).Lists.GetAsync("1");
        Assert.Equal("MyApp/2.0", string.Join(" ", handler.Requests[1].Headers.GetValues("User-Agent")));
    }

    [Fact]
    public async Task Html_error_page_keeps_status_raw_body_and_headers()
    {
        var html = "<html><body><h1>502 Bad Gateway</h1></body></html>";
        var handler = new CannedHandler(HttpStatusCode.BadGateway, html, "text/html");
        var exception = await Assert.ThrowsAsync<ApiException>(() => Client(handler).Users.GetAsync("u1"));
        Assert.Equal(502, exception.StatusCode);
        Assert.Null(exception.Error);
        Assert.Equal(html, exception.RawBody);
        Assert.Equal(new[] { "req-42" }, exception.Headers["x-request-id"]);
        Assert.Equal("GET", exception.Method);
        Assert.Equal("https://api.engage.so/v1/users/u1", exception.RequestUri);
    }

    [Fact]
    public async Task Empty_error_body_is_kept_as_empty()
    {
        var exception = await Assert.ThrowsAsync<ApiException>(() => Client(new CannedHandler(HttpStatusCode.ServiceUnavailable, "")).Users.GetAsync("u1"));
        Assert.Equal(503, exception.StatusCode);
        Assert.Equal(string.Empty, exception.RawBody);
        Assert.Null(exception.Error);
    }

    [Fact]
    public async Task Success_body_that_does_not_deserialize_keeps_its_raw_text()
    {
        var truncated = "{\"id\": \"5fc6\", \"uid\": \"u1\", \"meta\": {\"plan\"";
        var exception = await Assert.ThrowsAsync<ApiException>(() => Client(new CannedHandler(HttpStatusCode.OK, truncated)).Users.GetAsync("u1"));
        Assert.Equal(200, exception.StatusCode);
        Assert.Equal(truncated, exception.RawBody);
        Assert.IsAssignableFrom<JsonException>(exception.InnerException);
        Assert.Contains("could not be read as User", exception.Message);
    }

    [Fact]
    public async Task Optional_request_members_left_unset_are_not_sent()
    {
        var handler = new CannedHandler(HttpStatusCode.OK, "{\"id\":\"1\",\"uid\":\"u\"}");
        await Client(handler).Users.CreateAsync(new CreateUserRequest { Id = "u", FirstName = "Ada", Meta = new() { ["age"] = 34, ["vip"] = true, ["plan"] = "pro" } });
        Assert.Equal("{\"id\":\"u\",\"first_name\":\"Ada\",\"meta\":{\"age\":34,\"vip\":true,\"plan\":\"pro\"}}", handler.Bodies[0]);
        Assert.Equal("application/json", handler.Requests[0].Content!.Headers.ContentType!.MediaType);
    }

    [Fact]
    public void Models_round_trip_through_the_generated_json_context_with_the_documented_names()
    {
        var json = "{\"id\":\"5fc6477241fcec31a9548e98\",\"uid\":\"a.jinadu@somecorp.email\",\"uid_updateable\":true,\"first_name\":\"Akinyele\",\"number\":null," +
            "\"email\":\"a.jinadu@somecorp.email\",\"devices\":[{\"token\":\"t1\",\"platform\":\"ios\"},{\"token\":\"t2\",\"platform\":\"windows\"}]," +
            "\"lists\":[{\"id\":\"l1\",\"subscribed\":false}],\"segments\":[],\"meta\":{\"plan\":\"pro\",\"age\":34}," +
            "\"created_at\":\"2021-01-12T05:24:39.062+00:00\",\"unknown_field\":{\"nested\":[1,2]}}";
        var user = JsonSerializer.Deserialize(json, EngageJsonContext.Default.User)!;
        Assert.Equal(UserDevicePlatform.Ios, user.Devices[0].Platform);
        Assert.True(user.Devices[0].Platform.IsKnown);
        Assert.Equal("windows", user.Devices[1].Platform.Value);
        Assert.False(user.Devices[1].Platform.IsKnown);
        Assert.False(user.Lists[0].Subscribed);
        Assert.Equal(new DateTimeOffset(2021, 1, 12, 5, 24, 39, 62, TimeSpan.Zero), user.CreatedAt);

        var written = JsonSerializer.Serialize(user, EngageJsonContext.Default.User);
        using var document = JsonDocument.Parse(written);
        var root = document.RootElement;
        Assert.Equal("Akinyele", root.GetProperty("first_name").GetString());
        Assert.Equal("windows", root.GetProperty("devices")[1].GetProperty("platform").GetString());
        Assert.Equal(34, root.GetProperty("meta").GetProperty("age").GetInt32());
        Assert.False(root.TryGetProperty("unknown_field", out _));
        Assert.False(root.TryGetProperty("number", out _));
    }

    [Fact]
    public void ApiScalar_holds_exactly_a_string_number_or_boolean()
    {
        ApiScalar text = "pro";
        ApiScalar number = 34;
        ApiScalar flag = true;
        Assert.Equal(ApiScalarKind.String, text.Kind);
        Assert.Equal(34.0, number.AsNumber());
        Assert.True(flag.AsBoolean());
        Assert.Throws<InvalidOperationException>(() => text.AsNumber());
        Assert.Equal("34", number.ToString());
        Assert.Equal("true", flag.ToString());
    }

    [Theory]
    [InlineData("a/b", "a%2Fb")]
    [InlineData("?x=1", "%3Fx%3D1")]
    [InlineData("%2F", "%252F")]
    [InlineData("../lists", "..%2Flists")]
    public void Path_segments_are_escaped_into_one_segment(string value, string expected) =>
        Assert.Equal(expected, ApiPath.Segment(value));

    [Fact]
    public void Options_never_show_credentials_and_validate_clearly()
    {
        var options = new EngageClientOptions { ApiKey = "key-abc", ApiSecret = "secret-xyz" };
        Assert.DoesNotContain("key-abc", options.ToString());
        Assert.DoesNotContain("secret-xyz", options.ToString());
        Assert.Contains("ApiSecret = ***", options.ToString());

        var missingKey = Assert.Throws<ArgumentException>(() => new EngageClient(new EngageClientOptions()));
        Assert.Contains("ApiKey is required", missingKey.Message);

        var plainHttp = Assert.Throws<ArgumentException>(() => new EngageClient(new EngageClientOptions { ApiKey = "k", BaseAddress = new Uri("http://api.example.com/v1") }));
        Assert.Contains("HTTPS", plainHttp.Message);
        using var loopback = new EngageClient(new EngageClientOptions { ApiKey = "k", BaseAddress = new Uri("http://127.0.0.1:5080/v1") });

        var newline = Assert.Throws<ArgumentException>(() => new EngageClient(new EngageClientOptions { ApiKey = "k\r\nX-Evil: 1" }));
        Assert.Contains("CR, LF", newline.Message);
    }

    [Fact]
    public async Task Paging_stops_with_a_clear_error_when_the_server_repeats_a_cursor()
    {
        var pageable = new IdCursorPageable<string>(
            (request, _) => Task.FromResult(new IdCursorResult<string>(new[] { "a", "b" }, hasMore: true)),
            item => item, null, null, 2, CancellationToken.None);
        var exception = await Assert.ThrowsAsync<ApiPagingException>(async () =>
        {
            await foreach (var _ in pageable)
            {
            }
        });
        Assert.Contains("returned before", exception.Message);
    }

    [Fact]
    public async Task Paging_stops_with_a_clear_error_on_an_empty_page_that_claims_more()
    {
        var pageable = new IdCursorPageable<string>(
            (request, _) => Task.FromResult(new IdCursorResult<string>(Array.Empty<string>(), hasMore: true)),
            item => item, null, null, 2, CancellationToken.None);
        var exception = await Assert.ThrowsAsync<ApiPagingException>(async () =>
        {
            await foreach (var _ in pageable)
            {
            }
        });
        Assert.Contains("empty page", exception.Message);
    }

    [Fact]
    public async Task Pageable_for_tests_yields_the_given_pages()
    {
        var pageable = AsyncPageable<int>.FromPages(new[] { Page<int>.FromValues(new[] { 1, 2 }, true, "t"), Page<int>.FromValues(new[] { 3 }, false, null) });
        var items = new List<int>();
        await foreach (var item in pageable)
        {
            items.Add(item);
        }

        Assert.Equal(new[] { 1, 2, 3 }, items);
    }
}
