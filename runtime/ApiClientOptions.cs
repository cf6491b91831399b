using System;

namespace Engage.Codegen.Runtime;

/// <summary>Options shared by every generated client: credentials, API root and timeout.</summary>
public abstract class ApiClientOptions
{
    /// <summary>Creates options whose <see cref="BaseAddress"/> is the API root the docs give.</summary>
    protected ApiClientOptions(Uri? defaultBaseAddress)
    {
        BaseAddress = defaultBaseAddress;
    }

    /// <summary>The API key, sent as the Basic auth user name. Required.</summary>
    public string? ApiKey { get; set; }

    /// <summary>
    /// The API secret, sent as the Basic auth password. Leave it null or empty to call only the
    /// operations the docs mark as working with the key alone.
    /// </summary>
    public string? ApiSecret { get; set; }

    /// <summary>The API root, for example <c>https://api.engage.so/v1</c>. HTTPS unless it is a loopback address.</summary>
    public Uri? BaseAddress { get; set; }

    /// <summary>How long one HTTP request may take before it fails with <see cref="TimeoutException"/>. Default 100 seconds.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(100);

    /// <summary>Whether a secret is configured.</summary>
    public bool HasSecret => !string.IsNullOrEmpty(ApiSecret);

    /// <summary>Checks the options and throws <see cref="ArgumentException"/> naming what is wrong.</summary>
    public virtual void Validate()
    {
        if (string.IsNullOrWhiteSpace(ApiKey))
        {
            throw new ArgumentException($"{GetType().Name}.{nameof(ApiKey)} is required.", nameof(ApiKey));
        }

        ApiHeaders.EnsureNoLineBreaks(ApiKey!, nameof(ApiKey));
        if (ApiSecret is not null)
        {
            ApiHeaders.EnsureNoLineBreaks(ApiSecret, nameof(ApiSecret));
        }

        if (BaseAddress is null || !BaseAddress.IsAbsoluteUri)
        {
            throw new ArgumentException($"{GetType().Name}.{nameof(BaseAddress)} must be an absolute URI.", nameof(BaseAddress));
        }

        if (BaseAddress.Scheme != Uri.UriSchemeHttps && !(BaseAddress.Scheme == Uri.UriSchemeHttp && BaseAddress.IsLoopback))
        {
            throw new ArgumentException(
                $"{GetType().Name}.{nameof(BaseAddress)} must use HTTPS; plain HTTP is allowed only for loopback addresses (got {ApiUris.WithoutCredentials(BaseAddress)}).",
                nameof(BaseAddress));
        }

        if (Timeout <= TimeSpan.Zero && Timeout != System.Threading.Timeout.InfiniteTimeSpan)
        {
            throw new ArgumentException($"{GetType().Name}.{nameof(Timeout)} must be positive.", nameof(Timeout));
        }
    }

    /// <summary>Describes the options without revealing the key or the secret.</summary>
    public override string ToString() =>
        $"{GetType().Name} {{ BaseAddress = {(BaseAddress is null ? "(none)" : ApiUris.WithoutCredentials(BaseAddress))}, " +
        $"ApiKey = {(string.IsNullOrEmpty(ApiKey) ? "(none)" : "***")}, ApiSecret = {(HasSecret ? "***" : "(none)")}, Timeout = {Timeout} }}";
}
