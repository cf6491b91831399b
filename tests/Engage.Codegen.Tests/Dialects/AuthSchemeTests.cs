using System.Net;
using System.Text;
using Engage.Codegen.Runtime;

namespace Engage.Codegen.Tests.Dialects;

/// <summary>
/// The auth scheme each docs set describes, read from its introduction and sent exactly as
/// documented by the generated client: a custom header (Slate fixture), <c>Authorization: token</c>
/// (GitHub-style fixture), HTTP Basic with the docs' names (bullet fixture), a key in the query string
/// and a bearer token from a provider (pages written here). Credentials never reach messages. Each
/// client runs against a real HTTP server on loopback, which records what arrived on the wire.
/// </summary>
public class AuthSchemeTests
{
    private static readonly DialectFixture s_slate = new("slate", "Harbor.Auth");
    private static readonly DialectFixture s_github = new("github", "Depot.Auth");
    private static readonly DialectFixture s_bullets = new("bullets", "Orchard.Auth");

    private const string QueryIntro = """
        # The Meter API

        Base URL: `https://api.meter.test/v1`

        ## Authentication

        Pass your key as the `api_key` query parameter on every call:

        ```
        curl "https://api.meter.test/v1/readings?api_key=YOUR_KEY"
        ```

        ## Readings

        ### GET /readings/{id}

        ```json
        {"id": "r1", "kwh": 12.5}
        ```
        """;

    private const string BearerIntro = """
        # The Parcel API

        API Root: `https://api.parcel.test/v3`

        ## Authentication

        Send an OAuth 2.0 access token with each request: `Authorization: Bearer <token>`.

        ## Parcels

        ### GET /parcels/{id}

        ```json
        {"id": "p1", "weight": 2}
        ```

        ### GET /parcels/{id}/tracking

        Anyone with the parcel's id may look; no authentication is required.

        ```json
        {"id": "p1", "where": "Depot 4"}
        ```
        """;

    private static readonly Lazy<GenerationResult> s_query = new(() => GeneratorHarness.Run(new[] { new InMemoryDoc("/docs/meter.md", QueryIntro) }, ns: "Meter.Auth"));
    private static readonly Lazy<GenerationResult> s_bearer = new(() => GeneratorHarness.Run(new[] { new InMemoryDoc("/docs/parcel.md", BearerIntro) }, ns: "Parcel.Auth"));

    /// <summary>A generated client pointed at the loopback server's <c>/v1</c>.</summary>
    private static object Client(System.Reflection.Assembly assembly, string ns, string clientName, LoopbackServer server, Action<ApiClientOptions> configure)
    {
        var options = (ApiClientOptions)Activator.CreateInstance(assembly.GetType(ns + "." + clientName + "Options", throwOnError: true)!)!;
        options.BaseAddress = new Uri(server.Root, "/v1");
        configure(options);
        return Activator.CreateInstance(assembly.GetType(ns + "." + clientName, throwOnError: true)!, options, new HttpClient())!;
    }

    private static void Set(object options, string property, string value) => options.GetType().GetProperty(property)!.SetValue(options, value);

    private static object TokenRequest()
    {
        var request = Activator.CreateInstance(s_github.Type("CreateAccessTokenRequest"))!;
        Set(request, "Name", "scanner");
        return request;
    }

    [Fact]
    public async Task A_custom_header_from_a_slate_sample_carries_the_key_and_nothing_else_does()
    {
        await using var server = await LoopbackServer.StartAsync("{\"id\": 1, \"name\": \"Sea Lark\", \"length_m\": 11.5, \"moored\": true, \"owner_email\": \"x@example.test\"}");
        await DialectFixture.Invoke(Client(s_slate.Assembly, s_slate.Namespace, "HarborClient", server, o => o.ApiKey = "hb_live_secret"), "Boats", "GetAsync", "4021");
        var request = Assert.Single(server.Requests);
        Assert.Equal("hb_live_secret", request.Header("X-Harbor-Key"));
        Assert.Null(request.Header("Authorization"));
        Assert.Equal(typeof(Task<>).MakeGenericType(s_slate.Type("GetBoatResponse")), s_slate.Type("HarborBoatsClient").Operation("GetAsync").ReturnType);
    }

