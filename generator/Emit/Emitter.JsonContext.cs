using System.Collections.Generic;
using System.Linq;
using Engage.Codegen.Model;

namespace Engage.Codegen.Emit;

internal static partial class Emitter
{
    private const string TypeInfo = "global::System.Text.Json.Serialization.Metadata.JsonTypeInfo";

    /// <summary>The context's helper that makes each type's metadata from its converter (a reserved member name).</summary>
    private const string CreateInfo = "CreateInfo";

    private static GeneratedFile EmitJsonContext(ApiSpec api)
    {
        var name = api.Names.JsonContext;
        var types = new List<TypeRef>();
        types.AddRange(api.Models.Select(m => TypeRef.ModelNamed(m.Name)));
        types.AddRange(api.Enums.Select(e => TypeRef.EnumNamed(e.Name)));
        types.AddRange(api.Resources.SelectMany(r => r.Operations).Select(o => o.ResponseType).Where(t => t.Kind != TypeKind.None));
        var members = new List<(string Member, TypeRef Type)>();
        var seen = new HashSet<string>();
        var reserved = new HashSet<string> { "Default", "Options", "GetTypeInfo", "GeneratedSerializerOptions", CreateInfo, "Equals", "GetHashCode", "ToString",
            "GetType", name };
        foreach (var type in types.Distinct())
        {
            var member = ContextMember(type);
            if (reserved.Contains(member))
            {
                member += "Type";
            }

            if (seen.Add(member))
            {
                members.Add((member, type));
            }
        }

        var w = Begin(api.Namespace);
        w.Doc("summary", $"JSON metadata for every type of the {api.ApiName} client: serialize and deserialize its models without reflection " +
            "(trimming and Native AOT safe).");
        w.RawDoc($"<example><code>var json = global::System.Text.Json.JsonSerializer.Serialize(user, {SourceWriter.Xml(name)}.Default.User);</code></example>");
        w.Line(GeneratedCode);
        w.Open($"public sealed partial class {name} : global::System.Text.Json.Serialization.JsonSerializerContext");
        w.Doc("summary", "The context with default options, as the generated client uses it.");
        w.Line($"public static {name} Default {{ get; }} = new {name}(new global::System.Text.Json.JsonSerializerOptions());");
        w.Line();
        w.Doc("summary", "Creates a context bound to the given options.");
        w.Doc("param", "The options; they become bound to this context.", " name=\"options\"");
        w.Line($"public {name}(global::System.Text.Json.JsonSerializerOptions options)");
        w.Indent().Line(": base(options)").Dedent();
        w.Line("{");
        w.Line("}");
        w.Line();
        w.RawDoc("<inheritdoc/>");
        w.Line("protected override global::System.Text.Json.JsonSerializerOptions? GeneratedSerializerOptions => null;");
        w.Line();
        w.Line($"private {TypeInfo}<T> {CreateInfo}<T>(global::System.Text.Json.Serialization.JsonConverter<T> converter) =>");
        w.Indent().Line($"global::System.Text.Json.Serialization.Metadata.JsonMetadataServices.CreateValueInfo<T>(Options, converter);").Dedent();
        foreach (var (member, type) in members)
        {
            var typeName = TypeName(api, type);
            w.Line();
            w.RawDoc(type.Kind is TypeKind.Model or TypeKind.Enum
                ? $"<summary>Metadata for <see cref=\"{typeName}\"/>.</summary>"
                : $"<summary>Metadata for <c>{SourceWriter.Xml(typeName)}</c>.</summary>");
            w.Line($"public {TypeInfo}<{typeName}> {member} => _{member} ??= {CreateInfo}({ConverterExpression(api, type)});");
            w.Line($"private {TypeInfo}<{typeName}>? _{member};");
        }

        w.Line();
        w.RawDoc("<inheritdoc/>");
        w.Open($"public override {TypeInfo}? GetTypeInfo(global::System.Type type)");
        foreach (var (member, type) in members)
        {
            w.Line($"if (type == typeof({TypeName(api, type)})) return {member};");
        }

        w.Line();
        w.Line("return null;");
        w.Close();
        w.Close();
        w.Close();
        w.Line();
        w.Open($"namespace {api.Namespace}.Serialization");
        w.Doc("summary", "Every model's converter, one field each, named after the model; each model file adds its own.");
        w.Line(GeneratedCode);
        w.Line($"internal static partial class {api.Names.JsonConverters}");
        w.Line("{");
        w.Line("}");
        w.Line();
        w.RawDoc("<summary>The converter a model's <c>[JsonConverter]</c> attribute names: it hands System.Text.Json the model's own converter, " +
            $"from <see cref=\"global::{api.Namespace}.{SourceWriter.Xml(name)}\"/>, so the model reads and writes the API's JSON also when " +
            "serialized without the context.</summary>");
        w.Line(GeneratedCode);
        w.Open($"internal sealed class {api.Names.JsonConverterFactory} : global::System.Text.Json.Serialization.JsonConverterFactory");
        w.RawDoc("<inheritdoc/>");
        var context = $"global::{api.Namespace}.{name}.Default";
        w.Line($"public override bool CanConvert(global::System.Type typeToConvert) => {context}.GetTypeInfo(typeToConvert) is not null;");
        w.Line();
        w.RawDoc("<inheritdoc/>");
        const string Json = "global::System.Text.Json";
        w.Line($"public override {Json}.Serialization.JsonConverter? CreateConverter(" +
            $"global::System.Type typeToConvert, {Json}.JsonSerializerOptions options) =>");
        w.Indent().Line($"global::{api.Namespace}.{name}.Default.GetTypeInfo(typeToConvert)?.Converter;").Dedent();
        w.Close();
        w.Close();
        return new GeneratedFile($"{name}.g.cs", w.ToString());
    }
}
