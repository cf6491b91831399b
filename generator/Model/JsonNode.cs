namespace Engage.Codegen.Model;

internal enum JsonKind
{
    Object,
    Array,
    String,
    Integer,
    Decimal,
    Boolean,
    Null,

    /// <summary>A placeholder such as <c>...</c> or <c>{...}</c>: something is there, its shape unknown.</summary>
    Unknown,
}

/// <summary>
/// A JSON value read leniently from a docs example; structurally equal. <see cref="SeenNull"/> when the value merges
/// several samples of one member and one of them showed <c>null</c> (a list's items, two answers of one call).
/// </summary>
internal sealed record JsonNode(JsonKind Kind, string? Text, EquatableArray<JsonProperty> Properties, EquatableArray<JsonNode> Items, bool SeenNull = false)
{
    /// <summary>True when the value, or a sample merged into it, is <c>null</c>.</summary>
    public bool MayBeNull => Kind == JsonKind.Null || SeenNull;

    public static JsonNode Scalar(JsonKind kind, string? text) => new(kind, text, EquatableArray<JsonProperty>.Empty, EquatableArray<JsonNode>.Empty);

    public JsonNode? Property(string name)
    {
        foreach (var property in Properties)
        {
            if (property.Name == name)
            {
                return property.Value;
            }
        }

        return null;
    }
}

internal sealed record JsonProperty(string Name, JsonNode Value);
