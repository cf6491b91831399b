using Engage.Codegen.Model;
using Engage.Codegen.Surface;
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
    /// <summary>Adds the schemes the API uses (named by <see cref="SecuritySchemes"/>) to the document's components, described.</summary>
    internal static void AddSchemes(ApiSpec api, OpenApiDocument document)
    {
        var schemes = document.Components!.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>(StringComparer.Ordinal);
        var auth = api.Auth;
        foreach (var (name, _) in SecuritySchemes.Of(api))
        {
            schemes[name] = name switch
            {
                SecuritySchemes.Basic when auth.Location == CredentialLocation.Basic => new OpenApiSecurityScheme
                {
                    Type = SecuritySchemeType.Http,
                    Scheme = "basic",
                    Description = $"HTTP Basic: the {Spoken(auth.KeyName)} as the user name and the {Spoken(auth.SecretName ?? "secret")} as the password. " +
                        "Operations marked x-engage-key-only take the key alone (an empty password).",
                },
                SecuritySchemes.Basic => new OpenApiSecurityScheme
                {
                    Type = SecuritySchemeType.Http,
                    Scheme = "basic",
                    Description = "HTTP Basic with a user name and password, where the docs say an operation takes them.",
                },
                SecuritySchemes.Bearer => new OpenApiSecurityScheme { Type = SecuritySchemeType.Http, Scheme = "bearer", Description = $"The {Spoken(auth.KeyName)} as a bearer token." },
                SecuritySchemes.Key when auth.Location == CredentialLocation.Query => new OpenApiSecurityScheme
                {
                    Type = SecuritySchemeType.ApiKey,
                    In = ParameterLocation.Query,
                    Name = SecuritySchemes.QueryParameter(auth),
                    Description = $"The {Spoken(auth.KeyName)} in the query.",
                },
                SecuritySchemes.Key when auth.Location == CredentialLocation.Headers => new OpenApiSecurityScheme
                {
                    Type = SecuritySchemeType.ApiKey,
                    In = ParameterLocation.Header,
                    Name = SecuritySchemes.IdHeader(auth),
                    Description = $"The {Spoken(auth.KeyName)}, sent with the {auth.SecretHeaderName} header.",
                },
                SecuritySchemes.Key => new OpenApiSecurityScheme
                {
                    Type = SecuritySchemeType.ApiKey,
                    In = ParameterLocation.Header,
                    Name = SecuritySchemes.KeyHeader(auth),
                    Description = string.IsNullOrEmpty(auth.Prefix)
                        ? $"The {Spoken(auth.KeyName)} in the {auth.HeaderName} header."
                        : $"The {Spoken(auth.KeyName)} in the {auth.HeaderName} header after the prefix '{auth.Prefix}' (\"{auth.Prefix}<{auth.KeyName}>\").",
                },
                _ => new OpenApiSecurityScheme
                {
                    Type = SecuritySchemeType.ApiKey,
                    In = ParameterLocation.Header,
                    Name = SecuritySchemes.SecretHeader(auth),
                    Description = $"The {Spoken(auth.SecretName ?? "secret")}, sent with the {auth.HeaderName} header.",
                },
            };
        }
    }

    /// <summary>What one operation requires: none for an anonymous one, else its scheme (both headers together for a two-header scheme).</summary>
    internal static List<OpenApiSecurityRequirement> For(ApiSpec api, OperationSpec operation, OpenApiDocument document)
    {
        var names = SecuritySchemes.Required(api, operation);
        if (names.Count == 0)
        {
            return new List<OpenApiSecurityRequirement>();
        }

        var requirement = new OpenApiSecurityRequirement();
        foreach (var name in names)
        {
            requirement[new OpenApiSecuritySchemeReference(name, document)] = new List<string>();
        }

        return new List<OpenApiSecurityRequirement> { requirement };
    }

    /// <summary>"AccessToken" as prose: "access token".</summary>
    private static string Spoken(string name) => Engage.Codegen.Emit.Emitter.Spoken(name);
}