    [Fact]
    public async Task A_token_header_uses_the_docs_prefix_and_the_docs_name_for_the_option()
    {
        await using var server = await LoopbackServer.StartAsync("{\"id\": 3000000123, \"label\": \"Bolts\", \"weight_kg\": 1, \"sealed\": true, \"received_at\": \"2026-03-01T09:30:00Z\"}");
        var client = Client(s_github.Assembly, s_github.Namespace, "DepotClient", server, o => Set(o, "AccessToken", "tok_123"));
        await DialectFixture.Invoke(client, "Crates", "GetCrateAsync", "north", "7");
        Assert.Equal("token tok_123", Assert.Single(server.Requests).Header("Authorization"));
        var attribute = s_github.Operation("DepotCratesClient", "GetCrateAsync");
        Assert.Equal(ApiAuth.Token, attribute.Auth);
        Assert.DoesNotContain(s_github.Result.Sources, s => s.HintName.Contains("Public", StringComparison.Ordinal));
    }

    [Fact]
    public void Validation_names_the_missing_credential_in_the_docs_words()
    {
        var options = (ApiClientOptions)Activator.CreateInstance(s_github.Type("DepotClientOptions"))!;
        options.BaseAddress = new Uri("https://depot.example.test/api/v1");
        var exception = Assert.Throws<ArgumentException>(options.Validate);
        Assert.Contains("DepotClientOptions.AccessToken is required", exception.Message);
        Set(options, "AccessToken", "tok_123");
        options.Validate();
        Assert.DoesNotContain("tok_123", options.ToString());
        Assert.Contains("AccessToken = ***", options.ToString());
    }

    [Fact]
    public async Task Basic_from_curl_u_is_named_as_the_docs_name_the_parts()
    {
        await using var server = await LoopbackServer.StartAsync("{\"id\": 1, \"variety\": \"Bramley\", \"planted_on\": \"2019-04-02\", \"height_m\": 3.4, \"grove_id\": 2, \"bearing\": true}");
        var client = Client(s_bullets.Assembly, s_bullets.Namespace, "Orchard3Client", server, o =>
        {
            Set(o, "Username", "grower");
            Set(o, "Password", "pw-9");
            o.UserAgent = "GroveTool (grower@example.test)";
        });
        await DialectFixture.Invoke(client, "Trees", "GetTreeAsync", "1", "2", null);
        Assert.Equal("GroveTool (grower@example.test)", Assert.Single(server.Requests).Header("User-Agent"));
        var authorization = Assert.Single(server.Requests).Header("Authorization")!.Split(' ');
        Assert.Equal("Basic", authorization[0]);
        Assert.Equal("grower:pw-9", Encoding.UTF8.GetString(Convert.FromBase64String(authorization[1])));
    }

    [Fact]
    public void A_user_agent_the_docs_require_is_insisted_on_with_their_example()
    {
        // The bullet fixture: "Every request must carry a `User-Agent` header ...", after a curl that shows one.
        var options = (ApiClientOptions)Activator.CreateInstance(s_bullets.Type("Orchard3ClientOptions"))!;
        options.BaseAddress = new Uri("https://orchard.example.test/1/api/v1");
        Set(options, "Username", "grower");
        var exception = Assert.Throws<ArgumentException>(options.Validate);
        Assert.Contains("Orchard3ClientOptions.UserAgent is required", exception.Message);
        Assert.Contains("\"MyFarmApp (me@example.test)\"", exception.Message);
        options.UserAgent = "GroveTool (grower@example.test)";
        options.Validate();

        // Docs that do not ask for one: no requirement, and the default names the client.
        var harbor = (ApiClientOptions)Activator.CreateInstance(s_slate.Type("HarborClientOptions"))!;
        harbor.ApiKey = "k";
        harbor.BaseAddress = new Uri("https://harbor.example.test/v3");
        harbor.Validate();
    }

