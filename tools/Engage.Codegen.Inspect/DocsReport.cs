using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using Engage.Codegen.Inference;
using Engage.Codegen.Model;
using Engage.Codegen.Parsing;
using DiagnosticSeverity = Microsoft.CodeAnalysis.DiagnosticSeverity;

namespace Engage.Codegen.Inspect;

/// <summary>
/// What the generator reads from a set of Markdown pages, through the generator's own parse and
/// inference (the same code a build runs): operations, models and diagnostics, with totals per page.
/// </summary>
public sealed class DocsReport
{
    private readonly ApiSpec? _api;
    private readonly ImmutableArray<DocSpec> _docs;
    private readonly IReadOnlyList<DiagnosticInfo> _diagnostics;
    private readonly string _root;
    private IReadOnlyList<(string Id, string Severity, string Where, string Message)>? _rendered;

    private readonly GeneratorSettings _settings;

    private DocsReport(ImmutableArray<DocSpec> docs, ApiSpec? api, IReadOnlyList<DiagnosticInfo> diagnostics, string root, GeneratorSettings settings)
    {
        _settings = settings;
        _docs = docs;
        _api = api;
        _diagnostics = diagnostics;
        _root = root;
    }

    /// <summary>Parses and infers as the generator does; a failure is reported, never thrown.</summary>
    /// <param name="pages">The pages, path and text.</param>
    /// <param name="ns">The namespace, as <c>ApiClientNamespace</c> would give it.</param>
    /// <param name="clientName">The client's name, as <c>ApiClientName</c> would give it.</param>
    /// <param name="properties">Project properties the build would pass: <c>ApiBaseAddress</c>, <c>ApiAuth</c>, <c>ApiPaging</c>, <c>ApiExclude</c>.</param>
    /// <param name="rootNamespace">The project's <c>RootNamespace</c>, which names the client's namespace when <paramref name="ns"/> does not.</param>
    public static DocsReport Create(IEnumerable<(string Path, string Text)> pages, string? ns = null, string? clientName = null, IReadOnlyDictionary<string, string>? properties = null, string? rootNamespace = null)
    {
        string? Property(string name) => properties is not null && properties.TryGetValue(name, out var value) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;
        var settings = new GeneratorSettings(ns ?? (rootNamespace is null ? "Inspected" : null), clientName, rootNamespace,
            Property(ProjectOverrides.BaseAddressProperty), Property(ProjectOverrides.AuthProperty), Property(ProjectOverrides.PagingProperty), Property(ProjectOverrides.ExcludeProperty));
        var sources = pages.ToList();
        var docs = sources.Select(p => Parse(p.Path, p.Text)).ToImmutableArray();
        var root = CommonDirectory(sources.Select(s => s.Path).ToList());
        try
        {
            var inferred = ApiBuilder.Build(docs, settings, CancellationToken.None);
            return new DocsReport(docs, inferred.Api, inferred.Diagnostics.ToList(), root, settings);
        }
        catch (Exception exception)
        {
            var failure = DiagnosticInfo.Create(DiagnosticDescriptors.GeneratorFailure, null, exception.GetType().Name + ": " + exception.Message);
            return new DocsReport(docs, null, docs.SelectMany(d => d.Diagnostics).Append(failure).ToList(), root, settings);
        }
    }

    // As the generator does: a failure on one page is an ENG099 on that page, and the rest is read.
    private static DocSpec Parse(string path, string text)
    {
        try
        {
            return DocParser.Parse(new DocSource(path, text), CancellationToken.None);
        }
        catch (Exception exception)
        {
            var failure = DiagnosticInfo.Create(DiagnosticDescriptors.GeneratorFailure, new LocationInfo(path, 0, 0, 0, 0, 0, 0), exception.GetType().Name + ": " + exception.Message);
            return new DocSpec(path, Path.GetFileName(path), null, null, 0, null, null, false, EquatableArray<DeprecationSpec>.Empty,
                EquatableArray<ObjectSectionSpec>.Empty, EquatableArray<EndpointSectionSpec>.Empty, new EquatableArray<DiagnosticInfo>(new[] { failure }));
        }
    }

