namespace Engage.Codegen.Model;

// What the generator emits, after inference over all docs. Plain, structurally equal records.

/// <summary>Settings from MSBuild properties.</summary>
/// <summary>
/// What the consuming project says: the namespace and client name, and the overrides of what the docs were read to
/// say (<c>ApiBaseAddress</c>, <c>ApiAuth</c>, <c>ApiPaging</c>, <c>ApiExclude</c>; see <c>ProjectOverrides</c>).
/// </summary>
internal sealed record GeneratorSettings(
    string? Namespace,
    string? ClientName,
    string? RootNamespace,
    string? BaseAddress = null,
    string? Auth = null,
    string? Paging = null,
    string? Exclude = null);

/// <summary>The API inferred from every page, and the diagnostics found on the way, which travel beside it.</summary>
internal sealed record InferredApi(ApiSpec Api, EquatableArray<DiagnosticInfo> Diagnostics);

/// <summary>The whole client to generate: every final name decided, nothing left for the emitter to choose.</summary>
/// <param name="AnswersInXml">The docs show their answers as XML: the client asks for XML (<c>Accept: application/xml</c>).</param>
internal sealed record ApiSpec(
    string Namespace,
    string ClientName,
    string ApiName,
    string? BaseAddress,
    EquatableArray<ResourceSpec> Resources,
    EquatableArray<ModelSpec> Models,
    EquatableArray<EnumSpec> Enums,
    ClientNamesSpec Names,
    CredentialSpec? Credentials = null,
    string? RequiredUserAgent = null,
    AccountRootSpec? AccountRoot = null,
    ErrorBodySpec? ErrorBody = null,
    bool AnswersInXml = false)
{
    /// <summary>How the client authenticates; Engage's Basic scheme when the docs say nothing else.</summary>
    public CredentialSpec Auth => Credentials ?? CredentialSpec.Default;
}

/// <summary>
/// The shape of the error body an errors section shows (<c>field map</c>, <c>errors array (field, message)</c>,
/// <c>message and errors object</c>, or where its text is, <c>text in `error`</c>), and where (<c>errors.md:14</c>).
/// </summary>
internal sealed record ErrorBodySpec(string Shape, string Source);

/// <summary>
/// The final names of the client's own types (options, key-only client, JSON context, DI registration)
/// and of the convenience constructor's credential parameters, decided by inference so that the emitter
/// only prints them.
/// </summary>
/// <param name="JsonConverters">The static class in <c>.Serialization</c> that holds every model's converter (reserved as a type name: its members
/// are named after the models).</param>
/// <param name="JsonConverterFactory">The converter factory in <c>.Serialization</c> that models' <c>[JsonConverter]</c> attributes name.</param>
internal sealed record ClientNamesSpec(string Options, string PublicClient, string JsonContext, string Services, string KeyParameter, string SecretParameter,
    string JsonConverters, string JsonConverterFactory);

/// <summary>
/// An API root with an account id (or another per-account part) in it: <c>https://host/{AccountId}/api/v1</c>.
/// The options take the part as <see cref="OptionName"/>; <see cref="Example"/> is the example id the docs show
/// in its place (empty for a placeholder such as <c>{subdomain}</c>).
/// </summary>
internal sealed record AccountRootSpec(string Template, string OptionName, string Example);

/// <summary>A resource (a docs page with endpoints): a property of the client and a class of operations.</summary>
internal sealed record ResourceSpec(
    string PropertyName,
    string ClassName,
    string PublicClassName,
    string Title,
    string FileName,
    EquatableArray<OperationSpec> Operations,
    string DocPath = "");

internal enum TypeKind
{
    String,
    Int32,
    Int64,
    Decimal,

    /// <summary>A binary floating-point number (<c>double</c>): what docs that say <c>float</c> or <c>double</c> send.</summary>
    Double,
    Boolean,
    DateTimeOffset,

    /// <summary>A date without a time (<c>2026-06-01</c>): <c>System.DateOnly</c>, written as <c>yyyy-MM-dd</c>.</summary>
    DateOnly,
    Scalar,
    JsonElement,
    Model,
    Enum,
    List,
    Dictionary,

    /// <summary>No response to read: the docs say the operation answers with no content.</summary>
    None,
}

/// <summary>A C# type: a primitive, a generated model or enum, or a list or dictionary of one.</summary>
internal sealed record TypeRef(TypeKind Kind, string? Name = null, TypeRef? Element = null)
{
    public static readonly TypeRef String = new(TypeKind.String);
    public static readonly TypeRef Int32 = new(TypeKind.Int32);
    public static readonly TypeRef Int64 = new(TypeKind.Int64);
    public static readonly TypeRef Decimal = new(TypeKind.Decimal);
    public static readonly TypeRef Double = new(TypeKind.Double);
    public static readonly TypeRef Boolean = new(TypeKind.Boolean);
    public static readonly TypeRef DateTimeOffset = new(TypeKind.DateTimeOffset);
    public static readonly TypeRef DateOnly = new(TypeKind.DateOnly);
    public static readonly TypeRef Scalar = new(TypeKind.Scalar);
    public static readonly TypeRef JsonElement = new(TypeKind.JsonElement);
    public static readonly TypeRef None = new(TypeKind.None);

    public static TypeRef ListOf(TypeRef element) => new(TypeKind.List, null, element);

    public static TypeRef DictionaryOf(TypeRef value) => new(TypeKind.Dictionary, null, value);

    public static TypeRef ModelNamed(string name) => new(TypeKind.Model, name);

    public static TypeRef EnumNamed(string name) => new(TypeKind.Enum, name);

