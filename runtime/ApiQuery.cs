using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Globalization;
using System.Text;

namespace Engage.Codegen.Runtime;

/// <summary>Query-string parameters of one request; unset (null) values are left out. Used by generated code.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class ApiQuery
{
    private readonly List<KeyValuePair<string, string>> _values = new();

    /// <summary>The parameters added so far, in order.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Values => _values;

    /// <summary>Adds a string parameter when it is not null.</summary>
    public ApiQuery Add(string name, string? value)
    {
        if (value is not null)
        {
            _values.Add(new KeyValuePair<string, string>(name, value));
        }

        return this;
    }

    /// <summary>Adds an integer parameter when it has a value.</summary>
    public ApiQuery Add(string name, long? value) => Add(name, value?.ToString(CultureInfo.InvariantCulture));

    /// <summary>Adds a number parameter when it has a value.</summary>
    public ApiQuery Add(string name, decimal? value) => Add(name, value?.ToString(CultureInfo.InvariantCulture));

    /// <summary>Adds a number parameter when it has a value.</summary>
    public ApiQuery Add(string name, double? value) => Add(name, value?.ToString("R", CultureInfo.InvariantCulture));

    /// <summary>Adds a boolean parameter (<c>true</c>/<c>false</c>) when it has a value.</summary>
    public ApiQuery Add(string name, bool? value) => Add(name, value is null ? null : value.Value ? "true" : "false");

    /// <summary>Adds a date parameter in ISO 8601 when it has a value.</summary>
    public ApiQuery Add(string name, DateTimeOffset? value) => Add(name, value?.ToString("O", CultureInfo.InvariantCulture));

#if NET8_0_OR_GREATER
    /// <summary>Adds a date without a time as <c>yyyy-MM-dd</c>, unless it is null.</summary>
    public ApiQuery Add(string name, DateOnly? value) => Add(name, value?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
#endif

    /// <summary>Adds a string, number or boolean parameter when it has a value.</summary>
    public ApiQuery Add(string name, ApiScalar? value) => Add(name, value?.ToString());

    /// <summary>Adds each value of a list as a repeated parameter.</summary>
    public ApiQuery Add(string name, IEnumerable<string>? values)
    {
        if (values is not null)
        {
            foreach (var value in values)
            {
                Add(name, value);
            }
        }

        return this;
    }

    /// <summary>
    /// Adds any other value when it is not null: invariant text for numbers and dates,
    /// <c>true</c>/<c>false</c>, the string of a JSON string, the raw text of other JSON.
    /// </summary>
    public ApiQuery AddValue(string name, object? value) => value switch
    {
        null => this,
        string text => Add(name, text),
        bool flag => Add(name, flag),
        System.Text.Json.JsonElement { ValueKind: System.Text.Json.JsonValueKind.Undefined or System.Text.Json.JsonValueKind.Null } => this,
        System.Text.Json.JsonElement { ValueKind: System.Text.Json.JsonValueKind.String } element => Add(name, element.GetString()),
        System.Text.Json.JsonElement element => Add(name, element.GetRawText()),
        IFormattable formattable => Add(name, formattable.ToString(null, CultureInfo.InvariantCulture)),
        _ => Add(name, value.ToString()),
    };

    /// <summary>The escaped query string with its leading <c>?</c>, or an empty string.</summary>
    public override string ToString()
    {
        if (_values.Count == 0)
        {
            return string.Empty;
        }

        var builder = new StringBuilder();
        foreach (var pair in _values)
        {
            builder.Append(builder.Length == 0 ? '?' : '&')
                .Append(Uri.EscapeDataString(pair.Key))
                .Append('=')
                .Append(Uri.EscapeDataString(pair.Value));
        }

        return builder.ToString();
    }
}
