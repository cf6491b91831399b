using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;

namespace Engage.Codegen.Inference;

/// <summary>How operations and their request and response types are named.</summary>
internal sealed partial class ApiBuilder
{
    private static readonly Regex s_word = new(@"[A-Za-z][A-Za-z0-9]*", RegexOptions.CultureInvariant, Patterns.Timeout);
    private static readonly Regex s_bracketedPrefix = new(@"\(([A-Za-z]{1,4})\)(?=[A-Za-z])", RegexOptions.CultureInvariant, Patterns.Timeout);
    private static readonly Regex s_headingIsPath = new(@"^\s*`?(?:[A-Za-z]{3,8}\s+)?/", RegexOptions.CultureInvariant, Patterns.Timeout);

    /// <summary>
    /// The operation naming rule. On the resource's own collection and item paths the standard
    /// verbs apply: <c>POST /r</c> Create, <c>GET /r</c> List, <c>GET /r/{id}</c> Get,
    /// <c>PUT|PATCH /r/{id}</c> Update, <c>DELETE /r/{id}</c> Delete. Any other shape takes the
    /// heading's first word as its verb, followed by the last literal path segment (singular) when
    /// the heading names it: "Add User events" on <c>POST /users/{uid}/events</c> is AddEvent. A heading that is
    /// the endpoint itself, on a collection below an item that <paramref name="answersList"/>, is List and the collection.
    /// Case and punctuation of the heading do not change the name.
    /// </summary>
    internal static string OperationBaseName(string httpMethod, string path, string heading, bool answersList = false)
    {
        var segments = path.Split(new[] { '/' }, StringSplitOptions.RemoveEmptyEntries).Select(WithoutSuffix).ToArray();
        var literals = segments.Where(s => !s.StartsWith("{", StringComparison.Ordinal)).ToList();
        var isParameter = segments.Select(s => s.StartsWith("{", StringComparison.Ordinal)).ToList();
        // A collection is named in the plural; "/token" or "/status" is one thing, named by the heading.
        if (segments.Length == 1 && !isParameter[0] && (httpMethod == "POST" || !IsSingularNoun(segments[0])))
        {
            switch (httpMethod)
            {
                case "POST": return "Create";
                case "GET": return "List";
            }
        }
        else if (segments.Length == 2 && !isParameter[0] && isParameter[1])
        {
            switch (httpMethod)
            {
                case "GET": return "Get";
                case "PUT":
                case "PATCH": return "Update";
                case "DELETE": return "Delete";
            }
        }

        // "(De)activate a client", "(Un)follow a user": a bracketed prefix is part of its word.
        var words = s_word.Matches(heading.IndexOf('(') >= 0 ? s_bracketedPrefix.Replace(heading, "$1") : heading).Cast<Match>().Select(m => m.Value).ToList();

        // "The ...", "HTTP request", "GET /things" say nothing as a verb; "Create" over a GET contradicts the method.
        var dropped = false;
        while (words.Count > 0 && s_notVerbs.Contains(words[0].ToLowerInvariant()))
        {
            words.RemoveAt(0);
            dropped = true;
        }

        // A heading that is the endpoint ("GET /things/{id}/stats", or its path alone) has no verb but its method.
        var headingIsEndpoint = s_headingIsPath.IsMatch(heading);
        // After an article, a collection the path goes through ("users" in /users/{uid}/report) is a noun: "The user report".
        var collections = segments.Where((segment, i) => i + 1 < segments.Length && !isParameter[i] && isParameter[i + 1]).Select(
            c => Naming.Singular(c).ToLowerInvariant()).ToList();
        var isNoun = dropped && words.Count > 0 && collections.Contains(Naming.Singular(words[0]).ToLowerInvariant());
        var verb = words.Count > 0 && !headingIsEndpoint && !isNoun ? Naming.Pascal(words[0].ToLowerInvariant()) : DefaultVerb(httpMethod);
        if (Contradicts(verb, httpMethod))
        {
            verb = DefaultVerb(httpMethod);
        }
        var last = literals.Count > 1 ? literals[literals.Count - 1] : null;

        // A heading that is the endpoint, on a collection below an item that answers with many ("GET /notes/{id}/tags"), lists it.
        if (headingIsEndpoint && answersList && httpMethod == "GET" && last is not null && !isParameter[isParameter.Count - 1] && !IsSingularNoun(last))
        {
            return "List" + Naming.Pascal(last);
        }

        if (last is not null)
        {
            var singular = Naming.Singular(last).ToLowerInvariant();
            var named = words.Count < 2 ? -1 : words.FindIndex(1, w => string.Equals(Naming.Singular(w), singular, StringComparison.OrdinalIgnoreCase));
            named = named >= 0 ? named : SegmentWordsEnd(words, singular);
            if (named >= 0 && !string.Equals(verb, Naming.Pascal(singular), StringComparison.Ordinal))
            {
                // "List all labels for a repository" lists labels: the plural after List, and after a GET of the
                // collection whose heading says it in the plural ("Get API keys" on GET /v1/api-keys).
                var plural = verb == "List" || (httpMethod == "GET" && !isParameter[isParameter.Count - 1] && !IsSingularNoun(last) &&
                    !string.Equals(Naming.Singular(words[named]), words[named], StringComparison.OrdinalIgnoreCase));
                return verb + Naming.Pascal(plural ? Naming.Plural(singular) : singular);
            }
        }

        return verb;
    }

