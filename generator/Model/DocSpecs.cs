namespace Engage.Codegen.Model;

// What the parser reads from one Markdown file. Plain, structurally equal records: no Markdig
// node, AdditionalText, SourceText, Location or symbol may be held here, or incremental caching breaks.

/// <summary>The text of one API docs file, as the pipeline's first model.</summary>
internal sealed record DocSource(string Path, string Text);

/// <summary>Everything read from one Markdown file.</summary>
internal sealed record DocSpec(
    string Path,
    string FileName,
    string? FrontMatterTitle,
    string? Title,
    int TitleLine,
    string? Introduction,
    string? ApiRoot,
    bool DocumentsIdCursorPaging,
    EquatableArray<DeprecationSpec> Deprecations,
    EquatableArray<ObjectSectionSpec> Objects,
    EquatableArray<EndpointSectionSpec> Endpoints,
    EquatableArray<DiagnosticInfo> Diagnostics,
    CredentialSpec? Credentials = null,
    PagingHintSpec? Paging = null,
    string? RequiredUserAgent = null,
    bool ListsPaginated = false,
    EquatableArray<JsonExample> ErrorExamples = default);

/// <summary>
/// A "The X object" or "X properties" section: its example and its field bullets or attribute table.
/// <see cref="Parent"/> names the object it sits inside ("Order - Line item properties").
/// </summary>
internal sealed record ObjectSectionSpec(
    string Name,
    string Heading,
    LocationInfo Location,
    JsonNode? Example,
    EquatableArray<FieldDocSpec> Fields,
    string? Parent = null);

internal enum Requirement
{
    Unspecified,
    Required,
    Optional,
}

/// <summary>Where the docs say a parameter goes: the label above it ("Query Parameters", "Body Parameters", "URL Parameters").</summary>
internal enum Placement
{
    Unspecified,
    Query,
    Body,
    Path,
}

/// <summary>A documented field or parameter: <c>- `name` - Required. description</c>.</summary>
internal sealed record FieldDocSpec(
    string Name,
    string Description,
    Requirement Requirement,
    bool RequiresSecret,
    LocationInfo Location,
    Placement Placement = Placement.Unspecified,
    string? Example = null);

internal enum AuthKind
{
    KeyAndSecret,
    Key,

    /// <summary>The one credential of a header or query scheme (a token or key); there is no secret.</summary>
    Token,

    /// <summary>No credentials: the docs say the endpoint needs no authentication.</summary>
    None,

    /// <summary>
    /// HTTP Basic with a user name and password, where the client's scheme is a token or key: the docs
    /// say this endpoint takes them ("requires that you are authenticated via basic authentication").
    /// </summary>
    Basic,
}

internal enum CredentialLocation
{
    Basic,
    Header,
    Query,

    /// <summary>Two headers sent together: the key (an id) in <c>HeaderName</c>, the secret (a token) in <c>SecretHeaderName</c>.</summary>
    Headers,
}

/// <summary>
/// How the docs say to authenticate, with their names for the parts: HTTP Basic (<c>ApiKey</c>/<c>ApiSecret</c>,
/// <c>Username</c>/<c>Password</c>), a header (<c>Authorization: token &lt;AccessToken&gt;</c>) or a query
/// parameter. <see cref="Strength"/> ranks the evidence: a header or query sample beats a Basic sample or
/// sentence, which beats a mention of OAuth or bearer tokens.
/// </summary>
internal sealed record CredentialSpec(
    CredentialLocation Location,
    string KeyName,
    string? SecretName,
    string? HeaderName,
    string? Prefix,
    string? ParameterName,
    int Strength,
    LocationInfo? Evidence,
    string? SecretHeaderName = null)
{
    public static readonly CredentialSpec Default = new(CredentialLocation.Basic, "ApiKey", "ApiSecret", null, null, null, 0, null);

    /// <summary>True for Engage's scheme (HTTP Basic with ApiKey and ApiSecret), which generated options need not restate.</summary>
    public bool IsDefault => Location == CredentialLocation.Basic && KeyName == "ApiKey" && SecretName == "ApiSecret";
}

