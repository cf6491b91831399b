using Engage.Codegen.Surface;
using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;

namespace Engage.Codegen.Inspect.OpenApi;

/// <summary>
/// <c>diff &lt;old&gt; &lt;new&gt; [--project &lt;csproj&gt;]</c>: each side a docs folder (read as a build reads it) or an OpenAPI file
/// (JSON or YAML); prints the changes as Markdown, breaking ones first, as the generator's surface comparison finds them. Exit 0 when nothing breaks, 1 when
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

        // The generator's own comparison: what an <ApiSurface> build reports as ENG022 and ENG023.
        var changes = SurfaceComparer.Compare(before, after);
        output.Write(SurfaceComparer.Render(changes));
        return changes.Any(c => c.Breaking) ? 1 : 0;
    }

    /// <summary>
    /// One side: a folder of docs, read as a build reads them; or an OpenAPI document (JSON or YAML), checked by
    /// Microsoft.OpenApi's reader and read as the build reads a surface file. Null (and a message) when it cannot be.
    /// </summary>
    internal static ApiSurface? Load(string path, TextWriter errors, ProjectDocs? project = null)
    {
        string text;
        try
        {
            if (Directory.Exists(path))
            {
                var properties = project?.Properties ?? new Dictionary<string, string>();
                if (OpenApiCommand.Infer(DocsFiles.Under(path), project?.Namespace, project?.ClientName, properties, project?.RootNamespace) is not { } api)
                {
                    errors.WriteLine($"diff: the docs in {path} give no API");
                    return null;
                }

                return SurfaceOfApi.Build(api);
            }

            if (!File.Exists(path))
            {
                errors.WriteLine($"diff: no folder or file {path}");
                return null;
            }

            text = File.ReadAllText(path);
        }
        catch (IOException exception)
        {
            errors.WriteLine($"diff: could not read {path}: {exception.Message}");
            return null;
        }

        var format = path.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".yml", StringComparison.OrdinalIgnoreCase) ? "yaml" : "json";
        var settings = new OpenApiReaderSettings();
        settings.AddYamlReader();
        var read = OpenApiDocument.Parse(text, format, settings);
        if (read.Document is null || read.Diagnostic?.Errors.Count > 0)
        {
            var reasons = read.Diagnostic?.Errors.Select(e => e.Message) ?? Array.Empty<string>();
            errors.WriteLine($"diff: {path} is not an OpenAPI document: {string.Join("; ", reasons)}");
            return null;
        }

        // YAML, or JSON in another OpenAPI version, is written again as OpenAPI 3.1 JSON, which the surface reader reads.
        var json = format == "json" && read.Diagnostic?.SpecificationVersion == OpenApiSpecVersion.OpenApi3_1
            ? text
            : read.Document.SerializeAsJsonAsync(OpenApiSpecVersion.OpenApi3_1).GetAwaiter().GetResult();
        var (surface, problem) = SurfaceReader.Read(json);
        if (surface is null)
        {
            errors.WriteLine($"diff: {path} could not be read: {problem}");
        }

        return surface;
    }
}
