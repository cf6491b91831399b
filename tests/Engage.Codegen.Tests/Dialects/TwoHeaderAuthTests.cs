using Engage.Codegen.Runtime;

namespace Engage.Codegen.Tests.Dialects;

/// <summary>
/// Two headers sent together, an id and a token, as a request sample shows them (our own page about an
/// invented API, written the way such docs write it): both are options named after their headers, both
/// are required, both go on every request, and neither reaches options text or an exception message.
/// </summary>
public class TwoHeaderAuthTests
{
    private const string Page = """
        # The Board API

        Base URL: `https://api.board.test/v1`

        Every call names the user and carries that user's token:

        ```bash
        curl -H "X-Board-User-Id: u-77" \
             -H "X-Board-Auth-Token: tok_9f2" \
             https://api.board.test/v1/notes.list?board=b-1
        ```

        ## List notes

        | URL | Requires Auth | HTTP Method |
        | --- | --- | --- |
        | `/notes.list` | yes | `GET` |

        ```json
        {"notes": [{"id": "n1", "text": "Hello"}]}
        ```
        """;

    private static readonly Lazy<GenerationResult> s_result = new(() => GeneratorHarness.Run(new[] { new InMemoryDoc("/docs/board.md", Page) }, ns: "Board.Auth"));
    private static readonly Lazy<System.Reflection.Assembly> s_assembly = new(() => s_result.Value.LoadAssembly());

    private static ApiClientOptions Options(LoopbackServer? server = null)
    {
        var options = (ApiClientOptions)Activator.CreateInstance(s_assembly.Value.GetType("Board.Auth.BoardClientOptions", throwOnError: true)!)!;
        options.BaseAddress = server is null ? new Uri("https://api.board.test/v1") : new Uri(server.Root, "/v1");
        return options;
    }

    private static void Set(object target, string property, string value) => target.GetType().GetProperty(property)!.SetValue(target, value);

    [Fact]
    public void It_compiles_and_names_both_credentials_after_their_headers()
    {
        Assert.Empty(s_result.Value.CompileProblems);
        var type = s_assembly.Value.GetType("Board.Auth.BoardClientOptions", throwOnError: true)!;
        Assert.NotNull(type.GetProperty("BoardUserId"));
        Assert.NotNull(type.GetProperty("BoardAuthToken"));
    }

    [Fact]
    public async Task Both_headers_go_on_the_request()
    {
        await using var server = await LoopbackServer.StartAsync("{\"notes\": []}");
        var options = Options(server);
        Set(options, "BoardUserId", "u-77");
        Set(options, "BoardAuthToken", "tok_9f2");
        var client = Activator.CreateInstance(s_assembly.Value.GetType("Board.Auth.BoardClient", throwOnError: true)!, options, new HttpClient())!;
        var resource = client.GetType().GetProperties().Single(p => p.PropertyType.Name.EndsWith("Client", StringComparison.Ordinal) && p.Name != "Public").Name;
        var method = client.GetType().GetProperty(resource)!.PropertyType.GetMethods().First(m => m.Name.EndsWith("Async", StringComparison.Ordinal) && m.GetParameters().Length == 1).Name;
        await DialectFixture.Invoke(client, resource, method);
        var request = Assert.Single(server.Requests);
        Assert.Equal("u-77", request.Header("X-Board-User-Id"));
        Assert.Equal("tok_9f2", request.Header("X-Board-Auth-Token"));
        Assert.Null(request.Header("Authorization"));
    }

    [Fact]
    public void Both_are_required_and_neither_is_shown()
    {
        var options = Options();
        Set(options, "BoardUserId", "u-77");
        var missing = Assert.Throws<ArgumentException>(options.Validate);
        Assert.Contains("BoardClientOptions.BoardAuthToken is required", missing.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("u-77", missing.Message, StringComparison.Ordinal);
        Set(options, "BoardAuthToken", "tok_9f2");
        options.Validate();
        var text = options.ToString();
        Assert.DoesNotContain("tok_9f2", text, StringComparison.Ordinal);
        Assert.DoesNotContain("u-77", text, StringComparison.Ordinal);
        Assert.Contains("BoardUserId = ***, BoardAuthToken = ***", text, StringComparison.Ordinal);
    }
}
