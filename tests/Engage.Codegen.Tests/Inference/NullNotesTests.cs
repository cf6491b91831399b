using Engage.Codegen.Model;

namespace Engage.Codegen.Tests.Inference;

/// <summary>
/// A note beside the example can say a member of the answer may be null ("`collar` is `null` when the dog wears
/// none", "`adopted_at` is null."), where the example shows it with a value. The answer's own member becomes
/// nullable, in a list's items too; a nested object's member of the same name is another member and keeps its type.
/// </summary>
public class NullNotesTests
{
    private const string Page =
        "# Kennels API\n\n" +
        "## List dogs\n\n```\nGET /dogs\n```\n\nResponse:\n\n" +
        "```json\n[{\"id\": 1, \"name\": \"Rex\", \"collar\": {\"colour\": \"red\", \"name\": \"Rexy\"}, \"adopted_at\": \"2026-01-02T10:00:00Z\"}]\n```\n\n" +
        "Notes:\n\n- `collar` is `null` when the dog wears none.\n- For dogs still in the kennel:\n  - `adopted_at` is null.\n  - `name` may be null.\n";

    [Fact]
    public void A_member_a_note_says_may_be_null_is_nullable_and_keeps_its_type()
    {
        var api = InferenceHarness.Api(Page);
        var list = InferenceHarness.Operation(api, "/dogs");
        var item = Assert.Single(api.Models, m => m.Name == list.ResponseType.Element!.Name);
        var collar = Assert.Single(item.Properties, p => p.JsonName == "collar");
        Assert.True(collar.Nullable);
        Assert.Equal(TypeKind.Model, collar.Type.Kind);
        var adopted = Assert.Single(item.Properties, p => p.JsonName == "adopted_at");
        Assert.True(adopted.Nullable);
        Assert.Equal(TypeKind.DateTimeOffset, adopted.Type.Kind);
        Assert.False(Assert.Single(item.Properties, p => p.JsonName == "id").Nullable);
    }

    [Fact]
    public void A_nested_objects_member_of_the_same_name_is_not_what_the_note_means()
    {
        var api = InferenceHarness.Api(Page);
        var item = Assert.Single(api.Models, m => m.Name == InferenceHarness.Operation(api, "/dogs").ResponseType.Element!.Name);
        Assert.True(Assert.Single(item.Properties, p => p.JsonName == "name").Nullable);
        var collar = Assert.Single(api.Models, m => m.Name == Assert.Single(item.Properties, p => p.JsonName == "collar").Type.Name);
        Assert.False(Assert.Single(collar.Properties, p => p.JsonName == "name").Nullable);
    }
}