    /// <summary>
    /// Where the heading's words after its verb hold a segment of several words in order (the index of the last), or -1:
    /// "Get a test report for a pipeline" names <c>test_report</c>, as "Get a single shipping-zone" names <c>shipping-zone</c>.
    /// </summary>
    private static int SegmentWordsEnd(List<string> words, string singularSegment)
    {
        var parts = singularSegment.Split(s_wordSeparators, StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length < 2)
        {
            return -1;
        }

        for (var start = 1; start + parts.Length <= words.Count; start++)
        {
            var all = true;
            for (var i = 0; i < parts.Length && all; i++)
            {
                var word = i == parts.Length - 1 ? Naming.Singular(words[start + i]) : words[start + i];
                all = string.Equals(word, parts[i], StringComparison.OrdinalIgnoreCase);
            }

            if (all)
            {
                return start + parts.Length - 1;
            }
        }

        return -1;
    }

    private static readonly char[] s_wordSeparators = { '_', '-' };

    /// <summary>A path segment that names one thing, not a collection: its singular is itself ("token", "status", "me").</summary>
    private static bool IsSingularNoun(string segment) =>
        string.Equals(Naming.Singular(segment), segment, StringComparison.OrdinalIgnoreCase) && !segment.EndsWith("s", StringComparison.OrdinalIgnoreCase);

    private static readonly HashSet<string> s_notVerbs = new(StringComparer.Ordinal)
    {
        "the", "a", "an", "this", "http", "https", "api", "rest", "endpoint", "request", "method", "how", "to",
    };

    /// <summary>A heading verb that says the opposite of the method: Create or Delete over a GET, Get or Create over a DELETE.</summary>
    private static bool Contradicts(string verb, string httpMethod) => httpMethod switch
    {
        "GET" or "HEAD" => verb is "Create" or "Add" or "Post" or "Insert" or "Delete" or "Remove" or "Update" or "Edit" or "Put" or "Patch",
        "DELETE" => verb is "Create" or "Add" or "Post" or "Insert" or "Get" or "List" or "Show" or "Fetch" or "Update" or "Edit",
        "PUT" or "PATCH" => verb is "Get" or "List" or "Show" or "Fetch" or "Delete" or "Remove",
        _ => false,
    };

    private static string DefaultVerb(string httpMethod) => httpMethod switch
    {
        "GET" => "Get",
        "POST" => "Create",
        "PUT" or "PATCH" => "Update",
        "DELETE" => "Delete",
        _ => Naming.Pascal(httpMethod.ToLowerInvariant()),
    };

    /// <summary>Request and response type names: the verb, the resource in the singular (plural after List), the rest.</summary>
    internal static string TypePrefix(string baseName, string resourceSingular)
    {
        var verbEnd = 1;
        while (verbEnd < baseName.Length && !char.IsUpper(baseName[verbEnd]) && !char.IsDigit(baseName[verbEnd]))
        {
            verbEnd++;
        }

        var verb = baseName.Substring(0, verbEnd);
        var rest = baseName.Substring(verbEnd);
        var plural = Naming.Plural(resourceSingular);

        // A page named for its one operation ("Get Deleted Messages", "List Tides"): its name is the prefix
        // (GetDeletedMessageRequest, ListTidesResponse), not the verb twice (GetGetDeletedMessage).
        if (resourceSingular.Length > verb.Length && resourceSingular.StartsWith(verb, StringComparison.Ordinal) && char.IsUpper(resourceSingular[verb.Length]))
        {
            var own = verb == "List" ? plural : resourceSingular;
            return rest.Length == 0 || own.EndsWith(rest, StringComparison.Ordinal) || resourceSingular.EndsWith(rest, StringComparison.Ordinal) ? own : own
                + rest;
        }
        if (rest.StartsWith(resourceSingular, StringComparison.Ordinal) || rest.StartsWith(plural, StringComparison.Ordinal))
        {
            return verb + rest; // "GetCrate" on the Crates page is GetCrate, not GetCrateCrate
        }

        // Plural after List (ListUsers, ListTreesForGrove), except before a collection of its own, which it qualifies (ListAgentMembers).
        var restIsCollection = rest.Length > 1 && rest.Skip(1).All(c => !char.IsUpper(c))
            && !string.Equals(Naming.Singular(rest), rest, StringComparison.Ordinal);
        var noun = verb == "List" && !restIsCollection ? plural : resourceSingular;
        if (rest.Length > 0 && (resourceSingular.EndsWith(rest, StringComparison.Ordinal) || plural.EndsWith(rest, StringComparison.Ordinal)))
        {
            return verb + noun; // "CreateToken" on the Access Tokens page is CreateAccessToken, not CreateAccessTokenToken
        }

        return verb + noun + rest;
    }

