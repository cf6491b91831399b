using System.Diagnostics;
using System.Text.Json;
using Engage.Codegen.Inference;

namespace Engage.Codegen.Inspect;

/// <summary>
/// What a project gives the generator, read the way the build reads it: MSBuild evaluates the project
/// (<c>dotnet msbuild -getItem:ApiDocs -getProperty:...</c>, .NET 8 SDK and later), so its <c>&lt;ApiDocs&gt;</c> globs,
/// conditions, imports and <c>Directory.Build.props</c> count, and the tool and the build never disagree.
/// </summary>
public sealed record ProjectDocs(IReadOnlyList<string> Pages, string? Namespace, string? ClientName, string? RootNamespace, IReadOnlyDictionary<string, string> Properties)
{
    private static readonly string[] s_overrides = { ProjectOverrides.BaseAddressProperty, ProjectOverrides.AuthProperty, ProjectOverrides.PagingProperty, ProjectOverrides.ExcludeProperty };

    /// <summary>Evaluates the project; null (and a message) when MSBuild cannot.</summary>
    public static ProjectDocs? Read(string project, TextWriter errors)
    {
        if (!File.Exists(project))
        {
            errors.WriteLine($"no project file {project}");
            return null;
        }

        var properties = new[] { "ApiClientNamespace", "ApiClientName", "RootNamespace" }.Concat(s_overrides);
        var arguments = $"msbuild \"{Path.GetFullPath(project)}\" -nologo -getItem:ApiDocs " + string.Join(" ", properties.Select(p => "-getProperty:" + p));
        var start = new ProcessStartInfo("dotnet", arguments) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Path.GetDirectoryName(Path.GetFullPath(project))! };
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        string output;
        using (var process = Process.Start(start)!)
        {
            var read = process.StandardOutput.ReadToEndAsync();
            var failed = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(TimeSpan.FromMinutes(2)))
            {
                process.Kill(entireProcessTree: true);
                errors.WriteLine($"MSBuild did not evaluate {project} within 2 minutes");
                return null;
            }

            output = read.Result;
            if (process.ExitCode != 0)
            {
                errors.WriteLine($"MSBuild could not evaluate {project}: {(output + failed.Result).Trim()}");
                return null;
            }
        }

        try
        {
            using var json = JsonDocument.Parse(output);
            var values = json.RootElement.GetProperty("Properties");
            string? Property(string name) => values.TryGetProperty(name, out var value) && value.GetString() is { Length: > 0 } text ? text.Trim() : null;
            var pages = json.RootElement.TryGetProperty("Items", out var items) && items.TryGetProperty("ApiDocs", out var docs)
                ? docs.EnumerateArray().Select(d => d.GetProperty("FullPath").GetString()!).Where(DocsFiles.IsPage).ToList()
                : new List<string>();
            var overrides = s_overrides.Select(p => (Name: p, Value: Property(p))).Where(p => p.Value is not null).ToDictionary(p => p.Name, p => p.Value!, StringComparer.Ordinal);
            return new ProjectDocs(pages, Property("ApiClientNamespace"), Property("ApiClientName"), Property("RootNamespace"), overrides);
        }
        catch (Exception exception) when (exception is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            errors.WriteLine($"MSBuild's answer for {project} was not what was asked: {exception.Message}");
            return null;
        }
    }
}