    public bool IsValueType => Kind is TypeKind.Int32 or TypeKind.Int64 or TypeKind.Decimal or TypeKind.Double or TypeKind.Boolean
        or TypeKind.DateTimeOffset or TypeKind.DateOnly or TypeKind.Scalar or TypeKind.JsonElement or TypeKind.Enum;
}

/// <summary>
/// A property of a model. <see cref="InQuery"/> for a request member of a method with a body that the
/// docs list under "Query Parameters": sent in the query string, never in the JSON body.
/// </summary>
internal sealed record PropertySpec(
    string JsonName,
    string Name,
    TypeRef Type,
    bool Nullable,
    bool Required,
    bool RequiresSecret,
    string Summary,
    string? Obsolete = null,
    bool InQuery = false);

internal enum ModelRole
{
    Object,
    Request,
    Response,
}

/// <summary>
/// A generated model class. A request model sent as a body records which of its optional members were set (an unset one is left
/// out of the JSON, one set to null is sent as <c>null</c>) and carries raw JSON values by member name
/// (<see cref="AdditionalPropertiesName"/>), a name inference reserves in every request model.
/// </summary>
internal sealed record ModelSpec(
    string Name,
    ModelRole Role,
    string Summary,
    string Source,
    EquatableArray<PropertySpec> Properties,
    bool SentAsBody = false)
{
    /// <summary>The request model's raw JSON values by member name, sent as given (Kiota's AdditionalData).</summary>
    public const string AdditionalPropertiesName = "AdditionalProperties";

    /// <summary>Whether the model records which members were set: request models sent as a JSON body (a query sends what is not null).</summary>
    public bool TracksSetMembers => Role == ModelRole.Request && SentAsBody;
}

/// <summary>A string-backed enum type that keeps unknown values.</summary>
internal sealed record EnumSpec(string Name, string Summary, string Source, EquatableArray<EnumMemberSpec> Members);

internal sealed record EnumMemberSpec(string Name, string Value);

/// <summary>A path parameter of an operation.</summary>
internal sealed record PathParameterSpec(string Name, string ParameterName);

/// <summary>A piece of a path: literal text, or a parameter to escape as one segment.</summary>
internal sealed record PathPartSpec(string? Literal, string? ParameterName);

internal enum PagingStyle
{
    /// <summary><c>after_id</c>/<c>before_id</c> with <c>has_more</c>.</summary>
    IdCursor,

    /// <summary>Opaque <c>next_cursor</c>/<c>previous_cursor</c>.</summary>
    OpaqueCursor,

    /// <summary>Page numbers (<c>page</c>, <c>per_page</c>), with next links where the docs describe them.</summary>
    PageNumber,

    /// <summary>Offsets (<c>offset</c>/<c>limit</c>, <c>start</c>/<c>count</c>).</summary>
    Offset,
}

/// <summary>
/// How a list operation pages. Id style: request members for after_id/before_id, response members
/// for has_more and the item id. Opaque style: request and response members for next_cursor and
/// previous_cursor. Request members of the other, deprecated style are sent on the first page only.
/// </summary>
internal sealed record PagingSpec(
    PagingStyle Style,
    TypeRef ItemType,
    string ItemsProperty,
    string? HasMoreProperty,
    string? ItemIdProperty,
    string? LimitProperty,
    string? AfterProperty,
    string? BeforeProperty,
    string? NextRequestProperty,
    string? PreviousRequestProperty,
    string? NextResponseProperty,
    string? PreviousResponseProperty,
    int? MaximumPageSize,
    PositionPagingSpec? Position = null,
    string? NextHeader = null);

/// <summary>
/// How a page-number or offset list pages: the query parameters and the request members that set
/// them, where numbering starts, how the end is told (next links only, a short page), and the
/// response members and headers that carry the next link, has_more and totals (member paths such as
/// <c>Links?.Next</c>; null where the docs show none). <see cref="PagingSpec.ItemsProperty"/> is empty
/// when the response is the array of items itself.
/// </summary>
internal sealed record PositionPagingSpec(
    string PositionParameter,
    string? PositionProperty,
    string? SizeParameter,
    string? SizeProperty,
    int FirstPage,
    bool LinksOnly,
    bool ShortPageEnds,
    int? DefaultPageSize,
    string? NextLinkMember,
    string? HasMoreMember,
    string? TotalCountMember,
    string? TotalPagesMember,
    string? TotalCountHeader,
    string? TotalPagesHeader);

/// <summary>
/// One generated operation method. <see cref="MethodName"/> is the method (<c>GetAsync</c>), <see cref="Name"/> the
/// operation without the suffix (<c>Get</c>), <see cref="TelemetryName"/> its name in logs, spans and the OpenAPI
/// operationId (<c>Users.Get</c>) and <see cref="PageTelemetryName"/> that of each page request of a list
/// (<c>Users.List page</c>); the last two are set with the resource's name.
/// </summary>
internal sealed record OperationSpec(
    string MethodName,
    string HttpMethod,
    string PathTemplate,
    EquatableArray<PathPartSpec> PathParts,
    EquatableArray<PathParameterSpec> PathParameters,
    string? RequestType,
    bool RequestInBody,
    bool RequestOptional,
    EquatableArray<PropertySpec> RequestProperties,
    TypeRef ResponseType,
    PagingSpec? Paging,
    AuthKind Auth,
    EquatableArray<string> SecretRequiredFor,
    string Source,
    string Heading,
    string Summary,
    string Name,
    string TelemetryName = "",
    string PageTelemetryName = "");
