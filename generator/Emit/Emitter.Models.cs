using System.Collections.Generic;
using System.Linq;
using Engage.Codegen.Model;
using static Engage.Codegen.Model.GeneratedNames;

namespace Engage.Codegen.Emit;

internal static partial class Emitter
{
    private static GeneratedFile EmitModel(ApiSpec api, ModelSpec model)
    {
        var w = HeaderWriter();
        WriteModels(w, api, new[] { model });
        return new GeneratedFile($"{model.Name}.g.cs", w.ToString());
    }

    /// <summary>
    /// Writes models into <paramref name="w"/>: one namespace block with the model classes, then one
    /// <c>.Serialization</c> block with their converters.
    /// </summary>
    private static void WriteModels(SourceWriter w, ApiSpec api, IReadOnlyList<ModelSpec> models)
    {
        w.Open("namespace " + api.Namespace);
        for (var i = 0; i < models.Count; i++)
        {
            if (i > 0)
            {
                w.Line();
            }

            WriteModelClass(w, api, models[i]);
        }

        w.Close();
        w.Line();
        w.Open($"namespace {api.Namespace}.Serialization");

        // Aliases declared inside this namespace: only a type declared in the namespace itself, where
        // only converters are generated, could shadow them; no user type elsewhere can.
        w.Line($"using ApiJson = {Json};");
        w.Line("using JsonSerializerOptions = global::System.Text.Json.JsonSerializerOptions;");
        w.Line("using Utf8JsonReader = global::System.Text.Json.Utf8JsonReader;");
        w.Line("using Utf8JsonWriter = global::System.Text.Json.Utf8JsonWriter;");
        w.Line();

        // One static class, partial across the model files, holds every model's converter: two
        // methods per model and no converter class of its own (each class is a type, a constructor
        // and a static constructor more for every build to compile).
        w.Open($"internal static partial class {api.Names.JsonConverters}");
        for (var i = 0; i < models.Count; i++)
        {
            if (i > 0)
            {
                w.Line();
            }

            WriteModelConverter(w, api, models[i]);
        }

        w.Close();
        w.Close();
    }

    private static void WriteModelClass(SourceWriter w, ApiSpec api, ModelSpec model)
    {
        w.Doc("summary", model.Summary);
        w.Doc("remarks", $"Generated from {model.Source}.");
        w.Line($"[global::System.Text.Json.Serialization.JsonConverter(typeof(global::{api.Namespace}.Serialization.{api.Names.JsonConverterFactory}))]");
        w.Line(GeneratedCode);
        w.Open($"public sealed partial class {model.Name}");
        var tracked = TrackedMembers(model);
        var first = true;
        foreach (var property in model.Properties)
        {
            if (!first)
            {
                w.Line();
            }

            first = false;
            w.Doc("summary", property.Summary);
            var remarks = $"JSON: <c>{SourceWriter.Xml(property.JsonName)}</c>.";
            if (model.Role == ModelRole.Request)
            {
                remarks += property.InQuery ? " Sent in the query string." : string.Empty;
                remarks += property.Required ? " Required."
                    : Tracked(model, property) ? " Optional: left out of the request unless set; set to null, it is sent as <c>null</c>."
                    : " Optional; left out of the request when null.";
            }

            if (property.RequiresSecret)
            {
                remarks += " Setting it requires the API secret.";
            }

            var deprecation = property.Obsolete is null ? null
                : property.Obsolete.TrimStart().StartsWith("Deprecated", System.StringComparison.OrdinalIgnoreCase) ? property.Obsolete
                : "Deprecated by the API docs: " + property.Obsolete;

            // A member the docs call both required and deprecated stays required (the server may refuse a request without it); C#
            // allows no [Obsolete] on a required member (CS9042), so the remarks say it.
            if (deprecation is not null && property.Required)
            {
                remarks += " " + SourceWriter.Xml(deprecation);
            }

            w.RawDoc("<remarks>" + remarks + "</remarks>");
            if (deprecation is not null && !property.Required)
            {
                w.Line($"[global::System.Obsolete({SourceWriter.Literal(deprecation)})]");
            }

            var type = PropertyType(api, property);
            var required = property.Required ? "required " : string.Empty;
            var initializer = property.Required || property.Nullable || property.Type.IsValueType ? string.Empty : " = " + DefaultValue(api, property.Type)
                + ";";
            if (tracked.TryGetValue(property.Name, out var bit))
            {
                // Setting it, to null or not, marks it set: the converter writes exactly the members the caller set.
                w.Line($"public {type} {property.Name} {{ get => {bit.Field}; set {{ {bit.Field} = value; {SetWord(bit.Index)} |= {SetMask(bit.Index)}; }} }}");
            }
            else
            {
                w.Line($"public {required}{type} {property.Name} {{ get; set; }}{initializer}");
            }
        }

        if (model.TracksSetMembers)
        {
            WriteSetTracking(w, api, model, tracked);
        }

        w.Close();
    }

