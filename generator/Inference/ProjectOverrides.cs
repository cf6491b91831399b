using System;
using System.Collections.Generic;
using System.Linq;
using Engage.Codegen.Model;

namespace Engage.Codegen.Inference;

/// <summary>
/// The user's last word, from the project file, where inference read the docs wrong:
/// <c>ApiBaseAddress</c> (the base address), <c>ApiAuth</c> (the scheme with its credential names, in the
/// training set's words: <c>basic username password</c>, <c>header X-Api-Key</c>, <c>header Authorization
/// prefix Bearer</c>, <c>query api_key</c>, <c>headers X-User-Id X-Auth-Token</c>), <c>ApiPaging</c>
/// (<c>style [path pattern]</c> entries separated by <c>;</c>, the first that matches a list deciding:
/// <c>none /events; offset /search/**; page</c>) and <c>ApiExclude</c> (<c>METHOD pattern</c> entries:
/// <c>DELETE /admin/**; * /internal/*</c>). A value it cannot read is reported (ENG019) and ignored.
/// In a pattern, <c>*</c> is one segment, <c>**</c> any number, and <c>{}</c> (or any <c>{name}</c>) a parameter.
/// </summary>
internal sealed class ProjectOverrides
{
    public const string BaseAddressProperty = "ApiBaseAddress";
    public const string AuthProperty = "ApiAuth";
    public const string PagingProperty = "ApiPaging";
    public const string ExcludeProperty = "ApiExclude";

    private readonly List<(PagingStyle? Style, string[] Pattern)> _paging = new();
    private readonly List<(string Method, string[] Pattern)> _excluded = new();

    private ProjectOverrides()
    {
    }

    public string? BaseAddress { get; private set; }

    public CredentialSpec? Credentials { get; private set; }

