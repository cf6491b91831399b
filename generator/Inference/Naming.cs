using System.Collections.Generic;
using System.Linq;
using System.Globalization;
using System.Text;
using Microsoft.CodeAnalysis.CSharp;

namespace Engage.Codegen.Inference;

/// <summary>Turns doc words into valid, deterministic C# names.</summary>
internal static class Naming
{
    public const int MaxIdentifierLength = 128;

    /// <summary>Names that would clash with types users have in scope (System, collections, tasks, our runtime).</summary>
    private static readonly HashSet<string> s_reservedTypeNames = new()
    {
        "List", "Dictionary", "Task", "Object", "String", "Type", "Action", "Func", "Attribute", "Exception", "Enum",
        "Array", "Uri", "Version", "Console", "Math", "Convert", "Environment", "Buffer", "Nullable", "Span", "Memory",
        "Tuple", "Delegate", "Random", "TimeSpan", "DateTime", "DateTimeOffset", "Guid", "Event", "Index", "Range",
        "Page", "AsyncPageable", "ApiScalar", "ApiException", "ApiAuth", "JsonElement", "HttpClient", "Stream", "Path", "File",
        "Serialization", "System", "Global",
    };

    /// <summary><c>first_name</c>, <c>first-name</c>, <c>First name</c> → <c>FirstName</c>; always a valid identifier.</summary>
    public static string Pascal(string words)
    {
        var builder = new StringBuilder();
        var upper = true;
        foreach (var c in words)
        {
            if (char.IsLetterOrDigit(c) && c < 0x10000)
            {
                var category = CharUnicodeInfo.GetUnicodeCategory(c);
                if (category is UnicodeCategory.Format or UnicodeCategory.Control)
                {
                    continue;
                }

                builder.Append(upper ? char.ToUpperInvariant(c) : c);
                upper = false;
            }
            else
            {
                upper = true;
            }
        }

        if (builder.Length == 0)
        {
            builder.Append("Value");
        }

        if (char.IsDigit(builder[0]))
        {
            builder.Insert(0, '_');
        }

        var name = builder.ToString();
        if (name.Length > MaxIdentifierLength)
        {
            name = name.Substring(0, MaxIdentifierLength - 9) + "_" + StableHash(name);
        }

        return name;
    }

    /// <summary>A camelCase parameter name, keyword-escaped.</summary>
    public static string Camel(string words)
    {
        var pascal = Pascal(words);
        // An acronym alone is lower-cased whole: "ID" is id, "UID" uid.
        var acronym = pascal.Length <= 4 && pascal.All(c => char.IsUpper(c) || char.IsDigit(c));
        var camel = pascal[0] == '_' ? pascal : acronym ? pascal.ToLowerInvariant() : char.ToLowerInvariant(pascal[0]) + pascal.Substring(1);
        return EscapeKeyword(camel);
    }

    public static string EscapeKeyword(string identifier) =>
        SyntaxFacts.GetKeywordKind(identifier) != SyntaxKind.None || SyntaxFacts.GetContextualKeywordKind(identifier) is SyntaxKind.VarKeyword
            ? "@" + identifier
            : identifier;

    /// <summary>A type name that does not clash with common framework types: <c>List</c> becomes <c>{prefix}List</c>.</summary>
    public static string TypeName(string words, string prefix)
    {
        var name = Pascal(words);
        return s_reservedTypeNames.Contains(name) ? prefix + name : name;
    }

    public static string Singular(string word)
    {
        if (word.Equals("people", System.StringComparison.OrdinalIgnoreCase))
        {
            return word.Substring(0, 1) + "erson";
        }

        if (word.EndsWith("ies", System.StringComparison.OrdinalIgnoreCase) && word.Length > 3)
        {
            return word.Substring(0, word.Length - 3) + "y";
        }

        // Classes, boxes, leashes, branches (but caches, headaches: -ache words keep their e).
        if (word.EndsWith("sses", System.StringComparison.OrdinalIgnoreCase) || word.EndsWith("xes", System.StringComparison.OrdinalIgnoreCase) ||
            word.EndsWith("shes", System.StringComparison.OrdinalIgnoreCase) ||
            (word.EndsWith("ches", System.StringComparison.OrdinalIgnoreCase) && !word.EndsWith("aches", System.StringComparison.OrdinalIgnoreCase)))
        {
            return word.Substring(0, word.Length - 2);
        }

        // Statuses, viruses, buses; status, radius, analysis are singular already.
        if (word.EndsWith("uses", System.StringComparison.OrdinalIgnoreCase) && word.Length > 5 && IsSingularInS(word.Substring(0, word.Length - 2)))
        {
            return word.Substring(0, word.Length - 2);
        }

        if (IsSingularInS(word))
        {
            return word;
        }

        if (word.EndsWith("s", System.StringComparison.OrdinalIgnoreCase) && !word.EndsWith("ss", System.StringComparison.OrdinalIgnoreCase) && word.Length > 1)
        {
            return word.Substring(0, word.Length - 1);
        }

        return word;
    }

    /// <summary>Latin and Greek singulars that end in s: status, campus, radius, virus, focus, census, bus; analysis, basis.</summary>
    private static bool IsSingularInS(string word) =>
        word.Length > 3 &&
        ((word.EndsWith("us", System.StringComparison.OrdinalIgnoreCase) && "tpircsb".IndexOf(char.ToLowerInvariant(word[word.Length - 3])) >= 0) ||
         word.EndsWith("sis", System.StringComparison.OrdinalIgnoreCase));

    public static string Plural(string word)
    {
        if (word.EndsWith("s", System.StringComparison.Ordinal))
        {
            return word;
        }

        if (word.EndsWith("y", System.StringComparison.Ordinal) && word.Length > 1 && "aeiou".IndexOf(word[word.Length - 2]) < 0)
        {
            return word.Substring(0, word.Length - 1) + "ies";
        }

        // Leash, Branch, Box, Quiz: the plural adds -es.
        if (word.EndsWith("sh", System.StringComparison.Ordinal) || word.EndsWith("ch", System.StringComparison.Ordinal) ||
            word.EndsWith("x", System.StringComparison.Ordinal) || word.EndsWith("z", System.StringComparison.Ordinal))
        {
            return word + "es";
        }

        return word + "s";
    }

    /// <summary>A short, stable (FNV-1a) hash for shortening long names deterministically.</summary>
    public static string StableHash(string text)
    {
        unchecked
        {
            var hash = 2166136261u;
            foreach (var c in text)
            {
                hash = (hash ^ c) * 16777619u;
            }

            return hash.ToString("x8", CultureInfo.InvariantCulture);
        }
    }

    /// <summary>Hands out unique names within one scope: a repeat gets 2, 3, ... appended.</summary>
    internal sealed class Scope
    {
        private readonly HashSet<string> _used;

        public Scope(params string[] reserved) => _used = new HashSet<string>(reserved, System.StringComparer.Ordinal);

        public bool IsClaimed(string name) => _used.Contains(name);

        public string Claim(string name)
        {
            var candidate = name;
            for (var i = 2; !_used.Add(candidate); i++)
            {
                candidate = name + i.ToString(CultureInfo.InvariantCulture);
            }

            return candidate;
        }
    }
}
