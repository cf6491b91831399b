using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using Engage.Codegen.Model;

namespace Engage.Codegen.Inference;

/// <summary>
/// The API root: the one host every endpoint line names, the part of a documented root that differs
/// per account (an example account id, a placeholder), and the options that part becomes (AccountId).
/// </summary>
internal sealed partial class ApiBuilder
{
    private static readonly Regex s_accountPart = new(@"(?<=/)\d{4,}(?=/|$)|\{[^}/]+\}|(?<=/):[A-Za-z_]\w*|<[^>/]+>|\b(?:your|my)[-_.]?[a-z0-9-]*|\[[^\]/]+\]",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, Patterns.Timeout);

    /// <summary>
    /// The base address when no sentence gives it but every endpoint line is a full URL on one host:
    /// that scheme and host, with the leading path segments every endpoint shares.
    /// </summary>
    private static string? CommonOrigin(List<DocSpec> docs)
    {
        var endpoints = docs.SelectMany(d => d.Endpoints).ToList();
        if (endpoints.Count == 0 || endpoints.Any(e => e.Origin is null)
            || endpoints.Select(e => e.Origin).Distinct(StringComparer.OrdinalIgnoreCase).Count() != 1)
        {
            return null;
        }

        var shared = endpoints[0].PathTemplate.Split(new[] { '/' }, StringSplitOptions.RemoveEmptyEntries).TakeWhile(s => !s.Contains("{")).ToList();
        foreach (var endpoint in endpoints.Skip(1))
        {
            var segments = endpoint.PathTemplate.Split(new[] { '/' }, StringSplitOptions.RemoveEmptyEntries);
            var same = 0;
            while (same < shared.Count && same < segments.Length - 1 && string.Equals(shared[same], segments[same], StringComparison.Ordinal))
            {
                same++;
            }

            shared = shared.Take(same).ToList();
        }

        return endpoints[0].Origin!.TrimEnd('/') + (shared.Count > 0 ? "/" + string.Join("/", shared) : string.Empty);
    }

    /// <summary>The part of a base address that differs per account or server: an example account number or a placeholder.</summary>
    private static string? AccountSpecificPart(string apiRoot)
    {
        var match = s_accountPart.Match(apiRoot);
        return match.Success ? match.Value : null;
    }

    /// <summary>Names the options may not take: the options' own members and the credentials' names.</summary>
    private static readonly HashSet<string> s_optionMembers = new(StringComparer.Ordinal)
    {
        "ApiKey", "ApiSecret", "BaseAddress", "BaseAddressTemplate", "DefaultBaseAddress", "Timeout", "Retry", "UserAgent", "TokenProvider",
        "LogContent", "TimeProvider", "HasSecret", "CredentialScheme", "RequiredUserAgentExample", "Validate", "Bind", "ToString",
    };

    /// <summary>
    /// The root as a template with one option in the per-account part: an example number is the
    /// <c>AccountId</c>; a placeholder (<c>{subdomain}</c>, <c>:account_id</c>, <c>&lt;team&gt;</c>) is
    /// named after itself. Null for a root that only says "your server", or whose part cannot be an option.
    /// </summary>
    private static AccountRootSpec? AccountRoot(string apiRoot, string specific, CredentialSpec credentials)
    {
        string optionName;
        if (specific.All(char.IsDigit))
        {
            optionName = "AccountId";
        }
        else if (specific.Length > 2 && (specific[0] is '{' or '<' or '[' || specific[0] == ':'))
        {
            var inner = specific[0] == ':' ? specific.Substring(1) : specific.Substring(1, specific.Length - 2);
            optionName = Naming.Pascal(inner);
        }
        else
        {
            return null;
        }

        if (optionName.Length == 0 || !IsIdentifier(optionName) || s_optionMembers.Contains(optionName) ||
            optionName == credentials.KeyName || optionName == credentials.SecretName ||
            apiRoot.IndexOf(specific, StringComparison.Ordinal) != apiRoot.LastIndexOf(specific, StringComparison.Ordinal) ||
            AccountSpecificPart(apiRoot.Replace(specific, "x")) is not null)
        {
            return null;
        }

        var template = apiRoot.Replace(specific, "{" + optionName + "}");
        var example = specific.All(char.IsDigit) ? specific : string.Empty;
        return Uri.TryCreate(template.Replace("{" + optionName + "}", "x"), UriKind.Absolute, out _) ? new AccountRootSpec(template, optionName, example)
            : null;
    }

    private static bool IsIdentifier(string name) => char.IsLetter(name[0]) && name.All(c => char.IsLetterOrDigit(c) || c == '_');

    private static string RootPath(string? apiRoot)
    {
        if (apiRoot is null || !Uri.TryCreate(apiRoot, UriKind.Absolute, out var uri))
        {
            return string.Empty;
        }

        return uri.AbsolutePath.TrimEnd('/');
    }
}
