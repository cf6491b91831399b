using System;
using System.Collections.Concurrent;
using System.Text.RegularExpressions;

namespace Engage.Codegen;

/// <summary>
/// The static Regex methods keep only 15 patterns in their cache; the parser uses more, so each
/// call would parse its pattern again. This keeps every pattern once (bounded, for the rare ones
/// built from doc text), without touching the process-wide Regex.CacheSize of the compiler host.
/// </summary>
internal static class Patterns
{
    /// <summary>
    /// The one bound on any docs regex's match: far above what a sane pattern takes on a paragraph, short enough
    /// that a pattern that backtracks badly on hostile text fails (as ENG099) instead of hanging the build.
    /// </summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(1);

    private const int MaxCached = 512;
    private static readonly ConcurrentDictionary<(string, RegexOptions), Regex> s_cache = new();

    // Patterns are mostly string literals, one interned instance per call site: looking them up by
    // reference first skips hashing the whole pattern text on every call.
    private static readonly ConcurrentDictionary<(string, RegexOptions), Regex> s_byReference = new(ReferenceKeyComparer.Instance);

    private static Regex Get(string pattern, RegexOptions options, TimeSpan timeout)
    {
        if (s_byReference.TryGetValue((pattern, options), out var regex) || s_cache.TryGetValue((pattern, options), out regex))
        {
            return regex;
        }

        regex = new Regex(pattern, options, timeout);
        if (s_cache.Count < MaxCached)
        {
            s_cache.TryAdd((pattern, options), regex);
            if (string.IsInterned(pattern) is { } interned && ReferenceEquals(interned, pattern))
            {
                s_byReference.TryAdd((pattern, options), regex);
            }
        }

        return regex;
    }

    private sealed class ReferenceKeyComparer : System.Collections.Generic.IEqualityComparer<(string Pattern, RegexOptions Options)>
    {
        public static readonly ReferenceKeyComparer Instance = new();

        public bool Equals((string Pattern, RegexOptions Options) x, (string Pattern, RegexOptions Options) y) =>
            ReferenceEquals(x.Pattern, y.Pattern) && x.Options == y.Options;

        public int GetHashCode((string Pattern, RegexOptions Options) key) =>
            System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(key.Pattern) ^ (int)key.Options;
    }

    public static bool IsMatch(string input, string pattern, RegexOptions options, TimeSpan timeout) => Get(pattern, options, timeout).IsMatch(input);

    public static Match Match(string input, string pattern, RegexOptions options, TimeSpan timeout) => Get(pattern, options, timeout).Match(input);

    public static MatchCollection Matches(string input, string pattern, RegexOptions options, TimeSpan timeout)
        => Get(pattern, options, timeout).Matches(input);

    public static string[] Split(string input, string pattern, RegexOptions options, TimeSpan timeout) => Get(pattern, options, timeout).Split(input);

    public static string Replace(string input, string pattern, string replacement, RegexOptions options, TimeSpan timeout)
        => Get(pattern, options, timeout).Replace(input, replacement);
}
