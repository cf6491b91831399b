using System.Globalization;
using System.Text.RegularExpressions;
using Engage.Codegen.Model;

namespace Engage.Codegen.Inspect.Corpora;

/// <summary>
/// One corpus scored: what the generator read from its pages (through <see cref="DocsReport"/>, the
/// build's own parse and inference) against what a reader finds there (<see cref="ExpectedFacts"/>).
/// </summary>
public sealed class CorpusScore
{
    private static readonly Regex NumberedName = new(@"Async\d+$", RegexOptions.CultureInvariant);

    public required string Id { get; init; }

    public int Pages { get; init; }

    public int Listed { get; init; }

    public int Found { get; init; }

    public IReadOnlyList<string> Missed { get; init; } = Array.Empty<string>();

    /// <summary>Generated operations whose method and path no reader lists.</summary>
    public IReadOnlyList<string> Extra { get; init; } = Array.Empty<string>();

    /// <summary>Generated operations with the method and path of another one.</summary>
    public IReadOnlyList<string> Duplicates { get; init; } = Array.Empty<string>();

    /// <summary>Method names told apart by a number (<c>GetAsync2</c>).</summary>
    public IReadOnlyList<string> Numbered { get; init; } = Array.Empty<string>();

    /// <summary>"right", "wrong (...)", or "-" when the docs state no scheme.</summary>
    public string Auth { get; init; } = "-";

    public int PagedListed { get; init; }

    public int PagedRight { get; init; }

    /// <summary>Listed operations that are no paged list (unpaged lists and non-lists) which the client pages.</summary>
    public IReadOnlyList<string> WronglyPaged { get; init; } = Array.Empty<string>();

    public IReadOnlyList<string> PagingWrong { get; init; } = Array.Empty<string>();

    public int FieldsListed { get; init; }

    public int FieldsRight { get; init; }

    public IReadOnlyList<string> FieldsWrong { get; init; } = Array.Empty<string>();

    /// <summary>Errors and warnings compiling the generated client as a project with only <c>&lt;ApiDocs&gt;</c> would.</summary>
    public IReadOnlyList<string> BuildProblems { get; init; } = Array.Empty<string>();

    public int Operations { get; init; }

    public int Warnings { get; init; }

