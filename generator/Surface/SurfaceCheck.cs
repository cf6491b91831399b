using System;
using System.Collections.Generic;
using System.Linq;
using Engage.Codegen.Model;

namespace Engage.Codegen.Surface;

/// <summary>
/// The build's guard on the API (<c>&lt;ApiSurface Include="api.openapi.json" /&gt;</c>, a file the user exported with
/// the <c>openapi</c> verb and committed): the inferred API is compared with it as the <c>diff</c> verb compares,
/// each change that breaks callers is ENG022 (a warning, so a build that treats warnings as errors stops, as
/// PublicApiAnalyzers do) and each addition ENG023 (info), located in the docs where the change is, or in the surface
/// file at what was removed. ENG024 when the file cannot be read. Without the item nothing is compared.
/// </summary>
internal static class SurfaceCheck
{
    public static EquatableArray<DiagnosticInfo> Run(ApiSpec api, IReadOnlyList<DocSource> surfaces, IReadOnlyList<string> docPaths)
    {
        var diagnostics = new List<DiagnosticInfo>();
        ApiSurface? current = null;
        foreach (var file in surfaces)
        {
            var name = System.IO.Path.GetFileName(file.Path);
            var (recorded, problem) = SurfaceReader.Read(file.Text);
            if (recorded is null)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.SurfaceUnreadable, At(file, 0, 0), name, problem ?? "unknown"));
                continue;
            }

            current ??= SurfaceOfApi.Build(api);
            foreach (var change in SurfaceComparer.Compare(recorded, current))
            {
                var location = (change.Source is { } source ? InDocs(source, docPaths) : null) ?? InSurface(file, change.Anchor);
                var descriptor = change.Breaking ? DiagnosticDescriptors.SurfaceBroken : DiagnosticDescriptors.SurfaceExtended;
                diagnostics.Add(DiagnosticInfo.Create(descriptor, location, change.Where, change.What, name));
            }
        }

        return diagnostics.ToEquatableArray();
    }

    /// <summary>The line a source such as <c>jars.md:12</c> or <c>jars.md:12 ("Create a jar")</c> names, in the docs file of that name.</summary>
    private static LocationInfo? InDocs(string source, IReadOnlyList<string> docPaths)
    {
        var end = source.IndexOf(' ');
        var reference = end < 0 ? source : source.Substring(0, end);
        var colon = reference.LastIndexOf(':');
        if (colon <= 0 || !int.TryParse(reference.Substring(colon + 1), out var line) || line < 1)
        {
            return null;
        }

        var fileName = reference.Substring(0, colon);
        var path = docPaths.FirstOrDefault(p => string.Equals(System.IO.Path.GetFileName(p), fileName, StringComparison.Ordinal));
        return path is null ? null : new LocationInfo(path, 0, 0, line - 1, 0, line - 1, 0);
    }

    /// <summary>The first place the surface file names the thing (<c>"Jars_Delete"</c>), else its start.</summary>
    private static LocationInfo InSurface(DocSource file, string anchor)
    {
        var quoted = "\"" + anchor + "\"";
        var offset = file.Text.IndexOf(quoted, StringComparison.Ordinal);
        return offset < 0 ? At(file, 0, 0) : At(file, offset, quoted.Length);
    }

    private static LocationInfo At(DocSource file, int offset, int length)
    {
        var line = 0;
        var lineStart = 0;
        for (var i = 0; i < offset; i++)
        {
            if (file.Text[i] == '\n')
            {
                line++;
                lineStart = i + 1;
            }
        }

        return new LocationInfo(file.Path, offset, length, line, offset - lineStart, line, offset - lineStart + length);
    }
}
