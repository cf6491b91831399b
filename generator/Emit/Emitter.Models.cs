using System.Linq;
using Engage.Codegen.Model;

namespace Engage.Codegen.Emit;

internal static partial class Emitter
{
    private static GeneratedFile EmitModel(ApiSpec api, ModelSpec model)
    {
        var w = HeaderWriter();
        WriteModel(w, api, model);
        return new GeneratedFile($"{model.Name}.g.cs", w.ToString());
    }

    /// <summary>Writes a model and its converter (two namespace blocks) into <paramref name="w"/>.</summary>
    private static void WriteModel(SourceWriter w, ApiSpec api, ModelSpec model)
    {
        w.Open("namespace " + api.Namespace);
        w.Doc("summary", model.Summary);
        w.Doc("remarks", $"Generated from {model.Source}.");
        w.Line($"[global::System.Text.Json.Serialization.JsonConverter(typeof({ConverterClass(api, model.Name)}))]");
        w.Line(GeneratedCode);
        w.Open($"public sealed partial class {model.Name}");
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
                remarks += property.Required ? " Required." : " Optional; left out of the request when null.";
            }

            if (property.RequiresSecret)
            {
                remarks += " Setting it requires the API secret.";
            }

            w.RawDoc("<remarks>" + remarks + "</remarks>");
            if (property.Obsolete is not null)
            {
                var message = property.Obsolete.TrimStart().StartsWith("Deprecated", System.StringComparison.OrdinalIgnoreCase) ? property.Obsolete : "Deprecated by the API docs: " + property.Obsolete;
                w.Line($"[global::System.Obsolete({SourceWriter.Literal(message)})]");
            }

