using System;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Configuration;

namespace Engage.Codegen.Runtime;

/// <summary>Options shared by every generated client: credentials, API root and timeout.</summary>
public abstract class ApiClientOptions
{
    /// <summary>Creates options whose <see cref="BaseAddress"/> is the API root the docs give.</summary>
    protected ApiClientOptions(Uri? defaultBaseAddress)
    {
        BaseAddress = defaultBaseAddress;
    }

    /// <summary>
    /// The API key (or token, or user name: a generated options class also offers it under the docs'
    /// own name, such as <c>AccessToken</c> or <c>Username</c>). Required unless a <see cref="TokenProvider"/> gives it.
    /// </summary>
    public string? ApiKey { get; set; }

    /// <summary>
    /// The API secret (or password), sent as the Basic auth password. Leave it null or empty to call
    /// only the operations the docs mark as working with the key alone.
    /// </summary>
    public string? ApiSecret { get; set; }

    /// <summary>
    /// For a token in a header that expires (an OAuth access token): called for each attempt instead
    /// of reading <see cref="ApiKey"/>, and asked once more when the API answers 401 before the call fails.
    /// Cache the token inside it; it is not used with HTTP Basic.
    /// </summary>
    public Func<CancellationToken, ValueTask<string>>? TokenProvider { get; set; }

    /// <summary>
    /// The user name for the few operations whose docs ask for HTTP Basic authentication while the
    /// others take a token or key (<see cref="ApiAuth.Basic"/>, such as creating an access token).
    /// Needed only to call those operations; never logged or shown.
    /// </summary>
    public string? BasicUsername { get; set; }

    /// <summary>The password sent with <see cref="BasicUsername"/> to the operations marked <see cref="ApiAuth.Basic"/>.</summary>
    public string? BasicPassword { get; set; }

    /// <summary>How the credentials are sent, as the docs say; generated options override it.</summary>
    protected internal virtual ApiCredentialScheme CredentialScheme => ApiCredentialScheme.Default;

    /// <summary>
    /// The <c>User-Agent</c> sent with every request, naming your application. When null, requests
    /// name the generated client and the runtime version (<c>EngageClient Engage.Codegen.Runtime/1.2.0</c>)
    /// unless the HttpClient sets its own. Required when the API's docs ask every caller to identify
    /// their application (<see cref="RequiredUserAgentExample"/>).
    /// </summary>
    public string? UserAgent { get; set; }

    /// <summary>
    /// The docs' example of the <c>User-Agent</c> they require (such as <c>MyApp (you@example.com)</c>),
    /// or null when they require none; generated options override it. When set, <see cref="Validate"/>
    /// insists on <see cref="UserAgent"/>.
    /// </summary>
    protected internal virtual string? RequiredUserAgentExample => null;

    /// <summary>
    /// The media type requests ask for (<c>Accept</c>): <c>application/json</c>, or <c>application/xml</c> where the docs
    /// show their answers as XML; generated options override it. An XML answer is read by the members the docs' examples
    /// name, whatever was asked for.
    /// </summary>
    protected internal virtual string ResponseMediaType => "application/json";

    /// <summary>The API root, for example <c>https://api.engage.so/v1</c>. HTTPS unless it is a loopback address.</summary>
    public Uri? BaseAddress { get; set; }

    /// <summary>
    /// The API root requests go to: <see cref="BaseAddress"/>. Generated options for docs whose root holds
    /// an account id (<c>https://example.com/{AccountId}/api/v1</c>) override it to fill the docs' root
    /// from their <c>AccountId</c> option when <see cref="BaseAddress"/> is not set.
    /// </summary>
    /// <returns>The API root, or null when none is set.</returns>
    protected internal virtual Uri? ResolveBaseAddress() => BaseAddress;

    /// <summary>
    /// How long one attempt may take. An attempt that takes longer is retried when that is safe
    /// (see <see cref="Retry"/>); the call then fails with <see cref="TimeoutException"/>. Default 100 seconds.
    /// </summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(100);

    /// <summary>
    /// The clock for timeouts, retry delays, Retry-After dates and logged durations; the system clock by
    /// default. Tests set a fake (for example <c>FakeTimeProvider</c>) to drive retries without waiting.
    /// </summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>How transient failures are retried; <c>Retry.MaxRetries = 0</c> turns retrying off.</summary>
    public ApiRetryOptions Retry { get; set; } = new();

    /// <summary>
    /// Whether request and response bodies are logged (at Trace level). Off by default: bodies hold
    /// personal data. Credentials are never logged either way.
    /// </summary>
    public bool LogContent { get; set; }

    /// <summary>Whether a secret is configured.</summary>
    public bool HasSecret => !string.IsNullOrEmpty(ApiSecret);

