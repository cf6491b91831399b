using System.Reflection;
using Engage.Codegen.Runtime;
using Microsoft.CodeAnalysis;

namespace Engage.Codegen.Tests;

/// <summary>
/// The client generated from docs-input, checked against the facts of ../shared/engage-api-facts.md:
/// the 13 operations with their method, path, auth and paging; the models' types; a clean build.
/// </summary>
public class DocsInputTests
{
    private static readonly Lazy<GenerationResult> s_result = new(() => GeneratorHarness.Run(GeneratorHarness.DocsInputFiles()));

    private static readonly Lazy<Assembly> s_assembly = new(() => s_result.Value.LoadAssembly());

    public static TheoryData<string, string, string, string, ApiAuth, bool> Operations => new()
    {
        // resource, method name, HTTP method, path, auth, paged: from the facts sheet's endpoint tables.
        { "Users", "CreateAsync", "POST", "/users", ApiAuth.Key, false },
        { "Users", "GetAsync", "GET", "/users/{uid}", ApiAuth.KeyAndSecret, false },
        { "Users", "UpdateAsync", "PUT", "/users/{uid}", ApiAuth.Key, false },
        { "Users", "AddEventAsync", "POST", "/users/{uid}/events", ApiAuth.Key, false },
        { "Users", "ListAsync", "GET", "/users", ApiAuth.KeyAndSecret, true },
        { "Lists", "CreateAsync", "POST", "/lists", ApiAuth.KeyAndSecret, false },
        { "Lists", "ListAsync", "GET", "/lists", ApiAuth.Key, true },
        { "Lists", "GetAsync", "GET", "/lists/{id}", ApiAuth.Key, false },
        { "Lists", "UpdateAsync", "PUT", "/lists/{id}", ApiAuth.Key, false },
        { "Lists", "DeleteAsync", "DELETE", "/lists/{id}", ApiAuth.KeyAndSecret, false },
        { "Lists", "SubscribeAsync", "POST", "/lists/{id}/subscribers", ApiAuth.KeyAndSecret, false },
        { "Lists", "UpdateSubscriberAsync", "PUT", "/lists/{id}/subscribers/{uid}", ApiAuth.KeyAndSecret, false },
        { "Lists", "RemoveSubscriberAsync", "DELETE", "/lists/{id}/subscribers/{uid}", ApiAuth.KeyAndSecret, false },
    };

    [Fact]
    public void Generates_with_no_diagnostics_and_compiles_without_warnings_under_nullable_and_doc_checks()
    {
        var result = s_result.Value;
        Assert.Empty(result.GeneratorDiagnostics);
        Assert.Empty(result.CompileProblems);
    }

    [Fact]
    public void Generates_exactly_the_thirteen_documented_operations()
    {
        var operations = OperationsOf(s_assembly.Value).ToList();
        Assert.Equal(13, operations.Count);
        Assert.Equal(Operations.Count(), operations.Count);
    }

    [Theory]
    [MemberData(nameof(Operations))]
    public void Each_operation_carries_the_documented_method_path_auth_and_paging(string resource, string methodName, string httpMethod, string path, ApiAuth auth, bool paged)
    {
        var type = s_assembly.Value.GetType($"Engage.Snapshot.Engage{resource}Client", throwOnError: true)!;
        var method = type.Operation(methodName);
        var attribute = method.GetCustomAttribute<ApiOperationAttribute>()!;
        Assert.Equal(httpMethod, attribute.Method);
        Assert.Equal(path, attribute.Path);
        Assert.Equal(auth, attribute.Auth);
        Assert.Equal(paged, attribute.Paged);
        Assert.Equal(paged, method.ReturnType.IsGenericType && method.ReturnType.GetGenericTypeDefinition() == typeof(AsyncPageable<>));
        Assert.Equal(typeof(CancellationToken), method.GetParameters().Last().ParameterType);
    }