    [Fact]
    public async Task A_query_key_is_sent_on_the_request_but_never_shown_in_an_exception()
    {
        Assert.Empty(s_query.Value.CompileProblems);
        var assembly = s_query.Value.LoadAssembly();
        await using var server = await LoopbackServer.StartAsync("{}", HttpStatusCode.Forbidden);
        var client = Client(assembly, "Meter.Auth", "MeterClient", server, o => { o.ApiKey = "k-SECRET-42"; o.Retry.MaxRetries = 0; });
        var exception = await Assert.ThrowsAsync<ApiException>(() => DialectFixture.Invoke(client, "Readings", "GetAsync", "r1"));
        Assert.Equal("/v1/readings/r1?api_key=k-SECRET-42", Assert.Single(server.Requests).PathAndQuery);
        Assert.DoesNotContain("k-SECRET-42", exception.Message);
        Assert.DoesNotContain("k-SECRET-42", exception.RequestUri);
        Assert.DoesNotContain("k-SECRET-42", exception.ToString());
    }

    [Fact]
    public async Task A_bearer_token_provider_is_asked_again_after_a_401_and_then_the_call_succeeds()
    {
        Assert.Empty(s_bearer.Value.CompileProblems);
        var assembly = s_bearer.Value.LoadAssembly();
        await using var server = await LoopbackServer.StartAsync("{\"id\": \"p1\", \"weight\": 2}", HttpStatusCode.Unauthorized, HttpStatusCode.OK);
        var tokens = new Queue<string>(new[] { "expired-token", "fresh-token" });
        var client = Client(assembly, "Parcel.Auth", "ParcelClient", server, o => o.TokenProvider = _ => new ValueTask<string>(tokens.Dequeue()));
        await DialectFixture.Invoke(client, "Parcels", "GetAsync", "p1");
        Assert.Equal(new[] { "Bearer expired-token", "Bearer fresh-token" }, server.Requests.Select(r => r.Header("Authorization")));
    }

    [Fact]
    public async Task An_operation_the_docs_call_public_sends_no_credentials_and_the_others_still_do()
    {
        var assembly = s_bearer.Value.LoadAssembly();
        await using var server = await LoopbackServer.StartAsync("{\"id\": \"p1\", \"where\": \"Depot 4\", \"weight\": 2}");
        var client = Client(assembly, "Parcel.Auth", "ParcelClient", server, o => o.ApiKey = "tok-PRIVATE");
        var resource = client.GetType().GetProperty("Parcels")!.GetValue(client)!;
        var tracking = resource.GetType().GetMethods().Single(m => m.Name.Contains("Tracking", StringComparison.Ordinal) && m.GetParameters().Length == 3);
        Assert.Equal(ApiAuth.None, tracking.GetCustomAttributes(typeof(ApiOperationAttribute), false).Cast<ApiOperationAttribute>().Single().Auth);
        await (Task)tracking.Invoke(resource, new object?[] { "p1", null, CancellationToken.None })!;
        await DialectFixture.Invoke(client, "Parcels", "GetAsync", "p1");
        var requests = server.Requests.ToArray();
        Assert.Null(requests[0].Header("Authorization"));
        Assert.Equal("Bearer tok-PRIVATE", requests[1].Header("Authorization"));
    }

    [Fact]
    public async Task A_second_401_fails_with_the_status_and_without_the_token()
    {
        var assembly = s_bearer.Value.LoadAssembly();
        await using var server = await LoopbackServer.StartAsync("{}", HttpStatusCode.Unauthorized);
        var client = Client(assembly, "Parcel.Auth", "ParcelClient", server, o => o.TokenProvider = _ => new ValueTask<string>("tok-NEVER-SHOWN"));
        var exception = await Assert.ThrowsAsync<ApiException>(() => DialectFixture.Invoke(client, "Parcels", "GetAsync", "p1"));
        Assert.Equal(401, exception.StatusCode);
        Assert.Equal(2, server.Requests.Count);
        Assert.DoesNotContain("tok-NEVER-SHOWN", exception.ToString());
    }

