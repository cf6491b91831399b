using System;

namespace Engage.Codegen.Runtime;

/// <summary>
/// How a generated client retries transient failures (no connection, 408, 429, 502, 503, 504 and
/// attempt timeouts). Retries use Polly's exponential backoff with jitter and honour
/// <c>Retry-After</c>. Only requests that are safe to repeat are retried: GET, PUT and DELETE on any
/// transient failure; POST only when the server cannot have acted on it (no connection made; 429; 503).
/// </summary>
public sealed class ApiRetryOptions
{
    /// <summary>Retries after the first attempt; 0 turns retrying off. Default 3.</summary>
    public int MaxRetries { get; set; } = 3;

    /// <summary>The first backoff delay; later ones grow exponentially, with jitter. Default 1 second.</summary>
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// The longest wait before one retry, from backoff or from <c>Retry-After</c>. A server that asks
    /// for a longer wait gets no retry: the <see cref="ApiException"/> carries its
    /// <see cref="ApiException.RetryAfter"/> instead. Default 30 seconds.
    /// </summary>
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// The time budget of one call, attempts and waits together: no retry starts, and no wait is
    /// begun, that would end after it. Default 2 minutes.
    /// </summary>
    public TimeSpan MaxTotalTime { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Whether backoff delays are randomised (recommended, so clients do not retry in step). Default true.</summary>
    public bool UseJitter { get; set; } = true;

    internal void Validate(string owner)
    {
        if (MaxRetries < 0)
        {
            throw new ArgumentException($"{owner}.Retry.{nameof(MaxRetries)} must be 0 (off) or more.", nameof(MaxRetries));
        }

        if (BaseDelay < TimeSpan.Zero || BaseDelay > TimeSpan.FromHours(1))
        {
            throw new ArgumentException($"{owner}.Retry.{nameof(BaseDelay)} must be from 0 to 1 hour.", nameof(BaseDelay));
        }

        if (MaxDelay < BaseDelay || MaxDelay > TimeSpan.FromHours(1))
        {
            throw new ArgumentException($"{owner}.Retry.{nameof(MaxDelay)} must be at least {nameof(BaseDelay)} and at most 1 hour.", nameof(MaxDelay));
        }

        if (MaxTotalTime <= TimeSpan.Zero)
        {
            throw new ArgumentException($"{owner}.Retry.{nameof(MaxTotalTime)} must be positive.", nameof(MaxTotalTime));
        }
    }

    internal ApiRetryOptions Clone() => (ApiRetryOptions)MemberwiseClone();

    /// <inheritdoc />
    public override string ToString() =>
        MaxRetries == 0 ? "off" : $"{{ MaxRetries = {MaxRetries}, BaseDelay = {BaseDelay}, MaxDelay = {MaxDelay}, MaxTotalTime = {MaxTotalTime}, UseJitter = {UseJitter} }}";
}
