using System;
using System.Collections.Generic;
using System.Linq;
using Engage.Codegen.Model;

namespace Engage.Codegen.Surface;

/// <summary>
/// Which OpenAPI security schemes an API's auth is, by name, and which of them each operation requires: decided
/// here once for the export (which describes them) and the surface check (which compares them). HTTP Basic; HTTP
/// bearer (<c>Authorization: Bearer</c>); an API key in a header (another prefix on <c>Authorization</c> included)
/// or the query; two headers sent together as two API keys required together; and HTTP Basic beside a token
/// scheme where the docs say an operation takes a user name and password.
/// </summary>
internal static class SecuritySchemes
{
    public const string Basic = "basic";
    public const string Bearer = "bearer";
    public const string Key = "apiKey";
    public const string Secret = "apiSecret";

    /// <summary>The schemes the API uses, each as its name and what a comparison reads of it (<c>apiKey header X-Key</c>).</summary>
    public static IReadOnlyList<(string Name, string Shape)> Of(ApiSpec api)
    {
        var auth = api.Auth;
        var schemes = new List<(string, string)>();
        switch (auth.Location)
        {
            case CredentialLocation.Basic:
                schemes.Add((Basic, "http basic"));
                break;
            case CredentialLocation.Header when IsBearer(auth):
                schemes.Add((Bearer, "http bearer"));
                break;
            case CredentialLocation.Header:
                schemes.Add((Key, "apiKey header " + KeyHeader(auth)));
                break;
            case CredentialLocation.Query:
                schemes.Add((Key, "apiKey query " + QueryParameter(auth)));
                break;
            case CredentialLocation.Headers:
                schemes.Add((Key, "apiKey header " + IdHeader(auth)));
                schemes.Add((Secret, "apiKey header " + SecretHeader(auth)));
                break;
        }

        if (auth.Location != CredentialLocation.Basic && api.Resources.Any(r => r.Operations.Any(o => o.Auth == AuthKind.Basic)))
        {
            schemes.Add((Basic, "http basic"));
        }

        return schemes;
    }

    /// <summary>The schemes one operation requires together: none for an anonymous one.</summary>
    public static IReadOnlyList<string> Required(ApiSpec api, OperationSpec operation)
    {
        if (operation.Auth == AuthKind.None)
        {
            return Array.Empty<string>();
        }

        var auth = api.Auth;
        return operation.Auth == AuthKind.Basic || auth.Location == CredentialLocation.Basic ? new[] { Basic }
            : auth.Location == CredentialLocation.Header && IsBearer(auth) ? new[] { Bearer }
            : auth.Location == CredentialLocation.Headers ? new[] { Key, Secret }
            : new[] { Key };
    }

    /// <summary><c>Authorization: Bearer &lt;token&gt;</c>: HTTP bearer rather than an API key with a prefix.</summary>
    public static bool IsBearer(CredentialSpec auth) =>
        string.Equals(auth.HeaderName, "Authorization", StringComparison.OrdinalIgnoreCase) &&
        string.Equals(auth.Prefix?.Trim(), "Bearer", StringComparison.OrdinalIgnoreCase);

    public static string KeyHeader(CredentialSpec auth) => auth.HeaderName ?? "Authorization";

    public static string QueryParameter(CredentialSpec auth) => auth.ParameterName ?? "api_key";

    public static string IdHeader(CredentialSpec auth) => auth.HeaderName ?? "X-Id";

    public static string SecretHeader(CredentialSpec auth) => auth.SecretHeaderName ?? "X-Token";
}