    [Theory]
    [MemberData(nameof(Operations))]
    public void Each_operation_source_points_at_its_method_and_path_line_in_the_docs(string resource, string methodName, string httpMethod, string path, ApiAuth auth, bool paged)
    {
        _ = auth;
        _ = paged;
        var method = s_assembly.Value.GetType($"Engage.Snapshot.Engage{resource}Client")!.Operation(methodName);
        var source = method.GetCustomAttribute<ApiOperationAttribute>()!.Source!;
        var parts = source.Split(':');
        Assert.Equal(resource.ToLowerInvariant() + ".md", parts[0]);
        var line = File.ReadAllLines(Path.Combine(GeneratorHarness.RepositoryRoot, "docs-input", parts[0]))[int.Parse(parts[1]) - 1];
        Assert.Equal($"{httpMethod} {path}", line.Trim());
    }

    [Fact]
    public void Updating_a_users_email_is_recorded_as_needing_the_secret()
    {
        var method = s_assembly.Value.GetType("Engage.Snapshot.EngageUsersClient")!.Operation("UpdateAsync");
        Assert.Equal("email", method.GetCustomAttribute<ApiOperationAttribute>()!.SecretRequiredFor);
    }

    [Fact]
    public void User_model_types_follow_the_facts()
    {
        var user = s_assembly.Value.GetType("Engage.Snapshot.User", throwOnError: true)!;
        Type Of(string name) => user.GetProperty(name)!.PropertyType;
        Assert.Equal(typeof(DateTimeOffset?), Of("CreatedAt"));
        Assert.Equal(typeof(Dictionary<string, ApiScalar>), Of("Meta"));
        Assert.Equal(typeof(bool?), Of("UidUpdateable"));
        Assert.Equal(typeof(string), Of("Email"));
        foreach (var (name, model, fields) in new[] { ("Devices", "UserDevice", new[] { "Token", "Platform" }), ("Lists", "UserList", new[] { "Id", "Subscribed" }), ("Segments", "UserSegment", new[] { "Id", "Suppressed" }) })
        {
            var list = Of(name);
            Assert.Equal(typeof(List<>), list.GetGenericTypeDefinition());
            var element = list.GetGenericArguments()[0];
            Assert.Equal(model, element.Name);
            Assert.Equal(fields, element.GetProperties().Select(p => p.Name));
        }

        var nullability = new NullabilityInfoContext();
        Assert.Equal(NullabilityState.Nullable, nullability.Create(user.GetProperty("FirstName")!).ReadState);
        Assert.Equal(NullabilityState.Nullable, nullability.Create(user.GetProperty("Number")!).ReadState);
        Assert.Equal(NullabilityState.NotNull, nullability.Create(user.GetProperty("Uid")!).ReadState);

        var platform = s_assembly.Value.GetType("Engage.Snapshot.UserDevicePlatform", throwOnError: true)!;
        Assert.True(platform.IsValueType);
        Assert.Equal(new[] { "android", "ios" }, new[] { "Android", "Ios" }.Select(n => platform.GetProperty(n)!.GetValue(null)!.ToString()));
    }

    [Fact]
    public void List_model_and_request_types_follow_the_facts()
    {
        var list = s_assembly.Value.GetType("Engage.Snapshot.EngageList", throwOnError: true)!;
        Assert.Equal(typeof(int), list.GetProperty("SubscriberCount")!.PropertyType);
        Assert.Equal(typeof(bool), list.GetProperty("DoubleOptin")!.PropertyType);
        Assert.Equal(typeof(DateTimeOffset?), list.GetProperty("CreatedAt")!.PropertyType);

        var create = s_assembly.Value.GetType("Engage.Snapshot.CreateUserRequest", throwOnError: true)!;
        Assert.Equal(typeof(List<string>), create.GetProperty("Lists")!.PropertyType);
        Assert.NotNull(create.GetProperty("Id")!.GetCustomAttribute<System.Runtime.CompilerServices.RequiredMemberAttribute>());
        Assert.Null(create.GetProperty("Email")!.GetCustomAttribute<System.Runtime.CompilerServices.RequiredMemberAttribute>());

        var events = s_assembly.Value.GetType("Engage.Snapshot.AddUserEventRequest", throwOnError: true)!;
        Assert.Equal(typeof(ApiScalar?), events.GetProperty("Value")!.PropertyType);
        Assert.Equal(typeof(DateTimeOffset?), events.GetProperty("Timestamp")!.PropertyType);

        var subscriber = s_assembly.Value.GetType("Engage.Snapshot.UpdateListSubscriberRequest", throwOnError: true)!;
        Assert.Equal(typeof(bool), subscriber.GetProperty("Subscribed")!.PropertyType);
    }

