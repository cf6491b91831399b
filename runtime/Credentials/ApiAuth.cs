namespace Engage.Codegen.Runtime;

/// <summary>The credentials an operation needs, as its documentation states.</summary>
public enum ApiAuth
{
    /// <summary>The API key alone (the docs say "works with username authentication").</summary>
    Key = 1,

    /// <summary>The API key and the API secret.</summary>
    KeyAndSecret = 2,

    /// <summary>The one credential of a header or query scheme (a token or key), as the docs describe it.</summary>
    Token = 3,

    /// <summary>No credentials: the docs say the operation needs no authentication.</summary>
    None = 4,

    /// <summary>
    /// HTTP Basic with <see cref="ApiClientOptions.BasicUsername"/> and <see cref="ApiClientOptions.BasicPassword"/>:
    /// the docs say this operation takes a user name and password (to obtain tokens, say) while the
    /// client's other operations take its token or key.
    /// </summary>
    Basic = 5,
}
