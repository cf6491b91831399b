using System;
using System.Text.RegularExpressions;
using Engage.Codegen.Model;

namespace Engage.Codegen.Parsing;

/// <summary>
/// Reads how an API authenticates from its introduction's prose and samples, with the docs' names:
/// a header sample (<c>Authorization: Bearer &lt;token&gt;</c>, <c>Authorization: token {ACCESS_TOKEN}</c>,
/// <c>Authorization: meowmeowmeow</c>, <c>X-Api-Key: ...</c>) is strongest, then a key in a query string
/// (<c>?api_key=</c>), then HTTP Basic (<c>curl -u user:pass</c>, "HTTP Basic ... API key as username
/// and API secret as password", "email and API key", "consumer key and consumer secret"), then a
/// mention of OAuth or bearer tokens alone. Strongest of all: two headers shown together, one naming the
/// caller (<c>X-User-Id</c>) and one holding the credential (<c>X-Auth-Token</c>).
/// </summary>
internal static class AuthReader
{
    private static readonly Regex s_nonLetters = new("[^a-z]", RegexOptions.CultureInvariant, Patterns.Timeout);
    private static readonly Regex s_saysKeyAndSecret = new(@"\bapi\s+key\s+as\s+(?:the\s+)?user\s*name\b|\bkey\s+and\s+(?:the\s+)?secret\b|\bapi\s+secret\b",
        RegexOptions.CultureInvariant, Patterns.Timeout);
    private static readonly Regex s_saysEmailAndKey = new(@"\bemail(?:\s+address)?\s+(?:and|:|as\s+(?:the\s+)?user\s*name)|\bemail\b.*\bapi\s+(?:key|token)\b",
        RegexOptions.CultureInvariant, Patterns.Timeout);
    private static readonly Regex s_saysUserAndPassword = new(@"\buser(?:name)?\b|\blogin\b|\bpass(?:word)?\b", RegexOptions.CultureInvariant,
        Patterns.Timeout);

    private const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant;

    private static readonly Regex s_header = new(
        @"(?<![\w-])(?<name>Authorization|X-[\w-]*(?:key|token|auth)[\w-]*|Api-?Key|Private-Token|" +
            @"Access-Token)\s*:\s*(?<prefix>Bearer\s+|token\s+)?(?<value>[^\s""'`]+)",
        Options, Patterns.Timeout);

    // Both in a header's place: after curl's -H or --header, or at the head of a line of a request sample.

    /// <summary>A header that names who is calling, sent beside a token: <c>X-User-Id</c>, <c>X-Parse-Application-Id</c>, <c>Harvest-Account-Id</c>.</summary>
    private static readonly Regex s_idHeader = new(
        @"(?:(?:-H|--header)\s+[""']?|^[ \t]*)(?<name>(?:X-)?(?:[\w]+-)*?(?:User|Application|App|Account|" +
            @"Client|Customer|Tenant|Org(?:anization)?)-?Id)\s*:\s*[^\s""'`]",
        Options | RegexOptions.Multiline, Patterns.Timeout);

    /// <summary>A header whose name says it holds a credential: <c>X-Auth-Token</c>, <c>X-Parse-REST-API-Key</c>.</summary>
    private static readonly Regex s_credentialHeader = new(
        @"(?:(?:-H|--header)\s+[""']?|^[ \t]*)(?<name>Authorization|(?:X-)?[\w-]*(?:key|token|secret)[\w-]*)\s*:\s*(?<prefix>Bearer\s+|token\s+)?[^\s""'`]",
        Options | RegexOptions.Multiline, Patterns.Timeout);

    private static readonly Regex s_query = new(@"[?&](?<name>api_?key|apikey|key|token|access_token|auth_token|api_token)=", Options, Patterns.Timeout);

    private static readonly Regex s_queryProse = new(@"`(?<name>api_?key|apikey|token|access_token|auth_token|api_token)`\s+(?:query\s+)?(?:parameter|param)\b",
        Options, Patterns.Timeout);

