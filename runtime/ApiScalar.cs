using System;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Engage.Codegen.Runtime;

/// <summary>The kind of value an <see cref="ApiScalar"/> holds.</summary>
public enum ApiScalarKind
{
    /// <summary>A string.</summary>
    String = 1,

    /// <summary>A number.</summary>
    Number = 2,

    /// <summary>A boolean.</summary>
    Boolean = 3,
}

/// <summary>
/// A value the docs describe as "a string, number or boolean": exactly one of the three, with
/// implicit conversions from each, so <c>meta["plan"] = "pro"</c> and <c>meta["age"] = 34</c> both work.
/// </summary>
[JsonConverter(typeof(ApiScalarJsonConverter))]
public readonly struct ApiScalar : IEquatable<ApiScalar>
{
    private readonly string? _string;
    private readonly double _number;

    private ApiScalar(ApiScalarKind kind, string? text, double number)
    {
        Kind = kind;
        _string = text;
        _number = number;
    }

    /// <summary>Which of the three the value is.</summary>
    public ApiScalarKind Kind { get; }

    /// <summary>Whether the value is a string.</summary>
    public bool IsString => Kind == ApiScalarKind.String;

    /// <summary>Whether the value is a number.</summary>
    public bool IsNumber => Kind == ApiScalarKind.Number;

    /// <summary>Whether the value is a boolean.</summary>
    public bool IsBoolean => Kind == ApiScalarKind.Boolean;

    /// <summary>A string value.</summary>
    public static ApiScalar FromString(string value) => new(ApiScalarKind.String, value ?? throw new ArgumentNullException(nameof(value)), 0);

    /// <summary>A number value.</summary>
    public static ApiScalar FromNumber(double value)
    {
        if (double.IsNaN(value) || double.IsInfinity(value))
        {
            throw new ArgumentOutOfRangeException(nameof(value), "JSON has no NaN or infinite numbers.");
        }

        return new ApiScalar(ApiScalarKind.Number, null, value);
    }

    /// <summary>A boolean value.</summary>
    public static ApiScalar FromBoolean(bool value) => new(ApiScalarKind.Boolean, null, value ? 1 : 0);

    /// <summary>The string; throws when the value is not a string.</summary>
    public string AsString() => Kind == ApiScalarKind.String ? _string! : throw WrongKind(ApiScalarKind.String);

    /// <summary>The number; throws when the value is not a number.</summary>
    public double AsNumber() => Kind == ApiScalarKind.Number ? _number : throw WrongKind(ApiScalarKind.Number);

    /// <summary>The boolean; throws when the value is not a boolean.</summary>
    public bool AsBoolean() => Kind == ApiScalarKind.Boolean ? _number != 0 : throw WrongKind(ApiScalarKind.Boolean);

    /// <summary>Converts a string.</summary>
    public static implicit operator ApiScalar(string value) => FromString(value);

    /// <summary>Converts a number.</summary>
    public static implicit operator ApiScalar(int value) => FromNumber(value);

    /// <summary>Converts a number.</summary>
    public static implicit operator ApiScalar(long value) => FromNumber(value);

    /// <summary>Converts a number.</summary>
    public static implicit operator ApiScalar(double value) => FromNumber(value);

    /// <summary>Converts a number.</summary>
    public static implicit operator ApiScalar(decimal value) => FromNumber((double)value);

    /// <summary>Converts a boolean.</summary>
    public static implicit operator ApiScalar(bool value) => FromBoolean(value);

    /// <inheritdoc />
    public bool Equals(ApiScalar other) => Kind == other.Kind && _number.Equals(other._number) && string.Equals(_string, other._string, StringComparison.Ordinal);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is ApiScalar other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => ((int)Kind * 397) ^ (_string?.GetHashCode() ?? _number.GetHashCode());

    /// <summary>Equality.</summary>
    public static bool operator ==(ApiScalar left, ApiScalar right) => left.Equals(right);

    /// <summary>Inequality.</summary>
    public static bool operator !=(ApiScalar left, ApiScalar right) => !left.Equals(right);

    /// <summary>The value as invariant text: the string itself, the number, or <c>true</c>/<c>false</c>.</summary>
    public override string ToString() => Kind switch
    {
        ApiScalarKind.String => _string!,
        ApiScalarKind.Number => _number.ToString("R", CultureInfo.InvariantCulture),
        ApiScalarKind.Boolean => _number != 0 ? "true" : "false",
        _ => string.Empty,
    };

    private InvalidOperationException WrongKind(ApiScalarKind wanted) => new($"The value is a {Kind}, not a {wanted}.");

    internal void Write(Utf8JsonWriter writer)
    {
        switch (Kind)
        {
            case ApiScalarKind.String: writer.WriteStringValue(_string); break;
            case ApiScalarKind.Number: writer.WriteNumberValue(_number); break;
            case ApiScalarKind.Boolean: writer.WriteBooleanValue(_number != 0); break;
            default: writer.WriteNullValue(); break;
        }
    }

    internal static ApiScalar Read(ref Utf8JsonReader reader) => reader.TokenType switch
    {
        JsonTokenType.String => FromString(reader.GetString()!),
        JsonTokenType.Number => FromNumber(reader.GetDouble()),
        JsonTokenType.True => FromBoolean(true),
        JsonTokenType.False => FromBoolean(false),
        _ => throw new JsonException($"Expected a string, number or boolean, found {reader.TokenType}."),
    };
}

/// <summary>Reads and writes <see cref="ApiScalar"/> as a JSON string, number or boolean.</summary>
public sealed class ApiScalarJsonConverter : JsonConverter<ApiScalar>
{
    /// <inheritdoc />
    public override ApiScalar Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => ApiScalar.Read(ref reader);

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, ApiScalar value, JsonSerializerOptions options) => value.Write(writer);
}