    public static CorpusScore Score(string id, int pages, DocsReport report, ExpectedFacts expected, IReadOnlyList<string> buildProblems)
    {
        var api = report.Api;
        var generatedRoot = RootPath(api?.BaseAddress ?? api?.AccountRoot?.Template);
        var expectedRoot = RootPath(expected.BaseAddress);
        var operations = api is null
            ? new List<(ResourceSpec Resource, OperationSpec Operation)>()
            : api.Resources.SelectMany(r => r.Operations.Select(o => (Resource: r, Operation: o))).ToList();

        // An operation matches when its method and path agree with the reader's, compared whole (base path
        // and path) or below the base address, so a base address read differently still finds its operations.
        bool Matches(ExpectedOperation e, OperationSpec o) =>
            string.Equals(e.Method, o.HttpMethod, StringComparison.OrdinalIgnoreCase) &&
            (Shape(expectedRoot + "/" + e.Path.TrimStart('/')) == Shape(generatedRoot + o.PathTemplate) ||
             Shape(e.Path) == Shape(o.PathTemplate));

        var found = 0;
        var missed = new List<string>();
        var pagedListed = 0;
        var pagedRight = 0;
        var pagingWrong = new List<string>();
        var wronglyPaged = new List<string>();
        var matched = new HashSet<OperationSpec>(ReferenceEqualityComparer.Instance);
        foreach (var e in expected.Operations)
        {
            var hits = operations.Where(o => Matches(e, o.Operation)).Select(o => o.Operation).ToList();
            matched.UnionWith(hits);
            var label = e.Method + " " + e.Path;
            if (hits.Count == 0)
            {
                missed.Add(label + "  @ " + e.Where);
                if (e.Paging is { } style && style != "unpaged")
                {
                    pagedListed++;
                    pagingWrong.Add(label + ": expected " + style + ", not generated");
                }

                continue;
            }

            found++;
            var generated = hits[0];
            var got = StyleOf(generated.Paging);
            if (e.Paging is { } expectedStyle && expectedStyle != "unpaged")
            {
                pagedListed++;
                if (got == expectedStyle || (expectedStyle == "page" && got == "link"))
                {
                    pagedRight++;
                }
                else
                {
                    pagingWrong.Add(label + ": expected " + expectedStyle + ", generated " + (got ?? "unpaged"));
                }
            }
            else if (got is not null)
            {
                wronglyPaged.Add(label + ": " + (e.Paging ?? "no list") + " in the docs, generated " + got);
            }
        }

        var extra = operations.Where(o => !matched.Contains(o.Operation))
            .Select(o => $"{o.Operation.HttpMethod} {o.Operation.PathTemplate}  ({o.Resource.PropertyName}.{o.Operation.MethodName}, {o.Operation.Source})")
            .ToList();
        var duplicates = operations.GroupBy(o => o.Operation.HttpMethod + " " + Shape(o.Operation.PathTemplate), StringComparer.Ordinal)
            .Where(g => g.Count() > 1)
            .SelectMany(g => g.Skip(1).Select(o => $"{g.Key}  ({o.Resource.PropertyName}.{o.Operation.MethodName}, {o.Operation.Source})"))
            .ToList();
        var numbered = operations.Where(o => NumberedName.IsMatch(o.Operation.MethodName))
            .Select(o => $"{o.Resource.PropertyName}.{o.Operation.MethodName} ({o.Operation.Source})")
            .ToList();

        var fieldsWrong = new List<string>();
        var fieldsRight = 0;
        foreach (var field in expected.Fields)
        {
            var actual = FindField(api, field);
            if (actual is not null && TypeMatches(field.Type, actual))
            {
                fieldsRight++;
            }
            else
            {
                fieldsWrong.Add($"{field.Object}.{field.Field}: expected {field.Type}, generated {(actual is null ? "nothing" : Describe(actual))}  @ {field.Where}");
            }
        }

        return new CorpusScore
        {
            Id = id,
            Pages = pages,
            Listed = expected.Operations.Count,
            Found = found,
            Missed = missed,
            Extra = extra,
            Duplicates = duplicates,
            Numbered = numbered,
            Auth = AuthVerdict(api, expected.Auth, operations.Select(o => o.Operation).ToList()),
            PagedListed = pagedListed,
            PagedRight = pagedRight,
            PagingWrong = pagingWrong,
            WronglyPaged = wronglyPaged,
            FieldsListed = expected.Fields.Count,
            FieldsRight = fieldsRight,
            FieldsWrong = fieldsWrong,
            BuildProblems = buildProblems,
            Operations = operations.Count,
            Warnings = report.Diagnostics.Count(d => d.Severity == "Warning"),
        };
    }

    /// <summary>The path of a base address (<c>https://host/api/v1</c> gives <c>/api/v1</c>), placeholders kept.</summary>
    private static string RootPath(string? address)
    {
        if (string.IsNullOrEmpty(address))
        {
            return string.Empty;
        }

        var scheme = address.IndexOf("://", StringComparison.Ordinal);
        var path = address;
        if (scheme >= 0)
        {
            var slash = address.IndexOf('/', scheme + 3);
            path = slash < 0 ? string.Empty : address.Substring(slash);
        }

        return path.TrimEnd('/');
    }

    private static string Shape(string path) => ReaderComparison.Shape(path, string.Empty);

    /// <summary>The reader's name for a generated paging style.</summary>
    private static string? StyleOf(PagingSpec? paging) => paging?.Style switch
    {
        null => null,
        PagingStyle.IdCursor => "id",
        PagingStyle.OpaqueCursor => "cursor",
        PagingStyle.Offset => "offset",
        PagingStyle.PageNumber when paging.Position is { LinksOnly: true } => "link",
        _ => "page",
    };

