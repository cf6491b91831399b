using System.Collections.Immutable;
using System.Globalization;
using Engage.Codegen.Emit;
using Engage.Codegen.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Engage.Codegen.Inspect.Corpora;

/// <summary>
/// Compiles the client the generator emits for an inferred API, as a project holding only
/// <c>&lt;ApiDocs&gt;</c> would (nullable enabled, warnings as errors), against the runtime this tool runs with.
/// </summary>
internal static class ClientBuild
{
    private static readonly Lazy<ImmutableArray<MetadataReference>> s_references = new(() =>
        ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Where(p => Path.GetFileName(p) is var name && (name.StartsWith("System", StringComparison.Ordinal)
                || name is "netstandard.dll" or "mscorlib.dll" or "Microsoft.Win32.Primitives.dll"
                || name.StartsWith("Microsoft.Extensions.", StringComparison.Ordinal) || name.StartsWith("Polly", StringComparison.Ordinal)
                || name == "Engage.Codegen.Runtime.dll"))
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))
            .ToImmutableArray());

    /// <summary>Every error and warning of the compile, as <c>file(line): id message</c>; empty when it builds clean.</summary>
    public static IReadOnlyList<string> Problems(ApiSpec? api)
    {
        if (api is null)
        {
            return new[] { "no client: inference failed" };
        }

        var parse = new CSharpParseOptions(LanguageVersion.CSharp12);
        var trees = Emitter.Emit(api).Select(f => CSharpSyntaxTree.ParseText(f.Text, parse, f.HintName)).ToList();
        var compilation = CSharpCompilation.Create(
            "CorpusClient",
            trees,
            s_references.Value,
            new CSharpCompilationOptions(
                OutputKind.DynamicallyLinkedLibrary,
                nullableContextOptions: NullableContextOptions.Enable,
                generalDiagnosticOption: ReportDiagnostic.Error,
                specificDiagnosticOptions: new Dictionary<string, ReportDiagnostic> { ["CS1701"] = ReportDiagnostic.Suppress, ["CS1702"] = ReportDiagnostic.Suppress }));
        return compilation.GetDiagnostics()
            .Where(d => d.Severity >= DiagnosticSeverity.Warning)
            .Select(d => $"{d.Location.SourceTree?.FilePath}({d.Location.GetLineSpan().StartLinePosition.Line + 1}): {d.Id} {d.GetMessage(CultureInfo.InvariantCulture)}")
            .ToList();
    }
}