    /// <summary>Reads the four properties; each one it cannot read becomes an ENG019 warning.</summary>
    public static ProjectOverrides Read(GeneratorSettings settings, List<DiagnosticInfo> diagnostics)
    {
        var overrides = new ProjectOverrides();
        void Reject(string property, string value, string why) =>
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.OverrideNotUnderstood, null, property, value, why));

        if (settings.BaseAddress is { } address)
        {
            if (Uri.TryCreate(address, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp))
            {
                overrides.BaseAddress = address.TrimEnd('/');
            }
            else
            {
                Reject(BaseAddressProperty, address, "an absolute http or https address is expected");
            }
        }

        if (settings.Auth is { } auth)
        {
            overrides.Credentials = ReadAuth(auth);
            if (overrides.Credentials is null)
            {
                Reject(AuthProperty, auth, "expected 'basic [user-name] [password-name]', 'header <Name> [prefix <Prefix>]', 'query " +
                    "<parameter>' or 'headers <IdHeader> <TokenHeader>'");
            }
        }

        foreach (var entry in Entries(settings.Paging))
        {
            var words = Words(entry);
            var styleWord = words[0].ToLowerInvariant();
            if (words.Length > 2 || styleWord is not ("page" or "offset" or "none"))
            {
                Reject(PagingProperty, entry, "expected 'page', 'offset' or 'none', then an optional path pattern");
                continue;
            }

            PagingStyle? style = styleWord == "page" ? PagingStyle.PageNumber : styleWord == "offset" ? PagingStyle.Offset : null;
            overrides._paging.Add((style, words.Length > 1 ? ApiBuilder.Segments(words[1]) : new[] { "**" }));
        }

        foreach (var entry in Entries(settings.Exclude))
        {
            var words = Words(entry);
            if (words.Length != 2 || !(words[0] == "*" || (Parsing.HttpMethods.TryRead(words[0], out _, out var corrected) && !corrected))
                || !words[1].StartsWith("/", StringComparison.Ordinal))
            {
                Reject(ExcludeProperty, entry, "expected a method (or *) and a path pattern starting with /");
                continue;
            }

            overrides._excluded.Add((words[0].ToUpperInvariant(), ApiBuilder.Segments(words[1])));
        }

        return overrides;
    }

    /// <summary>Whether the project leaves this operation out (its path as the docs write it, or below the base address).</summary>
    public bool Excludes(string method, string docsPath, string path)
    {
        if (_excluded.Count == 0)
        {
            return false;
        }

        var (asWritten, below) = (ApiBuilder.Segments(docsPath), ApiBuilder.Segments(path));
        return _excluded.Any(e => (e.Method == "*" || e.Method == method) && (Matches(e.Pattern, asWritten) || Matches(e.Pattern, below)));
    }

    /// <summary>
    /// The project's paging for a GET list: <c>(true, style)</c> when an entry matches (a null style: not paged),
    /// <c>(false, null)</c> when none does and the docs decide.
    /// </summary>
    public (bool Decided, PagingStyle? Style) PagingFor(string docsPath, string path)
    {
        if (_paging.Count == 0)
        {
            return (false, null);
        }

        var (asWritten, below) = (ApiBuilder.Segments(docsPath), ApiBuilder.Segments(path));
        foreach (var (style, pattern) in _paging)
        {
            if (Matches(pattern, asWritten) || Matches(pattern, below))
            {
                return (true, style);
            }
        }

        return (false, null);
    }

    private static CredentialSpec? ReadAuth(string value)
    {
        var words = Words(value);
        switch (words[0].ToLowerInvariant())
        {
            case "basic" when words.Length <= 3:
                return new CredentialSpec(
                    CredentialLocation.Basic,
                    words.Length > 1 ? Naming.Pascal(words[1]) : "ApiKey",
                    words.Length > 2 && words[2] != "-" ? Naming.Pascal(words[2]) : "ApiSecret",
                    null, null, null, 0, null);
            case "header" when words.Length == 2 || (words.Length == 4 && words[2].Equals("prefix", StringComparison.OrdinalIgnoreCase)):
                var header = words[1].Equals("authorization", StringComparison.OrdinalIgnoreCase) ? "Authorization" : words[1];
                return new CredentialSpec(CredentialLocation.Header, Parsing.AuthReader.HeaderCredentialName(header), null, header, words.Length == 4 ? words[3]
                    + " " : null, null, 0, null);
            case "query" when words.Length == 2:
                return new CredentialSpec(CredentialLocation.Query, words[1].IndexOf("token", StringComparison.OrdinalIgnoreCase) >= 0 ? "AccessToken"
                    : "ApiKey", null, null, null, words[1], 0, null);
            case "headers" when words.Length == 3:
                return new CredentialSpec(CredentialLocation.Headers, Parsing.AuthReader.HeaderCredentialName(words[1]),
                    Parsing.AuthReader.HeaderCredentialName(words[2]), words[1], null, null, 0, null, words[2]);
            default:
                return null;
        }
    }

    private static IEnumerable<string> Entries(string? value) =>
        value is null ? Enumerable.Empty<string>() : value.Split(';').Select(e => e.Trim()).Where(e => e.Length > 0);

    private static string[] Words(string value) => value.Split(new[] { ' ', '\t', '\r', '\n' }, StringSplitOptions.RemoveEmptyEntries);

    /// <summary>A pattern's segments against a path's: <c>*</c> one segment, <c>**</c> any number, <c>{...}</c> a parameter, else the same text (case
    /// aside).</summary>
    private static bool Matches(string[] pattern, string[] path, int p = 0, int s = 0)
    {
        if (p == pattern.Length)
        {
            return s == path.Length;
        }

        if (pattern[p] == "**")
        {
            for (var rest = s; rest <= path.Length; rest++)
            {
                if (Matches(pattern, path, p + 1, rest))
                {
                    return true;
                }
            }

            return false;
        }

        if (s == path.Length)
        {
            return false;
        }

        var parameter = pattern[p].StartsWith("{", StringComparison.Ordinal) && path[s].IndexOf('{') >= 0;
        return (pattern[p] == "*" || parameter || string.Equals(pattern[p], path[s], StringComparison.OrdinalIgnoreCase))
            && Matches(pattern, path, p + 1, s + 1);
    }
}
