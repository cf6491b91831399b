using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Engage.Codegen.Runtime.Serialization;

/// <summary>
/// Converters for the value shapes generated models use. Generated model converters call them
/// directly, so serialization needs no reflection (trimming and Native AOT safe). Every converter
/// here reads a JSON <c>null</c> as the type's default and writes null for a null reference.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class ApiJson
{
    /// <summary>
    /// A string. A number or boolean where the docs promised a string is kept as its JSON text
    /// (<c>12</c> reads as <c>"12"</c>) rather than failing the whole response.
    /// </summary>
    public static JsonConverter<string> String { get; } = new Simple<string>(
        static (ref Utf8JsonReader r) => r.TokenType switch
        {
            JsonTokenType.String => r.GetString()!,
            JsonTokenType.Number => System.Text.Encoding.UTF8.GetString(r.HasValueSequence ? System.Buffers.BuffersExtensions.ToArray(r.ValueSequence) : r.ValueSpan.ToArray()),
            JsonTokenType.True => "true",
            JsonTokenType.False => "false",
            _ => throw Unexpected(ref r, "a string"),
        },
        static (w, v) => w.WriteStringValue(v));

    /// <summary>A 32-bit integer.</summary>
    public static JsonConverter<int> Int32 { get; } = new Simple<int>(static (ref Utf8JsonReader r) => r.GetInt32(), static (w, v) => w.WriteNumberValue(v));

    /// <summary>A 64-bit integer.</summary>
    public static JsonConverter<long> Int64 { get; } = new Simple<long>(static (ref Utf8JsonReader r) => r.GetInt64(), static (w, v) => w.WriteNumberValue(v));

    /// <summary>A decimal number.</summary>
    public static JsonConverter<decimal> Decimal { get; } = new Simple<decimal>(static (ref Utf8JsonReader r) => r.GetDecimal(), static (w, v) => w.WriteNumberValue(v));

    /// <summary>A binary floating-point number.</summary>
    public static JsonConverter<double> Double { get; } = new Simple<double>(static (ref Utf8JsonReader r) => r.GetDouble(), static (w, v) => w.WriteNumberValue(v));

    /// <summary>A boolean.</summary>
    public static JsonConverter<bool> Boolean { get; } = new Simple<bool>(
        static (ref Utf8JsonReader r) => r.TokenType switch
        {
            JsonTokenType.True => true,
            JsonTokenType.False => false,
            _ => throw Unexpected(ref r, "true or false"),
        },
        static (w, v) => w.WriteBooleanValue(v));

    /// <summary>
    /// An ISO 8601 date and time, or the same with a space for the <c>T</c> (<c>2026-07-16 06:07:42</c>,
    /// UTC when no offset follows) and perhaps a closing <c>UTC</c> (<c>2026-07-16 06:07:42 UTC</c>, as Ruby
    /// servers write them); written back in ISO 8601.
    /// </summary>
    public static JsonConverter<DateTimeOffset> DateTimeOffset { get; } = new Simple<DateTimeOffset>(
        static (ref Utf8JsonReader r) => r.TokenType == JsonTokenType.String && r.TryGetDateTimeOffset(out var value) ? value : ReadSpacedDateTime(ref r),
        static (w, v) => w.WriteStringValue(v));

    private static DateTimeOffset ReadSpacedDateTime(ref Utf8JsonReader reader)
    {
        var text = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
        if (text is not null && text.Length > 15 && text[10] == ' ')
        {
            var iso = text.Substring(0, 10) + "T" + text.Substring(11);
            iso = iso.EndsWith(" UTC", StringComparison.Ordinal) ? iso.Substring(0, iso.Length - 4) + "Z" : iso;
            if (global::System.DateTimeOffset.TryParse(iso, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var value))
            {
                return value;
            }
        }

        throw Unexpected(ref reader, "a date and time");
    }

#if NET8_0_OR_GREATER
    /// <summary>
    /// A date without a time (<c>2026-06-01</c>), written as <c>yyyy-MM-dd</c>. Read leniently: a date and time
    /// (<c>2026-06-01T00:00:00Z</c>) gives its date, as written, for a server that sends more than its docs show.
    /// </summary>
    public static JsonConverter<DateOnly> DateOnly { get; } = new Simple<DateOnly>(
        static (ref Utf8JsonReader r) => ReadDateOnly(ref r),
        static (w, v) =>
        {
            Span<byte> text = stackalloc byte[10];
            v.TryFormat(text, out var written, "yyyy-MM-dd", CultureInfo.InvariantCulture);
            w.WriteStringValue(text.Slice(0, written));
        });

    private static DateOnly ReadDateOnly(ref Utf8JsonReader reader)
    {
        var text = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
        if (text is not null && global::System.DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        if (text is { Length: > 10 } && global::System.DateOnly.TryParseExact(text.Substring(0, 10), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date) &&
            text[10] is 'T' or 't' or ' ')
        {
            return date;
        }

        throw Unexpected(ref reader, "a date (yyyy-MM-dd)");
    }
#endif

    /// <summary>A string, number or boolean.</summary>
    public static JsonConverter<ApiScalar> Scalar { get; } = new Simple<ApiScalar>(static (ref Utf8JsonReader r) => ApiScalar.Read(ref r), static (w, v) => v.Write(w));

    /// <summary>Any JSON value, kept as it came.</summary>
    public static JsonConverter<JsonElement> Element { get; } = new Simple<JsonElement>(
        static (ref Utf8JsonReader r) =>
        {
            using var document = JsonDocument.ParseValue(ref r);
            return document.RootElement.Clone();
        },
        static (w, v) => v.WriteTo(w));

    /// <summary>A JSON array as a list.</summary>
    public static JsonConverter<List<T>> List<T>(JsonConverter<T> element) => new ListConverter<T>(element);

    /// <summary>A JSON object with values of one type as a dictionary.</summary>
    public static JsonConverter<Dictionary<string, T>> Dictionary<T>(JsonConverter<T> value) => new DictionaryConverter<T>(value);

    /// <summary>Checks that the reader is at the start of an object.</summary>
    public static void ExpectStartObject(ref Utf8JsonReader reader, string typeName)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException($"Expected a JSON object for {typeName}, found {reader.TokenType}.");
        }
    }

    /// <summary>
    /// Starts reading a model: false for a JSON <c>null</c> (the model is null), true at the start of an
    /// object; anything else is a <see cref="JsonException"/> that names the model.
    /// </summary>
    public static bool StartObject(ref Utf8JsonReader reader, string typeName)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return false;
        }

        ExpectStartObject(ref reader, typeName);
        return true;
    }

    /// <summary>Moves to the next property name of the object being read; false at its end.</summary>
    public static bool NextProperty(ref Utf8JsonReader reader) => reader.Read() && reader.TokenType != JsonTokenType.EndObject;

    /// <summary>Reads the value of the property the reader is at (a JSON <c>null</c> gives the converter's default).</summary>
    public static T? Read<T>(ref Utf8JsonReader reader, JsonConverter<T> converter, JsonSerializerOptions options)
    {
        reader.Read();
        return converter.Read(ref reader, typeof(T), options);
    }

    /// <summary>Reads the value of the property the reader is at into a nullable value: a JSON <c>null</c> gives null.</summary>
    public static T? ReadNullable<T>(ref Utf8JsonReader reader, JsonConverter<T> converter, JsonSerializerOptions options)
        where T : struct
    {
        reader.Read();
        return reader.TokenType == JsonTokenType.Null ? null : converter.Read(ref reader, typeof(T), options);
    }

    /// <summary>Skips the value of a property the model does not know.</summary>
    public static void SkipProperty(ref Utf8JsonReader reader)
    {
        reader.Read();
        SkipValue(ref reader);
    }

    /// <summary>Writes one property: its name, then its value through the converter.</summary>
    public static void Write<T>(Utf8JsonWriter writer, ReadOnlySpan<byte> name, T value, JsonConverter<T> converter, JsonSerializerOptions options)
    {
        writer.WritePropertyName(name);
        converter.Write(writer, value, options);
    }

    /// <summary>
    /// Reads the value of a property the model does not know into <paramref name="additional"/>, under its name, so that a
    /// request model read and sent back keeps it.
    /// </summary>
    public static void ReadAdditional(ref Utf8JsonReader reader, IDictionary<string, JsonElement> additional)
    {
        var name = reader.GetString()!;
        reader.Read();
        using var document = JsonDocument.ParseValue(ref reader);
        additional[name] = document.RootElement.Clone();
    }

    /// <summary>Writes a request model's raw values, each under its name, after its typed members.</summary>
    public static void WriteAdditional(Utf8JsonWriter writer, IDictionary<string, JsonElement> additional)
    {
        foreach (var pair in additional)
        {
            writer.WritePropertyName(pair.Key);
            pair.Value.WriteTo(writer);
        }
    }

    /// <summary>Writes one property whose value is null: its name, then <c>null</c>.</summary>
    public static void WriteNull(Utf8JsonWriter writer, ReadOnlySpan<byte> name) => writer.WriteNull(name);

    /// <summary>Skips a property value the model does not know.</summary>
    public static void SkipValue(ref Utf8JsonReader reader)
    {
        if (!reader.TrySkip())
        {
            throw new JsonException("The JSON ended inside a value.");
        }
    }

    private static JsonException Unexpected(ref Utf8JsonReader reader, string expected) => new($"Expected {expected}, found {reader.TokenType}.");

    private delegate T ReadFunc<T>(ref Utf8JsonReader reader);

    private sealed class Simple<T> : JsonConverter<T>
    {
        private readonly ReadFunc<T> _read;
        private readonly Action<Utf8JsonWriter, T> _write;

        public Simple(ReadFunc<T> read, Action<Utf8JsonWriter, T> write)
        {
            _read = read;
            _write = write;
        }

        public override bool HandleNull => true;

        public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
            => reader.TokenType == JsonTokenType.Null ? default! : _read(ref reader);

        public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options)
        {
            if (value is null)
            {
                writer.WriteNullValue();
            }
            else
            {
                _write(writer, value);
            }
        }
    }

    private sealed class ListConverter<T> : JsonConverter<List<T>>
    {
        private readonly JsonConverter<T> _element;

        public ListConverter(JsonConverter<T> element) => _element = element;

        public override bool HandleNull => true;

        public override List<T>? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            if (reader.TokenType == JsonTokenType.Null)
            {
                return null;
            }

            if (reader.TokenType != JsonTokenType.StartArray)
            {
                throw new JsonException($"Expected a JSON array, found {reader.TokenType}.");
            }

            var list = new List<T>();
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                list.Add(_element.Read(ref reader, typeof(T), options)!);
            }

            return list;
        }

        public override void Write(Utf8JsonWriter writer, List<T>? value, JsonSerializerOptions options)
        {
            if (value is null)
            {
                writer.WriteNullValue();
                return;
            }

            writer.WriteStartArray();
            foreach (var item in value)
            {
                _element.Write(writer, item, options);
            }

            writer.WriteEndArray();
        }
    }

    private sealed class DictionaryConverter<T> : JsonConverter<Dictionary<string, T>>
    {
        private readonly JsonConverter<T> _value;

        public DictionaryConverter(JsonConverter<T> value) => _value = value;

        public override bool HandleNull => true;

        public override Dictionary<string, T>? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            if (reader.TokenType == JsonTokenType.Null)
            {
                return null;
            }

            if (reader.TokenType != JsonTokenType.StartObject)
            {
                throw new JsonException($"Expected a JSON object, found {reader.TokenType}.");
            }

            var dictionary = new Dictionary<string, T>(StringComparer.Ordinal);
            while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
            {
                var key = reader.GetString()!;
                reader.Read();
                dictionary[key] = _value.Read(ref reader, typeof(T), options)!;
            }

            return dictionary;
        }

        public override void Write(Utf8JsonWriter writer, Dictionary<string, T>? value, JsonSerializerOptions options)
        {
            if (value is null)
            {
                writer.WriteNullValue();
                return;
            }

            writer.WriteStartObject();
            foreach (var pair in value)
            {
                writer.WritePropertyName(pair.Key);
                _value.Write(writer, pair.Value, options);
            }

            writer.WriteEndObject();
        }
    }
}

/// <summary>
/// Reads and writes a string-backed enum type that keeps values it does not know. Generated enum
/// types derive their converter from this.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public abstract class ApiStringEnumConverter<T> : JsonConverter<T>
{
    private readonly Func<string, T> _create;
    private readonly Func<T, string?> _value;

    /// <summary>Creates the converter.</summary>
    protected ApiStringEnumConverter(Func<string, T> create, Func<T, string?> value)
    {
        _create = create;
        _value = value;
    }

    /// <inheritdoc />
    public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        => reader.TokenType == JsonTokenType.String ? _create(reader.GetString()!) : throw new JsonException($"Expected a string, found {reader.TokenType}.");

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) => writer.WriteStringValue(_value(value));
}
