using Engage.Codegen.Inspect;
using Engage.Codegen.Inspect.Corpora;

// dotnet run --project tools/Engage.Codegen.Inspect -- <folder or .md files> [--summary] [--namespace N] [--client-name C]
// dotnet run --project tools/Engage.Codegen.Inspect -- score [--corpora DIR] [--details] [id...]
// dotnet run --project tools/Engage.Codegen.Inspect -- openapi <docs-dir> -o <file> [--yaml]
// dotnet run --project tools/Engage.Codegen.Inspect -- diff <old> <new>   (each a docs folder or an OpenAPI file)
// As the engage-codegen tool: `engage-codegen inspect <docs-dir>` is the inspection, the verb being optional.
if (args.Length > 0 && args[0] == "inspect")
{
    args = args.Skip(1).ToArray();
}

if (args.Length > 0 && args[0] == "score")
{
    return ScoreCommand.Run(args.Skip(1).ToList(), Console.Out);
}

if (args.Length > 0 && args[0] == "openapi")
{
    return Engage.Codegen.Inspect.OpenApi.OpenApiCommand.Run(args.Skip(1).ToList(), Console.Out, Console.Error);
}

if (args.Length > 0 && args[0] == "diff")
{
    return Engage.Codegen.Inspect.OpenApi.DiffCommand.Run(args.Skip(1).ToList(), Console.Out, Console.Error);
}

var paths = new List<string>();
var summaryOnly = false;
string? ns = null;
string? clientName = null;
string? expect = null;
string? project = null;
var properties = new Dictionary<string, string>(StringComparer.Ordinal);
for (var i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--summary": summaryOnly = true; break;
        case "--namespace" when i + 1 < args.Length: ns = args[++i]; break;
        case "--client-name" when i + 1 < args.Length: clientName = args[++i]; break;
        case "--expect" when i + 1 < args.Length: expect = args[++i]; break;
        case "--project" when i + 1 < args.Length: project = args[++i]; break;
        case "--property" or "-p" when i + 1 < args.Length && args[i + 1].IndexOf('=') > 0:
            var assignment = args[++i];
            properties[assignment.Substring(0, assignment.IndexOf('='))] = assignment.Substring(assignment.IndexOf('=') + 1);
            break;
        case "-h" or "--help":
            Console.WriteLine("usage: engage-codegen [inspect] <folder-or-file.md>... [--summary] [--expect endpoints.txt] [--namespace N] [--client-name C] [--property Name=Value]...");
            Console.WriteLine("       engage-codegen [inspect] --project <csproj> [--summary]           (the project's <ApiDocs> and properties, as the build reads them; every verb takes it)");
            Console.WriteLine("       --property sets a project property as the build would: ApiBaseAddress, ApiAuth, ApiPaging, ApiExclude");
            Console.WriteLine("       engage-codegen score [--corpora DIR] [--details] [id...]   (the training corpora against tools/corpora/expected)");
            Console.WriteLine("       engage-codegen openapi <docs-dir> -o <file> [--yaml]        (what the docs say, as an OpenAPI 3.1 document)");
            Console.WriteLine("       engage-codegen diff <old> <new>                             (what changed, breaking first; exit 1 when something breaks)");
            Console.WriteLine("Prints every operation, model and diagnostic the generator reads from the Markdown, with totals per page.");
            return 0;
        default: paths.Add(args[i]); break;
    }
}

string? rootNamespace = null;
if (project is not null)
{
    // The pages and properties the build would give the generator: the project's <ApiDocs> and its MSBuild properties.
    if (ProjectDocs.Read(project, Console.Error) is not { } read)
    {
        return 2;
    }

    paths.AddRange(read.Pages);
    ns ??= read.Namespace;
    clientName ??= read.ClientName;
    rootNamespace = read.RootNamespace;
    foreach (var (name, value) in read.Properties)
    {
        properties.TryAdd(name, value);
    }
}

if (paths.Count == 0)
{
    Console.Error.WriteLine("usage: engage-codegen [inspect] <folder-or-file.md>... [--summary]   (engage-codegen --help for the rest)");
    return 2;
}

var files = new List<string>();
foreach (var path in paths)
{
    if (Directory.Exists(path))
    {
        files.AddRange(DocsFiles.Under(path));
    }
    else if (File.Exists(path))
    {
        files.Add(path);
    }
    else
    {
        Console.Error.WriteLine($"not found: {path}");
        return 2;
    }
}

var report = DocsReport.Create(files.Select(f => (Path.GetFullPath(f), File.ReadAllText(f))), ns, clientName, properties, rootNamespace);
Console.Write(summaryOnly ? report.RenderSummary() : report.Render());
if (expect is not null)
{
    Console.Write(ReaderComparison.Compare(report, File.ReadAllLines(expect)));
}

return 0;