    /// <summary>Every operation the client would have, one row each.</summary>
    public IReadOnlyList<OperationRow> Operations =>
        _api is null
            ? Array.Empty<OperationRow>()
            : _api.Resources.SelectMany(r => r.Operations.Select(o => new OperationRow(
                r.DocPath, r.PropertyName, o.MethodName, o.HttpMethod, o.PathTemplate, o.Auth.ToString(),
                PagingText(o.Paging), o.Source, o.RequestType, TypeText(o.ResponseType),
                o.PathParameters.Select(p => p.Name).ToList(), o.RequestProperties.Select(p => p.JsonName + ":" + TypeText(p.Type) + (p.InQuery ? " (query)" : string.Empty)).ToList()))).ToList();

    /// <summary>The inferred API (null when inference failed), for the corpus score.</summary>
    internal ApiSpec? Api => _api;

    /// <summary>The generated client's class name, or null when inference failed.</summary>
    public string? ClientName => _api?.ClientName;

    /// <summary>How the client authenticates: <c>header Authorization: token &lt;AccessToken&gt;</c>.</summary>
    public string Auth => _api?.Auth is not { } auth ? "-" : auth.Location switch
    {
        CredentialLocation.Header => $"header {auth.HeaderName}: {auth.Prefix}<{auth.KeyName}>",
        CredentialLocation.Query => $"query {auth.ParameterName}=<{auth.KeyName}>",
        CredentialLocation.Headers => $"headers {auth.HeaderName}: <{auth.KeyName}>, {auth.SecretHeaderName}: {auth.Prefix}<{auth.SecretName}>",
        _ => $"Basic <{auth.KeyName}>:<{auth.SecretName}>",
    };

    /// <summary>
    /// Where the auth scheme was read (<c>README.md:85</c>): the strongest evidence of any page, as inference
    /// chooses it; null when the docs say nothing and Engage's default stands.
    /// </summary>
    public string? AuthEvidence =>
        _docs.Select(d => d.Credentials).Where(c => c is not null).Select(c => c!)
            .Aggregate((CredentialSpec?)null, (best, c) => best is null || c.Strength > best.Strength ? c : best)?.Evidence is { } where
            ? Relative(where.Path) + ":" + where.Line.ToString(CultureInfo.InvariantCulture)
            : null;

    /// <summary>Whether the project property is set and every part of it was understood (no ENG019 names it).</summary>
    private bool Overridden(string property)
    {
        var value = property switch
        {
            ProjectOverrides.BaseAddressProperty => _settings.BaseAddress,
            ProjectOverrides.AuthProperty => _settings.Auth,
            ProjectOverrides.PagingProperty => _settings.Paging,
            _ => _settings.Exclude,
        };
        return value is not null && !_diagnostics.Any(d => d.Id == "ENG019" && d.Arguments.Count > 0 && d.Arguments[0] == property);
    }

    /// <summary>The base address read from the docs (or set by the ApiBaseAddress property), if any.</summary>
    public string? BaseAddress => _api?.BaseAddress;

    /// <summary>Every diagnostic, as id, file:line and message (made once: the report reads them several times).</summary>
    public IReadOnlyList<(string Id, string Severity, string Where, string Message)> Diagnostics => _rendered ??=
        _diagnostics.Select(d =>
        {
            var diagnostic = d.ToDiagnostic();
            var where = d.Location is null ? "-" : Relative(d.Location.Path) + ":" + d.Location.Line.ToString(CultureInfo.InvariantCulture);
            return (d.Id, diagnostic.Severity.ToString(), where, diagnostic.GetMessage(CultureInfo.InvariantCulture));
        }).ToList();