    /// <summary>The optional body members of a request model, each with its backing field and its bit in the set words.</summary>
    private static Dictionary<string, (string Field, int Index)> TrackedMembers(ModelSpec model)
    {
        var tracked = new Dictionary<string, (string Field, int Index)>(System.StringComparer.Ordinal);
        var fields = new HashSet<string>(System.StringComparer.Ordinal);
        foreach (var property in model.Properties.Where(p => Tracked(model, p)))
        {
            var field = "_" + char.ToLowerInvariant(property.Name[0]) + property.Name.Substring(1);
            while (!fields.Add(field))
            {
                field += "_";
            }

            tracked[property.Name] = (field, tracked.Count);
        }

        return tracked;
    }

    private static bool Tracked(ModelSpec model, PropertySpec property) => model.TracksSetMembers && !property.Required && !property.InQuery;

    /// <summary>The word of set bits a member's bit is in (<c>__set0</c>, 64 members to a word): names no member can take.</summary>
    private static string SetWord(int index) => "__set" + (index / 64).ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static string SetMask(int index) => "0x" + (1UL << (index % 64)).ToString("X", System.Globalization.CultureInfo.InvariantCulture) + "UL";

    /// <summary>
    /// A request model's record of what was set: the backing fields, the set words the converter reads, and the raw
    /// values by member name (<see cref="ModelSpec.AdditionalPropertiesName"/>), created on first use.
    /// </summary>
    private static void WriteSetTracking(SourceWriter w, ApiSpec api, ModelSpec model, Dictionary<string, (string Field, int Index)> tracked)
    {
        const string rawType = "global::System.Collections.Generic.Dictionary<string, global::System.Text.Json.JsonElement>";
        w.Line();
        w.Doc("summary", "Raw JSON values to send, by member name: a value the typed members cannot hold (an empty string for " +
            "a date, a shape the docs do not show), sent as given in place of the member of that name, or a " +
            "member the docs do not list. Members read from JSON that this model does not know are kept here, so " +
            "a model read and sent back is sent as it came.");
        var rawMembers = $"global::System.Collections.Generic.IDictionary<string, global::System.Text.Json.JsonElement> {ModelSpec.AdditionalPropertiesName}";
        w.Line($"public {rawMembers} => __additional ??= new {rawType}(global::System.StringComparer.Ordinal);");
        w.Line();
        foreach (var property in model.Properties.Where(p => tracked.ContainsKey(p.Name)))
        {
            w.Line($"private {PropertyType(api, property)} {tracked[property.Name].Field};");
        }

        var words = (tracked.Count + 63) / 64;
        for (var word = 0; word < words; word++)
        {
            w.Line($"private ulong __set{word.ToString(System.Globalization.CultureInfo.InvariantCulture)};");
        }

        w.Line($"private {rawType}? __additional;");
        w.Line();
        w.Doc("summary", "The raw values, or null when none was given (for the converter).");
        w.Line($"internal {rawType}? __Additional => __additional;");
        for (var word = 0; word < words; word++)
        {
            var index = word.ToString(System.Globalization.CultureInfo.InvariantCulture);
            w.Line();
            w.Doc("summary", $"Which optional members were set: one bit each, members {word * 64} to {word * 64 + 63} (for the converter).");
            w.Line($"internal ulong __Set{index} => __set{index};");
        }
    }

    private static string DefaultValue(ApiSpec api, TypeRef type) => type.Kind switch
    {
        TypeKind.String => "\"\"",
        _ => $"new {TypeName(api, type)}()",
    };