    private static readonly Regex s_curlUser = new(@"\bcurl\b[^\n]*?\s-u\s+[""']?(?<user>[^:""'\s]+)(?::(?<password>[^""'\s]+))?", Options, Patterns.Timeout);

    private static readonly Regex s_basicProse = new(@"\b(?:HTTP\s+)?basic\s+auth(?:entication)?\b", Options, Patterns.Timeout);

    private static readonly Regex s_bearerProse = new(@"\bbearer\s+tokens?\b|\boauth\s*2(?:\.0)?\b|\bpersonal\s+access\s+tokens?\b|\baccess\s+tokens?\b",
        Options, Patterns.Timeout);

    /// <summary>The scheme one piece of text (a paragraph or a code block) shows, or null.</summary>
    public static CredentialSpec? Read(string text, LocationInfo location)
    {
        // Cheap tests before each pattern, without a copy in lower case of every paragraph and code block.
        bool Has(string word) => text.IndexOf(word, StringComparison.OrdinalIgnoreCase) >= 0;

        // Two headers sent together, an id and a credential (-H "X-User-Id: ..." -H "X-Auth-Token: ..."): strongest.
        // Header names have hyphens ("X-User-Id"); "ClientId:" at the head of a line is a field of code.
        if (HasIdColon(text) && s_idHeader.Match(text) is { Success: true } id && id.Groups["name"].Value.IndexOf('-') > 0 &&
            s_credentialHeader.Match(text) is { Success: true } credential &&
            (credential.Groups["name"].Value.IndexOf('-') > 0 || credential.Groups["name"].Value.Equals("Authorization", StringComparison.OrdinalIgnoreCase)) &&
            !credential.Groups["name"].Value.Equals(id.Groups["name"].Value, StringComparison.OrdinalIgnoreCase))
        {
            var prefix = Prefix(credential.Groups["prefix"]);
            var idHeader = id.Groups["name"].Value;
            var credentialHeader = CanonicalHeader(credential.Groups["name"].Value);
            return new CredentialSpec(CredentialLocation.Headers, HeaderCredentialName(idHeader), HeaderCredentialName(credentialHeader), idHeader, prefix,
                null, 5, location, credentialHeader);
        }

        // Each header name the pattern knows holds "auth", "key" or "token".
        var header = text.IndexOf(':') >= 0 && (Has("key") || Has("token") || Has("auth")) ? s_header.Match(text) : Match.Empty;
        if (header.Success && !header.Groups["value"].Value.Equals("Basic", StringComparison.OrdinalIgnoreCase) && !IsProseColon(header))
        {
            var name = header.Groups["name"].Value;
            var prefix = Prefix(header.Groups["prefix"]);
            var placeholder = s_nonLetters.Replace(header.Groups["value"].Value.ToLowerInvariant(), string.Empty);
            var keyName = prefix == "Bearer " || Has("access token") || placeholder.Contains("accesstoken") ? "AccessToken"
                : prefix.Length > 0 || name.IndexOf("token", StringComparison.OrdinalIgnoreCase) >= 0 ? "Token"
                : "ApiKey";
            return new CredentialSpec(CredentialLocation.Header, keyName, null, CanonicalHeader(name), prefix, null, 4, location);
        }

        var query = text.IndexOf('=') >= 0 ? s_query.Match(text) : Match.Empty;
        if (!query.Success && Has("param"))
        {
            query = s_queryProse.Match(text);
        }

        if (query.Success)
        {
            var name = query.Groups["name"].Value;
            return new CredentialSpec(CredentialLocation.Query, name.IndexOf("token", StringComparison.OrdinalIgnoreCase) >= 0 ? "AccessToken" : "ApiKey", null,
                null, null, name, 3, location);
        }

        var curl = Has("curl") ? s_curlUser.Match(text) : Match.Empty;
        if (curl.Success)
        {
            var (key, secret) = BasicNames(curl.Groups["user"].Value + " " + curl.Groups["password"].Value);
            return new CredentialSpec(CredentialLocation.Basic, key, secret, null, null, null, 2, location);
        }

        if (Has("basic") && s_basicProse.IsMatch(text))
        {
            var (key, secret) = BasicNames(text);
            return new CredentialSpec(CredentialLocation.Basic, key, secret, null, null, null, 2, location);
        }

        if ((Has("token") || Has("oauth")) && s_bearerProse.IsMatch(text))
        {
            return new CredentialSpec(CredentialLocation.Header, "AccessToken", null, "Authorization", "Bearer ", null, 1, location);
        }

        return null;
    }

