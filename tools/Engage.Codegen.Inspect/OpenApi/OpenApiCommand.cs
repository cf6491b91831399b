using Engage.Codegen.Model;
using Microsoft.OpenApi;

namespace Engage.Codegen.Inspect.OpenApi;

/// <summary>
/// <c>openapi (&lt;docs-dir&gt; | --project &lt;csproj&gt;) -o &lt;file&gt; [--yaml]</c>: writes what the docs say as an OpenAPI 3.1 document
/// (JSON, or YAML with <c>--yaml</c> or a <c>.yaml</c>/<c>.yml</c> file name). Exit 0 when written, 2 on usage or
/// I/O errors or when the docs give no API.
/// </summary>
public static class OpenApiCommand
{
    public static int Run(IReadOnlyList<string> args, TextWriter output, TextWriter errors)
    {
        string? folder = null;
        string? file = null;
        var yaml = false;
        string? ns = null;
        string? clientName = null;
        string? project = null;
        var properties = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Count; i++)
        {
            switch (args[i])
            {
                case "-o" or "--output" when i + 1 < args.Count: file = args[++i]; break;
                case "--yaml": yaml = true; break;
                case "--project" when i + 1 < args.Count: project = args[++i]; break;
                case "--namespace" when i + 1 < args.Count: ns = args[++i]; break;
                case "--client-name" when i + 1 < args.Count: clientName = args[++i]; break;
                case "--property" or "-p" when i + 1 < args.Count && args[i + 1].IndexOf('=') > 0:
                    var assignment = args[++i];
                    properties[assignment.Substring(0, assignment.IndexOf('='))] = assignment.Substring(assignment.IndexOf('=') + 1);
                    break;
                default:
                    if (folder is not null || args[i].StartsWith('-'))
                    {
                        errors.WriteLine($"openapi: unexpected argument '{args[i]}'");
                        return Usage(errors);
                    }

                    folder = args[i];
                    break;
            }
        }

        if ((folder is null) == (project is null) || file is null)
        {
            return Usage(errors);
        }

        OpenApiDocument? document;
        if (project is not null)
        {
            if (ProjectDocs.Read(project, errors) is not { } read)
            {
                return 2;
            }

            document = Export(read.Pages, ns ?? read.Namespace, clientName ?? read.ClientName, read.Properties.Concat(properties).GroupBy(p => p.Key).ToDictionary(g => g.Key, g => g.Last().Value), read.RootNamespace);
        }
        else if (!Directory.Exists(folder))
        {
            errors.WriteLine($"openapi: no folder {folder}");
            return 2;
        }
        else
        {
            document = Export(folder!, ns, clientName, properties);
        }

        if (document is null)
        {
            errors.WriteLine($"openapi: the docs in {folder ?? project} give no API (run the inspect verb to see why)");
            return 2;
        }

        yaml |= file.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || file.EndsWith(".yml", StringComparison.OrdinalIgnoreCase);
        try
        {
            var text = yaml
                ? document.SerializeAsYamlAsync(OpenApiSpecVersion.OpenApi3_1).GetAwaiter().GetResult()
                : document.SerializeAsJsonAsync(OpenApiSpecVersion.OpenApi3_1).GetAwaiter().GetResult();
            File.WriteAllText(file, text.ReplaceLineEndings("\n").TrimEnd('\n') + "\n");
        }
        catch (IOException exception)
        {
            errors.WriteLine($"openapi: could not write {file}: {exception.Message}");
            return 2;
        }
        catch (UnauthorizedAccessException exception)
        {
            errors.WriteLine($"openapi: could not write {file}: {exception.Message}");
            return 2;
        }

        output.WriteLine($"{file}: OpenAPI 3.1, {document.Paths.Sum(p => p.Value.Operations?.Count ?? 0)} operations, {document.Components!.Schemas!.Count} schemas");
        return 0;
    }

    /// <summary>The docs under a folder (<c>.md</c> and <c>.mdx</c>), read as a build reads them and exported; null when they give no API.</summary>
    public static OpenApiDocument? Export(string folder, string? ns, string? clientName, IReadOnlyDictionary<string, string> properties) =>
        Export(DocsFiles.Under(folder), ns, clientName, properties, null);

    /// <summary>The given pages, read as a build reads them and exported; null when they give no API.</summary>
    public static OpenApiDocument? Export(IReadOnlyList<string> files, string? ns, string? clientName, IReadOnlyDictionary<string, string> properties, string? rootNamespace) =>
        Infer(files, ns, clientName, properties, rootNamespace) is { } api ? OpenApiExport.Build(api) : null;

    /// <summary>The API the given pages give, read as a build reads them; null when they give none.</summary>
    internal static ApiSpec? Infer(IReadOnlyList<string> files, string? ns, string? clientName, IReadOnlyDictionary<string, string> properties, string? rootNamespace)
    {
        var pages = files.Order(StringComparer.Ordinal).Select(f => (Path.GetFullPath(f), File.ReadAllText(f))).ToList();
        return DocsReport.Create(pages, ns, clientName, properties, rootNamespace).Api;
    }

    private static int Usage(TextWriter errors)
    {
        errors.WriteLine("usage: engage-codegen openapi (<docs-dir> | --project <csproj>) -o <file> [--yaml] [--namespace N] [--client-name C] [--property Name=Value]...");
        return 2;
    }
}
