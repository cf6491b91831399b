using Engage.Codegen.Model;
using Microsoft.OpenApi;

namespace Engage.Codegen.Inspect.OpenApi;

/// <summary>
/// The API's auth as OpenAPI security schemes, with each operation's requirement: HTTP Basic (the key and secret as
/// user name and password; operations that take the key alone say so), HTTP bearer (<c>Authorization: Bearer</c>,
/// also where a token provider supplies it), an API key in a named header or query parameter, a token with another
/// prefix as an API key on <c>Authorization</c> whose description gives the prefix, and two headers sent together as
/// two API-key schemes required together. An operation the docs call anonymous requires nothing.
/// </summary>
public static class OpenApiSecurity
{
    public const string Basic = "basic";
    public const string Bearer = "bearer";
    public const string Key = "apiKey";
    public const string Secret = "apiSecret";

    /// <summary>Adds the schemes the API uses to the document's components.</summary>
    internal static void AddSchemes(ApiSpec api, OpenApiDocument document)
    {
        var schemes = document.Components!.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>(StringComparer.Ordinal);
        var auth = api.Auth;
        switch (auth.Location)
        {
            case CredentialLocation.Basic:
                schemes[Basic] = new OpenApiSecurityScheme
                {
                    Type = SecuritySchemeType.Http,
                    Scheme = "basic",
                    Description = $"HTTP Basic: the {Spoken(auth.KeyName)} as the user name and the {Spoken(auth.SecretName ?? "secret")} as the password. " +
                        "Operations marked x-engage-key-only take the key alone (an empty password).",
                };
                break;
            case CredentialLocation.Header when IsBearer(auth):
                schemes[Bearer] = new OpenApiSecurityScheme { Type = SecuritySchemeType.Http, Scheme = "bearer", Description = $"The {Spoken(auth.KeyName)} as a bearer token." };
                break;
            case CredentialLocation.Header:
                schemes[Key] = new OpenApiSecurityScheme
                {
                    Type = SecuritySchemeType.ApiKey,
                    In = ParameterLocation.Header,
                    Name = auth.HeaderName ?? "Authorization",
                    Description = string.IsNullOrEmpty(auth.Prefix)
                        ? $"The {Spoken(auth.KeyName)} in the {auth.HeaderName} header."
                        : $"The {Spoken(auth.KeyName)} in the {auth.HeaderName} header after the prefix '{auth.Prefix}' (\"{auth.Prefix}<{auth.KeyName}>\").",
                };
                break;
            case CredentialLocation.Query:
                schemes[Key] = new OpenApiSecurityScheme { Type = SecuritySchemeType.ApiKey, In = ParameterLocation.Query, Name = auth.ParameterName ?? "api_key", Description = $"The {Spoken(auth.KeyName)} in the query." };
                break;
            case CredentialLocation.Headers:
                schemes[Key] = new OpenApiSecurityScheme { Type = SecuritySchemeType.ApiKey, In = ParameterLocation.Header, Name = auth.HeaderName ?? "X-Id", Description = $"The {Spoken(auth.KeyName)}, sent with the {auth.SecretHeaderName} header." };
                schemes[Secret] = new OpenApiSecurityScheme
                {
                    Type = SecuritySchemeType.ApiKey,
                    In = ParameterLocation.Header,
                    Name = auth.SecretHeaderName ?? "X-Token",
                    Description = $"The {Spoken(auth.SecretName ?? "secret")}, sent with the {auth.HeaderName} header.",
                };
                break;
        }

        if (auth.Location != CredentialLocation.Basic && api.Resources.Any(r => r.Operations.Any(o => o.Auth == AuthKind.Basic)))
        {
            schemes[Basic] = new OpenApiSecurityScheme { Type = SecuritySchemeType.Http, Scheme = "basic", Description = "HTTP Basic with a user name and password, where the docs say an operation takes them." };
        }
    }

    /// <summary>What one operation requires: none for an anonymous one, else its scheme (both headers together for a two-header scheme).</summary>
    internal static List<OpenApiSecurityRequirement> For(ApiSpec api, OperationSpec operation, OpenApiDocument document)
    {
        if (operation.Auth == AuthKind.None)
        {
            return new List<OpenApiSecurityRequirement>();
        }

        var auth = api.Auth;
        var names = operation.Auth == AuthKind.Basic || auth.Location == CredentialLocation.Basic ? new[] { Basic }
            : auth.Location == CredentialLocation.Header && IsBearer(auth) ? new[] { Bearer }
            : auth.Location == CredentialLocation.Headers ? new[] { Key, Secret }
            : new[] { Key };
        var requirement = new OpenApiSecurityRequirement();
        foreach (var name in names)
        {
            requirement[new OpenApiSecuritySchemeReference(name, document)] = new List<string>();
        }

        return new List<OpenApiSecurityRequirement> { requirement };
    }

    private static bool IsBearer(CredentialSpec auth) =>
        string.Equals(auth.HeaderName, "Authorization", StringComparison.OrdinalIgnoreCase) && string.Equals(auth.Prefix?.Trim(), "Bearer", StringComparison.OrdinalIgnoreCase);

    /// <summary>"AccessToken" as prose: "access token".</summary>
    private static string Spoken(string name) => Engage.Codegen.Emit.Emitter.Spoken(name);
}
