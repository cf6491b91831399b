using Engage.Sandbox;
using Microsoft.OpenApi;

namespace Engage.Codegen.Tests;

/// <summary>
/// The real user path: pack the generator and runtime into a local feed, create a fresh console
/// project outside the repository, `dotnet add package Engage.Codegen`, one &lt;ApiDocs&gt; line,
/// build with warnings as errors, and call the sandbox.
/// </summary>
[Collection(BuildCollection.Name)]
public class PackageTests
{
    [Fact]
    public async Task Packed_generator_works_in_a_fresh_project_with_one_package_and_one_ApiDocs_line()
    {
        var root = GeneratorHarness.RepositoryRoot;
        var work = Directory.CreateTempSubdirectory("engage-package-");
        try
        {
            // A version of its own, so no package cache can hand back an older build.
            var version = "0.1.0-test." + DateTime.UtcNow.ToString("yyyyMMddHHmmssfff");
            // MinVer computes the version from git tags; the override is how a build pins one.
            var feed = Directory.CreateDirectory(Path.Combine(work.FullName, "feed")).FullName;
            foreach (var project in new[] { "runtime/Engage.Codegen.Runtime.csproj", "generator/Engage.Codegen.csproj" })
            {
                var pack = ExternalConsumerTests.Run("dotnet", $"pack \"{Path.Combine(root, project)}\" -o \"{feed}\" -p:MinVerVersionOverride={version} --disable-build-servers -nodeReuse:false -v:minimal", root);
                Assert.True(pack.ExitCode == 0, pack.Output);
            }

            Assert.True(File.Exists(Path.Combine(feed, $"Engage.Codegen.{version}.nupkg")));
            using (var package = System.IO.Compression.ZipFile.OpenRead(Path.Combine(feed, $"Engage.Codegen.{version}.nupkg")))
            {
                var entries = package.Entries.Select(e => e.FullName).ToHashSet();
                Assert.Contains("analyzers/dotnet/cs/Engage.Codegen.dll", entries);
                Assert.Contains("analyzers/dotnet/cs/Markdig.dll", entries);
                Assert.Contains("build/Engage.Codegen.props", entries);
                Assert.Contains("build/Engage.Codegen.targets", entries);
                var nuspec = ReadEntry(package, "Engage.Codegen.nuspec");
                Assert.Contains($"<version>{version}</version>", nuspec);
                Assert.Contains("<license type=\"expression\">MIT</license>", nuspec);
                Assert.Contains($"<dependency id=\"Engage.Codegen.Runtime\" version=\"{version}\"", nuspec);
                Assert.True(HasEmbeddedPdb(package, "analyzers/dotnet/cs/Engage.Codegen.dll"), "the generator DLL embeds its PDB");
            }

            using (var package = System.IO.Compression.ZipFile.OpenRead(Path.Combine(feed, $"Engage.Codegen.Runtime.{version}.nupkg")))
            {
                var nuspec = ReadEntry(package, "Engage.Codegen.Runtime.nuspec");
                Assert.Contains($"<version>{version}</version>", nuspec);
                Assert.Contains("<license type=\"expression\">MIT</license>", nuspec);
                Assert.True(HasEmbeddedPdb(package, "lib/net8.0/Engage.Codegen.Runtime.dll"), "the runtime DLL embeds its PDB");
                Assert.True(HasEmbeddedPdb(package, "lib/netstandard2.0/Engage.Codegen.Runtime.dll"), "the runtime DLL embeds its PDB");
            }

            var app = Directory.CreateDirectory(Path.Combine(work.FullName, "PackConsumer")).FullName;
            File.WriteAllText(Path.Combine(app, "nuget.config"), $"""
                <?xml version="1.0" encoding="utf-8"?>
                <configuration>
                  <packageSources>
                    <add key="engage-local" value="{feed}" />
                  </packageSources>
                </configuration>
                """);
            var environment = new Dictionary<string, string> { ["NUGET_PACKAGES"] = Path.Combine(work.FullName, "packages") };
            var create = ExternalConsumerTests.Run("dotnet", "new console --framework net10.0 --name PackConsumer --output .", app, environment);
            Assert.True(create.ExitCode == 0, create.Output);
            var add = ExternalConsumerTests.Run("dotnet", $"add package Engage.Codegen --version {version}", app, environment);
            Assert.True(add.ExitCode == 0, add.Output);

            var projectFile = Path.Combine(app, "PackConsumer.csproj");
            File.WriteAllText(projectFile, File.ReadAllText(projectFile).Replace("</Project>", $"""
                  <PropertyGroup>
                    <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
                  </PropertyGroup>
                  <ItemGroup>
                    <ApiDocs Include="{Path.Combine(root, "docs-input")}/*.md" />
                    <ApiSurface Include="api.openapi.json" />
                  </ItemGroup>
                </Project>
                """));

            // The surface the project accepted: the docs' own export, as `engage-codegen openapi` writes it.
            var surface = Engage.Codegen.Inspect.OpenApi.OpenApiCommand.Export(Path.Combine(root, "docs-input"), null, null, new Dictionary<string, string>())!
                .SerializeAsJsonAsync(OpenApiSpecVersion.OpenApi3_1).GetAwaiter().GetResult();
            Assert.Contains("\"Users_Get\"", surface, StringComparison.Ordinal);
            File.WriteAllText(Path.Combine(app, "api.openapi.json"), surface);
            File.WriteAllText(Path.Combine(app, "Program.cs"), """
                using System;
                using PackConsumer;

                var options = new EngageClientOptions
                {
                    BaseAddress = new Uri(Environment.GetEnvironmentVariable("SANDBOX_URL")!),
                    ApiKey = Environment.GetEnvironmentVariable("SANDBOX_KEY"),
                    ApiSecret = Environment.GetEnvironmentVariable("SANDBOX_SECRET"),
                };
                using var client = new EngageClient(options);
                var created = await client.Users.CreateAsync(new CreateUserRequest { Id = "from-package", Meta = new() { ["plan"] = "pro" } });
                var fetched = await client.Users.GetAsync(created.Uid);
                var count = 0;
                await foreach (var user in client.Users.ListAsync())
                {
                    count++;
                }

                Console.WriteLine($"CALLS {fetched.Uid} {fetched.Meta["plan"]} {count}");
                """);

            var build = ExternalConsumerTests.Run("dotnet", "build --disable-build-servers -nodeReuse:false -v:minimal", app, environment);
            Assert.True(build.ExitCode == 0, build.Output);
            Assert.DoesNotMatch(@"warning [A-Z]+\d+", build.Output);

            await using var sandbox = await SandboxServer.StartAsync();
            environment["SANDBOX_URL"] = sandbox.BaseAddress.ToString();
            environment["SANDBOX_KEY"] = sandbox.ApiKey;
            environment["SANDBOX_SECRET"] = sandbox.ApiSecret;
            var run = await Task.Run(() => ExternalConsumerTests.Run("dotnet", "run --no-build", app, environment));
            Assert.True(run.ExitCode == 0, run.Output);
            Assert.Contains("CALLS from-package pro 1", run.Output);
            Assert.True(sandbox.Store.Users.ContainsKey("from-package"));

            // A surface that no longer matches the docs (there, the generated method was Users.Fetch): the package's
            // targets hand it to the generator, whose ENG022 fails this build, which treats warnings as errors.
            File.WriteAllText(Path.Combine(app, "api.openapi.json"), surface.Replace("\"Users_Get\"", "\"Users_Fetch\"", StringComparison.Ordinal));
            var broken = ExternalConsumerTests.Run("dotnet", "build --disable-build-servers -nodeReuse:false -v:minimal", app, environment);
            Assert.True(broken.ExitCode != 0, broken.Output);
            Assert.Contains("error ENG022", broken.Output, StringComparison.Ordinal);
            Assert.Contains("the operationId (the generated method) changed from Users_Fetch to Users_Get", broken.Output, StringComparison.Ordinal);
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    /// <summary>
    /// The tool a user installs beside the build (issue 22): packed into a local feed, installed with
    /// <c>dotnet tool install --tool-path</c>, its command <c>engage-codegen</c> runs the inspection, the OpenAPI
    /// export over docs-input and the diff (of the fixture pair, and of docs-input against its own export), and says
    /// how to use a verb it was given wrongly (exit 2).
    /// </summary>
    [Fact]
    public void The_tool_package_installs_and_runs_its_verbs()
    {
        var root = GeneratorHarness.RepositoryRoot;
        var work = Directory.CreateTempSubdirectory("engage-tool-");
        try
        {
            var version = "0.1.0-test." + DateTime.UtcNow.ToString("yyyyMMddHHmmssfff");
            var feed = Directory.CreateDirectory(Path.Combine(work.FullName, "feed")).FullName;
            var pack = ExternalConsumerTests.Run("dotnet", $"pack \"{Path.Combine(root, "tools/Engage.Codegen.Inspect/Engage.Codegen.Inspect.csproj")}\" -o \"{feed}\" -p:MinVerVersionOverride={version} --disable-build-servers -nodeReuse:false -v:minimal", root);
            Assert.True(pack.ExitCode == 0, pack.Output);
            Assert.True(File.Exists(Path.Combine(feed, $"Engage.Codegen.Tool.{version}.nupkg")));

            var tools = Path.Combine(work.FullName, "tools");
            var environment = new Dictionary<string, string> { ["NUGET_PACKAGES"] = Path.Combine(work.FullName, "packages") };
            var install = ExternalConsumerTests.Run("dotnet", $"tool install Engage.Codegen.Tool --version {version} --tool-path \"{tools}\" --add-source \"{feed}\"", work.FullName, environment);
            Assert.True(install.ExitCode == 0, install.Output);
            var command = Path.Combine(tools, OperatingSystem.IsWindows() ? "engage-codegen.exe" : "engage-codegen");
            var docs = Path.Combine(root, "docs-input");

            var inspect = ExternalConsumerTests.Run(command, $"inspect \"{docs}\" --summary", work.FullName, environment);
            Assert.True(inspect.ExitCode == 0, inspect.Output);
            Assert.Contains("total: 13 operations", inspect.Output, StringComparison.Ordinal);

            var file = Path.Combine(work.FullName, "engage.openapi.yaml");
            var openapi = ExternalConsumerTests.Run(command, $"openapi \"{docs}\" -o \"{file}\"", work.FullName, environment);
            Assert.True(openapi.ExitCode == 0, openapi.Output);
            Assert.StartsWith("openapi: '3.1", File.ReadAllText(file), StringComparison.Ordinal);

            var fixtures = Path.Combine(root, "tests", "Engage.Codegen.Tests", "Fixtures", "diff");
            var diff = ExternalConsumerTests.Run(command, $"diff \"{Path.Combine(fixtures, "before")}\" \"{Path.Combine(fixtures, "after")}\"", work.FullName, environment);
            Assert.True(diff.ExitCode == 1, diff.Output); // something breaks
            Assert.Contains("## Breaking for callers", diff.Output, StringComparison.Ordinal);
            var same = ExternalConsumerTests.Run(command, $"diff \"{file}\" \"{docs}\"", work.FullName, environment);
            Assert.True(same.ExitCode == 0, same.Output);

            var usage = ExternalConsumerTests.Run(command, "openapi", work.FullName, environment);
            Assert.Equal(2, usage.ExitCode);
            Assert.Contains("usage: engage-codegen openapi", usage.Output, StringComparison.Ordinal);
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    /// <summary>
    /// <c>dotnet pack</c> at the root makes exactly the generator, runtime and tool packages (samples and tests
    /// are not packable), versioned from git by MinVer, MIT licensed. Packs what the build
    /// made (--no-build), so it needs the solution built first, as CI and the README's test command do.
    /// </summary>
    [Fact]
    public void Packing_the_solution_yields_exactly_the_three_packages()
    {
        var root = GeneratorHarness.RepositoryRoot;
        var feed = Directory.CreateTempSubdirectory("engage-root-pack-");
        try
        {
            // dotnet pack defaults to Release: pack the configuration these tests were built in.
#if DEBUG
            const string configuration = "Debug";
#else
            const string configuration = "Release";
#endif
            var pack = ExternalConsumerTests.Run("dotnet", $"pack Engage.Codegen.sln -c {configuration} --no-build -o \"{feed.FullName}\" --disable-build-servers -nodeReuse:false -v:minimal", root);
            Assert.True(pack.ExitCode == 0, pack.Output);
            var files = feed.GetFiles().Select(f => f.Name).Order(StringComparer.Ordinal).ToList();
            Assert.Equal(3, files.Count);
            Assert.Matches(@"^Engage\.Codegen\.\d+\.\d+\.\d+(-[0-9A-Za-z.]+)?\.nupkg$", files[0]);
            Assert.Matches(@"^Engage\.Codegen\.Runtime\.\d+\.\d+\.\d+(-[0-9A-Za-z.]+)?\.nupkg$", files[1]);
            var version = files[0].Substring("Engage.Codegen.".Length, files[0].Length - "Engage.Codegen.".Length - ".nupkg".Length);
            Assert.Equal($"Engage.Codegen.Runtime.{version}.nupkg", files[1]);
            Assert.Equal($"Engage.Codegen.Tool.{version}.nupkg", files[2]);
            Assert.NotEqual("0.1.0", version); // no longer one fixed version for every commit
        }
        finally
        {
            feed.Delete(recursive: true);
        }
    }

    private static string ReadEntry(System.IO.Compression.ZipArchive package, string name)
    {
        using var reader = new StreamReader(package.GetEntry(name)!.Open());
        return reader.ReadToEnd();
    }

    private static bool HasEmbeddedPdb(System.IO.Compression.ZipArchive package, string dll)
    {
        using var stream = new MemoryStream();
        using (var entry = package.GetEntry(dll)!.Open())
        {
            entry.CopyTo(stream);
        }

        stream.Position = 0;
        using var pe = new System.Reflection.PortableExecutable.PEReader(stream);
        return pe.ReadDebugDirectory().Any(d => d.Type == System.Reflection.PortableExecutable.DebugDirectoryEntryType.EmbeddedPortablePdb);
    }
}
