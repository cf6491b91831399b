using System.Diagnostics;
using Engage.Codegen.Runtime;

namespace Engage.Codegen.Tests;

/// <summary>
/// A project outside the repository that consumes the generator exactly as the README's
/// "In a project that references this repository" section says, built with warnings as errors.
/// </summary>
[Collection(BuildCollection.Name)]
public class ExternalConsumerTests
{
    [Fact]
    public void Project_outside_the_repo_builds_without_warnings_and_lists_the_thirteen_operations()
    {
        var root = GeneratorHarness.RepositoryRoot;
        var directory = Directory.CreateTempSubdirectory("engage-consumer-");
        try
        {
            File.WriteAllText(Path.Combine(directory.FullName, "Consumer.csproj"), $"""
                <Project Sdk="Microsoft.NET.Sdk">
                  <PropertyGroup>
                    <EngageCodegenRoot>{root}</EngageCodegenRoot>
                  </PropertyGroup>
                  <Import Project="$(EngageCodegenRoot)/generator/build/Engage.Codegen.props" />

                  <PropertyGroup>
                    <OutputType>Exe</OutputType>
                    <TargetFramework>net10.0</TargetFramework>
                    <Nullable>enable</Nullable>
                    <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
                    <GenerateDocumentationFile>true</GenerateDocumentationFile>
                    <ApiClientNamespace>Consumer.Engage</ApiClientNamespace>
                  </PropertyGroup>

                  <ItemGroup>
                    <ApiDocs Include="$(EngageCodegenRoot)/docs-input/*.md" />
                    <ProjectReference Include="$(EngageCodegenRoot)/generator/Engage.Codegen.csproj" OutputItemType="Analyzer" ReferenceOutputAssembly="false" />
                    <ProjectReference Include="$(EngageCodegenRoot)/runtime/Engage.Codegen.Runtime.csproj" />
                  </ItemGroup>

                  <Import Project="$(EngageCodegenRoot)/generator/build/Engage.Codegen.targets" />
                </Project>
                """);
            File.WriteAllText(Path.Combine(directory.FullName, "Program.cs"), """
                using System;
                using System.Linq;
                using System.Reflection;
                using Engage.Codegen.Runtime;

                /// <summary>Lists what was generated, through [ApiOperation].</summary>
                internal static class Program
                {
                    private static void Main()
                    {
                        var operations = typeof(Consumer.Engage.EngageClient).Assembly.GetTypes()
                            .SelectMany(t => t.GetMethods().Select(m => (Type: t, Method: m, Operation: m.GetCustomAttribute<ApiOperationAttribute>())))
                            .Where(x => x.Operation is not null)
                            .OrderBy(x => x.Type.Name).ThenBy(x => x.Method.Name);
                        foreach (var (type, method, operation) in operations)
                        {
                            Console.WriteLine($"OP {type.Name}.{method.Name} {operation!.Method} {operation.Path} {operation.Auth} {operation.Paged}");
                        }
                    }
                }
                """);

            var build = Run("dotnet", "build --disable-build-servers -nodeReuse:false -v:minimal", directory.FullName);
            Assert.True(build.ExitCode == 0, build.Output);
            Assert.Matches(@"\b0 Warning\(s\)", build.Output);
            Assert.DoesNotMatch(@"warning [A-Z]+\d+", build.Output);

            var run = Run("dotnet", "run --no-build", directory.FullName);
            Assert.True(run.ExitCode == 0, run.Output);
            var listed = run.Output.Split('\n').Where(l => l.StartsWith("OP ", StringComparison.Ordinal)).Select(l => l.Trim()).ToHashSet();
            var expected = DocsInputTests.Operations
                .Select(row => $"OP Engage{row[0]}Client.{row[1]} {row[2]} {row[3]} {(ApiAuth)row[4]} {row[5]}")
                .ToHashSet();
            Assert.Equal(13, expected.Count);
            Assert.Equal(expected.OrderBy(x => x), listed.OrderBy(x => x));
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    internal static (int ExitCode, string Output) Run(string file, string arguments, string workingDirectory, IDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(file, arguments)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        foreach (var pair in environment ?? new Dictionary<string, string>())
        {
            start.Environment[pair.Key] = pair.Value;
        }
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(5)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{file} {arguments} did not finish in 5 minutes.");
        }

        return (process.ExitCode, output.Result + error.Result);
    }
}

/// <summary>
/// Tests that run dotnet build on projects of this repository, and the CPU-heavy fuzz tests, run
/// one at a time and apart from the parallel tests, so none of them starves another on 2 cores.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class BuildCollection
{
    public const string Name = "Builds of repository projects";
}