    /// <summary>
    /// A model's converter, as a table: one line per member to read, one to write, in two static
    /// methods of the converters class, and the converter itself (a field named after the model).
    /// The runtime's <c>ApiJson</c> helpers advance the reader and call the member's converter.
    /// </summary>
    private static void WriteModelConverter(SourceWriter w, ApiSpec api, ModelSpec model)
    {
        var modelType = $"global::{api.Namespace}.{model.Name}";
        w.Doc("summary", $"Reads and writes {model.Name} as the API's JSON, without reflection.");
        var converterType = $"global::System.Text.Json.Serialization.JsonConverter<{modelType}>";
        w.Line($"public static readonly {converterType} {model.Name} = new {ObjectConverter}<{modelType}>(Read_{model.Name}, Write_{model.Name});");
        for (var i = 0; i < model.Properties.Count; i++)
        {
            var property = model.Properties[i];
            if (!IsSharedConverter(property.Type))
            {
                w.Line($"private static {ConverterType(api, property.Type)}? {LazyConverter(model, i)};");
            }
        }

        w.Line();
        w.Open($"private static {modelType}? Read_{model.Name}(ref Utf8JsonReader reader, JsonSerializerOptions options)");
        w.Open($"if (!ApiJson.StartObject(ref reader, {SourceWriter.Literal(model.Name)}))");
        w.Line("return null;");
        w.Close();
        w.Line();
        var requiredInit = string.Join(", ", model.Properties.Where(p => p.Required).Select(p => $"{p.Name} = default!"));
        w.Line($"var value = new {modelType}{(requiredInit.Length > 0 ? " { " + requiredInit + " }" : "()")};");
        w.Open("while (ApiJson.NextProperty(ref reader))");
        for (var i = 0; i < model.Properties.Count; i++)
        {
            var property = model.Properties[i];
            var converter = Converter(api, model, property.Type, i);
            var read = property.Nullable && property.Type.IsValueType
                ? $"ApiJson.ReadNullable(ref reader, {converter}, options)"
                : !property.Nullable && !property.Type.IsValueType
                    ? $"ApiJson.Read(ref reader, {converter}, options) ?? {(property.Required ? "default!" : DefaultValue(api, property.Type))}"
                    : $"ApiJson.Read(ref reader, {converter}, options)";
            w.Line($"{(i == 0 ? "if" : "else if")} (reader.ValueTextEquals({SourceWriter.Utf8Literal(property.JsonName)})) value.{property.Name} = {read};");
        }

        // A request model keeps what it does not know, to send it back as it came; other models skip it.
        var unknown = model.TracksSetMembers ? $"ApiJson.ReadAdditional(ref reader, value.{ModelSpec.AdditionalPropertiesName});"
            : "ApiJson.SkipProperty(ref reader);";
        w.Line(model.Properties.Count > 0 ? "else " + unknown : unknown);
        w.Close();
        w.Line();
        w.Line("return value;");
        w.Close();
        w.Line();
        w.Open($"private static void Write_{model.Name}(Utf8JsonWriter writer, {modelType} value, JsonSerializerOptions options)");
        w.Line("writer.WriteStartObject();");
        var tracked = TrackedMembers(model);
        if (model.TracksSetMembers)
        {
            w.Line("var raw = value.__Additional;");
        }

        foreach (var (property, i) in model.Properties.Select((p, i) => (p, i)).Where(pair => !pair.p.InQuery))
        {
            var name = SourceWriter.Utf8Literal(property.JsonName);
            var access = "value." + property.Name + (property.Nullable && property.Type.IsValueType ? ".Value" : string.Empty);
            var write = DirectWrite(property.Type, name, access)
                ?? $"ApiJson.Write(writer, {name}, {access}, {Converter(api, model, property.Type, i)}, options);";
            if (!model.TracksSetMembers)
            {
                w.Line(property.Nullable ? $"if (value.{property.Name} is not null) {write}" : write);
                continue;
            }

            // A raw value of the same name is sent in the member's place.
            var notRaw = $"(raw is null || !raw.ContainsKey({SourceWriter.Literal(property.JsonName)}))";
            if (!tracked.TryGetValue(property.Name, out var bit))
            {
                w.Line($"if {notRaw} {write}");
                continue;
            }

            // Exactly what the caller set: an unset member is left out, one set to null is sent as null.
            w.Open($"if ((value.__Set{bit.Index / 64} & {SetMask(bit.Index)}) != 0 && {notRaw})");
            w.Line($"if (value.{property.Name} is null) ApiJson.WriteNull(writer, {name});");
            w.Line("else " + write);
            w.Close();
        }

        if (model.TracksSetMembers)
        {
            w.Line("if (raw is not null) ApiJson.WriteAdditional(writer, raw);");
        }

        w.Line("writer.WriteEndObject();");
        w.Close();
    }

    /// <summary>
    /// A primitive member written straight by the writer, name and value in one call, as System.Text.Json's own
    /// generated fast path does (the same text the shared converter writes, without its two indirect calls); null
    /// for the types that go through a converter.
    /// </summary>
    private static string? DirectWrite(TypeRef type, string name, string access) => type.Kind switch
    {
        TypeKind.String or TypeKind.DateTimeOffset => $"writer.WriteString({name}, {access});",
        TypeKind.Int32 or TypeKind.Int64 or TypeKind.Decimal or TypeKind.Double => $"writer.WriteNumber({name}, {access});",
        TypeKind.Boolean => $"writer.WriteBoolean({name}, {access});",
        _ => null,
    };

    /// <summary>The field that caches a list or dictionary member's converter; the model's name keeps it apart from other models' in the shared
    /// class.</summary>
    private static string LazyConverter(ModelSpec model, int index) => $"s_{model.Name}_{index}";