    /// <summary>The full report: per page, its operations and diagnostics; then models and totals.</summary>
    public string Render()
    {
        var text = new StringBuilder();
        var authSource = Overridden(ProjectOverrides.AuthProperty) ? " (from the ApiAuth property)" : AuthEvidence is { } evidence ? $" (from {evidence})" : " (no statement in the docs: the default)";
        var addressSource = Overridden(ProjectOverrides.BaseAddressProperty) ? " (from the ApiBaseAddress property)" : string.Empty;
        text.AppendLine($"client: {ClientName ?? "(inference failed)"}  base address: {BaseAddress ?? (_api?.AccountRoot is { } account ? $"{account.Template} (callers set {account.OptionName})" : "(none: callers set BaseAddress)")}{addressSource}  auth: {Auth}{authSource}" +
            (_api?.RequiredUserAgent is { } agent ? $"  user agent: required{(agent.Length == 0 ? string.Empty : $" (e.g. {agent})")}" : string.Empty));
        if (_api?.ErrorBody is { } errors)
        {
            // What an errors section shows a refused request's body to be: the field errors ApiException reads from it.
            text.AppendLine($"error body: {errors.Shape} (from {errors.Source})");
        }

        foreach (var (property, value) in new[] { (ProjectOverrides.PagingProperty, _settings.Paging), (ProjectOverrides.ExcludeProperty, _settings.Exclude) })
        {
            if (value is not null)
            {
                text.AppendLine($"{property}: {value}{(Overridden(property) ? string.Empty : " (partly not understood: see ENG019)")}");
            }
        }

        var operations = Operations;
        var diagnostics = Diagnostics;
        foreach (var doc in _docs.OrderBy(d => d.Path, StringComparer.Ordinal))
        {
            var file = Relative(doc.Path);
            var ops = operations.Where(o => o.DocPath == doc.Path).ToList();
            var diags = diagnostics.Where(d => d.Where.StartsWith(file + ":", StringComparison.Ordinal)).ToList();
            text.AppendLine();
            text.AppendLine($"== {file}: {ops.Count} operations, {diags.Count} diagnostics");
            foreach (var op in ops)
            {
                text.AppendLine($"  {op.HttpMethod,-6} {op.Path}  {op.Resource}.{op.MethodName}  auth={op.Auth} paging={op.Paging}  [{op.Source}]");
                if (op.PathParameters.Count > 0 || op.RequestMembers.Count > 0)
                {
                    text.AppendLine($"         path({string.Join(", ", op.PathParameters)}) {op.RequestType ?? "-"}({string.Join(", ", op.RequestMembers)}) -> {op.Response}");
                }
                else
                {
                    text.AppendLine($"         -> {op.Response}");
                }
            }

            foreach (var d in diags)
            {
                text.AppendLine($"  {d.Severity.ToLowerInvariant()} {d.Id} {d.Where}: {d.Message}");
            }
        }

        var unlocated = diagnostics.Where(d => d.Where == "-").ToList();
        foreach (var d in unlocated)
        {
            text.AppendLine($"  {d.Severity.ToLowerInvariant()} {d.Id}: {d.Message}");
        }

        if (_api is not null)
        {
            text.AppendLine();
            text.AppendLine($"== models: {_api.Models.Count}, enums: {_api.Enums.Count}");
            foreach (var model in _api.Models)
            {
                text.AppendLine($"  {model.Role.ToString().ToLowerInvariant(),-8} {model.Name} {{ {string.Join(", ", model.Properties.Select(p => p.JsonName + ": " + TypeText(p.Type) + (p.Nullable && !p.Type.IsValueType ? "?" : string.Empty)))} }}");
            }
        }

        text.AppendLine();
        text.Append(RenderSummary());
        return text.ToString();
    }

