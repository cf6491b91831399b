using System;

namespace Engage.Codegen.Parsing;

/// <summary>
/// Reads an HTTP method as a person would: in any case, and with an obvious typo corrected
/// (<c>DLETE</c>, <c>PSOT</c>: one letter missing, added, changed or two swapped), which the caller reports.
/// </summary>
internal static class HttpMethods
{
    private static readonly string[] s_methods = { "GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS" };

    /// <summary>The method <paramref name="word"/> names, upper case; <paramref name="corrected"/> when it was misspelled.</summary>
    public static bool TryRead(string word, out string method, out bool corrected)
    {
        method = string.Empty;
        corrected = false;
        if (word.Length < 3 || word.Length > 8)
        {
            return false;
        }

        var upper = word.ToUpperInvariant();
        foreach (var candidate in s_methods)
        {
            if (candidate == upper)
            {
                method = candidate;
                return true;
            }
        }

        // A typo only where the word is upper case as written: "Got" or "pots" in prose is not a method.
        if (!string.Equals(upper, word, StringComparison.Ordinal) || upper.Length < 4)
        {
            return false;
        }

        string? match = null;
        foreach (var candidate in s_methods)
        {
            if (candidate.Length >= 4 && OneEditApart(upper, candidate))
            {
                if (match is not null)
                {
                    return false; // two methods are as close: not obvious
                }

                match = candidate;
            }
        }

        if (match is null)
        {
            return false;
        }

        method = match;
        corrected = true;
        return true;
    }

    /// <summary>True when one insertion, deletion, substitution or swap of neighbours turns a into b.</summary>
    private static bool OneEditApart(string a, string b)
    {
        if (a == b || Math.Abs(a.Length - b.Length) > 1)
        {
            return false;
        }

        var start = 0;
        while (start < a.Length && start < b.Length && a[start] == b[start])
        {
            start++;
        }

        var endA = a.Length;
        var endB = b.Length;
        while (endA > start && endB > start && a[endA - 1] == b[endB - 1])
        {
            endA--;
            endB--;
        }

        var restA = endA - start;
        var restB = endB - start;
        if (restA + restB == 1 || (restA == 1 && restB == 1))
        {
            return true;
        }

        return restA == 2 && restB == 2 && a[start] == b[start + 1] && a[start + 1] == b[start];
    }
}
