using Engage.Codegen.Inspect.OpenApi;
using Engage.Sandbox;

namespace Engage.Codegen.Tests.Tools;

/// <summary>
/// The export is a contract other tools can build on (issue 22): Kiota 1.38.0 (pinned) generates a C# client from
/// docs-input's export, the client compiles in a fresh project, and it creates, reads and lists users on the Engage
/// sandbox with the key and secret as HTTP Basic, as the docs say.
/// </summary>
[Collection(BuildCollection.Name)]
public sealed class KiotaRoundTripTests
{
    private const string KiotaVersion = "1.38.0";
    private const string KiotaLibraries = "2.1.6";

    [Fact]
    public async Task Kiota_generates_a_client_from_the_export_that_compiles_and_calls_the_sandbox()
    {
        var root = GeneratorHarness.RepositoryRoot;
        var work = Directory.CreateTempSubdirectory("engage-kiota-");
        try
        {
            var export = Path.Combine(work.FullName, "engage.openapi.json");
            Assert.Equal(0, OpenApiCommand.Run(new[] { Path.Combine(root, "docs-input"), "-o", export }, TextWriter.Null, TextWriter.Null));

            var tools = Path.Combine(work.FullName, "tools");
            var install = ExternalConsumerTests.Run("dotnet", $"tool install Microsoft.OpenApi.Kiota --version {KiotaVersion} --tool-path \"{tools}\"", work.FullName);
            Assert.True(install.ExitCode == 0, install.Output);

            var app = Directory.CreateDirectory(Path.Combine(work.FullName, "KiotaConsumer")).FullName;
            var environment = new Dictionary<string, string> { ["KIOTA_TUTORIAL_ENABLED"] = "false", ["KIOTA_OFFLINE_ENABLED"] = "true" };
            var generate = ExternalConsumerTests.Run(Path.Combine(tools, OperatingSystem.IsWindows() ? "kiota.exe" : "kiota"),
                $"generate --openapi \"{export}\" --language CSharp --class-name EngageKiotaClient --namespace-name Engage.Kiota --output \"{Path.Combine(app, "Kiota")}\" --exclude-backward-compatible --log-level Warning",
                work.FullName, environment);
            Assert.True(generate.ExitCode == 0, generate.Output);

            var create = ExternalConsumerTests.Run("dotnet", "new console --framework net10.0 --name KiotaConsumer --output .", app);
            Assert.True(create.ExitCode == 0, create.Output);
            var project = Path.Combine(app, "KiotaConsumer.csproj");
            var references = string.Join("\n", new[] { "Abstractions", "Http.HttpClientLibrary", "Serialization.Json", "Serialization.Text", "Serialization.Form", "Serialization.Multipart" }
                .Select(p => $"    <PackageReference Include=\"Microsoft.Kiota.{p}\" Version=\"{KiotaLibraries}\" />"));
            File.WriteAllText(project, File.ReadAllText(project).Replace("</Project>", $"""
                  <ItemGroup>
                {references}
                  </ItemGroup>
                </Project>
                """));
            File.WriteAllText(Path.Combine(app, "Program.cs"), """
                using System;
                using System.Net.Http;
                using System.Net.Http.Headers;
                using System.Text;
                using Engage.Kiota;
                using Engage.Kiota.Models;
                using Microsoft.Kiota.Abstractions.Authentication;
                using Microsoft.Kiota.Http.HttpClientLibrary;

                var basic = Convert.ToBase64String(Encoding.UTF8.GetBytes(Environment.GetEnvironmentVariable("SANDBOX_KEY") + ":" + Environment.GetEnvironmentVariable("SANDBOX_SECRET")));
                using var http = new HttpClient();
                http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", basic);
                var adapter = new HttpClientRequestAdapter(new AnonymousAuthenticationProvider(), httpClient: http) { BaseUrl = Environment.GetEnvironmentVariable("SANDBOX_URL")!.TrimEnd('/') };
                var client = new EngageKiotaClient(adapter);
                var created = await client.Users.PostAsync(new CreateUserRequest { Id = "from-kiota", Email = "kiota@example.com", FirstName = "Kay" });
                var fetched = await client.Users["from-kiota"].GetAsync();
                var page = await client.Users.GetAsync();
                Console.WriteLine($"KIOTA {created!.Uid} {fetched!.FirstName} {fetched.Email} {page!.Data!.Count}");
                """);

            var build = ExternalConsumerTests.Run("dotnet", "build --disable-build-servers -nodeReuse:false -v:minimal", app);
            Assert.True(build.ExitCode == 0, build.Output);

            await using var sandbox = await SandboxServer.StartAsync();
            var run = await Task.Run(() => ExternalConsumerTests.Run("dotnet", "run --no-build", app, new Dictionary<string, string>
            {
                ["SANDBOX_URL"] = sandbox.BaseAddress.ToString(),
                ["SANDBOX_KEY"] = sandbox.ApiKey,
                ["SANDBOX_SECRET"] = sandbox.ApiSecret,
            }));
            Assert.True(run.ExitCode == 0, run.Output);
            Assert.Contains("KIOTA from-kiota Kay kiota@example.com 1", run.Output, StringComparison.Ordinal);
            Assert.True(sandbox.Store.Users.ContainsKey("from-kiota"));
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }
}
