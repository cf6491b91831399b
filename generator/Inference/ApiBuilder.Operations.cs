using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.RegularExpressions;
using Engage.Codegen.Model;

namespace Engage.Codegen.Inference;

internal sealed partial class ApiBuilder
{
    private static readonly char[] s_nestedNameMarks = { '.', '[' };

    private static readonly Regex s_maximum = R(@"\bmax(?:imum)?\s*(?:of|is|:)?\s*(\d+)|(\d+)\s+(?:max|maximum)\b|\bbetween\s+\d+\s+and\s+(\d+)|" +
        @"\b\d+\s+to\s+(\d+)\b|\bup\s+to\s+(\d+)|\bat\s+most\s+(\d+)");

    private static readonly Regex s_readOnly = R(@"\bread[-\s]?only\b");

    /// <summary>What the documented objects of a page say of their field of this name.</summary>
    private IEnumerable<FieldDocSpec> PageObjectFields(string jsonName, string fileName) =>
        _fieldOwners.TryGetValue(jsonName, out var owners)
            ? owners.Where(o => o.FileName == fileName).SelectMany(o => o.Section.Fields).Where(f => f.Name == jsonName)
            : Enumerable.Empty<FieldDocSpec>();

    private OperationSpec? BuildOperation(DocSpec doc, EndpointSectionSpec endpoint, string resourceTitle, string resourceSingular, string rootPath,
        Naming.Scope methodNames)
    {
        var path = endpoint.PathTemplate;
        if (rootPath.Length > 0 && path.StartsWith(rootPath + "/", StringComparison.OrdinalIgnoreCase))
        {
            path = path.Substring(rootPath.Length);
        }

        // The project leaves it out (ApiExclude).
        if (_overrides.Excludes(endpoint.HttpMethod, endpoint.PathTemplate, path))
        {
            return null;
        }

        var source = $"{doc.FileName}:{endpoint.EndpointLocation.Line}";
        var modelSource = $"{source} (\"{endpoint.Heading}\")";
        // Whether it answers with many: its example is an array or a page of one, or, with no example, its path names a documented collection.
        var answersList = endpoint.ResponseExamples.Count > 0
            ? IsManyExample(endpoint.ResponseExamples[0].Value)
            : endpoint.HttpMethod == "GET" && ObjectOfPath(endpoint.PathTemplate)?.Kind == TypeKind.List;
        var byHeading = OperationBaseName(endpoint.HttpMethod, path, endpoint.Heading, answersList);
        var byPath = PathBaseName(endpoint.HttpMethod, path, resourceTitle);

        // A section of several endpoints is named by path, unless its heading's verb is not a plain
        // CRUD verb ("Weigh crates"): that verb says more than the method does. A heading of one word
        // ("### Store", "### Audio") names a topic, not what its endpoints do.
        var headingVerb = endpoint.SharesSection && !IsCrudVerb(byHeading)
            && !string.Equals(endpoint.Heading, resourceTitle, StringComparison.OrdinalIgnoreCase) &&
            endpoint.Heading.Trim().IndexOf(' ') > 0;
        // An endpoint a sentence names under a heading about something else ("Debugging" over "use GET /api/health") is
        // named by its last word: GetHealth; a POST to a word that is no collection does it (POST /api/v2/query: Query).
        var baseName = endpoint.SharesSection && !headingVerb ? byPath
            : endpoint.Mention && !HeadingNamesPath(endpoint.Heading, path) && MentionedName(endpoint.HttpMethod, path) is { } mentioned ? mentioned
            : byHeading;
        if (methodNames.IsClaimed(baseName + GeneratedNames.AsyncSuffix))
        {
            // Taken: the path tells the two apart, or the item's parameter does ("WeighById").
            var parameter = path.Split('/').LastOrDefault(s => s.StartsWith("{", StringComparison.Ordinal));
            var byParameter = parameter is null ? baseName : byHeading + "By" + Naming.Pascal(parameter.Substring(1, parameter.IndexOf('}') - 1));
            // A heading's verb keeps its word and adds the parameter; a name from the path says more of the path.
            var candidates = headingVerb
                ? new[] { byParameter, byPath }.Concat(ByWholePath(endpoint.HttpMethod, path))
                : new[] { byPath }.Concat(ByWholePath(endpoint.HttpMethod, path)).Concat(new[] { byParameter });
            baseName = candidates.FirstOrDefault(candidate => !methodNames.IsClaimed(candidate + GeneratedNames.AsyncSuffix)) ?? baseName;
        }

        // The method is the name and the suffix; a name still taken is numbered after it (GetAsync2), and the
        // operation without the suffix carries the number (Get2).
        var wanted = baseName + GeneratedNames.AsyncSuffix;
        var methodName = methodNames.Claim(wanted);
        var operationName = baseName + methodName.Substring(wanted.Length);
        if (methodName != wanted)
        {
            _diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.NameCollision, endpoint.HeadingLocation, wanted, endpoint.Heading, methodName));
        }

        var typePrefix = Naming.Pascal(TypePrefix(operationName, resourceSingular));
        _operationPrefix = (typePrefix, path);
        _operationClaims.Clear();
        try
        {
            return BuildNamedOperation(doc, endpoint, path, source, modelSource, methodName, operationName, typePrefix);
        }
        finally
        {
            _operationPrefix = null;
            _operationClaims.Clear();
        }
    }

    /// <summary>The operation, once its names are decided: its path, parameters, request, response and paging.</summary>
    private OperationSpec? BuildNamedOperation(
        DocSpec doc, EndpointSectionSpec endpoint, string path, string source, string modelSource, string methodName, string operationName, string typePrefix)
    {
        // Path parameters and the parts of the path.
        var parameterNames = new Naming.Scope(GeneratedNames.OperationLocals);
        var pathParameters = new List<PathParameterSpec>();
        var parts = new List<PathPartSpec>();
        var literal = new System.Text.StringBuilder();
        foreach (var segment in path.Split(new[] { '/' }, StringSplitOptions.RemoveEmptyEntries))
        {
            literal.Append('/');
            // A segment is literal text and parameters in any order: "{id}", "{id}.json", "{ref}{format}".
            var position = 0;
            while (position < segment.Length)
            {
                var open = segment.IndexOf('{', position);
                var close = open < 0 ? -1 : segment.IndexOf('}', open);
                if (open < 0 || close < 0)
                {
                    // Sent as written when it is plain ASCII; any other letter percent-encoded (UTF-8).
                    literal.Append(Uri.EscapeDataString(segment.Substring(position)));
                    break;
                }

                literal.Append(Uri.EscapeDataString(segment.Substring(position, open - position)));
                parts.Add(new PathPartSpec(literal.ToString(), null));
                literal.Clear();
                var name = segment.Substring(open + 1, close - open - 1);
                var parameterName = parameterNames.Claim(Naming.Camel(name));
                pathParameters.Add(new PathParameterSpec(name, parameterName));
                parts.Add(new PathPartSpec(null, parameterName));
                position = close + 1;
            }
        }

        if (literal.Length > 0 || parts.Count == 0)
        {
            parts.Add(new PathPartSpec(literal.Length > 0 ? literal.ToString() : "/", null));
        }

        // Request: documented parameters, plus keys the request examples show without a bullet. A
        // method with a body sends them in it, except those listed under "Query Parameters"; "URL
        // Parameters" describe the path (or, where the path has none, its query string). A field the docs
        // call read-only is the server's to set.
        var hasBody = endpoint.HttpMethod is "POST" or "PUT" or "PATCH";
        var requestExample = MergeObjects(endpoint.RequestExamples.Select(e => e.Value));
        // Where the path holds no parameter at all, "Path Variables" name what the URL's query string carries.
        var pathless = pathParameters.Count == 0;
        var fields = endpoint.Parameters
            .Select(p => pathless && p.Placement == Placement.Path ? p with { Placement = Placement.Query } : p)
            .Where(p => !pathParameters.Any(pp => pp.Name == p.Name) && p.Placement != Placement.Path && !s_readOnly.IsMatch(p.Description))
            // In a body, `rule.query` or `items[].name` is a member of a nested object, not a member of that name.
            .Where(p => !(hasBody && p.Placement != Placement.Query && p.Name.IndexOfAny(s_nestedNameMarks) >= 0))
            .GroupBy(p => p.Name, StringComparer.Ordinal).Select(g => g.First())
            .ToList();
        if (!hasBody && DescribesResponse(fields, endpoint))
        {
            fields.Clear(); // "Fields available in the report": the response's fields, not the request's
        }

        // The object a nested member belongs to is a member, whether or not an example shows it: `actions[]` (and
        // `actions[].file_path`) give `actions`, described by its own line where it has one; `rule.query` gives `rule`.
        if (hasBody)
        {
            foreach (var nested in endpoint.Parameters.Where(p => p.Placement != Placement.Query && p.Name.IndexOfAny(s_nestedNameMarks) > 0))
            {
                var root = nested.Name.Substring(0, nested.Name.IndexOfAny(s_nestedNameMarks));
                if (!fields.Any(f => f.Name == root) && !pathParameters.Any(pp => pp.Name == root))
                {
                    var own = endpoint.Parameters.FirstOrDefault(p => p.Name == root + "[]");
                    fields.Add(new FieldDocSpec(root, own?.Description ?? string.Empty,
                        endpoint.Parameters.Any(p => p.Requirement == Requirement.Required && p.Name.Length > root.Length
                            && p.Name.StartsWith(root, StringComparison.Ordinal) &&
                            Array.IndexOf(s_nestedNameMarks, p.Name[root.Length]) >= 0) ? Requirement.Required : Requirement.Optional,
                        false, nested.Location));
                }
            }
        }

        foreach (var key in requestExample.Properties.Select(p => p.Name))
        {
            if (!fields.Any(f => f.Name == key) && !pathParameters.Any(pp => pp.Name == key)
                && !(hasBody && PageObjectFields(key, doc.FileName).Any(f => s_readOnly.IsMatch(f.Description))))
            {
                // Shown only in the example: the page's object may describe it ("The boat that lies on the mooring").
                fields.Add(
                    new FieldDocSpec(key, PageObjectFields(key, doc.FileName).FirstOrDefault()?.Description ?? string.Empty, Requirement.Unspecified, false,
                    endpoint.RequestExamples[0].Location));
            }
        }

        var inBody = hasBody && fields.Any(f => f.Placement != Placement.Query);

        string? requestType = null;
        var requestProperties = new List<PropertySpec>();
        if (fields.Count > 0)
        {
            requestType = ClaimTypeName(typePrefix + "Request");
            var propertyNames = inBody ? new Naming.Scope(requestType, ModelSpec.AdditionalPropertiesName) : new Naming.Scope(requestType);
            foreach (var field in fields)
            {
                // A query parameter is text on the wire: a string where nothing else says what it is.
                var inQuery = field.Placement == Placement.Query || (!hasBody && field.Placement == Placement.Unspecified);
                // With no example of its own, a parameter the section's answer shows with a plain value has that value's type.
                var example = requestExample.Property(field.Name) ?? AnsweredScalar(endpoint, field.Name) ?? ShownScalar(field.Example);
                var type = InferType(requestType, field.Name, field.Description, example, ObjectFieldType(field.Name, doc.FileName)
                    ?? (inQuery ? TypeRef.String : null), field.Location, modelSource);
                var required = field.Requirement == Requirement.Required;
                var secret = endpoint.SecretRequiredFor.Contains(field.Name);
                var summary = Summary(field.Description, field.Name);
                requestProperties.Add(
                    new PropertySpec(field.Name, propertyNames.Claim(Naming.Pascal(field.Name)), type, !required, required, secret, summary,
                    Deprecation(field.Name, field.Description), inBody && field.Placement == Placement.Query));
            }

            AddModelSpec(
                new ModelSpec(requestType, ModelRole.Request, $"Parameters of {endpoint.Heading}.", modelSource, requestProperties.ToEquatableArray(),
                SentAsBody: inBody));
        }

        var paging = TryPaging(endpoint, requestProperties, typePrefix, modelSource, out var pagedResponse);
        var responseType = pagedResponse ?? ResponseType(endpoint, typePrefix, modelSource);
        var hint = PagingHintFor(doc);
        var saysPaginated = endpoint.Paginated || (doc.ListsPaginated && !doc.Endpoints.Any(e => e.Paginated));
        if (paging is null && endpoint.ResponseExamples.Count == 0 && responseType.Kind == TypeKind.List && hint?.Envelope is { } envelope &&
            (saysPaginated || hint is { PositionParameter: not null, OnlyWhereSaid: false }))
        {
            // A list whose section shows no response answers with the page the pagination section shows, its items the list's.
            var items = envelope.Properties.First(p => p.Value.Kind == JsonKind.Array).Name;
            var overrides = new Dictionary<string, TypeRef>(StringComparer.Ordinal) { [items] = responseType };
            responseType = ModelFromExample(typePrefix + "Response", ModelRole.Response, $"A page of {endpoint.Heading}.", envelope, endpoint.HeadingLocation,
                modelSource, overrides);
        }

        var (decided, style) = endpoint.HttpMethod == "GET" ? _overrides.PagingFor(endpoint.PathTemplate, path) : (false, null);
        if (decided)
        {
            // The project decides (ApiPaging): not paged, or by page number or offset whatever the docs say.
            paging = style is null ? null
                : TryPositionPaging(endpoint, requestProperties, OverriddenPaging(hint, style.Value), responseType, saysPaginated: true);
            if (style is not null && paging is null)
            {
                _diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.PagingIncomplete, endpoint.HeadingLocation, endpoint.Heading,
                    "the ApiPaging property pages it and its response shows no list of items"));
            }
        }
        else
        {
            paging ??= TryTokenPaging(endpoint, requestProperties, responseType) ?? TryPageCursorPaging(endpoint, requestProperties, responseType)
                ?? TryPositionPaging(endpoint, requestProperties, hint, responseType, saysPaginated);
        }

        if (paging is not null)
        {
            // Another rule paged it: the cursor rule's "cannot be paged" (ENG010) no longer holds.
            _diagnostics.RemoveAll(d => d.Id == DiagnosticDescriptors.PagingIncomplete.Id && d.Location == endpoint.HeadingLocation);
        }

        // What this list's example shows types the same collection's lists elsewhere that show none.
        var shownItems = paging?.ItemType ?? (responseType.Kind == TypeKind.List ? responseType.Element : null);
        if (endpoint.HttpMethod == "GET" && endpoint.ResponseExamples.Count > 0 && shownItems is { Kind: TypeKind.Model }
            && LastCollection(endpoint.PathTemplate) is { } shownCollection)
        {
            _collectionItems[shownCollection] = shownItems;
        }

        return new OperationSpec(
            methodName,
            endpoint.HttpMethod,
            path,
            parts.ToEquatableArray(),
            pathParameters.ToEquatableArray(),
            requestType,
            inBody,
            !inBody && requestProperties.All(p => !p.Required),
            requestProperties.ToEquatableArray(),
            responseType,
            paging,
            endpoint.Auth,
            requestProperties.Where(p => p.RequiresSecret).Select(p => p.JsonName).ToEquatableArray(),
            source,
            endpoint.Heading,
            endpoint.Description,
            operationName);
    }

    private TypeRef? NamedObject(EndpointSectionSpec endpoint)
    {
        if (endpoint.ReturnsObject is null)
        {
            return null;
        }

        if (_objects.TryGetValue(endpoint.ReturnsObject, out var model) || _objects.TryGetValue(Naming.Singular(endpoint.ReturnsObject), out model))
        {
            return TypeRef.ModelNamed(model.Name);
        }

        if (_shownObjects.TryGetValue(ShownObjectName(endpoint.ReturnsObject), out var shown) && endpoint.ResponseExamples.Count == 0)
        {
            return shown;
        }

        if (endpoint.ResponseExamples.Count == 0)
        {
            _diagnostics.Add(
                DiagnosticInfo.Create(DiagnosticDescriptors.UnknownObjectReference, endpoint.HeadingLocation, endpoint.Heading, endpoint.ReturnsObject));
        }

        return null;
    }

    /// <summary>The type name of an object the prose names (<c>event</c>, <c>services</c>): singular, in C# case.</summary>
    private static string ShownObjectName(string noun) => Naming.Pascal(Naming.Singular(noun));

    /// <summary>
    /// The prose names the object ("Returns an array of event objects") and no section documents it: the example's object
    /// (the object, or a list's items, as the prose says) takes the object's name where no other type has it, and later
    /// sections that name it without an example answer with it. Null where it does not apply.
    /// </summary>
    private TypeRef? ObjectShownByExample(EndpointSectionSpec endpoint, List<JsonNode> examples, LocationInfo location, string source)
    {
        if (endpoint.ReturnsObject is not { } noun || examples.Count == 0)
        {
            return null;
        }

        var name = ShownObjectName(noun);
        var objects = endpoint.ReturnsList
            ? examples[0].Kind == JsonKind.Array ? examples[0].Items.Where(i => i.Kind == JsonKind.Object).ToList() : new List<JsonNode>()
            : examples.Where(e => e.Kind == JsonKind.Object).ToList();
        if (objects.Count == 0 || name.Length < 3 || _typeNames.IsClaimed(name) || MatchObject(objects[0]) is not null)
        {
            return null;
        }

        var type = ModelFromExample(name, ModelRole.Object, $"The {noun} object {endpoint.Heading} answers with.", MergeObjects(objects), location, source,
            null);
        _shownObjects[name] = type;
        return endpoint.ReturnsList ? TypeRef.ListOf(type) : type;
    }

    private TypeRef ResponseType(EndpointSectionSpec endpoint, string typePrefix, string source)
    {
        if (endpoint.NoContent)
        {
            return TypeRef.None;
        }

        var named = NamedObject(endpoint);
        if (named is not null)
        {
            return endpoint.ReturnsList ? TypeRef.ListOf(named) : named;
        }

        var examples = endpoint.ResponseExamples.Select(e => e.Value).ToList();
        var location = endpoint.ResponseExamples.Count > 0 ? endpoint.ResponseExamples[0].Location : endpoint.HeadingLocation;
        if (ObjectShownByExample(endpoint, examples, location, source) is { } namedByProse)
        {
            return namedByProse;
        }

        if (examples.Count > 0 && examples[0].Kind == JsonKind.Object)
        {
            var matched = MatchObject(examples[0]);
            if (matched is not null)
            {
                return matched;
            }

            return ModelFromExample(typePrefix + "Response", ModelRole.Response, $"The response of {endpoint.Heading}.", MergeObjects(examples), location,
                source, null);
        }

        if (examples.Count > 0)
        {
            // The items of "Discover Subscriptions" are Subscriptions: a list's items take the noun its heading ends
            // with, where no other type has that name; else the operation's name and Item.
            var objects = examples[0].Kind == JsonKind.Array ? examples[0].Items.Where(i => i.Kind == JsonKind.Object).ToList() : new List<JsonNode>();
            if (objects.Count > 0 && MatchObject(objects[0]) is null && HeadingNoun(endpoint.Heading) is { } noun && !_typeNames.IsClaimed(noun))
            {
                return TypeRef.ListOf(
                    NestedModel(noun, typePrefix, "Item", new List<(string, string)>(), MergeObjects(objects), location, source,
                    $"One of the items {endpoint.Heading} answers with."));
            }

            var type = TypeFromExample(typePrefix, "Item", examples[0], location, source);
            if (type is not null)
            {
                return type;
            }
        }

        if (endpoint.HttpMethod == "GET" && examples.Count == 0 && ObjectOfPath(endpoint.PathTemplate) is { } shown)
        {
            return shown;
        }

        // "Gets a list of all notes for a snippet", no example: the notes another list of notes showed.
        if (endpoint.HttpMethod == "GET" && examples.Count == 0 && LastCollection(endpoint.PathTemplate) is { } collection
            && _collectionItems.TryGetValue(collection, out var items))
        {
            return TypeRef.ListOf(items);
        }

        // "List users followed by another user", no example: a list the heading says it is, of the users another list
        // showed where the docs show that collection, else of items no example types. A description that says it
        // searches for or returns all of a documented thing ("Call GET /search to search for notes") answers with those.
        if (endpoint.HttpMethod == "GET" && examples.Count == 0)
        {
            if (s_listHeading.Match(endpoint.Heading) is { Success: true } listed)
            {
                return TypeRef.ListOf(ItemsNamed(listed.Groups["noun"].Value) ?? TypeRef.JsonElement);
            }

            if (s_listDescription.Match(endpoint.Description) is { Success: true } described
                && ItemsNamed(described.Groups["noun"].Value) is { } describedItems)
            {
                return TypeRef.ListOf(describedItems);
            }
        }

        _diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.NoResponseType, endpoint.HeadingLocation, endpoint.Heading));
        return TypeRef.JsonElement;
    }

    // A heading that says its operation lists things: "List users followed by another user", "Lists all the pipelines".
    private static readonly Regex s_listHeading = new(
        @"^\W*lists?\s+(?:all\s+)?(?:the\s+|of\s+)?(?<noun>[a-z]+s)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, Patterns.Timeout);

    // A description that says the operation finds many of a thing: "to search for notes", "returns all attachments", "lists the walks".
    private static readonly Regex s_listDescription = new(
        @"\b(?:lists?|search(?:es)?\s+for|returns?\s+(?:all|a\s+list\s+of|the\s+list\s+of))\s+(?:all\s+)?(?:the\s+)?(?<noun>[a-z]+s)\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, Patterns.Timeout);

    /// <summary>
    /// The items of a plural noun's collection: those another list of it showed, else its documented object; null when the docs show neither.
    /// </summary>
    private TypeRef? ItemsNamed(string noun)
    {
        noun = noun.ToLowerInvariant();
        return _collectionItems.TryGetValue(noun, out var items) ? items
            : _objects.TryGetValue(Naming.Singular(noun), out var model) && model.Section.Parent is null ? TypeRef.ModelNamed(model.Name)
            : null;
    }

    /// <summary>
    /// Whether a word of the heading starts with one of the path's own words ("Searching" and <c>/search</c>); <c>api</c>
    /// and versions aside.
    /// </summary>
    private static bool HeadingNamesPath(string heading, string path)
    {
        var words = s_word.Matches(heading).Cast<Match>().Select(m => m.Value.ToLowerInvariant()).ToList();
        return Segments(path).Where(s => !s.StartsWith("{", StringComparison.Ordinal))
            .Select(s => Naming.Singular(WithoutFormat(s)).ToLowerInvariant())
            .Where(s => s.Length > 2 && s != "api" && !s_versionSegment.IsMatch(s))
            .Any(s => words.Any(w => w.StartsWith(s, StringComparison.Ordinal)));
    }

    /// <summary>
    /// The name of an endpoint a sentence names under a heading about something else: the method's verb and the path's
    /// last word (GetHealth, DeleteSession), or for a POST to a word that is no collection the word itself (Query).
    /// </summary>
    private static string? MentionedName(string method, string path)
    {
        var last = Segments(path).LastOrDefault(s => !s.StartsWith("{", StringComparison.Ordinal));
        if (last is null || Naming.Pascal(WithoutFormat(last)) is not { Length: > 0 } word || !char.IsLetter(word[0]))
        {
            return null;
        }

        var singular = Naming.Pascal(Naming.Singular(WithoutFormat(last)));
        return method switch
        {
            "GET" => "Get" + word,
            "POST" => IsSingularNoun(last) ? word : "Create" + singular,
            "DELETE" => "Delete" + singular,
            _ => "Update" + singular,
        };
    }

    private static readonly Regex s_versionSegment = new(@"^v\d+(?:\.\d+)*$", RegexOptions.CultureInvariant, Patterns.Timeout);

    /// <summary>The thing a list's heading names, in the singular: "Discover Subscriptions" gives Subscription; null when it ends with no plural
    /// noun.</summary>
    private static string? HeadingNoun(string heading)
    {
        var words = heading.Split(new[] { ' ' }, StringSplitOptions.RemoveEmptyEntries);
        if (words.Length < 2 || !words[words.Length - 1].All(char.IsLetter))
        {
            return null;
        }

        // A heading in capitals ("LIST PLANTS") names the same noun as one in sentence case.
        var last = words[words.Length - 1].All(char.IsUpper) ? words[words.Length - 1].ToLowerInvariant() : words[words.Length - 1];
        var singular = Naming.Singular(last);
        return singular.Length > 2 && !string.Equals(singular, last, StringComparison.Ordinal) ? Naming.Pascal(singular) : null;
    }

    /// <summary>
    /// What a GET the docs show no response for answers with, by the path, where the docs document the object
    /// its collection names: <c>/notes</c> a list of Note, <c>/notes/{id}</c> a Note, <c>/notes/{id}/tags</c> a
    /// list of Tag. Null when the path names no documented object (<c>/search</c>, <c>/notes/{id}/file</c>).
    /// </summary>
    private TypeRef? ObjectOfPath(string pathTemplate)
    {
        var segments = Segments(pathTemplate);
        if (segments.Length == 0)
        {
            return null;
        }

        var item = segments[segments.Length - 1].IndexOf('{') >= 0;
        var collection = item ? (segments.Length > 1 ? segments[segments.Length - 2] : null) : segments[segments.Length - 1];
        if (collection is null || collection.IndexOf('{') >= 0)
        {
            return null;
        }

        var singular = Naming.Singular(collection.Replace('-', ' ').Replace('_', ' '));
        if (string.Equals(singular, collection, StringComparison.OrdinalIgnoreCase) || !_objects.TryGetValue(singular, out var model)
            || model.Section.Parent is not null)
        {
            return null; // not a plural collection, or no object of that name is documented
        }

        return item ? TypeRef.ModelNamed(model.Name) : TypeRef.ListOf(TypeRef.ModelNamed(model.Name));
    }

    /// <summary>
    /// Whether the fields a GET or DELETE section lists, none of them placed by a label (query, path), are the
    /// members of the one object its response example shows: at least three, and at least 80% of them its keys.
    /// </summary>
    private static bool DescribesResponse(List<FieldDocSpec> fields, EndpointSectionSpec endpoint)
    {
        if (fields.Count < 3 || fields.Any(f => f.Placement != Placement.Unspecified) || endpoint.ResponseExamples.Count == 0)
        {
            return false;
        }

        // One object, not a list: a list's filters are often named after its items' fields.
        var shown = endpoint.ResponseExamples[0].Value;
        var keys = new HashSet<string>(shown.Properties.Select(p => p.Name), StringComparer.Ordinal);
        return shown.Kind == JsonKind.Object && fields.Count(f => keys.Contains(f.Name)) >= 0.8 * fields.Count;
    }

    /// <summary>The last segment of a path that ends in a plural literal (<c>notes</c> of <c>/snippets/{id}/notes</c>), else null.</summary>
    private static string? LastCollection(string pathTemplate)
    {
        var segments = Segments(pathTemplate);
        var last = segments.Length > 0 ? WithoutFormat(segments[segments.Length - 1]) : null;
        return last is null || last.IndexOf('{') >= 0 || string.Equals(Naming.Singular(last), last, StringComparison.OrdinalIgnoreCase) ? null : last;
    }

    /// <summary>A path segment without the format it names (<c>attachments.json</c> is the attachments collection, as JSON).</summary>
    private static string WithoutFormat(string segment)
    {
        var dot = segment.LastIndexOf('.');
        return dot > 0 && segment.Substring(dot + 1).ToLowerInvariant() is "json" or "xml" or "yaml" or "csv" ? segment.Substring(0, dot) : segment;
    }

    private TypeRef ModelFromExample(string name, ModelRole role, string summary, JsonNode example, LocationInfo location, string source, Dictionary<string,
        TypeRef>? overrides)
    {
        var typeName = Naming.Pascal(name);
        var properties = new List<PropertySpec>();
        var names = new Naming.Scope(typeName);
        foreach (var property in example.Properties)
        {
            TypeRef? type = null;
            if (overrides is not null && overrides.TryGetValue(property.Name, out var forced))
            {
                type = forced;
            }

            type ??= InferType(typeName, property.Name, string.Empty, property.Value, ObjectFieldType(property.Name, null), location, source);
            properties.Add(
                new PropertySpec(property.Name, names.Claim(Naming.Pascal(property.Name)), type, property.Value.MayBeNull, false, false,
                $"The {property.Name} value of the response.", Deprecation(property.Name, string.Empty)));
        }

        return TypeRef.ModelNamed(AddModel(typeName, role, summary, source, properties));
    }

    /// <summary>
    /// Paging, by one stated rule: the documented request parameters decide the style. With
    /// <c>next_cursor</c>/<c>previous_cursor</c> parameters the list pages by opaque cursors; with
    /// <c>after_id</c>/<c>before_id</c> by item ids and <c>has_more</c>. The example response must
    /// show the array of items; where it lacks the style's fields (a cursor, or has_more) they are
    /// added to the page model and ENG012 says the example and the parameters disagree.
    /// </summary>
    private PagingSpec? TryPaging(EndpointSectionSpec endpoint, List<PropertySpec> request, string typePrefix, string source, out TypeRef? responseType)
    {
        responseType = null;
        // Paging members must be what paging needs: cursors strings, the page size an integer.
        PropertySpec? Param(string name)
            => request.FirstOrDefault(p => p.JsonName == name && p.Type.Kind == (name == "limit" ? TypeKind.Int32 : TypeKind.String));
        var after = Param("after_id");
        var before = Param("before_id");
        var next = Param("next_cursor") ?? Param("cursor");
        var previous = Param("previous_cursor");
        var style = next is not null || previous is not null ? PagingStyle.OpaqueCursor : after is not null || before is not null ? PagingStyle.IdCursor
            : (PagingStyle?)null;
        if (style is null)
        {
            return null;
        }

        var example = endpoint.ResponseExamples.Select(e => e.Value).FirstOrDefault(v => v.Kind == JsonKind.Object)
            ?? IntroductionPage(endpoint, style.Value);
        var location = endpoint.ResponseExamples.Count > 0 ? endpoint.ResponseExamples[0].Location : endpoint.HeadingLocation;
        var arrayProperty = example?.Properties.FirstOrDefault(p => p.Name == "data" && p.Value.Kind == JsonKind.Array)
            ?? example?.Properties.FirstOrDefault(p => p.Value.Kind == JsonKind.Array && p.Name is not ("has_more" or "next_cursor" or "previous_cursor"));
        if (example is null || arrayProperty is null)
        {
            _diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.PagingIncomplete, endpoint.HeadingLocation, endpoint.Heading,
                example is null ? "it has no example response" : "its example response has no array of items"));
            return null;
        }

        var itemType = NamedObject(endpoint)
            ?? arrayProperty.Value.Items.Where(i => i.Kind == JsonKind.Object).Select(MatchObject).FirstOrDefault(t => t is not null)
            ?? TypeFromExample(typePrefix, Naming.Singular(arrayProperty.Name), arrayProperty.Value, location, source)?.Element;
        if (itemType is null || (style == PagingStyle.IdCursor && (itemType.Kind != TypeKind.Model || !HasStringId(itemType.Name!))))
        {
            _diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.PagingIncomplete, endpoint.HeadingLocation, endpoint.Heading,
                itemType is null ? "the type of its items is unknown" : "its items have no string id to page from"));
            return null;
        }

        // The page model: the example's members, with the items typed and the style's fields present.
        var properties = example.Properties.ToList();
        var overrides = new Dictionary<string, TypeRef>(StringComparer.Ordinal) { [arrayProperty.Name] = TypeRef.ListOf(itemType) };
        var required = style == PagingStyle.OpaqueCursor
            ? new[] { next is not null ? "next_cursor" : null, previous is not null ? "previous_cursor" : null }
            : new[] { "has_more" };
        foreach (var field in required.Where(f => f is not null).Select(f => f!))
        {
            overrides[field] = style == PagingStyle.OpaqueCursor ? TypeRef.String : TypeRef.Boolean;
            if (properties.All(p => p.Name != field))
            {
                properties.Add(new JsonProperty(field, JsonNode.Scalar(style == PagingStyle.OpaqueCursor ? JsonKind.Null : JsonKind.Boolean, null)));
                _diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.ProseContradictsExample, location, endpoint.Heading,
                    $"the parameters page by {(style == PagingStyle.OpaqueCursor ? "cursor" : "id")} but the example response has no {field}",
                        $"{field} is added to the page model"));
            }
        }

        if (style == PagingStyle.OpaqueCursor)
        {
            // A cursor is absent or null where there is nothing more in its direction.
            properties = properties.Select(p => p.Name is "next_cursor" or "previous_cursor" ? new JsonProperty(p.Name, JsonNode.Scalar(JsonKind.Null, null))
                : p).ToList();
            overrides["next_cursor"] = TypeRef.String;
            overrides["previous_cursor"] = TypeRef.String;
        }

        if (properties.Any(p => p.Name == "has_more"))
        {
            overrides["has_more"] = TypeRef.Boolean;
        }

        var pageExample = new JsonNode(JsonKind.Object, null, properties.ToEquatableArray(), EquatableArray<JsonNode>.Empty);
        var pageType = ModelFromExample(typePrefix + "Response", ModelRole.Response, $"One page of {endpoint.Heading}.", pageExample, location, source,
            overrides);
        responseType = pageType;
        var page = ModelNamed(pageType.Name) ?? throw new InvalidOperationException("The page model " + pageType.Name + " was not added.");
        string? PageMember(string json) => page.Properties.FirstOrDefault(p => p.JsonName == json)?.Name;

        var limit = Param("limit");
        var maximum = limit is null ? null : DocumentedMaximum(limit.Summary);

        var idProperty = itemType.Kind == TypeKind.Model ? ModelNamed(itemType.Name)?.Properties.FirstOrDefault(p => p.JsonName == "id")?.Name : null;
        return new PagingSpec(
            style.Value,
            itemType,
            PageMember(arrayProperty.Name)!,
            PageMember("has_more"),
            idProperty,
            limit?.Name,
            after?.Name,
            before?.Name,
            next?.Name,
            previous?.Name,
            PageMember("next_cursor"),
            PageMember("previous_cursor"),
            maximum);
    }

    /// <summary>
    /// The page a list endpoint answers with when its section shows no example but the introduction
    /// describes id-cursor paging and the prose names the listed object: the envelope the other paged
    /// examples use (<c>{"data": [...], "has_more": ...}</c>), with that object's items.
    /// </summary>
    private JsonNode? IntroductionPage(EndpointSectionSpec endpoint, PagingStyle style)
    {
        if (style != PagingStyle.IdCursor || !_introductionPagesById || endpoint.ReturnsObject is null || !endpoint.ReturnsList ||
            !(_objects.ContainsKey(endpoint.ReturnsObject) || _objects.ContainsKey(Naming.Singular(endpoint.ReturnsObject))))
        {
            return null;
        }

        var items = new JsonNode(JsonKind.Array, null, EquatableArray<JsonProperty>.Empty, EquatableArray<JsonNode>.Empty);
        var properties = new[] { new JsonProperty(_pageEnvelope, items), new JsonProperty("has_more", JsonNode.Scalar(JsonKind.Boolean, "false")) };
        return new JsonNode(JsonKind.Object, null, properties.ToEquatableArray(), EquatableArray<JsonNode>.Empty);
    }

    /// <summary>
    /// An example that answers with many: an array, or a page of one, an object whose one array is its items and whose
    /// other members only say where the page is (<c>{"sites": [...], "meta": {...}}</c>, <c>{"items": [...], "total": 9}</c>).
    /// </summary>
    private static bool IsManyExample(JsonNode example) =>
        example.Kind == JsonKind.Array ||
        (example.Kind == JsonKind.Object && example.Properties.Count(p => p.Value.Kind == JsonKind.Array) == 1 &&
         example.Properties.All(p => p.Value.Kind == JsonKind.Array || s_pageMemberNames.Contains(p.Name)));

    private static readonly HashSet<string> s_pageMemberNames = new(StringComparer.Ordinal)
    {
        "meta", "metadata", "links", "_links", "pagination", "paging", "page_info", "pageInfo", "cursor", "next_cursor", "nextCursor",
        "next", "previous", "prev", "has_more", "hasMore", "more", "total", "total_count", "totalCount", "count", "page", "per_page",
        "perPage", "page_size", "pageSize", "limit", "offset", "total_pages", "totalPages", "success",
    };

    private bool HasStringId(string modelName) =>
        ModelNamed(modelName)?.Properties.Any(p => p.JsonName == "id" && p.Type.Kind == TypeKind.String) == true;

    /// <summary>A whole number or true/false a call showed in a parameter's place (<c>?start=0</c>); other words say nothing of its type.</summary>
    private static JsonNode? ShownScalar(string? shown) =>
        shown is null ? null
        : shown is "true" or "false" ? JsonNode.Scalar(JsonKind.Boolean, shown)
        : shown.Length is > 0 and <= 18 && shown.All(c => c is >= '0' and <= '9') ? JsonNode.Scalar(JsonKind.Integer, shown)
        : null;

    /// <summary>The plain value (a string, number or boolean) the section's answer shows for a member of this name, if any.</summary>
    private static JsonNode? AnsweredScalar(EndpointSectionSpec endpoint, string name) =>
        endpoint.ResponseExamples.Count > 0 && endpoint.ResponseExamples[0].Value is { Kind: JsonKind.Object } answer
            && answer.Property(name) is { Kind: JsonKind.String or JsonKind.Integer or JsonKind.Decimal or JsonKind.Boolean } value
            ? value
            : null;

    /// <summary>
    /// An operation's type prefix told apart by its path, as method names are: by the collection the path goes
    /// through (<c>/groups/{id}/issues</c>: ListIssuesForGroup) unless the prefix names it already, else by the
    /// parameter the path ends in (<c>/teams/{teamId}</c>: CreateTeamByTeamId); the prefix itself when neither.
    /// </summary>
    private static string PathDistinctPrefix(string prefix, string path)
    {
        var segments = Segments(path);
        if (segments.Length == 0)
        {
            return prefix;
        }

        var endsInParameter = segments[segments.Length - 1].StartsWith("{", StringComparison.Ordinal);
        var parent = Enumerable.Range(0, Math.Max(0, segments.Length - 2))
            .Where(i => !segments[i].StartsWith("{", StringComparison.Ordinal) && segments[i + 1].StartsWith("{", StringComparison.Ordinal))
            .Select(i => Naming.Pascal(Naming.Singular(segments[i])))
            .LastOrDefault();
        if (!endsInParameter && parent is not null && prefix.IndexOf(parent, StringComparison.Ordinal) < 0)
        {
            return prefix + "For" + parent;
        }

        var last = segments[segments.Length - 1];
        return endsInParameter && last.IndexOf('}') > 1 ? prefix + "By" + Naming.Pascal(last.Substring(1, last.IndexOf('}') - 1)) : prefix;
    }
}