    /// <summary>
    /// The path naming rule, for a section that documents several endpoints (its heading names them
    /// all) and for a heading name already taken: the verb from the method and the path's end
    /// (<c>GET</c> of a collection is List, of an item Get), then the literal segments after the
    /// last parameter other than the page's own resource, then <c>For</c> and the parent the path
    /// goes through: <c>GET /projects/{projectId}/todolists/completed.json</c> on the To-do lists
    /// page is ListCompletedForProject.
    /// </summary>
    internal static string PathBaseName(string httpMethod, string path, string resourceTitle)
    {
        var segments = path.Split(new[] { '/' }, StringSplitOptions.RemoveEmptyEntries).Select(WithoutSuffix).ToList();
        var resource = Key(resourceTitle);
        bool IsResource(string segment) => Key(segment) == resource || Key(Naming.Singular(segment)) == Key(Naming.Singular(resource));
        var lastParameter = segments.FindLastIndex(s => s.StartsWith("{", StringComparison.Ordinal));
        var trailing = segments.Skip(lastParameter + 1).ToList();
        var verb = MethodVerb(httpMethod, trailing.Count == 0 && lastParameter >= 0);

        var name = new System.Text.StringBuilder(verb);
        var qualifiers = trailing.Where(s => !IsResource(s)).ToList();
        if (trailing.Count == 0 && lastParameter > 0 && !segments[lastParameter - 1].StartsWith("{", StringComparison.Ordinal)
            && !IsResource(segments[lastParameter - 1]))
        {
            qualifiers.Add(Naming.Singular(segments[lastParameter - 1]));
        }

        foreach (var qualifier in qualifiers)
        {
            name.Append(Naming.Pascal(qualifier));
        }

        // The parent: the literal before the last parameter that is not the item itself.
        var parentParameter = trailing.Count > 0 ? lastParameter
            : lastParameter > 0 ? segments.FindLastIndex(lastParameter - 1, s => s.StartsWith("{", StringComparison.Ordinal))
            : -1;
        if (parentParameter > 0 && !segments[parentParameter - 1].StartsWith("{", StringComparison.Ordinal))
        {
            name.Append("For").Append(Naming.Pascal(Naming.Singular(segments[parentParameter - 1])));
        }

        return name.ToString();
    }

    /// <summary>The verb a method gives a name: GET of an item (a path ending in a parameter) Get, of a collection List; POST Create; PUT and PATCH
    /// Update; DELETE Delete.</summary>
    private static string MethodVerb(string httpMethod, bool item) => httpMethod switch
    {
        "GET" => item ? "Get" : "List",
        "POST" => "Create",
        "PUT" or "PATCH" => "Update",
        "DELETE" => "Delete",
        _ => Naming.Pascal(httpMethod.ToLowerInvariant()),
    };

    /// <summary>
    /// Names from the whole path, for when shorter names collide: the method's verb and every literal segment
    /// (<c>GET /audio/logs/boots/{id}/follow</c> is <c>GetAudioLogsBootsFollow</c>), then with the last
    /// parameter (<c>...ByApplication</c>), then with the HTTP method itself as the verb (PATCH beside PUT).
    /// </summary>
    internal static IEnumerable<string> ByWholePath(string method, string path)
    {
        var segments = path.Split(new[] { '/' }, StringSplitOptions.RemoveEmptyEntries);
        var verb = MethodVerb(method, segments.Length > 0 && segments[segments.Length - 1].StartsWith("{", StringComparison.Ordinal));
        var literal = string.Concat(segments.Where(s => !s.StartsWith("{", StringComparison.Ordinal)).Select(s => Naming.Pascal(s.Split('.')[0])));
        var parameter = segments.LastOrDefault(s => s.StartsWith("{", StringComparison.Ordinal));
        var by = parameter is null ? string.Empty : "By" + Naming.Pascal(parameter.Substring(1, Math.Max(0, parameter.IndexOf('}') - 1)));
        var httpVerb = Naming.Pascal(method.ToLowerInvariant());
        return new[] { verb + literal, verb + literal + by, httpVerb + literal, httpVerb + literal + by };
    }

    private static readonly string[] s_crudVerbs = { "Get", "List", "Create", "Update", "Delete", "Show", "Fetch", "Retrieve", "Read", "Find", "Post", "Put",
        "Patch", "Edit", "Add", "Remove" };

    /// <summary>True when a name starts with a verb the HTTP method already says.</summary>
    private static bool IsCrudVerb(string baseName) =>
        s_crudVerbs.Any(v => baseName.StartsWith(v, StringComparison.Ordinal) && (baseName.Length == v.Length || char.IsUpper(baseName[v.Length])));

    private static string WithoutSuffix(string segment)
    {
        var dot = segment.IndexOf('.', segment.StartsWith("{", StringComparison.Ordinal) ? Math.Max(0, segment.IndexOf('}')) : 0);
        return dot > 0 ? segment.Substring(0, dot) : segment;
    }

    private static string Key(string words) => new string(words.Where(char.IsLetterOrDigit).Select(char.ToLowerInvariant).ToArray());
}
