using System.Net;
using System.Text;
using Engage.Codegen.Runtime;
using Engage.Codegen.Tests.Generated;
using Engage.Sandbox;

namespace Engage.Codegen.Tests;

/// <summary>The public client, built from the key alone, offers only what the docs say the key alone may do.</summary>
public class PublicClientTests
{
    private static string Compile(string body) => string.Join("\n", GeneratorHarness.Run(GeneratorHarness.DocsInputFiles(), userCode: $$"""
        using System.Threading.Tasks;
        using Engage.Snapshot;
        namespace User
        {
            internal static class Uses
            {
                internal static async Task Run(EngagePublicClient client)
                {
                    {{body}}
                }
            }
        }
        """).CompileProblems.Select(d => d.Id));

    [Theory]
    [InlineData("await client.Users.GetAsync(\"u1\");")]
    [InlineData("await foreach (var _ in client.Users.ListAsync()) { }")]
    [InlineData("await client.Lists.DeleteAsync(\"l1\");")]
    [InlineData("await client.Lists.CreateAsync(new CreateListRequest { Title = \"t\" });")]
    [InlineData("await client.Lists.RemoveSubscriberAsync(\"l1\", \"u1\");")]
    public void Calling_a_secret_only_operation_through_the_public_client_does_not_compile(string call) =>
        Assert.Equal("CS1061", Compile(call));

    [Theory]
    [InlineData("await client.Users.CreateAsync(new CreateUserRequest { Id = \"u1\" });")]
    [InlineData("await client.Users.AddEventAsync(\"u1\", new AddUserEventRequest { Event = \"e\" });")]
    [InlineData("await client.Lists.GetAsync(\"l1\");")]
    [InlineData("await foreach (var _ in client.Lists.ListAsync()) { }")]
    public void Key_only_operations_compile_on_the_public_client(string call) =>
        Assert.Equal(string.Empty, Compile(call));

    private sealed class Recorder : HttpMessageHandler
    {
        public string? Authorization { get; private set; }

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Authorization = request.Headers.Authorization?.Parameter;
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent("{\"id\":\"l1\",\"title\":\"t\"}") });
        }
    }

    [Fact]
    public async Task The_public_client_never_sends_a_secret_even_when_the_options_hold_one()
    {
        var recorder = new Recorder();
        using var client = new EngagePublicClient(new EngageClientOptions { ApiKey = "key", ApiSecret = "secret" }, new HttpClient(recorder));
        await client.Lists.GetAsync("l1");
        Assert.Equal("key:", Encoding.UTF8.GetString(Convert.FromBase64String(recorder.Authorization!)));
    }

    [Fact]
    public async Task The_public_client_works_against_the_sandbox_and_refuses_an_email_update_before_sending()
    {
        await using var sandbox = await SandboxServer.StartAsync();
        using var full = new EngageClient(new EngageClientOptions { BaseAddress = sandbox.BaseAddress, ApiKey = sandbox.ApiKey, ApiSecret = sandbox.ApiSecret });
        using var client = new EngagePublicClient(new EngageClientOptions { BaseAddress = sandbox.BaseAddress, ApiKey = sandbox.ApiKey });
        var list = await full.Lists.CreateAsync(new CreateListRequest { Title = "Public" });
        Assert.Equal("Public", (await client.Lists.GetAsync(list.Id)).Title);
        Assert.Equal("p1", (await client.Users.CreateAsync(new CreateUserRequest { Id = "p1" })).Uid);
        sandbox.Store.ClearRequests();
        await Assert.ThrowsAsync<ApiCredentialsException>(() => client.Users.UpdateAsync("p1", new UpdateUserRequest { Email = "x@example.com" }));
        Assert.Empty(sandbox.Requests);
    }
}
