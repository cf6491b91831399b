using Engage.Codegen.Inference;
using Engage.Codegen.Model;

namespace Engage.Codegen.Tests.Inference;

/// <summary>A table's type column or a bullet's "(type)" decides the member type.</summary>
public class DeclaredTypesTests
{
    public static TheoryData<string, string, string?> Cases => new()
    {
        { "(integer) How many.", "count", "Int32" },
        { "(integer) The shelf.", "shelf_id", "Int64" },
        { "Required. (int) The id.", "id", "Int64" },
        { "(int64) Big.", "size", "Int64" },
        { "(number) Weight.", "weight", "Decimal" },
        { "(float) Ratio.", "ratio", "Double" },
        { "(float64) Latitude.", "lat", "Double" },
        { "(decimal) Price.", "price", "Decimal" },
        { "(string) Name.", "name", "String" },
        { "(bool) On or off.", "on", "Boolean" },
        { "(date-time) When.", "at", "DateTimeOffset" },
        { "(array of int) Labels.", "labels", "List<Int32>" },
        { "(array of strings) Tags.", "tags", "List<String>" },
        { "(string[]) Tags.", "tags", "List<String>" },
        { "(object) Anything.", "meta", null },
        { "The name (string).", "name", null },
        { "", "name", null },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Declared_types_map_to_members(string description, string jsonName, string? expected)
    {
        Assert.Equal(expected, Describe(DeclaredTypes.Read(description, jsonName)));
    }

    private static string? Describe(TypeRef? type) =>
        type is null ? null : type.Kind == TypeKind.List ? "List<" + Describe(type.Element) + ">" : type.Kind.ToString();
}