    /// <summary>Checks the options and throws <see cref="ArgumentException"/> naming what is wrong.</summary>
    public virtual void Validate()
    {
        // Named in the docs' words: "HarborClientOptions.ApiKey is required", "DepotClientOptions.AccessToken is required".
        var scheme = CredentialScheme;
        var tokenFromProvider = TokenProvider is not null && scheme.Location == ApiCredentialLocation.Header;
        if (string.IsNullOrWhiteSpace(ApiKey) && !tokenFromProvider)
        {
            throw new ArgumentException(
                $"{GetType().Name}.{scheme.KeyName} is required{(scheme.Location == ApiCredentialLocation.Header ? $" (or set {nameof(TokenProvider)})" : string.Empty)}.",
                scheme.KeyName);
        }

        // Two headers go together: the second is as required as the first.
        if (scheme.Location == ApiCredentialLocation.Headers && string.IsNullOrWhiteSpace(ApiSecret))
        {
            throw new ArgumentException($"{GetType().Name}.{scheme.SecretName} is required (it is sent in the {scheme.SecretHeaderName} header with the {scheme.KeyName}).", scheme.SecretName);
        }

        if (ApiKey is not null)
        {
            ApiHeaders.EnsureNoLineBreaks(ApiKey, scheme.KeyName);
        }

        if (ApiSecret is not null)
        {
            ApiHeaders.EnsureNoLineBreaks(ApiSecret, scheme.SecretName ?? nameof(ApiSecret));
        }

        if (UserAgent is not null)
        {
            ApiHeaders.EnsureNoLineBreaks(UserAgent, nameof(UserAgent));
        }

        if (BasicUsername is not null)
        {
            ApiHeaders.EnsureNoLineBreaks(BasicUsername, nameof(BasicUsername));
            if (BasicUsername.IndexOf(':') >= 0)
            {
                throw new ArgumentException($"{GetType().Name}.{nameof(BasicUsername)} cannot contain ':' (HTTP Basic separates the user name from the password with it).", nameof(BasicUsername));
            }
        }

        if (BasicPassword is not null)
        {
            ApiHeaders.EnsureNoLineBreaks(BasicPassword, nameof(BasicPassword));
        }

        if (RequiredUserAgentExample is { } example && string.IsNullOrWhiteSpace(UserAgent))
        {
            throw new ArgumentException(
                $"{GetType().Name}.{nameof(UserAgent)} is required: the API's docs ask every caller to name their application in the User-Agent header" +
                (example.Length == 0 ? "." : $", for example \"{example}\"."),
                nameof(UserAgent));
        }

        var baseAddress = ResolveBaseAddress();
        if (baseAddress is null || !baseAddress.IsAbsoluteUri)
        {
            throw new ArgumentException($"{GetType().Name}.{nameof(BaseAddress)} must be an absolute URI.", nameof(BaseAddress));
        }

        if (baseAddress.Scheme != Uri.UriSchemeHttps && !(baseAddress.Scheme == Uri.UriSchemeHttp && baseAddress.IsLoopback))
        {
            throw new ArgumentException(
                $"{GetType().Name}.{nameof(BaseAddress)} must use HTTPS; plain HTTP is allowed only for loopback addresses (got {ApiUris.WithoutCredentials(baseAddress)}).",
                nameof(BaseAddress));
        }

        if (Timeout <= TimeSpan.Zero && Timeout != System.Threading.Timeout.InfiniteTimeSpan)
        {
            throw new ArgumentException($"{GetType().Name}.{nameof(Timeout)} must be positive.", nameof(Timeout));
        }

        if (TimeProvider is null)
        {
            throw new ArgumentException($"{GetType().Name}.{nameof(TimeProvider)} is required (TimeProvider.System is the default).", nameof(TimeProvider));
        }

        if (Retry is null)
        {
            throw new ArgumentException($"{GetType().Name}.{nameof(Retry)} is required (set MaxRetries = 0 to turn retrying off).", nameof(Retry));
        }

        Retry.Validate(GetType().Name);
    }