    /// <summary>
    /// Whether "id" (any case) stands before a colon, spaces between, as in an id header (<c>X-User-Id: ...</c>). A JSON
    /// example's <c>"id": 1</c> has a quote between: most examples skip the id-header pattern.
    /// </summary>
    private static bool HasIdColon(string text)
    {
        for (var at = text.IndexOf("id", StringComparison.OrdinalIgnoreCase); at >= 0; at = text.IndexOf("id", at + 2, StringComparison.OrdinalIgnoreCase))
        {
            var next = at + 2;
            while (next < text.Length && char.IsWhiteSpace(text[next]))
            {
                next++;
            }

            if (next < text.Length && text[next] == ':')
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The docs' names for the two parts of Basic credentials.</summary>
    private static (string Key, string Secret) BasicNames(string text)
    {
        var lower = text.ToLowerInvariant();
        if (lower.Contains("consumer key") || lower.Contains("consumer_key"))
        {
            return ("ConsumerKey", "ConsumerSecret");
        }

        if (s_saysKeyAndSecret.IsMatch(lower))
        {
            return ("ApiKey", "ApiSecret");
        }

        if (s_saysEmailAndKey.IsMatch(lower))
        {
            return ("Email", "ApiKey");
        }

        if (s_saysUserAndPassword.IsMatch(lower))
        {
            return ("Username", "Password");
        }

        return ("ApiKey", "ApiSecret");
    }

    // "Authorization: the header that ..." in a sentence is prose, not a sample: a sample's value has no trailing prose colon.
    private static bool IsProseColon(Match header) => header.Groups["value"].Value.EndsWith(":", StringComparison.Ordinal);

    /// <summary>A credential's name from its header: <c>X-User-Id</c> is <c>UserId</c>, <c>Authorization</c> with a token <c>AccessToken</c>.</summary>
    internal static string HeaderCredentialName(string header)
    {
        if (header.Equals("Authorization", StringComparison.OrdinalIgnoreCase))
        {
            return "AccessToken";
        }

        var words = header.Split(new[] { '-', '_' }, StringSplitOptions.RemoveEmptyEntries);
        var start = words.Length > 1 && words[0].Equals("X", StringComparison.OrdinalIgnoreCase) ? 1 : 0;
        var name = new System.Text.StringBuilder();
        for (var i = start; i < words.Length; i++)
        {
            var word = words[i];
            name.Append(char.ToUpperInvariant(word[0])).Append(word.Length > 1 && word.ToUpperInvariant() == word ? word.Substring(1).ToLowerInvariant()
                : word.Substring(1));
        }

        return name.Length > 0 ? name.ToString() : "ApiKey";
    }

    /// <summary>The prefix a header sample shows before the credential, as sent: "Bearer ", "token " or nothing.</summary>
    private static string Prefix(Group prefix) =>
        !prefix.Success ? string.Empty : prefix.Value.Trim().ToLowerInvariant() == "bearer" ? "Bearer " : "token ";

    private static string CanonicalHeader(string name) =>
        name.Equals("authorization", StringComparison.OrdinalIgnoreCase) ? "Authorization" : name;
}
