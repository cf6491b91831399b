using System;

namespace Engage.Codegen.Runtime;

/// <summary>Where a client's credentials go on each request.</summary>
public enum ApiCredentialLocation
{
    /// <summary>HTTP Basic: the key as the user name, the secret (or nothing) as the password.</summary>
    Basic = 0,

    /// <summary>A header: <c>Authorization: Bearer &lt;token&gt;</c>, <c>Authorization: token &lt;t&gt;</c>, <c>X-Api-Key: &lt;key&gt;</c>.</summary>
    Header = 1,

    /// <summary>A query parameter: <c>?api_key=&lt;key&gt;</c>. Never shown in logs, spans or exception messages.</summary>
    Query = 2,

    /// <summary>
    /// Two headers sent together: the key in one (an id: <c>X-User-Id</c>, <c>X-Application-Id</c>), the secret in
    /// another (a token: <c>X-Auth-Token</c>, after an optional prefix).
    /// </summary>
    Headers = 3,
}

/// <summary>
/// How a generated client authenticates, as its docs say, with the docs' own names for the parts
/// (<c>ApiKey</c>/<c>ApiSecret</c>, <c>Username</c>/<c>Password</c>, <c>AccessToken</c>). A generated
/// options class describes its API's scheme by overriding <see cref="ApiClientOptions.CredentialScheme"/>.
/// </summary>
public sealed class ApiCredentialScheme
{
    private ApiCredentialScheme(ApiCredentialLocation location, string keyName, string? secretName, string? headerName, string? prefix, string? parameterName, string? secretHeaderName = null)
    {
        SecretHeaderName = secretHeaderName;
        Location = location;
        KeyName = keyName;
        SecretName = secretName;
        HeaderName = headerName;
        Prefix = prefix;
        ParameterName = parameterName;
    }

    /// <summary>Engage's scheme: HTTP Basic with <c>ApiKey</c> and an optional <c>ApiSecret</c>.</summary>
    public static ApiCredentialScheme Default { get; } = Basic("ApiKey", "ApiSecret");

    /// <summary>Where the credentials go.</summary>
    public ApiCredentialLocation Location { get; }

    /// <summary>The docs' name for the key, token or user name: the options property that holds it.</summary>
    public string KeyName { get; }

    /// <summary>The docs' name for the secret or password (Basic only), or null.</summary>
    public string? SecretName { get; }

    /// <summary>The header the credential goes in (<see cref="ApiCredentialLocation.Header"/>).</summary>
    public string? HeaderName { get; }

    /// <summary>What precedes the credential in the header: <c>"Bearer "</c>, <c>"token "</c> or nothing (for two headers, the secret's).</summary>
    public string? Prefix { get; }

    /// <summary>The header the secret goes in (<see cref="ApiCredentialLocation.Headers"/>).</summary>
    public string? SecretHeaderName { get; }

    /// <summary>The query parameter the credential goes in (<see cref="ApiCredentialLocation.Query"/>).</summary>
    public string? ParameterName { get; }

    /// <summary>HTTP Basic with the docs' names for the two parts.</summary>
    public static ApiCredentialScheme Basic(string keyName, string secretName) =>
        new(ApiCredentialLocation.Basic, Name(keyName, nameof(keyName)), Name(secretName, nameof(secretName)), null, null, null);

    /// <summary>A credential in a header, after an optional prefix (<c>"Bearer "</c>).</summary>
    public static ApiCredentialScheme Header(string headerName, string prefix, string keyName)
    {
        ApiHeaders.EnsureNoLineBreaks(headerName ?? throw new ArgumentNullException(nameof(headerName)), nameof(headerName));
        return new(ApiCredentialLocation.Header, Name(keyName, nameof(keyName)), null, headerName, prefix ?? string.Empty, null);
    }

    /// <summary>Two headers sent together: the key (an id) in one, the secret (a token, after an optional prefix) in the other.</summary>
    public static ApiCredentialScheme Headers(string keyHeaderName, string keyName, string secretHeaderName, string secretPrefix, string secretName)
    {
        ApiHeaders.EnsureNoLineBreaks(keyHeaderName ?? throw new ArgumentNullException(nameof(keyHeaderName)), nameof(keyHeaderName));
        ApiHeaders.EnsureNoLineBreaks(secretHeaderName ?? throw new ArgumentNullException(nameof(secretHeaderName)), nameof(secretHeaderName));
        return new(ApiCredentialLocation.Headers, Name(keyName, nameof(keyName)), Name(secretName, nameof(secretName)), keyHeaderName, secretPrefix ?? string.Empty, null, secretHeaderName);
    }

    /// <summary>A credential in a query parameter.</summary>
    public static ApiCredentialScheme Query(string parameterName, string keyName) =>
        new(ApiCredentialLocation.Query, Name(keyName, nameof(keyName)), null, null, null, parameterName ?? throw new ArgumentNullException(nameof(parameterName)));

    /// <summary>Describes the scheme without any credential: <c>header Authorization: Bearer &lt;AccessToken&gt;</c>.</summary>
    public override string ToString() => Location switch
    {
        ApiCredentialLocation.Header => $"header {HeaderName}: {Prefix}<{KeyName}>",
        ApiCredentialLocation.Query => $"query {ParameterName}=<{KeyName}>",
        ApiCredentialLocation.Headers => $"headers {HeaderName}: <{KeyName}>, {SecretHeaderName}: {Prefix}<{SecretName}>",
        _ => $"Basic <{KeyName}>:<{SecretName}>",
    };

    private static string Name(string name, string parameter) =>
        string.IsNullOrWhiteSpace(name) ? throw new ArgumentException("A name is required.", parameter) : name;
}