    /// <summary>
    /// Reads the options from configuration, for example the <c>Engage</c> section of appsettings.json:
    /// <c>ApiKey</c>, <c>ApiSecret</c>, <c>BaseAddress</c>, <c>UserAgent</c>, <c>Timeout</c>, <c>LogContent</c> and
    /// <c>Retry:MaxRetries</c>, <c>Retry:BaseDelay</c>, <c>Retry:MaxDelay</c>, <c>Retry:MaxTotalTime</c>,
    /// <c>Retry:UseJitter</c>. Keys that are absent leave the value as it is. Reflection-free, so it
    /// works trimmed and with Native AOT.
    /// </summary>
    /// <param name="configuration">The configuration section.</param>
    /// <exception cref="FormatException">A value cannot be read; the message names the key, never the value of a credential.</exception>
    public virtual void Bind(IConfiguration configuration)
    {
        if (configuration is null)
        {
            throw new ArgumentNullException(nameof(configuration));
        }

        // The docs' names ("AccessToken", "Username") as well as ApiKey and ApiSecret.
        var scheme = CredentialScheme;
        ApiKey = configuration[scheme.KeyName] ?? configuration[nameof(ApiKey)] ?? ApiKey;
        ApiSecret = (scheme.SecretName is null ? null : configuration[scheme.SecretName]) ?? configuration[nameof(ApiSecret)] ?? ApiSecret;
        if (configuration[nameof(BaseAddress)] is { } address)
        {
            BaseAddress = Uri.TryCreate(address, UriKind.Absolute, out var uri) ? uri : throw Unreadable(configuration, nameof(BaseAddress), "an absolute URI");
        }

        UserAgent = configuration[nameof(UserAgent)] ?? UserAgent;
        BasicUsername = configuration[nameof(BasicUsername)] ?? BasicUsername;
        BasicPassword = configuration[nameof(BasicPassword)] ?? BasicPassword;
        Timeout = ReadTimeSpan(configuration, nameof(Timeout)) ?? Timeout;
        if (configuration[nameof(LogContent)] is { } logContent)
        {
            LogContent = bool.TryParse(logContent, out var value) ? value : throw Unreadable(configuration, nameof(LogContent), "true or false");
        }

        var retry = configuration.GetSection(nameof(Retry));
        Retry ??= new ApiRetryOptions();
        if (retry[nameof(ApiRetryOptions.MaxRetries)] is { } maxRetries)
        {
            Retry.MaxRetries = int.TryParse(maxRetries, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)
                ? value
                : throw Unreadable(retry, nameof(ApiRetryOptions.MaxRetries), "a whole number");
        }

        Retry.BaseDelay = ReadTimeSpan(retry, nameof(ApiRetryOptions.BaseDelay)) ?? Retry.BaseDelay;
        Retry.MaxDelay = ReadTimeSpan(retry, nameof(ApiRetryOptions.MaxDelay)) ?? Retry.MaxDelay;
        Retry.MaxTotalTime = ReadTimeSpan(retry, nameof(ApiRetryOptions.MaxTotalTime)) ?? Retry.MaxTotalTime;
        if (retry[nameof(ApiRetryOptions.UseJitter)] is { } jitter)
        {
            Retry.UseJitter = bool.TryParse(jitter, out var value) ? value : throw Unreadable(retry, nameof(ApiRetryOptions.UseJitter), "true or false");
        }
    }

    private static TimeSpan? ReadTimeSpan(IConfiguration configuration, string key)
    {
        var text = configuration[key];
        if (text is null)
        {
            return null;
        }

        return TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var value) ? value : throw Unreadable(configuration, key, "a time span such as 00:00:30");
    }

    private static FormatException Unreadable(IConfiguration configuration, string key, string expected) =>
        new($"Configuration value {((configuration as IConfigurationSection)?.Path is { Length: > 0 } path ? path + ":" : string.Empty)}{key} must be {expected}.");

    /// <summary>Describes the options without revealing the key or the secret.</summary>
    public override string ToString()
    {
        var scheme = CredentialScheme;
        var credentials = scheme.Location == ApiCredentialLocation.Basic
            ? $"{scheme.KeyName} = {(string.IsNullOrEmpty(ApiKey) ? "(none)" : "***")}, {scheme.SecretName} = {(HasSecret ? "***" : "(none)")}"
            : scheme.Location == ApiCredentialLocation.Headers
                ? $"{scheme.KeyName} = {(string.IsNullOrEmpty(ApiKey) ? "(none)" : "***")}, {scheme.SecretName} = {(HasSecret ? "***" : "(none)")}, Auth = {scheme}"
                : $"{scheme.KeyName} = {(string.IsNullOrEmpty(ApiKey) ? (TokenProvider is null ? "(none)" : "(from TokenProvider)") : "***")}, Auth = {scheme}";
        var baseAddress = ResolveBaseAddress();
        return $"{GetType().Name} {{ BaseAddress = {(baseAddress is null ? "(none)" : ApiUris.WithoutCredentials(baseAddress))}, {credentials}{(BasicUsername is null && BasicPassword is null ? string.Empty : $", {nameof(BasicUsername)} = ***, {nameof(BasicPassword)} = {(string.IsNullOrEmpty(BasicPassword) ? "(none)" : "***")}")}{(UserAgent is null ? string.Empty : $", UserAgent = {UserAgent}")}, Timeout = {Timeout}, Retry = {Retry} }}";
    }
}