            var type = PropertyType(api, property);
            var required = property.Required ? "required " : string.Empty;
            var initializer = property.Required || property.Nullable || property.Type.IsValueType ? string.Empty : " = " + DefaultValue(api, property.Type) + ";";
            w.Line($"public {required}{type} {property.Name} {{ get; set; }}{initializer}");
        }

        w.Close();
        w.Close();
        w.Line();
        EmitModelConverter(w, api, model);
    }

    private static string DefaultValue(ApiSpec api, TypeRef type) => type.Kind switch
    {
        TypeKind.String => "\"\"",
        _ => $"new {TypeName(api, type)}()",
    };

    private static void EmitModelConverter(SourceWriter w, ApiSpec api, ModelSpec model)
    {
        var modelType = $"global::{api.Namespace}.{model.Name}";
        w.Open($"namespace {api.Namespace}.Serialization");
        w.Doc("summary", $"Reads and writes {model.Name} as the API's JSON, without reflection.");
        w.Line(GeneratedCode);
        w.Open($"internal sealed class {model.Name}JsonConverter : global::System.Text.Json.Serialization.JsonConverter<{modelType}>");
        w.Line($"public static readonly {model.Name}JsonConverter Instance = new {model.Name}JsonConverter();");
        for (var i = 0; i < model.Properties.Count; i++)
        {
            var property = model.Properties[i];
            if (!IsSharedConverter(property.Type))
            {
                w.Line($"private static {ConverterType(api, property.Type)}? s_converter{i};");
            }
        }

        w.Line();
        w.Open($"public override {modelType}? Read(ref global::System.Text.Json.Utf8JsonReader reader, global::System.Type typeToConvert, global::System.Text.Json.JsonSerializerOptions options)");
        w.Open("if (reader.TokenType == global::System.Text.Json.JsonTokenType.Null)");
        w.Line("return null;");
        w.Close();
        w.Line();
        w.Line($"{Json}.ExpectStartObject(ref reader, {SourceWriter.Literal(model.Name)});");
        var requiredInit = string.Join(", ", model.Properties.Where(p => p.Required).Select(p => $"{p.Name} = default!"));
        w.Line($"var value = new {modelType}{(requiredInit.Length > 0 ? " { " + requiredInit + " }" : "()")};");
        w.Open("while (reader.Read() && reader.TokenType != global::System.Text.Json.JsonTokenType.EndObject)");
        for (var i = 0; i < model.Properties.Count; i++)
        {
            var property = model.Properties[i];
            w.Open($"{(i == 0 ? "if" : "else if")} (reader.ValueTextEquals({SourceWriter.Utf8Literal(property.JsonName)}))");
            w.Line("reader.Read();");
            var read = $"{Converter(api, property.Type, i)}.Read(ref reader, typeof({TypeName(api, property.Type)}), options)";
            if (property.Nullable && property.Type.IsValueType)
            {
                w.Line($"value.{property.Name} = reader.TokenType == global::System.Text.Json.JsonTokenType.Null ? ({TypeName(api, property.Type)}?)null : {read};");
            }
            else if (!property.Nullable && !property.Type.IsValueType)
            {
                w.Line($"value.{property.Name} = {read} ?? {(property.Required ? "default!" : DefaultValue(api, property.Type))};");
            }
            else
            {
                w.Line($"value.{property.Name} = {read};");
            }

            w.Close();
        }

        if (model.Properties.Count > 0)
        {
            w.Open("else");
        }

        w.Line("reader.Read();");
        w.Line($"{Json}.SkipValue(ref reader);");
        if (model.Properties.Count > 0)
        {
            w.Close();
        }

        w.Close();
        w.Line();
        w.Line("return value;");
        w.Close();
        w.Line();
        w.Open($"public override void Write(global::System.Text.Json.Utf8JsonWriter writer, {modelType} value, global::System.Text.Json.JsonSerializerOptions options)");
        w.Line("writer.WriteStartObject();");
        for (var i = 0; i < model.Properties.Count; i++)
        {
            var property = model.Properties[i];
            var access = "value." + property.Name;
            if (property.Nullable)
            {
                w.Open($"if ({access} is not null)");
                if (property.Type.IsValueType)
                {
                    access += ".Value";
                }
            }

            w.Line($"writer.WritePropertyName({SourceWriter.Utf8Literal(property.JsonName)});");
            w.Line($"{Converter(api, property.Type, i)}.Write(writer, {access}, options);");
            if (property.Nullable)
            {
                w.Close();
            }
        }

        w.Line("writer.WriteEndObject();");
        w.Close();
        w.Close();
        w.Close();
    }

    /// <summary>Types whose converter is a shared static instance; others are built once, lazily, per model.</summary>
    private static bool IsSharedConverter(TypeRef type) => type.Kind is not (TypeKind.List or TypeKind.Dictionary);

    private static string Converter(ApiSpec api, TypeRef type, int index) =>
        IsSharedConverter(type) ? ConverterExpression(api, type) : $"(s_converter{index} ??= {ConverterExpression(api, type)})";

    private static GeneratedFile EmitEnum(ApiSpec api, EnumSpec spec)
    {
        var w = Begin(api.Namespace);
        var name = spec.Name;
        w.Doc("summary", spec.Summary);
        w.RawDoc($"<remarks>A string-backed value: the documented values are static properties; any other value the API sends is kept, not rejected. Generated from {SourceWriter.Xml(spec.Source)}.</remarks>");
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
        w.Line("public string Value => _value ?? string.Empty;");
        w.Line();
        w.Doc("summary", "Whether the value is one the docs list.");
        w.Line("public bool IsKnown => " + string.Join(" || ", spec.Members.Select(m => $"Equals({m.Name})").DefaultIfEmpty("false")) + ";");
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
        w.Line($"public bool Equals({name} other) => string.Equals(Value, other.Value, global::System.StringComparison.OrdinalIgnoreCase);");
        w.Line();
        w.RawDoc("<inheritdoc/>");
        w.Line($"public override bool Equals(object? obj) => obj is {name} other && Equals(other);");
        w.Line();
        w.RawDoc("<inheritdoc/>");
        w.Line("public override int GetHashCode() => global::System.StringComparer.OrdinalIgnoreCase.GetHashCode(Value);");
        w.Line();
        w.RawDoc("<inheritdoc/>");
        w.Line("public override string ToString() => Value;");
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
        w.Line($"    : base(static value => new global::{api.Namespace}.{name}(value), static value => value.Value)");
        w.Line("{");
        w.Line("}");
        w.Close();
        w.Close();
        return new GeneratedFile($"{name}.g.cs", w.ToString());
    }
}
