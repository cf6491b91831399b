using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading;
using Engage.Codegen.Model;

namespace Engage.Codegen.Inference;

/// <summary>
/// Infers the whole client from every parsed page: the client's name and API root, one resource
/// per page with endpoints, one operation per endpoint (named by one rule), models for documented
/// objects, request bodies and example responses, and paging.
/// </summary>
internal sealed partial class ApiBuilder
{
    private static readonly Regex s_apiNameInProse = new(
        @"\b(?:(?:The|the)\s+)?([A-Z][\w.-]*(?:\s+[A-Z0-9][\w.-]*){0,2}?)(?:'s)?\s+(?:REST\s+|HTTP\s+|Web\s+)?API\b", RegexOptions.CultureInvariant,
        Patterns.Timeout);
    /// <summary>Words a sentence may open with before "API" that name nothing: articles, quantifiers, prepositions, the protocol's words.</summary>
    private static readonly Regex s_notAName = new(
        "^(The|This|That|These|Those|Our|Your|Its|Their|An?|Every|Each|All|Any|Some|Most|Other|For|From|In|On|To|With|By|Of|At|As|If|When|Using|"
        + "REST|RESTful|HTTP|JSON)$",
        RegexOptions.CultureInvariant, Patterns.Timeout);
    private static readonly Regex s_deprecated = new(@"\bdeprecat", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, Patterns.Timeout);
    private static readonly Regex s_leadingTypeWord = new(@"^\((?:array|list|object|map|hash|dictionary|any)\)",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, Patterns.Timeout);
    private static readonly Regex s_trailingReadOnly = new(@"(?<=[.!?])\s+read[-\s]?only\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant,
        Patterns.Timeout);

    private readonly List<DiagnosticInfo> _diagnostics = new();
    private readonly List<ModelSpec> _models = new();
    private readonly Dictionary<string, ModelSpec> _modelsByName = new(StringComparer.Ordinal);
    private readonly List<EnumSpec> _enums = new();
    private readonly Naming.Scope _typeNames;
    private readonly ClientNamesSpec _clientNames;
    private readonly string _apiName;

    /// <summary>True when an introduction describes paging by item ids with <c>has_more</c>.</summary>
    private bool _introductionPagesById;

    /// <summary>The member that holds the items in the paged examples the docs show ("data" when none shows one).</summary>
    private string _pageEnvelope = "data";

    /// <summary>Names the docs call deprecated anywhere, with the sentence that says so.</summary>
    private readonly Dictionary<string, string> _deprecations = new(StringComparer.Ordinal);

    /// <summary>Documented objects by lower-case name and singular name.</summary>
    private readonly Dictionary<string, ObjectModel> _objects = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>What the project file says over the docs (ApiBaseAddress, ApiAuth, ApiPaging, ApiExclude).</summary>
    private ProjectOverrides _overrides = null!;

    /// <summary>The item type of each collection (a path's last segment, <c>notes</c>) a list's example has shown.</summary>
    private readonly Dictionary<string, TypeRef> _collectionItems = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Objects the prose names and only an example shows, by type name (see <c>ObjectShownByExample</c>).</summary>
    private readonly Dictionary<string, TypeRef> _shownObjects = new(StringComparer.Ordinal);

    /// <summary>Each documented object once, by name: set once all are registered, then read per field and example.</summary>
    private List<ObjectModel> _orderedObjects = new();
    private readonly Dictionary<string, List<ObjectModel>> _fieldOwners = new(StringComparer.Ordinal);

    /// <summary>Request parameters' descriptions by page and name: a second description of an object's field.</summary>
    private readonly Dictionary<(string File, string Name), List<string>> _parameterDescriptions = new();

    private sealed class ObjectModel
    {
        public ObjectModel(string name, ObjectSectionSpec section, string fileName)
        {
            Name = name;
            Section = section;
            FileName = fileName;
        }

        public string Name { get; }

        public ObjectSectionSpec Section { get; }

        public string FileName { get; }

        public Dictionary<string, TypeRef> FieldTypes { get; } = new(StringComparer.Ordinal);
    }

