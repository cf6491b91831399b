using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace Engage.Codegen;

/// <summary>
/// Every diagnostic the generator reports. Ids are tracked in AnalyzerReleases.Unshipped.md; the
/// README lists each with an example. Docs problems are warnings (a user may raise any id in .globalconfig); only a generator failure is an error.
/// </summary>
internal static class DiagnosticDescriptors
{
    private const string Category = "Engage.Codegen";

    public static readonly DiagnosticDescriptor EndpointLineUnreadable = new(
        "ENG001", "Endpoint line could not be read",
        "The endpoint line '{0}' in section '{1}' is not 'METHOD /path'; the endpoint is not generated",
        Category, DiagnosticSeverity.Warning, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor SectionWithoutEndpoint = new(
        "ENG002", "Section has parameters or examples but no endpoint line",
        "Section '{0}' documents parameters or examples but has no 'METHOD /path' line; nothing is generated for it",
        Category, DiagnosticSeverity.Warning, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor JsonExampleProblem = new(
        "ENG003", "JSON example is not valid JSON",
        "JSON example: {0}; what could be read is used",
        Category, DiagnosticSeverity.Warning, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor BulletUnreadable = new(
        "ENG004", "Parameter or field bullet could not be read",
        "The bullet '{0}' does not start with a `name`; it is skipped",
        Category, DiagnosticSeverity.Warning, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor UntypedMember = new(
        "ENG005", "Nothing in the docs implies a type",
        "'{0}' of {1} has no example value and no description that implies a type; it is generated as JsonElement",
        Category, DiagnosticSeverity.Info, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor UnknownObjectReference = new(
        "ENG006", "The docs name an object that is not documented",
        "Section '{0}' says it returns the {1} object, but no 'The {1} object' section exists; the response is typed from the example instead",
        Category, DiagnosticSeverity.Warning, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor NameCollision = new(
        "ENG007", "Generated names collide",
        "'{0}' is generated for two things; the one from '{1}' is named '{2}'",
        Category, DiagnosticSeverity.Warning, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor NoClientName = new(
        "ENG008", "No API name found",
        "No page title or introduction names the API ('The X API'); the client is named '{0}'. Set the ApiClientName property to choose a name.",
        Category, DiagnosticSeverity.Warning, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor NoApiRoot = new(
        "ENG009", "No API root found",
        "No 'API Root' section gives the base address; callers must set BaseAddress in the options",
        Category, DiagnosticSeverity.Warning, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor PagingIncomplete = new(
        "ENG010", "List endpoint cannot be paged",
        "Section '{0}' takes paging parameters but {1}; it is generated as a single request",
        Category, DiagnosticSeverity.Warning, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor NoResponseType = new(
        "ENG011", "Response type unknown",
        "Section '{0}' has no example response and names no object; the response is generated as JsonElement",
        Category, DiagnosticSeverity.Info, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor ProseContradictsExample = new(
        "ENG012", "The prose and the example disagree",
        "In '{0}' {1}; by the rule that the prose decides, {2}",
        Category, DiagnosticSeverity.Warning, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor MarkdownTooDeep = new(
        "ENG013", "Markdown nested too deeply",
        "The page nests block quotes or lists too deeply to read ({0}); the deepest levels were flattened and the rest read",
        Category, DiagnosticSeverity.Warning, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor MethodMisspelled = new(
        "ENG014", "HTTP method misspelled",
        "'{0}' is not an HTTP method; it is read as {1}",
        Category, DiagnosticSeverity.Warning, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor AccountSpecificRoot = new(
        "ENG015", "The base address is specific to each account",
        "The docs' base address '{0}' holds '{1}', which differs for each account or server; callers must set BaseAddress in the options",
        Category, DiagnosticSeverity.Warning, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor AccountInRoot = new(
        "ENG017", "The base address holds an account id",
        "The docs' base address '{0}' holds '{1}', which differs for each account; the options take it as {2}, and requests go to {3}",
        Category, DiagnosticSeverity.Info, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor EndpointDocumentedTwice = new(
        "ENG016", "Endpoint documented twice",
        "'{0}' in section '{1}' is already documented in '{2}'; that section makes the operation",
        Category, DiagnosticSeverity.Info, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor GeneratorFailure = new(
        "ENG099", "The generator failed on a docs file",
        "Engage.Codegen could not process this file: {0}. Please report this with the file.",
        Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    public static readonly IReadOnlyList<DiagnosticDescriptor> All = new[]
    {
        EndpointLineUnreadable, SectionWithoutEndpoint, JsonExampleProblem, BulletUnreadable, UntypedMember,
        UnknownObjectReference, NameCollision, NoClientName, NoApiRoot, PagingIncomplete, NoResponseType, ProseContradictsExample, MarkdownTooDeep, MethodMisspelled, AccountSpecificRoot, EndpointDocumentedTwice, AccountInRoot, GeneratorFailure,
    };

    private static readonly Dictionary<string, DiagnosticDescriptor> s_byId = All.ToDictionary(d => d.Id);

    public static DiagnosticDescriptor ById(string id) => s_byId[id];
}
