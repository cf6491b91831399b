using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;

namespace Engage.Codegen.Inspect.OpenApi;

/// <summary>
/// <c>diff &lt;old&gt; &lt;new&gt; [--project &lt;csproj&gt;]</c>: each side a docs folder (exported as the <c>openapi</c> verb does) or an OpenAPI
/// file (JSON or YAML); prints the changes as Markdown, breaking ones first. Exit 0 when nothing breaks, 1 when
/// something does, 2 on usage or I/O errors.
/// </summary>
public static class DiffCommand
{
    public static int Run(IReadOnlyList<string> args, TextWriter output, TextWriter errors)
    {
        var sides = new List<string>();
        ProjectDocs? project = null;
        for (var i = 0; i < args.Count; i++)
        {
            if (args[i] == "--project" && i + 1 < args.Count)
            {
                // A docs folder on either side is read with the project's namespace, client name and overrides.
                if ((project = ProjectDocs.Read(args[++i], errors)) is null)
                {
                    return 2;
                }
            }
            else if (!args[i].StartsWith('-'))
            {
                sides.Add(args[i]);
            }
            else
            {
                sides.Clear();
                break;
            }
        }

        if (sides.Count != 2)
        {
            errors.WriteLine("usage: engage-codegen diff <old docs-dir or openapi file> <new docs-dir or openapi file> [--project <csproj>]");
            return 2;
        }

        var before = Load(sides[0], errors, project);
        var after = before is null ? null : Load(sides[1], errors, project);
        if (before is null || after is null)
        {
            return 2;
        }

        var changes = OpenApiDiff.Compare(before, after);
        output.Write(OpenApiDiff.Render(changes));
        return changes.Any(c => c.Breaking) ? 1 : 0;
    }

    /// <summary>One side: a folder of docs, read and exported; or an OpenAPI document, read. Null (and a message) when it cannot be.</summary>
    public static OpenApiDocument? Load(string path, TextWriter errors, ProjectDocs? project = null)
    {
        string text;
        string format;
        try
        {
            if (Directory.Exists(path))
            {
                if (OpenApiCommand.Export(DocsFiles.Under(path), project?.Namespace, project?.ClientName, project?.Properties ?? new Dictionary<string, string>(), project?.RootNamespace) is not { } exported)
                {
                    errors.WriteLine($"diff: the docs in {path} give no API");
                    return null;
                }

                text = exported.SerializeAsJsonAsync(OpenApiSpecVersion.OpenApi3_1).GetAwaiter().GetResult();
                format = "json";
            }
            else if (File.Exists(path))
            {
                text = File.ReadAllText(path);
                format = path.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".yml", StringComparison.OrdinalIgnoreCase) ? "yaml" : "json";
            }
            else
            {
                errors.WriteLine($"diff: no folder or file {path}");
                return null;
            }
        }
        catch (IOException exception)
        {
            errors.WriteLine($"diff: could not read {path}: {exception.Message}");
            return null;
        }

        var settings = new OpenApiReaderSettings();
        settings.AddYamlReader();
        var read = OpenApiDocument.Parse(text, format, settings);
        if (read.Document is null || read.Diagnostic?.Errors.Count > 0)
        {
            errors.WriteLine($"diff: {path} is not an OpenAPI document: {string.Join("; ", read.Diagnostic?.Errors.Select(e => e.Message) ?? Array.Empty<string>())}");
            return null;
        }

        return read.Document;
    }
}
