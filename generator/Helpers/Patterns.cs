using System;
using System.Collections.Concurrent;
using System.Text.RegularExpressions;

namespace Engage.Codegen;

/// <summary>
/// The regex timeout, and the cache of the few patterns built at run time from doc text (a fixed pattern is a
/// <c>static readonly Regex</c> field of the class that uses it). The static Regex methods keep only 15 patterns
/// and would touch the process-wide Regex.CacheSize of the compiler host; this keeps each built pattern once, bounded.
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

    /// <summary>Whether a pattern built at run time (from a doc's own words) matches.</summary>
    public static bool IsMatch(string input, string pattern, RegexOptions options) => Get(pattern, options).IsMatch(input);

    private static Regex Get(string pattern, RegexOptions options)
    {
        if (s_cache.TryGetValue((pattern, options), out var regex))
        {
            return regex;
        }

        regex = new Regex(pattern, options, Timeout);
        if (s_cache.Count < MaxCached)
        {
            s_cache.TryAdd((pattern, options), regex);
        }

        return regex;
    }
}