    private ApiBuilder(string apiName, string clientName)
    {
        _apiName = apiName;
        // The client's own types first: no docs type may take their names.
        _clientNames = new ClientNamesSpec(clientName + "Options", apiName + "PublicClient", apiName + "JsonContext", clientName
            + "ServiceCollectionExtensions", string.Empty, string.Empty,
            apiName + "JsonConverters", apiName + "JsonConverterFactory");
        _typeNames = new Naming.Scope(clientName, _clientNames.Options, _clientNames.PublicClient, _clientNames.JsonContext, _clientNames.Services,
            _clientNames.JsonConverters);
    }

    public static InferredApi Build(ImmutableArray<DocSpec> unsortedDocs, GeneratorSettings settings, CancellationToken cancellationToken)
    {
        var diagnostics = new List<DiagnosticInfo>();
        var docs = DeclaredEndpoints(unsortedDocs.OrderBy(d => d.Path, StringComparer.Ordinal).ToList(), diagnostics);
        var (apiName, clientName) = ChooseNames(docs, settings, diagnostics);
        var builder = new ApiBuilder(apiName, clientName);
        builder._diagnostics.AddRange(diagnostics);
        return builder.BuildCore(docs, settings, clientName, cancellationToken);
    }

    private static (string ApiName, string ClientName) ChooseNames(List<DocSpec> docs, GeneratorSettings settings, List<DiagnosticInfo> diagnostics)
    {
        if (!string.IsNullOrWhiteSpace(settings.ClientName))
        {
            var clientName = Naming.Pascal(settings.ClientName!);
            var apiName = clientName.EndsWith("Client", StringComparison.Ordinal) && clientName.Length > 6 ? clientName.Substring(0, clientName.Length - 6)
                : clientName;
            return (apiName, clientName);
        }

        // An introduction (a page with no endpoint of its own, or only a summary table of them) names the API
        // before a resource page does: "Dogs API" beside "Kennel API" is one resource of the Kennel API.
        // Where several pages document endpoints, a page's prose "the Hooks API" under its own "# Hooks" names that
        // resource's part of the API, not the API.
        var resourcePages = docs.Count(d => d.Endpoints.Any(e => !e.Summary));
        var candidates = docs.OrderBy(d => d.Endpoints.Any(e => !e.Summary) ? 1 : 0)
            .SelectMany(d => new[] { (d, d.FrontMatterTitle, false), (d, d.Title, false), (d, d.Introduction, true) }).Where(
                t => !string.IsNullOrWhiteSpace(t.Item2));
        foreach (var (doc, text, prose) in candidates)
        {
            var match = s_apiNameInProse.Match(text!);
            var ownResource = prose && resourcePages > 1 && doc.Endpoints.Any(e => !e.Summary) && match.Success &&
                (NamesPage(match.Groups[1].Value, doc.Title) || NamesPage(match.Groups[1].Value, doc.FrontMatterTitle));
            if (match.Success && !ownResource
                && !s_notAName.IsMatch(match.Groups[1].Value))
            {
                var apiName = Naming.Pascal(match.Groups[1].Value);
                return (apiName, apiName + "Client");
            }
        }

        var location = docs.Count > 0 ? new LocationInfo(docs[0].Path, 0, 0, 0, 0, 0, 0) : null;
        diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.NoClientName, location, "ApiClient"));
        return ("Api", "ApiClient");
    }

    /// <summary>
    /// True when <paramref name="name"/> is the page's title, its "API" words aside, and names a collection ("Branches"
    /// for "Branches API"): a resource. A singular title that is the API's own name ("Kennel") is not one.
    /// </summary>
    private static bool NamesPage(string name, string? title) =>
        title is not null && string.Equals(name, s_referenceWords.Replace(title, string.Empty).Trim(), StringComparison.OrdinalIgnoreCase) &&
        !string.Equals(Naming.Singular(name), name, StringComparison.Ordinal);

    private InferredApi BuildCore(List<DocSpec> docs, GeneratorSettings settings, string clientName, CancellationToken cancellationToken)
    {
        foreach (var doc in docs)
        {
            _diagnostics.AddRange(doc.Diagnostics);
            foreach (var deprecation in doc.Deprecations)
            {
                if (!_deprecations.ContainsKey(deprecation.Name))
                {
                    _deprecations[deprecation.Name] = deprecation.Quote;
                }
            }
        }

        _overrides = ProjectOverrides.Read(settings, _diagnostics);
        _tokenHeader = TokenHeaderOf(docs);
        _introductionPagesById = docs.Any(d => d.DocumentsIdCursorPaging);
        _globalPaging = docs.Select(d => d.Paging).FirstOrDefault(p => p is { Global: true, PositionParameter: not null });
        _shownOffsets = ShownOffsets(docs);
        _pageEnvelope = docs.SelectMany(d => d.Endpoints).SelectMany(e => e.ResponseExamples)
            .Where(e => e.Value.Kind == JsonKind.Object && e.Value.Properties.Any(p => p.Name == "has_more"))
            .Select(e => e.Value.Properties.FirstOrDefault(p => p.Value.Kind == JsonKind.Array)?.Name)
            .FirstOrDefault(name => name is not null) ?? "data";

        // The strongest evidence of any page; on a tie, the first page in path order.
        var credentials = docs.Select(d => d.Credentials).Where(c => c is not null).Select(c => c!)
            .Aggregate((CredentialSpec?)null, (best, c) => best is null || c.Strength > best.Strength ? c : best) ?? CredentialSpec.Default;
        credentials = _overrides.Credentials ?? credentials;
        credentials = credentials with { Strength = 0, Evidence = null };

        var ns = ChooseNamespace(settings);
        var apiRoot = docs.Select(d => d.ApiRoot).FirstOrDefault(r => r is not null) ?? CommonOrigin(docs);
        // Paths stay relative to the docs' own root; the project's address (ApiBaseAddress) replaces only the address.
        var rootPath = RootPath(apiRoot);
        apiRoot = _overrides.BaseAddress ?? apiRoot;
        var specific = apiRoot is null || _overrides.BaseAddress is not null ? null : AccountSpecificPart(apiRoot);
        AccountRootSpec? accountRoot = null;
        if (specific is not null)
        {
            // An example account id or a placeholder host is no default: every caller has their own.
            // An id or a named placeholder becomes an option (AccountId) that fills the docs' root.
            var where = docs.FirstOrDefault(d => d.ApiRoot is not null) ?? docs[0];
            var location = new LocationInfo(where.Path, 0, 0, 0, 0, 0, 0);
            accountRoot = AccountRoot(apiRoot!, specific, credentials);
            _diagnostics.Add(accountRoot is null
                ? DiagnosticInfo.Create(DiagnosticDescriptors.AccountSpecificRoot, location, apiRoot!, specific)
                : DiagnosticInfo.Create(DiagnosticDescriptors.AccountInRoot, location, apiRoot!, specific, accountRoot.OptionName, accountRoot.Template));
            rootPath = accountRoot is null ? rootPath
                : RootPath(accountRoot.Template.Replace("{" + accountRoot.OptionName + "}", accountRoot.Example.Length > 0 ? accountRoot.Example : "x"));
            apiRoot = null;
        }
        else if (apiRoot is null)
        {
            var intro = docs.FirstOrDefault(d => d.Endpoints.Count == 0) ?? docs.FirstOrDefault();
            if (intro is not null)
            {
                _diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.NoApiRoot, new LocationInfo(intro.Path, 0, 0, 0, 0, 0, 0)));
            }
        }

        // Objects first: endpoints refer to them, across pages.
        foreach (var doc in docs)
        {
            foreach (var parameter in doc.Endpoints.SelectMany(e => e.Parameters).Where(p => p.Description.Length > 0))
            {
                if (!_parameterDescriptions.TryGetValue((doc.FileName, parameter.Name), out var descriptions))
                {
                    _parameterDescriptions[(doc.FileName, parameter.Name)] = descriptions = new List<string>();
                }

                descriptions.Add(parameter.Description);
            }

            foreach (var section in doc.Objects)
            {
                if (section.Parent is { } parent)
                {
                    // "Order - Line item properties": OrderLineItem, the type of Order's line_items.
                    var child = Naming.Singular(section.Name);
                    var full = child.StartsWith(Naming.Singular(parent), StringComparison.OrdinalIgnoreCase) ? child : Naming.Singular(parent) + " " + child;
                    var nested = new ObjectModel(_typeNames.Claim(Naming.TypeName(full, _apiName)), section, doc.FileName);
                    _objects[full] = nested;
                    continue;
                }

                var name = _typeNames.Claim(Naming.TypeName(Naming.Singular(section.Name), _apiName));
                var model = new ObjectModel(name, section.Example is null ? section with { Example = ShownExample(section, doc, docs) } : section,
                    doc.FileName);
                _objects[section.Name] = model;
                _objects[Naming.Singular(section.Name)] = model;
            }
        }

        _orderedObjects = _objects.Values.Distinct().OrderBy(m => m.Name, StringComparer.Ordinal).ToList();
        foreach (var model in _orderedObjects)
        {
            BuildObjectModel(model);
        }

        // Which documented objects have a field of each name, in the order above: operations look fields up by name.
        foreach (var model in _orderedObjects)
        {
            foreach (var key in model.FieldTypes.Keys)
            {
                if (!_fieldOwners.TryGetValue(key, out var owners))
                {
                    _fieldOwners[key] = owners = new List<ObjectModel>();
                }

                owners.Add(model);
            }
        }

        var resources = new List<ResourceSpec>();
        var shownResponses = new Dictionary<string, EquatableArray<JsonExample>>(StringComparer.Ordinal);
        var chosen = ChosenEndpoints(docs, shownResponses);
        var sharedTitles = SharedTitles(docs);
        var units = ResourceUnits(docs);
        var names = ResourceNames(units, sharedTitles);
        var resourceNames = new Naming.Scope("Dispose", "GetType", "ToString", "Equals", "GetHashCode", clientName);
        // One resource per top-level heading with endpoints; a page with one is one resource named after the page; a folder of pages of
        // one operation each is one resource named after the folder.
        foreach (var (doc, unit, group) in units)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var pageTitle = PageTitle(doc);
            // Where another page's or group's resource has this title, the name says what tells this one apart.
            // A group's types keep its own word (ListIssueNotesRequest); a page named with its file's words takes them (ListAdminUserTeamsRequest).
            var (title, name) = names[(doc.Path, unit)];
            var typeWord = unit == pageTitle ? name : title;
            var singular = doc.Objects.Count > 0 && unit == pageTitle && name == title ? Naming.Pascal(Naming.Singular(doc.Objects[0].Name))
                : Naming.Pascal(Naming.Singular(typeWord));
            var operations = new List<OperationSpec>();
            var methodNames = new Naming.Scope("GetType", "ToString", "Equals", "GetHashCode");
            foreach (var (page, endpoint) in group)
            {
                // The same endpoint in a second section ("Archiving a project" on the update endpoint), on
                // another page, in another letter case or with other parameter names, is one operation.
                var key = OperationKey(endpoint.HttpMethod, endpoint.PathTemplate);
                var first = chosen[key];
                if (!ReferenceEquals(first, endpoint))
                {
                    _diagnostics.Add(
                        DiagnosticInfo.Create(DiagnosticDescriptors.EndpointDocumentedTwice, endpoint.EndpointLocation, endpoint.HttpMethod + " "
                        + endpoint.PathTemplate, endpoint.Heading, first.Heading));
                    continue;
                }

                // The section that documents the operation shows no answer and says of none, another of its sections shows one.
                var documented = endpoint.ResponseExamples.Count == 0 && endpoint.ReturnsObject is null && !endpoint.NoContent &&
                    shownResponses.TryGetValue(key, out var shown) ? endpoint with { ResponseExamples = shown } : endpoint;
                var operation = BuildOperation(page, documented, title, singular, rootPath, methodNames);
                if (operation is not null)
                {
                    operations.Add(operation);
                }
            }

            if (operations.Count == 0)
            {
                continue; // every endpoint here is documented elsewhere first: no resource of its own
            }

            var propertyName = resourceNames.Claim(Naming.Pascal(name));
            var className = _typeNames.Claim(_apiName + propertyName + "Client");
            var publicClassName = _typeNames.Claim(_apiName + "Public" + propertyName + "Client");
            var named = operations.Select(o => o with
            {
                TelemetryName = propertyName + "." + o.Name,
                PageTelemetryName = propertyName + "." + o.Name + GeneratedNames.PageSuffix,
            });
            resources.Add(new ResourceSpec(propertyName, className, publicClassName, title, doc.FileName, named.ToEquatableArray(), doc.Path));
        }

        resources = ShareResponseShapes(resources);

        // A header or query scheme has one credential and no secret: every operation sends it, except
        // those the docs say need none or take HTTP Basic instead (to obtain tokens). Under a Basic
        // scheme, "basic authentication" is the key and secret.
        if (credentials.Location != CredentialLocation.Basic)
        {
            resources = resources.Select(
                r => r with { Operations = r.Operations.Select(o => o with { Auth = o.Auth is AuthKind.None or AuthKind.Basic ? o.Auth : AuthKind.Token,
                SecretRequiredFor = EquatableArray<string>.Empty }).ToEquatableArray() }).ToList();
        }
        else
        {
            resources = resources.Select(r => r with { Operations = r.Operations.Select(o => o.Auth == AuthKind.Basic ? o with { Auth = AuthKind.KeyAndSecret }
                : o).ToEquatableArray() }).ToList();
        }

        var api = new ApiSpec(
            ns,
            clientName,
            _apiName,
            apiRoot,
            resources.ToEquatableArray(),
            _models.OrderBy(m => m.Name, StringComparer.Ordinal).ToEquatableArray(),
            _enums.OrderBy(e => e.Name, StringComparer.Ordinal).ToEquatableArray(),
            _clientNames with { KeyParameter = Naming.Camel(credentials.KeyName), SecretParameter = Naming.Camel(credentials.SecretName ?? "ApiSecret") },
            credentials.IsDefault ? null : credentials,
            docs.Select(d => d.RequiredUserAgent).FirstOrDefault(u => u is not null),
            accountRoot,
            ErrorBodies.Read(docs),
            AnswersInXml(docs));
        return new InferredApi(api, _diagnostics.ToEquatableArray());
    }

    /// <summary>
    /// Whether the docs show their answers as XML: more of the endpoints' response examples are XML than JSON. The client
    /// then asks for XML, whose members are the ones the examples name (the runtime reads any XML answer either way).
    /// </summary>
    private static bool AnswersInXml(IEnumerable<DocSpec> docs)
    {
        var xml = 0;
        var json = 0;
        foreach (var example in docs.SelectMany(d => d.Endpoints).SelectMany(e => e.ResponseExamples))
        {
            _ = example.Xml ? xml++ : json++;
        }

        return xml > json;
    }

    /// <summary>
    /// Responses of one small shape share one model: when two or more operations answer with the same
    /// few scalar members (<c>{"status": "ok"}</c> from archiving a list, removing a subscriber and
    /// recording an event), they return one type named after those members (<c>StatusResponse</c>)
    /// instead of a class and converter each. Larger or nested shapes keep their own, operation-named types.
    /// </summary>
    private List<ResourceSpec> ShareResponseShapes(List<ResourceSpec> resources)
    {
        const int MaxSharedMembers = 3;
        var headings = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var operation in resources.SelectMany(r => r.Operations))
        {
            if (operation.ResponseType.Kind == TypeKind.Model && operation.Paging is null)
            {
                if (!headings.TryGetValue(operation.ResponseType.Name!, out var list))
                {
                    headings[operation.ResponseType.Name!] = list = new List<string>();
                }

                list.Add(operation.Heading);
            }
        }

        var groups = _models
            .Where(m => m.Role == ModelRole.Response && headings.ContainsKey(m.Name) && m.Properties.Count > 0 && m.Properties.Count <= MaxSharedMembers
                && m.Properties.All(p => IsScalar(p.Type)))
            .GroupBy(m => m.Properties)
            .Where(g => g.Count() > 1)
            .ToList();
        if (groups.Count == 0)
        {
            return resources;
        }

        var renamed = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var group in groups)
        {
            var members = group.ToList();
            var name = _typeNames.Claim(string.Concat(members[0].Properties.Select(p => p.Name)) + "Response");
            var users = members.SelectMany(m => headings[m.Name]).ToList();
            var summary = $"The response of {users.Count} operations: {string.Join(", ", users.Take(3))}{(users.Count > 3 ? " and others" : string.Empty)}.";
            foreach (var member in members)
            {
                renamed[member.Name] = name;
                RemoveModel(member);
            }

            AddModelSpec(new ModelSpec(name, ModelRole.Response, summary, members[0].Source, members[0].Properties));
        }

        return resources
            .Select(resource => resource with
            {
                Operations = resource.Operations
                    .Select(o => o.ResponseType.Kind == TypeKind.Model && renamed.TryGetValue(o.ResponseType.Name!, out var shared)
                        ? o with { ResponseType = TypeRef.ModelNamed(shared) } : o)
                    .ToEquatableArray(),
            })
            .ToList();

        static bool IsScalar(TypeRef type) => type.Kind is TypeKind.String or TypeKind.Int32 or TypeKind.Int64 or TypeKind.Decimal or TypeKind.Double
            or TypeKind.Boolean or TypeKind.DateTimeOffset or TypeKind.DateOnly or TypeKind.Scalar;
    }

    private static string ChooseNamespace(GeneratorSettings settings)
    {
        var raw = !string.IsNullOrWhiteSpace(settings.Namespace) ? settings.Namespace! : !string.IsNullOrWhiteSpace(settings.RootNamespace)
            ? settings.RootNamespace! : "ApiClient";
        var parts = raw.Split('.').Select(p => p.Trim()).Where(p => p.Length > 0).Select(p =>
        {
            var cleaned = new string(p.Where(c => char.IsLetterOrDigit(c) || c == '_').ToArray());
            if (cleaned.Length == 0)
            {
                cleaned = "Api";
            }

            if (char.IsDigit(cleaned[0]))
            {
                cleaned = "_" + cleaned;
            }

            return Naming.EscapeKeyword(cleaned);
        }).ToList();
        return parts.Count == 0 ? "ApiClient" : string.Join(".", parts);
    }

    /// <summary>Adds a model, kept in order and by name.</summary>
    private void AddModelSpec(ModelSpec model)
    {
        _models.Add(model);
        _modelsByName[model.Name] = model;
    }

    private void RemoveModel(ModelSpec model)
    {
        // By reference: a record's Equals would compare every model before it, member by member.
        var index = _models.FindIndex(m => ReferenceEquals(m, model));
        if (index >= 0)
        {
            _models.RemoveAt(index);
        }

        _modelsByName.Remove(model.Name);
    }

    /// <summary>The model of that name, or null.</summary>
    private ModelSpec? ModelNamed(string? name) => name is not null && _modelsByName.TryGetValue(name, out var model) ? model : null;

    private string AddModel(string name, ModelRole role, string summary, string source, List<PropertySpec> properties)
    {
        var spec = new ModelSpec(name, role, summary, source, properties.ToEquatableArray());
        var existing = ModelNamed(name);
        if (existing is not null && existing.Properties.Equals(spec.Properties))
        {
            return name;
        }

        var unique = ClaimTypeName(name);
        AddModelSpec(spec with { Name = unique });
        return unique;
    }

    /// <summary>
    /// While an operation's types are made: the prefix they take (<c>ListIssues</c>) and the one its path tells apart
    /// (<c>ListIssuesForGroup</c>), used instead of a number when another operation's type of a different shape has the name.
    /// </summary>
    private (string Plain, string Path)? _operationPrefix;

    /// <summary>The type names the operation being made has claimed: two of its own members' types are numbered, not renamed.</summary>
    private readonly HashSet<string> _operationClaims = new(StringComparer.Ordinal);

    /// <summary>
    /// A type name, unique: an operation's type whose name another operation took becomes its path's name (see
    /// <see cref="_operationPrefix"/>) before it is numbered.
    /// </summary>
    private string ClaimTypeName(string name)
    {
        string unique;
        if (_typeNames.IsClaimed(name) && !_operationClaims.Contains(name) && _operationPrefix is { } prefix
            && name.StartsWith(prefix.Plain, StringComparison.Ordinal))
        {
            // Taken by another operation's type of another shape: the path's name instead of the number, where it is free.
            var distinct = PathDistinctPrefix(prefix.Plain, prefix.Path) + name.Substring(prefix.Plain.Length);
            unique = _typeNames.Claim(distinct != name && !_typeNames.IsClaimed(distinct) ? distinct : name);
        }
        else
        {
            unique = _typeNames.Claim(name);
        }

        if (_operationPrefix is not null)
        {
            _operationClaims.Add(name);
            _operationClaims.Add(unique);
        }

        return unique;
    }

    /// <summary>
    /// A string-backed enum for listed values. Members with the same values share one type, named
    /// after the first member that listed them (documented objects come first): user.devices[].platform
    /// and a request's device_platform are both UserDevicePlatform.
    /// </summary>
    private TypeRef EnumType(string owner, string jsonName, List<string> values, string description, string source)
    {
        var typeName = Naming.Pascal(owner + Naming.Pascal(jsonName));
        var memberNames = new Naming.Scope(GeneratedNames.EnumValue, GeneratedNames.EnumIsKnown, "ToString", "Equals", "GetHashCode", typeName);
        var members = values.Select(v => new EnumMemberSpec(memberNames.Claim(Naming.Pascal(v)), v)).ToEquatableArray();
        var existing = _enums.FirstOrDefault(e => e.Members.Select(m => m.Value).SequenceEqual(values, StringComparer.Ordinal));
        if (existing is not null)
        {
            return TypeRef.EnumNamed(existing.Name);
        }

        var unique = _typeNames.Claim(typeName);
        _enums.Add(
            new EnumSpec(unique, $"The values of {owner}.{Naming.Pascal(jsonName)}: {string.Join(", ", values)}. The docs: {Summary(description, jsonName)}",
            source, members));
        return TypeRef.EnumNamed(unique);
    }

    /// <summary>
    /// The docs' words when a member is deprecated: its own description when that says so, else a
    /// sentence elsewhere in the docs that calls the name deprecated; null otherwise.
    /// </summary>
    private string? Deprecation(string jsonName, string description)
    {
        if (s_deprecated.IsMatch(description))
        {
            return description;
        }

        return _deprecations.TryGetValue(jsonName, out var quote) ? quote : null;
    }

    /// <summary>Doc text for a member: its description with a capital first letter, or its JSON name.</summary>
    private static string Summary(string description, string fallback)
    {
        // A table's type column, put at the head of the description for the type reader, is the member's type, not its summary.
        if (description.StartsWith("(", StringComparison.Ordinal) &&
            (DeclaredTypes.Read(description, fallback) is not null
                || s_leadingTypeWord.IsMatch(description)))
        {
            var close = description.IndexOf(')');
            var rest = description.Substring(close + 1).TrimStart();
            description = rest.Length > 0 ? rest : description;
        }

        // A "read-only" label after the sentence (Slate's <i class="label">read-only</i>) reads as one.
        if (description.TrimEnd().EndsWith("only", StringComparison.OrdinalIgnoreCase))
        {
            description = s_trailingReadOnly.Replace(description, " Read-only.");
        }

        var text = description.Length > 0 ? description : fallback;
        return text.Length > 0 && char.IsLower(text[0]) && description.Length > 0 ? char.ToUpperInvariant(text[0]) + text.Substring(1) : text;
    }
}