    /// <summary>Types whose converter is a shared static instance; others are built once, lazily, per model.</summary>
    private static bool IsSharedConverter(TypeRef type) => type.Kind is not (TypeKind.List or TypeKind.Dictionary);

    /// <summary>A member's converter inside the <c>.Serialization</c> namespace, where <c>ApiJson</c> is an alias.</summary>
    private static string Converter(ApiSpec api, ModelSpec model, TypeRef type, int index)
    {
        var converter = ConverterExpression(api, type, "ApiJson", qualified: false);
        return IsSharedConverter(type) ? converter : $"{LazyConverter(model, index)} ??= {converter}";
    }

    private static GeneratedFile EmitEnum(ApiSpec api, EnumSpec spec)
    {
        var w = Begin(api.Namespace);
        var name = spec.Name;
        w.Doc("summary", spec.Summary);
        w.RawDoc("<remarks>A string-backed value: the documented values are static properties; any other value the API sends is kept, not rejected. " +
            $"Generated from {SourceWriter.Xml(spec.Source)}.</remarks>");
        w.Line($"[global::System.Text.Json.Serialization.JsonConverter(typeof({ConverterClass(api, name)}))]");
        w.Line(GeneratedCode);
        w.Open($"public readonly partial struct {name} : global::System.IEquatable<{name}>");
        w.Line("private readonly string? _value;");
        w.Line();
        w.Doc("summary", "Creates a value; any string is accepted, so values added to the API later still round-trip.");
        w.Doc("param", "The value as the API writes it.", " name=\"value\"");
        w.Open($"public {name}(string value)");
        w.Line("_value = value ?? throw new global::System.ArgumentNullException(nameof(value));");
        w.Close();
        foreach (var member in spec.Members)
        {
            w.Line();
            w.RawDoc($"<summary>The documented value <c>{SourceWriter.Xml(member.Value)}</c>.</summary>");
            w.Line($"public static {name} {member.Name} {{ get; }} = new {name}({SourceWriter.Literal(member.Value)});");
        }

        w.Line();
        w.Doc("summary", "The value as the API writes it.");
        w.Line($"public string {EnumValue} => _value ?? string.Empty;");
        w.Line();
        w.Doc("summary", "Whether the value is one the docs list.");
        w.Line($"public bool {EnumIsKnown} => " + string.Join(" || ", spec.Members.Select(m => $"Equals({m.Name})").DefaultIfEmpty("false")) + ";");
        w.Line();
        w.Doc("summary", "Converts a string.");
        w.Doc("param", "The value as the API writes it.", " name=\"value\"");
        w.Line($"public static implicit operator {name}(string value) => new {name}(value);");
        w.Line();
        w.Doc("summary", "Compares two values, ignoring case.");
        w.Doc("param", "The first value.", " name=\"left\"");
        w.Doc("param", "The second value.", " name=\"right\"");
        w.Line($"public static bool operator ==({name} left, {name} right) => left.Equals(right);");
        w.Line();
        w.Doc("summary", "Compares two values, ignoring case.");
        w.Doc("param", "The first value.", " name=\"left\"");
        w.Doc("param", "The second value.", " name=\"right\"");
        w.Line($"public static bool operator !=({name} left, {name} right) => !left.Equals(right);");
        w.Line();
        w.RawDoc("<inheritdoc/>");
        w.Line($"public bool Equals({name} other) => string.Equals({EnumValue}, other.{EnumValue}, global::System.StringComparison.OrdinalIgnoreCase);");
        w.Line();
        w.RawDoc("<inheritdoc/>");
        w.Line($"public override bool Equals(object? obj) => obj is {name} other && Equals(other);");
        w.Line();
        w.RawDoc("<inheritdoc/>");
        w.Line($"public override int GetHashCode() => global::System.StringComparer.OrdinalIgnoreCase.GetHashCode({EnumValue});");
        w.Line();
        w.RawDoc("<inheritdoc/>");
        w.Line($"public override string ToString() => {EnumValue};");
        w.Close();
        w.Close();
        w.Line();
        w.Open($"namespace {api.Namespace}.Serialization");
        w.Doc("summary", $"Reads and writes {name} as a JSON string.");
        w.Line(GeneratedCode);
        w.Open($"internal sealed class {name}JsonConverter : {Runtime}.Serialization.ApiStringEnumConverter<global::{api.Namespace}.{name}>");
        w.Line($"public static readonly {name}JsonConverter Instance = new {name}JsonConverter();");
        w.Line();
        w.Line($"public {name}JsonConverter()");
        w.Indent().Line($": base(static value => new global::{api.Namespace}.{name}(value), static value => value.{EnumValue})").Dedent();
        w.Line("{");
        w.Line("}");
        w.Close();
        w.Close();
        return new GeneratedFile($"{name}.g.cs", w.ToString());
    }
}