    [Fact]
    public void Client_is_named_from_the_docs_and_defaults_to_the_documented_root()
    {
        var options = s_assembly.Value.GetType("Engage.Snapshot.EngageClientOptions", throwOnError: true)!;
        var instance = (ApiClientOptions)Activator.CreateInstance(options)!;
        Assert.Equal(new Uri("https://api.engage.so/v1"), instance.BaseAddress);
        var client = s_assembly.Value.GetType("Engage.Snapshot.EngageClient", throwOnError: true)!;
        Assert.Equal(new[] { "Lists", "Users" }, client.GetProperties().Select(p => p.Name).OrderBy(n => n));
    }

    [Fact]
    public void ApiClientName_property_overrides_the_name_from_the_docs()
    {
        var result = GeneratorHarness.Run(GeneratorHarness.DocsInputFiles(), ns: "Other.Place", clientName: "Crm");
        Assert.Empty(result.CompileProblems);
        Assert.Contains(result.Sources, s => s.HintName == "Crm.g.cs");
        Assert.Contains("namespace Other.Place", result.Source("Crm.g.cs"));
        Assert.Contains("public partial class Crm ", result.Source("Crm.g.cs"));
    }

    [Fact]
    public void Additional_files_that_are_not_api_docs_are_ignored()
    {
        var stray = new InMemoryDoc("/other/notes.md", "# Notes\n\n## Delete everything\n\n```\nDELETE /everything\n```\n");
        var result = GeneratorHarness.Run(GeneratorHarness.DocsInputFiles(), otherFiles: new[] { stray });
        Assert.DoesNotContain(result.Sources, s => s.Text.Contains("/everything"));
    }

    [Fact]
    public void Generated_code_with_user_code_compiles_and_links()
    {
        var result = GeneratorHarness.Run(GeneratorHarness.DocsInputFiles(), userCode: """
            using System.Threading.Tasks;
            using Engage.Snapshot;
            namespace User
            {
                internal static class Uses
                {
                    public static async Task<string> Run(EngageClient client)
                    {
                        var user = await client.Users.CreateAsync(new CreateUserRequest { Id = "u1", Meta = new() { ["plan"] = "pro", ["age"] = 34, ["beta"] = true } });
                        await foreach (var item in client.Users.ListAsync(new ListUsersRequest { Limit = 5 })) { _ = item.Uid; }
                        return user.Id;
                    }
                }
            }
            """);
        Assert.Empty(result.CompileProblems);
    }

    [Fact]
    public void User_types_named_like_framework_types_in_the_client_namespace_do_not_change_the_generated_code()
    {
        // The converters use short aliases (ApiJson, Utf8JsonReader, ...) declared inside the generated
        // .Serialization namespace; everything else is written with global::. Types of these names that
        // the user declares in the client's own namespace must shadow nothing.
        var result = GeneratorHarness.Run(GeneratorHarness.DocsInputFiles(), userCode: """
            namespace Engage.Snapshot
            {
                internal sealed class ApiJson { }
                internal sealed class Utf8JsonReader { }
                internal sealed class Utf8JsonWriter { }
                internal sealed class JsonSerializerOptions { }
                internal sealed class Task { }
                internal sealed class CancellationToken { }
            }
            namespace Engage
            {
                internal sealed class ApiJson { }
            }
            """);
        Assert.Empty(result.CompileProblems);
    }

    internal static IEnumerable<(MethodInfo Method, ApiOperationAttribute Operation)> OperationsOf(Assembly assembly) =>
        assembly.GetTypes()
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly))
            .Select(m => (m, m.GetCustomAttribute<ApiOperationAttribute>()))
            .Where(pair => pair.Item2 is not null)
            .Select(pair => (pair.m, pair.Item2!));
}
