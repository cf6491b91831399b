using System.Reflection;
using System.Text.Json;
using Engage.Codegen.Runtime;
using Microsoft.CodeAnalysis;

namespace Engage.Codegen.Tests;

/// <summary>
/// Fixtures/messy: pages written the way real docs drift (every quirk class of issue 3 at least
/// once). The client must come out complete and typed, and what cannot be read must be a
/// diagnostic at the right Markdown line.
/// </summary>
public class MessyDocsTests
{
    private static readonly string s_directory = Path.Combine(GeneratorHarness.RepositoryRoot, "tests", "Engage.Codegen.Tests", "Fixtures", "messy");

    private static readonly Lazy<GenerationResult> s_result = new(() =>
        GeneratorHarness.Run(Directory.GetFiles(s_directory, "*.md").Select(f => new InMemoryDoc(f, File.ReadAllText(f))), ns: "Engage.Messy"));

    private static readonly Lazy<Assembly> s_assembly = new(() => s_result.Value.LoadAssembly());

    private static string LineOf(Diagnostic diagnostic)
    {
        var span = diagnostic.Location.GetLineSpan();
        return File.ReadAllLines(span.Path)[span.StartLinePosition.Line];
    }

    [Fact]
    public void Generated_client_compiles_without_warnings()
    {
        Assert.Empty(s_result.Value.CompileProblems);
    }

    [Theory]
    [InlineData("ENG001", "lists.md", "POST /lists/{id!}/oops")]
    [InlineData("ENG003", "users.md", "'first_name': 'Ada',")]
    [InlineData("ENG003", "users.md", "// when the user signed up")]
    [InlineData("ENG003", "lists.md", "{\"status\": \"ok\"")]
    [InlineData("ENG005", "users.md", "- `mystery` - Something the docs never explain.")]
    [InlineData("ENG012", "users.md", "- `age` - Number of years.")]
    public void What_cannot_be_read_is_reported_at_its_line(string id, string file, string lineText)
    {
        var matches = s_result.Value.GeneratorDiagnostics.Where(d => d.Id == id && Path.GetFileName(d.Location.GetLineSpan().Path) == file).ToList();
        Assert.Contains(matches, d => LineOf(d).Trim() == lineText.Trim());
    }

    [Fact]
    public void Trailing_comma_is_reported_at_the_closing_brace()
    {
        var diagnostic = Assert.Single(s_result.Value.GeneratorDiagnostics, d => d.Id == "ENG003" && d.GetMessage().Contains("trailing comma"));
        Assert.Equal("}", LineOf(diagnostic).Trim());
    }

    [Fact]
    public void No_docs_problem_is_an_error_the_broken_endpoint_is_a_warning_and_everything_else_generates()
    {
        Assert.DoesNotContain(s_result.Value.GeneratorDiagnostics, d => d.DefaultSeverity == DiagnosticSeverity.Error);
        var broken = Assert.Single(s_result.Value.GeneratorDiagnostics, d => d.Id == "ENG001");
        Assert.Equal(DiagnosticSeverity.Warning, broken.DefaultSeverity);
        Assert.Equal(7, DocsInputTests.OperationsOf(s_assembly.Value).Count());
    }

    public static TheoryData<string, string, string, ApiAuth, bool, string?> Operations => new()
    {
        // From reading Fixtures/messy: the endpoint line in each fence or inline code, the auth sentence (or none).
        { "CreateAsync", "POST", "/users", ApiAuth.Key, false, "email" },
        { "GetAsync", "GET", "/users/{uid}", ApiAuth.KeyAndSecret, false, null },
        { "UpdateAsync", "PUT", "/users/{uid}", ApiAuth.Key, false, "email" },
        { "AddEventAsync", "POST", "/users/{uid}/events", ApiAuth.KeyAndSecret, false, null },
        { "ListAsync", "GET", "/users", ApiAuth.KeyAndSecret, true, null },
        { "SubscribeAsync", "POST", "/lists/{id}/subscribers", ApiAuth.KeyAndSecret, false, null },
        { "RemoveSubscriberAsync", "DELETE", "/lists/{id}/subscribers/{uid}", ApiAuth.KeyAndSecret, false, null },
    };