    /// <summary>Totals: operations per page, diagnostics by id.</summary>
    public string RenderSummary()
    {
        var text = new StringBuilder();
        var operations = Operations;
        text.AppendLine("page\toperations");
        foreach (var doc in _docs.OrderBy(d => d.Path, StringComparer.Ordinal))
        {
            text.AppendLine($"{Relative(doc.Path)}\t{operations.Count(o => o.DocPath == doc.Path)}");
        }

        var byId = Diagnostics.GroupBy(d => d.Id).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key} x{g.Count()}");
        text.AppendLine($"total: {operations.Count} operations, {_api?.Models.Count ?? 0} models, {Diagnostics.Count} diagnostics ({string.Join(", ", byId)})");
        text.AppendLine($"errors: {Diagnostics.Count(d => d.Severity == nameof(DiagnosticSeverity.Error))}, warnings: {Diagnostics.Count(d => d.Severity == nameof(DiagnosticSeverity.Warning))}, info: {Diagnostics.Count(d => d.Severity == nameof(DiagnosticSeverity.Info))}");
        var paged = operations.Where(o => o.Paging != "-").GroupBy(o => o.Paging).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key} x{g.Count()}").ToList();
        text.AppendLine($"paged: {paged.Count switch { 0 => "none", _ => string.Join(", ", paged) }}");
        return text.ToString();
    }

    private string Relative(string path) => _root.Length > 0 && path.StartsWith(_root, StringComparison.Ordinal) ? path.Substring(_root.Length).TrimStart('/', '\\') : path;

    private static string CommonDirectory(IReadOnlyList<string> paths)
    {
        if (paths.Count == 0)
        {
            return string.Empty;
        }

        var common = Path.GetDirectoryName(paths[0]) ?? string.Empty;
        foreach (var path in paths.Skip(1))
        {
            while (common.Length > 0 && !path.StartsWith(common + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            {
                common = Path.GetDirectoryName(common) ?? string.Empty;
            }
        }

        return common;
    }

    /// <summary>The paging style, with how a page-number or offset list finds its end: "PageNumber(page, per_page; Link next; X-Total-Count)".</summary>
    private static string PagingText(PagingSpec? paging)
    {
        if (paging is null)
        {
            return "-";
        }

        if (paging.Position is not { } position)
        {
            return paging.NextHeader is { } header ? $"{paging.Style}(token in {header})"
                : paging.Style == PagingStyle.OpaqueCursor && paging.NextResponseProperty is { } next ? $"{paging.Style}(next {next})" : paging.Style.ToString();
        }

        // A cursor list followed by its links sends no position.
        var sent = paging.Style == PagingStyle.OpaqueCursor ? "links" : position.PositionParameter;
        var parts = new List<string> { position.SizeParameter is null ? sent : sent + ", " + position.SizeParameter };
        var ends = new List<string>();
        if (position.LinksOnly)
        {
            ends.Add(position.NextLinkMember is null ? "Link next" : "next " + position.NextLinkMember);
        }

        if (position.HasMoreMember is not null)
        {
            ends.Add("has_more");
        }

        foreach (var total in new[] { position.TotalCountHeader, position.TotalCountMember, position.TotalPagesHeader, position.TotalPagesMember })
        {
            if (total is not null)
            {
                ends.Add(total);
            }
        }

        if (position.ShortPageEnds)
        {
            ends.Add(position.DefaultPageSize is { } size ? "short page < " + size.ToString(System.Globalization.CultureInfo.InvariantCulture) : "short page");
        }

        if (ends.Count > 0)
        {
            parts.Add(string.Join(", ", ends));
        }

        return paging.Style + "(" + string.Join("; ", parts) + ")";
    }

    private static string TypeText(TypeRef type) => type.Kind switch
    {
        TypeKind.Model or TypeKind.Enum => type.Name!,
        TypeKind.List => "List<" + TypeText(type.Element!) + ">",
        TypeKind.Dictionary => "Dictionary<string, " + TypeText(type.Element!) + ">",
        TypeKind.String => "string",
        TypeKind.Int32 => "int",
        TypeKind.Int64 => "long",
        TypeKind.Decimal => "decimal",
        TypeKind.Double => "double",
        TypeKind.Boolean => "bool",
        TypeKind.None => "(no content)",
        _ => type.Kind.ToString(),
    };
}

/// <summary>One operation as the report shows it.</summary>
public sealed record OperationRow(
    string DocPath,
    string Resource,
    string MethodName,
    string HttpMethod,
    string Path,
    string Auth,
    string Paging,
    string Source,
    string? RequestType,
    string Response,
    IReadOnlyList<string> PathParameters,
    IReadOnlyList<string> RequestMembers);
