using System;
using System.Collections.Generic;
using System.Text;

namespace Engage.Codegen.Surface;

/// <summary>A path with its parameters' names left out (<c>/users/{}</c>): two paths that differ only in those names are one path in OpenAPI.</summary>
internal static class PathShape
{
    /// <param name="path">The path.</param>
    /// <param name="lowerCase">Whether the literal parts are lower-cased as well (<c>/Users/{id}</c> and <c>/users/{uid}</c> are one).</param>
    public static string Of(string path, bool lowerCase = false)
    {
        var shape = new StringBuilder(path.Length);
        var inside = false;
        foreach (var c in path)
        {
            if (c == '{')
            {
                inside = true;
                shape.Append("{}");
            }
            else if (c == '}')
            {
                inside = false;
            }
            else if (!inside)
            {
                shape.Append(lowerCase ? char.ToLowerInvariant(c) : c);
            }
        }

        return shape.ToString();
    }

    /// <summary>
    /// The path each spelling is written as in an OpenAPI document: paths that differ only in their parameters' names
    /// are one path there, and the first spelling (in the API's order) names them.
    /// </summary>
    public static Func<string, string> FirstSpellings(IEnumerable<string> paths)
    {
        var spellings = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var path in paths)
        {
            var shape = Of(path);
            if (!spellings.ContainsKey(shape))
            {
                spellings[shape] = path;
            }
        }

        return path => spellings.TryGetValue(Of(path), out var first) ? first : path;
    }
}