    [Theory]
    [MemberData(nameof(Operations))]
    public void Every_endpoint_style_and_auth_marker_is_read(string methodName, string httpMethod, string path, ApiAuth auth, bool paged, string? secretFor)
    {
        var (method, operation) = DocsInputTests.OperationsOf(s_assembly.Value).Single(o => o.Method.Name == methodName && o.Operation.Path == path);
        Assert.Equal(httpMethod, operation.Method);
        Assert.Equal(auth, operation.Auth);
        Assert.Equal(paged, operation.Paged);
        Assert.Equal(secretFor, operation.SecretRequiredFor);
        Assert.NotNull(method);
    }

    [Fact]
    public void Types_come_from_prose_examples_and_names()
    {
        var user = s_assembly.Value.GetType("Engage.Messy.User", throwOnError: true)!;
        Type Of(Type type, string name) => type.GetProperty(name)!.PropertyType;
        var device = Of(user, "Devices").GetGenericArguments()[0];
        Assert.Equal("UserDevice", device.Name);
        Assert.Equal(typeof(string), Of(device, "Token"));
        Assert.Equal("UserDevicePlatform", Of(device, "Platform").Name);
        Assert.Equal(typeof(Dictionary<string, ApiScalar>), Of(user, "Meta"));
        Assert.Equal(typeof(DateTimeOffset?), Of(user, "LastSeen"));
        Assert.Equal(typeof(DateTimeOffset), Of(user, "CreatedAt"));
        Assert.Equal(typeof(List<string>), Of(user, "Tags"));
        Assert.Equal(typeof(decimal), Of(user, "Score"));
        Assert.Equal(typeof(JsonElement), Of(user, "Mystery"));
        Assert.Equal(typeof(string), Of(user, "FirstName"));

        var create = s_assembly.Value.GetType("Engage.Messy.CreateUserRequest", throwOnError: true)!;
        Assert.Equal(typeof(int?), Of(create, "Age"));
        Assert.Equal(typeof(DateTimeOffset?), Of(create, "CreatedAt"));
        Assert.NotNull(create.GetProperty("Limit"));

        var events = s_assembly.Value.GetType("Engage.Messy.AddUserEventRequest", throwOnError: true)!;
        Assert.Equal(typeof(string), Of(events, "Event"));
        Assert.Equal(typeof(bool?), Of(events, "Subscribed"));

        var subscribe = s_assembly.Value.GetType("Engage.Messy.EngageListsClient", throwOnError: true)!.Operation("SubscribeAsync");
        Assert.Equal("EngageList", subscribe.ReturnType.GetGenericArguments()[0].Name);
        var update = s_assembly.Value.GetType("Engage.Messy.EngageUsersClient", throwOnError: true)!.Operation("UpdateAsync");
        Assert.Equal("User", update.ReturnType.GetGenericArguments()[0].Name);
        Assert.Equal(typeof(bool?), Of(s_assembly.Value.GetType("Engage.Messy.SubscribeListRequest")!, "DoubleOptin"));
    }

    [Fact]
    public void Table_parameters_page_and_the_documented_maximum_is_the_default_page_size()
    {
        Assert.Contains("request?.Limit ?? 30", s_result.Value.Source("EngageUsersClient.g.cs"));
        var list = s_assembly.Value.GetType("Engage.Messy.ListUsersRequest", throwOnError: true)!;
        Assert.Equal(typeof(int?), list.GetProperty("Limit")!.PropertyType);
    }

    [Fact]
    public void Front_matter_and_tables_of_contents_are_not_endpoints_and_the_api_is_named_from_the_title()
    {
        Assert.Contains(s_result.Value.Sources, s => s.HintName == "EngageClient.g.cs");
        Assert.DoesNotContain(s_result.Value.GeneratorDiagnostics, d => d.Id is "ENG002" or "ENG004" or "ENG008" or "ENG009");
    }

    [Fact]
    public void Snapshot()
    {
        Engage.Codegen.Tests.Snapshot.Verify(nameof(MessyDocsTests), nameof(Snapshot), s_result.Value.Sources.Select(s => (s.HintName, s.Text)));
    }
}