/// <summary>
/// One endpoint: its section's heading, its <c>METHOD /path</c>, auth, parameters, examples.
/// <see cref="SharesSection"/> when the section documents several endpoints (endpoint bullets);
/// <see cref="Group"/> is the top-level heading above it (a page may hold several resources);
/// <see cref="Origin"/> the scheme and host when the endpoint line gave a full URL;
/// <see cref="NoContent"/> when the docs say it answers with nothing (<c>204 No Content</c>, "an empty body");
/// <see cref="Illustration"/> when only a request example (a <c>curl</c> line) gave it: whether that form declares
/// operations or only illustrates them is decided for the whole doc set (see <c>ApiBuilder.DeclaredEndpoints</c>);
/// <see cref="Summary"/> for a summary table's row that links to the section documenting the endpoint, which
/// makes the operation when it documents it (see <c>ApiBuilder.ChosenEndpoints</c>); <see cref="Paginated"/>
/// when the section says its list pages ("Returns a paginated list", a link to the pagination section);
/// <see cref="Mention"/> when prose only mentions it ("for the endpoint `DELETE /tags/:id`, run ..."), which
/// yields to a section that declares the same operation; <see cref="ReferredTo"/> the link's target when the section refers
/// to another section for it (the endpoint is a link's text, or a link to "the list tests endpoint" leads its
/// example), which documents it: that section makes the operation, and where the doc set does not hold it, none is made.
/// <see cref="FolderGroup"/> when <see cref="Group"/> is the folder of a page of one operation: the pages of one folder are one resource.
/// </summary>
internal sealed record EndpointSectionSpec(
    string Heading,
    LocationInfo HeadingLocation,
    string HttpMethod,
    string PathTemplate,
    LocationInfo EndpointLocation,
    string Description,
    AuthKind Auth,
    EquatableArray<string> SecretRequiredFor,
    EquatableArray<FieldDocSpec> Parameters,
    EquatableArray<JsonExample> RequestExamples,
    EquatableArray<JsonExample> ResponseExamples,
    string? ReturnsObject,
    bool ReturnsList,
    bool SharesSection = false,
    string? Group = null,
    string? Origin = null,
    bool NoContent = false,
    bool Illustration = false,
    bool Summary = false,
    bool Paginated = false,
    bool Mention = false,
    string? ReferredTo = null,
    bool FolderGroup = false);

/// <summary>A JSON example and where it stands.</summary>
internal sealed record JsonExample(JsonNode Value, LocationInfo Location, bool Xml = false);

/// <summary>A name the docs call deprecated, with the sentence that says so.</summary>
internal sealed record DeprecationSpec(string Name, string Quote);

/// <summary>
/// How a docs page's "Pagination" prose says lists page: the position parameter (<c>page</c>, or
/// <c>offset</c>/<c>start</c> when <see cref="Offsets"/>), the size parameter, the first page's number,
/// whether pages link by <c>Link: rel="next"</c>, total-count headers, and a stated page size.
/// <see cref="Global"/> when it stands on a page without endpoints (an introduction): it speaks of every list,
/// unless <see cref="OnlyWhereSaid"/> ("for endpoints which support pagination"): then of the lists that say they page.
/// <see cref="Envelope"/> is the page the pagination section shows (<c>{"items": [...], "has_more": true}</c>): what a
/// list whose own section shows no response answers with, its items the list's.
/// </summary>
internal sealed record PagingHintSpec(
    string? PositionParameter,
    bool Offsets,
    string? SizeParameter,
    int FirstPage,
    bool LinkHeader,
    string? TotalCountHeader,
    string? TotalPagesHeader,
    int? PageSize,
    bool Global,
    bool OnlyWhereSaid = false,
    JsonNode? Envelope = null,
    string? TokenHeader = null);