    [Fact]
    public async Task Operations_an_auth_page_says_take_basic_auth_send_the_user_name_and_password_and_the_rest_the_token()
    {
        // Both token operations; listing pages (the overview's Pagination speaks of every list), so creating is what is called here.
        Assert.Equal(ApiAuth.Basic, s_github.Operation("DepotAccessTokensClient", "ListTokensAsync").Auth);
        Assert.Equal(ApiAuth.Basic, s_github.Operation("DepotAccessTokensClient", "CreateTokenAsync").Auth);
        Assert.Equal(ApiAuth.Token, s_github.Operation("DepotCratesClient", "GetCrateAsync").Auth);

        await using var tokens = await LoopbackServer.StartAsync("{\"name\": \"scanner\", \"sha1\": \"8f3a\"}");
        await using var crates = await LoopbackServer.StartAsync("{\"id\": 7, \"label\": \"Bolts\", \"weight_kg\": 1, \"sealed\": true, \"received_at\": \"2026-03-01T09:30:00Z\"}");
        void Credentials(ApiClientOptions o)
        {
            Set(o, "AccessToken", "tok_123");
            o.BasicUsername = "picker";
            o.BasicPassword = "pa55-NEVER-SHOWN";
        }

        await DialectFixture.Invoke(Client(s_github.Assembly, s_github.Namespace, "DepotClient", tokens, Credentials), "AccessTokens", "CreateTokenAsync", "picker", TokenRequest());
        await DialectFixture.Invoke(Client(s_github.Assembly, s_github.Namespace, "DepotClient", crates, Credentials), "Crates", "GetCrateAsync", "north", "7");
        var listed = Assert.Single(tokens.Requests);
        Assert.Equal("POST /v1/users/picker/tokens", listed.Method + " " + listed.PathAndQuery);
        Assert.Equal("Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("picker:pa55-NEVER-SHOWN")), listed.Header("Authorization"));
        Assert.Equal("token tok_123", Assert.Single(crates.Requests).Header("Authorization"));
    }

    [Fact]
    public async Task Without_the_basic_credentials_a_basic_operation_sends_nothing_and_says_what_to_set()
    {
        await using var server = await LoopbackServer.StartAsync("[]");
        var client = Client(s_github.Assembly, s_github.Namespace, "DepotClient", server, o => Set(o, "AccessToken", "tok_123"));
        var exception = await Assert.ThrowsAsync<ApiCredentialsException>(() => DialectFixture.Invoke(client, "AccessTokens", "CreateTokenAsync", "picker", TokenRequest()));
        Assert.Contains("AccessTokens.CreateToken takes HTTP Basic authentication", exception.Message);
        Assert.Contains("DepotClientOptions.BasicUsername and BasicPassword", exception.Message);
        Assert.Empty(server.Requests);
        Assert.DoesNotContain("tok_123", exception.Message);
    }

    [Fact]
    public async Task Basic_credentials_never_reach_options_text_or_a_failed_calls_exception()
    {
        await using var server = await LoopbackServer.StartAsync("{\"message\": \"bad credentials\"}", HttpStatusCode.Unauthorized);
        ApiClientOptions? seen = null;
        var client = Client(s_github.Assembly, s_github.Namespace, "DepotClient", server, o =>
        {
            Set(o, "AccessToken", "tok_123");
            o.BasicUsername = "picker-PRIVATE";
            o.BasicPassword = "pa55-NEVER-SHOWN";
            seen = o;
        });
        Assert.Contains("BasicUsername = ***, BasicPassword = ***", seen!.ToString());
        Assert.DoesNotContain("picker-PRIVATE", seen.ToString());
        Assert.DoesNotContain("pa55-NEVER-SHOWN", seen.ToString());
        var exception = await Assert.ThrowsAsync<ApiException>(() => DialectFixture.Invoke(client, "AccessTokens", "CreateTokenAsync", "picker", TokenRequest()));
        Assert.Equal(401, exception.StatusCode);
        Assert.DoesNotContain("pa55-NEVER-SHOWN", exception.ToString());
        Assert.DoesNotContain(Convert.ToBase64String(Encoding.UTF8.GetBytes("picker-PRIVATE:pa55-NEVER-SHOWN")), exception.ToString());
    }
}
