using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace Engage.Codegen;

/// <summary>
/// Every diagnostic the generator reports. Ids are tracked in AnalyzerReleases.Unshipped.md; the
/// docs/diagnostics.md has one heading per id, which each descriptor's help link opens. Docs problems are warnings
/// (a user may raise any id in .globalconfig); only a generator failure is an error.
/// </summary>
internal static class DiagnosticDescriptors
{
    private const string Category = "Engage.Codegen";

    /// <summary>
    /// The repository URL the packages declare (<c>RepositoryUrl</c> in Directory.Build.props) and the page of
    /// diagnostics in it; a test keeps the two in step and checks every id has its heading there.
    /// </summary>
    internal const string HelpPage = "https://github.com/engage-codegen/Engage.Codegen/blob/main/docs/diagnostics.md";

    private static DiagnosticDescriptor Create(string id, string title, string message, DiagnosticSeverity severity) =>
        new(id, title, message, Category, severity, isEnabledByDefault: true, helpLinkUri: HelpPage + "#" + id.ToLowerInvariant());

    public static readonly DiagnosticDescriptor EndpointLineUnreadable = Create(
        "ENG001", "Endpoint line could not be read",
        "The endpoint line '{0}' in section '{1}' is not 'METHOD /path'; the endpoint is not generated",
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor SectionWithoutEndpoint = Create(
        "ENG002", "Section has parameters or examples but no endpoint line",
        "Section '{0}' documents parameters or examples but has no 'METHOD /path' line; nothing is generated for it",
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor JsonExampleProblem = Create(
        "ENG003", "JSON example is not valid JSON",
        "JSON example: {0}; what could be read is used",
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor BulletUnreadable = Create(
        "ENG004", "Parameter or field bullet could not be read",
        "The bullet '{0}' does not start with a `name`; it is skipped",
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor ReadersOwnEndpoint = Create(
        "ENG027", "An endpoint the reader's own server provides",
        "'{0}' in section '{1}' is an endpoint the docs ask your own server to provide (the API calls it); no operation is made",
        DiagnosticSeverity.Info);

    public static readonly DiagnosticDescriptor XmlExampleProblem = Create(
        "ENG026", "XML example is not well-formed",
        "XML example: {0}; what could be read is used",
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor UntypedMember = Create(
        "ENG005", "Nothing in the docs implies a type",
        "'{0}' of {1} has no example value and no description that implies a type; it is generated as JsonElement",
        DiagnosticSeverity.Info);

    public static readonly DiagnosticDescriptor UnknownObjectReference = Create(
        "ENG006", "The docs name an object that is not documented",
        "Section '{0}' says it returns the {1} object, but no 'The {1} object' section exists; the response is typed from the example instead",
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor NameCollision = Create(
        "ENG007", "Generated names collide",
        "'{0}' is generated for two things; the one from '{1}' is named '{2}'",
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor NoClientName = Create(
        "ENG008", "No API name found",
        "No page title or introduction names the API ('The X API'); the client is named '{0}'. Set the ApiClientName property to choose a name.",
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor NoApiRoot = Create(
        "ENG009", "No API root found",
        "No 'API Root' section gives the base address; callers must set BaseAddress in the options, or set the ApiBaseAddress property",
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor PagingIncomplete = Create(
        "ENG010", "List endpoint cannot be paged",
        "Section '{0}' takes paging parameters but {1}; it is generated as a single request (the ApiPaging property decides a list's paging)",
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor NoResponseType = Create(
        "ENG011", "Response type unknown",
        "Section '{0}' has no example response and names no object; the response is generated as JsonElement",
        DiagnosticSeverity.Info);

    public static readonly DiagnosticDescriptor ProseContradictsExample = Create(
        "ENG012", "The prose and the example disagree",
        "In '{0}' {1}; by the rule that the prose decides, {2}",
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor MarkdownTooDeep = Create(
        "ENG013", "Markdown nested too deeply",
        "The page nests block quotes or lists too deeply to read ({0}); the deepest levels were flattened and the rest read",
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor MethodMisspelled = Create(
        "ENG014", "HTTP method misspelled",
        "'{0}' is not an HTTP method; it is read as {1}",
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor AccountSpecificRoot = Create(
        "ENG015", "The base address is specific to each account",
        "The docs' base address '{0}' holds '{1}', which differs for each account or server; callers must " +
            "set BaseAddress in the options, or set the ApiBaseAddress property",
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor AccountInRoot = Create(
        "ENG017", "The base address holds an account id",
        "The docs' base address '{0}' holds '{1}', which differs for each account; the options take it as " +
            "{2}, and requests go to {3} (the ApiBaseAddress property sets one address for all)",
        DiagnosticSeverity.Info);

    public static readonly DiagnosticDescriptor EndpointDocumentedTwice = Create(
        "ENG016", "Endpoint documented twice",
        "'{0}' in section '{1}' is already documented in '{2}'; that section makes the operation",
        DiagnosticSeverity.Info);

    public static readonly DiagnosticDescriptor ExampleOnly = Create(
        "ENG018", "A section shows only a request example",
        "Section '{0}' shows '{1}' only in a request example; these docs declare their endpoints in another " +
            "form, so it is read as an illustration and makes no operation",
        DiagnosticSeverity.Info);

    public static readonly DiagnosticDescriptor OverrideNotUnderstood = Create(
        "ENG019", "A project property could not be read",
        "The project property {0} = '{1}' could not be read ({2}); it is ignored and the docs decide",
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor ExampleOnAnotherHost = Create(
        "ENG020", "A request example calls another host",
        "Section '{0}' sends '{1}' to {2}, where the other examples send theirs to {3}; it is read as a call " +
            "to another service or an old address and makes no operation",
        DiagnosticSeverity.Info);

    public static readonly DiagnosticDescriptor CrossReferenceOnly = Create(
        "ENG025", "A section only refers to another for an endpoint",
        "Section '{0}' refers to '{1}' by a link to {2}, which documents it; that section is not among the docs, so no operation is made",
        DiagnosticSeverity.Info);

    public static readonly DiagnosticDescriptor MethodDisagreesWithIndex = Create(
        "ENG021", "A section's method disagrees with the page's index",
        "Section '{0}' says '{1}', but the page's index lists the path only as '{2}' and no other section " +
            "documents that; the operation is '{2}' (the ApiExclude property leaves it out)",
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor SurfaceBroken = Create(
        "ENG022", "The docs change the API in a way that breaks callers",
        "{0}: {1}, against the API surface in {2}; if the docs changed on purpose, accept the change by " +
            "exporting the surface again (engage-codegen openapi --project <your project> -o {2})",
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor SurfaceExtended = Create(
        "ENG023", "The docs add to the API",
        "{0}: {1}, against the API surface in {2}; export the surface again to record it (engage-codegen openapi --project <your project> -o {2})",
        DiagnosticSeverity.Info);

    public static readonly DiagnosticDescriptor SurfaceUnreadable = Create(
        "ENG024", "The API surface file could not be read",
        "The API surface {0} could not be read ({1}), so the docs are not compared with it; write it with " +
            "engage-codegen openapi --project <your project> -o {0}",
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor GeneratorFailure = Create(
        "ENG099", "The generator failed on a docs file",
        "Engage.Codegen could not process this file: {0}. Please report this with the file.",
        DiagnosticSeverity.Error);

    public static readonly IReadOnlyList<DiagnosticDescriptor> All = new[]
    {
        EndpointLineUnreadable, SectionWithoutEndpoint, JsonExampleProblem, BulletUnreadable, UntypedMember,
        UnknownObjectReference, NameCollision, NoClientName, NoApiRoot, PagingIncomplete, NoResponseType, ProseContradictsExample, MarkdownTooDeep,
            MethodMisspelled, AccountSpecificRoot, EndpointDocumentedTwice, AccountInRoot, ExampleOnly, OverrideNotUnderstood, ExampleOnAnotherHost,
            MethodDisagreesWithIndex, CrossReferenceOnly, XmlExampleProblem, ReadersOwnEndpoint,
        SurfaceBroken, SurfaceExtended, SurfaceUnreadable, GeneratorFailure,
    };

    private static readonly Dictionary<string, DiagnosticDescriptor> s_byId = All.ToDictionary(d => d.Id);

    public static DiagnosticDescriptor ById(string id) => s_byId[id];
}
