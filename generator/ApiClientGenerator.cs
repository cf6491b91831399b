using System;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Engage.Codegen.Emit;
using Engage.Codegen.Inference;
using Engage.Codegen.Model;
using Engage.Codegen.Parsing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace Engage.Codegen;

/// <summary>
/// Reads the project's <c>&lt;ApiDocs&gt;</c> Markdown files and generates a typed client.
/// Pipeline: docs text → parse each file (cached per file) → infer the API from all files and the
/// MSBuild properties → one source per generated type. It never combines with the compilation, so
/// C# edits re-run nothing, and no exception escapes: failures become ENG099 diagnostics.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class ApiClientGenerator : IIncrementalGenerator
{
    /// <inheritdoc />
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var docs = context.AdditionalTextsProvider
            .Combine(context.AnalyzerConfigOptionsProvider)
            .Where(static pair => IsApiDoc(pair.Left, pair.Right))
            .Select(static (pair, cancellationToken) => ReadSource(pair.Left, cancellationToken))
            .WithTrackingName(TrackingNames.DocSource)
            .Select(static (source, cancellationToken) => Parse(source, cancellationToken))
            .WithTrackingName(TrackingNames.ParsedDoc);

        var settings = context.AnalyzerConfigOptionsProvider
            .Select(static (options, _) => ReadSettings(options.GlobalOptions))
            .WithTrackingName(TrackingNames.Settings);

        var api = docs.Collect()
            .Combine(settings)
            .Select(static (pair, cancellationToken) => Build(pair.Left, pair.Right, cancellationToken))
            .WithTrackingName(TrackingNames.Api);

        // Emission sees the model alone: diagnostics travel beside it, so a change that only moves or
        // fixes a docs warning leaves the model equal and re-emits nothing.
        var model = api
            .Select(static (result, _) => new EmitInput(result.Api, result.FirstPath))
            .WithTrackingName(TrackingNames.Model);

        var emitted = model
            .Select(static (input, cancellationToken) => Emit(input, cancellationToken))
            .WithTrackingName(TrackingNames.Emitted);

        var files = emitted
            .SelectMany(static (result, _) => result.Files.ToImmutableArray())
            .WithTrackingName(TrackingNames.GeneratedFiles);

        // <ApiSurface> files: the API as the project last accepted it, compared with what the docs say now.
        var surfaces = context.AdditionalTextsProvider
            .Combine(context.AnalyzerConfigOptionsProvider)
            .Where(static pair => IsMarked(pair.Left, pair.Right, SurfaceMetadata))
            .Select(static (pair, cancellationToken) => ReadSource(pair.Left, cancellationToken))
            .WithTrackingName(TrackingNames.SurfaceSource)
            .Collect();

        var surfaceDiagnostics = api
            .Combine(surfaces)
            .Combine(docs.Select(static (doc, _) => doc.Path).Collect())
            .Select(static (pair, cancellationToken) => CheckSurface(pair.Left.Left, pair.Left.Right, pair.Right, cancellationToken))
            .WithTrackingName(TrackingNames.SurfaceCheck);

        var diagnostics = api
            .Select(static (result, _) => result.Diagnostics)
            .Combine(emitted.Select(static (result, _) => result.Diagnostics))
            .Combine(surfaceDiagnostics)
            .Select(static (pair, _) => pair.Left.Right.Count == 0 && pair.Right.Count == 0
                ? pair.Left.Left
                : pair.Left.Left.Concat(pair.Left.Right).Concat(pair.Right).ToEquatableArray())
            .WithTrackingName(TrackingNames.Diagnostics);

        context.RegisterSourceOutput(files, static (production, file) =>
            production.AddSource(file.HintName, SourceText.From(file.Text, System.Text.Encoding.UTF8)));

        context.RegisterSourceOutput(diagnostics, static (production, items) =>
        {
            foreach (var item in items)
            {
                production.ReportDiagnostic(item.ToDiagnostic());
            }
        });
    }

    /// <summary>The metadata the build files set on <c>&lt;ApiDocs&gt;</c> items' AdditionalFiles.</summary>
    internal const string DocsMetadata = "EngageApiDocs";

    /// <summary>The metadata the build files set on <c>&lt;ApiSurface&gt;</c> items' AdditionalFiles.</summary>
    internal const string SurfaceMetadata = "EngageApiSurface";

    private static bool IsApiDoc(AdditionalText text, AnalyzerConfigOptionsProvider options) => IsMarked(text, options, DocsMetadata);

    private static bool IsMarked(AdditionalText text, AnalyzerConfigOptionsProvider options, string metadata) =>
        options.GetOptions(text).TryGetValue("build_metadata.AdditionalFiles." + metadata, out var value) &&
        string.Equals(value, "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>Compares the API with each <c>&lt;ApiSurface&gt;</c> file (ENG022-ENG024); nothing without one or without an API.</summary>
    private static EquatableArray<DiagnosticInfo> CheckSurface(BuildResult result, ImmutableArray<DocSource> surfaces, ImmutableArray<string> docPaths,
        CancellationToken cancellationToken)
    {
        if (surfaces.IsDefaultOrEmpty || result.Api is null)
        {
            return EquatableArray<DiagnosticInfo>.Empty;
        }

        try
        {
            cancellationToken.ThrowIfCancellationRequested();
            return Surface.SurfaceCheck.Run(result.Api, surfaces, docPaths);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            var failure = DiagnosticInfo.Create(DiagnosticDescriptors.GeneratorFailure, new LocationInfo(surfaces[0].Path, 0, 0, 0, 0, 0, 0),
                "comparing the API surface failed (" + Describe(exception) + ")");
            return new EquatableArray<DiagnosticInfo>(new[] { failure });
        }
    }

    private static DocSource ReadSource(AdditionalText text, CancellationToken cancellationToken)
    {
        // The compiler has read the file; the generator never touches the file system.
        var content = text.GetText(cancellationToken)?.ToString() ?? string.Empty;
        return new DocSource(text.Path, content);
    }

    private static GeneratorSettings ReadSettings(AnalyzerConfigOptions options)
    {
        static string? Get(AnalyzerConfigOptions options, string name) =>
            options.TryGetValue("build_property." + name, out var value) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;

        return new GeneratorSettings(
            Get(options, "ApiClientNamespace"),
            Get(options, "ApiClientName"),
            Get(options, "RootNamespace"),
            Get(options, Inference.ProjectOverrides.BaseAddressProperty),
            Get(options, Inference.ProjectOverrides.AuthProperty),
            Get(options, Inference.ProjectOverrides.PagingProperty),
            Get(options, Inference.ProjectOverrides.ExcludeProperty));
    }

    private static DocSpec Parse(DocSource source, CancellationToken cancellationToken)
    {
        try
        {
            return DocParser.Parse(source, cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            var failure = DiagnosticInfo.Create(DiagnosticDescriptors.GeneratorFailure, new LocationInfo(source.Path, 0, 0, 0, 0, 0, 0), Describe(exception));
            return new DocSpec(source.Path, System.IO.Path.GetFileName(source.Path), null, null, 0, null, null, false, EquatableArray<DeprecationSpec>.Empty,
                EquatableArray<ObjectSectionSpec>.Empty, EquatableArray<EndpointSectionSpec>.Empty, new EquatableArray<DiagnosticInfo>(new[] { failure }));
        }
    }

    private static BuildResult Build(ImmutableArray<DocSpec> docs, GeneratorSettings settings, CancellationToken cancellationToken)
    {
        if (docs.IsDefaultOrEmpty)
        {
            return new BuildResult(null, EquatableArray<DiagnosticInfo>.Empty);
        }

        try
        {
            var inferred = ApiBuilder.Build(docs, settings, cancellationToken);
            return new BuildResult(inferred.Api, inferred.Diagnostics, docs[0].Path);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            var failure = DiagnosticInfo.Create(DiagnosticDescriptors.GeneratorFailure, new LocationInfo(docs[0].Path, 0, 0, 0, 0, 0, 0), Describe(exception));
            return new BuildResult(null, docs.SelectMany(d => d.Diagnostics).Concat(new[] { failure }).ToEquatableArray(), docs[0].Path);
        }
    }

    /// <summary>
    /// Writes the client's sources. Like parsing and inference, a failure here never reaches Roslyn
    /// (where it would be CS8785 and an unexplained missing client): it is ENG099 at the first docs
    /// file, reported beside the diagnostics inference found.
    /// </summary>
    internal static EmitResult Emit(EmitInput input, CancellationToken cancellationToken)
    {
        if (input.Api is null)
        {
            return new EmitResult(EquatableArray<GeneratedFile>.Empty, EquatableArray<DiagnosticInfo>.Empty);
        }

        try
        {
            var files = Emitter.Emit(input.Api).ToEquatableArray();
            cancellationToken.ThrowIfCancellationRequested();
            return new EmitResult(files, EquatableArray<DiagnosticInfo>.Empty);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            var failure = DiagnosticInfo.Create(DiagnosticDescriptors.GeneratorFailure, new LocationInfo(input.FirstPath ?? string.Empty, 0, 0, 0, 0, 0, 0),
                "writing the client failed (" + Describe(exception) + ")");
            return new EmitResult(EquatableArray<GeneratedFile>.Empty, new EquatableArray<DiagnosticInfo>(new[] { failure }));
        }
    }

    /// <summary>The inferred API, or null when inference failed, with the diagnostics found and the first docs file (where a failure is located).</summary>
    internal sealed record BuildResult(ApiSpec? Api, EquatableArray<DiagnosticInfo> Diagnostics, string? FirstPath = null);

    /// <summary>What emission reads: the model and where to locate a failure; no diagnostics.</summary>
    internal sealed record EmitInput(ApiSpec? Api, string? FirstPath);

    /// <summary>The generated sources, and ENG099 when writing them failed.</summary>
    internal sealed record EmitResult(EquatableArray<GeneratedFile> Files, EquatableArray<DiagnosticInfo> Diagnostics);

    private static string Describe(Exception exception) => exception.GetType().Name + ": " + exception.Message.Replace('\r', ' ').Replace('\n', ' ');
}

/// <summary>Names of the tracked pipeline steps, for incrementality tests.</summary>
public static class TrackingNames
{
    /// <summary>The text of each docs file.</summary>
    public const string DocSource = nameof(DocSource);

    /// <summary>Each docs file parsed.</summary>
    public const string ParsedDoc = nameof(ParsedDoc);

    /// <summary>The client's sources written (or ENG099), with the diagnostics to report.</summary>
    public const string Emitted = nameof(Emitted);

    /// <summary>The MSBuild properties the generator reads.</summary>
    public const string Settings = nameof(Settings);

    /// <summary>The API inferred from all docs, with its diagnostics.</summary>
    public const string Api = nameof(Api);

    /// <summary>The inferred model alone, as emission reads it.</summary>
    public const string Model = nameof(Model);

    /// <summary>One generated file per type.</summary>
    public const string GeneratedFiles = nameof(GeneratedFiles);

    /// <summary>The text of each <c>&lt;ApiSurface&gt;</c> file.</summary>
    public const string SurfaceSource = nameof(SurfaceSource);

    /// <summary>The API compared with its surface files: ENG022-ENG024.</summary>
    public const string SurfaceCheck = nameof(SurfaceCheck);

    /// <summary>The diagnostics to report.</summary>
    public const string Diagnostics = nameof(Diagnostics);
}
