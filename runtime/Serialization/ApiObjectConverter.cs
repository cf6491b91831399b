using System;
using System.ComponentModel;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Engage.Codegen.Runtime.Serialization;

/// <summary>Reads one value of <typeparamref name="T"/>: a generated model's read method.</summary>
/// <typeparam name="T">The model.</typeparam>
/// <param name="reader">The reader, on the value's first token.</param>
/// <param name="options">The serializer options.</param>
[EditorBrowsable(EditorBrowsableState.Never)]
public delegate T? ApiJsonRead<T>(ref Utf8JsonReader reader, JsonSerializerOptions options);

/// <summary>
/// A generated model's converter: its read and write methods, generated without reflection, behind
/// one runtime class, so that the generated code declares two methods per model and no converter
/// class of its own (what a model costs the user's compile).
/// </summary>
/// <typeparam name="T">The model.</typeparam>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class ApiObjectConverter<T> : JsonConverter<T>
    where T : class
{
    private readonly ApiJsonRead<T> _read;
    private readonly Action<Utf8JsonWriter, T, JsonSerializerOptions> _write;

    /// <summary>Creates the converter from a model's generated read and write methods.</summary>
    /// <param name="read">Reads the model.</param>
    /// <param name="write">Writes the model.</param>
    public ApiObjectConverter(ApiJsonRead<T> read, Action<Utf8JsonWriter, T, JsonSerializerOptions> write)
    {
        _read = read ?? throw new ArgumentNullException(nameof(read));
        _write = write ?? throw new ArgumentNullException(nameof(write));
    }

    /// <inheritdoc/>
    public override T? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => _read(ref reader, options);

    /// <inheritdoc/>
    public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) => _write(writer, value, options);
}