    private static string AuthVerdict(ApiSpec? api, IReadOnlyList<ExpectedAuthPart>? expected, IReadOnlyList<OperationSpec> operations)
    {
        if (expected is null)
        {
            return "-";
        }

        if (api is null)
        {
            return "wrong (no client)";
        }

        var auth = api.Auth;
        var got = auth.Location switch
        {
            CredentialLocation.Header => "header " + auth.HeaderName + (string.IsNullOrWhiteSpace(auth.Prefix) ? string.Empty : " prefix " + auth.Prefix!.Trim()),
            CredentialLocation.Query => "query " + auth.ParameterName,
            CredentialLocation.Headers => "header " + auth.HeaderName + " + header " + auth.SecretHeaderName,
            _ => "basic",
        };
        if (expected.Count == 1 && expected[0].Kind == "none")
        {
            return operations.All(o => o.Auth == AuthKind.None) ? "right" : "wrong (" + got + ")";
        }

        if (expected.Count == 2 && expected.All(p => p.Kind == "header"))
        {
            // Two headers sent together, in either order.
            var names = new[] { auth.HeaderName, auth.SecretHeaderName };
            var both = auth.Location == CredentialLocation.Headers && expected.All(p => names.Contains(p.Name, StringComparer.OrdinalIgnoreCase));
            return both ? "right" : "wrong (" + got + ")";
        }

        if (expected.Count != 1)
        {
            return "wrong (" + got + ")";
        }

        var part = expected[0];
        var right = part.Kind switch
        {
            "basic" => auth.Location == CredentialLocation.Basic,
            "header" => auth.Location == CredentialLocation.Header &&
                string.Equals(auth.HeaderName, part.Name, StringComparison.OrdinalIgnoreCase) &&
                string.Equals(auth.Prefix?.Trim() ?? string.Empty, part.Prefix ?? string.Empty, StringComparison.OrdinalIgnoreCase),
            "query" => auth.Location == CredentialLocation.Query && string.Equals(auth.ParameterName, part.Name, StringComparison.Ordinal),
            _ => false,
        };
        return right ? "right" : "wrong (" + got + ")";
    }

    /// <summary>
    /// The generated property for an expected object's field: on the model named after the object (spaces and
    /// case aside), else on a model whose name ends with it, else one whose name holds it.
    /// </summary>
    private static PropertySpec? FindField(ApiSpec? api, ExpectedField field)
    {
        if (api is null)
        {
            return null;
        }

        var wanted = Normalize(field.Object);
        var models = api.Models.ToList();
        var candidates = models.Where(m => Normalize(m.Name) == wanted)
            .Concat(models.Where(m => Normalize(m.Name).EndsWith(wanted, StringComparison.Ordinal)))
            .Concat(models.Where(m => Normalize(m.Name).Contains(wanted, StringComparison.Ordinal)));
        return candidates.SelectMany(m => m.Properties).FirstOrDefault(p => p.JsonName == field.Field);
    }

    private static string Normalize(string name) => new(name.Where(char.IsLetterOrDigit).Select(char.ToLowerInvariant).ToArray());

    private static bool TypeMatches(string expected, PropertySpec actual)
    {
        var nullable = expected.EndsWith('?');
        var type = nullable ? expected.Substring(0, expected.Length - 1) : expected;
        return (!nullable || actual.Nullable) && Abstract(actual.Type) == type;
    }

    private static string Describe(PropertySpec property) => Abstract(property.Type) + (property.Nullable ? "?" : string.Empty);

    /// <summary>A generated type in the reader's vocabulary.</summary>
    private static string Abstract(TypeRef type) => type.Kind switch
    {
        TypeKind.String or TypeKind.Enum => "string",
        TypeKind.Int32 or TypeKind.Int64 => "integer",
        TypeKind.Decimal or TypeKind.Double => "number",
        TypeKind.Boolean => "boolean",
        TypeKind.DateTimeOffset => "datetime",
        TypeKind.DateOnly => "date",
        TypeKind.Model => "object",
        TypeKind.List => "array<" + Abstract(type.Element!) + ">",
        TypeKind.Dictionary => "map<" + Abstract(type.Element!) + ">",
        TypeKind.Scalar or TypeKind.JsonElement => "any",
        _ => type.Kind.ToString().ToLowerInvariant(),
    };

    internal static string Percent(int part, int whole) =>
        whole == 0 ? "-" : (100.0 * part / whole).ToString("0.0", CultureInfo.InvariantCulture) + "%";
}
