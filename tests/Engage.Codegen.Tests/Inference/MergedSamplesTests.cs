using Engage.Codegen.Model;

namespace Engage.Codegen.Tests.Inference;

/// <summary>
/// A list's example shows several items, and each shows a member as it happens to be: a description in one kennel,
/// <c>null</c> in the next; a keeper object in one, <c>null</c> where none is assigned. The member is what the
/// samples that have a value show, and it may be null: <c>string?</c>, not <c>string</c> (the first sample alone)
/// nor <c>JsonElement</c> (the null alone). A member every sample shows with a value stays non-nullable.
/// </summary>
public class MergedSamplesTests
{
    private const string Kennels =
        "# Kennels API\n\n## List kennels\n\n`GET /kennels`\n\n```json\n[\n" +
        "  {\"id\": 1, \"name\": \"North\", \"description\": \"By the gate\", \"keeper\": null},\n" +
        "  {\"id\": 2, \"name\": \"South\", \"description\": null, \"keeper\": {\"id\": 9, \"name\": \"Ada\"}}\n]\n```\n";

    private static ModelSpec Item()
    {
        var api = InferenceHarness.Api(Kennels);
        var list = Assert.Single(api.Resources.SelectMany(r => r.Operations));
        Assert.Equal(TypeKind.List, list.ResponseType.Kind);
        return api.Models.Single(m => m.Name == list.ResponseType.Element!.Name);
    }

    [Fact]
    public void A_member_one_sample_shows_null_is_the_others_type_and_nullable()
    {
        var item = Item();
        var description = item.Properties.Single(p => p.JsonName == "description");
        Assert.Equal(TypeKind.String, description.Type.Kind);
        Assert.True(description.Nullable);

        var keeper = item.Properties.Single(p => p.JsonName == "keeper");
        Assert.Equal(TypeKind.Model, keeper.Type.Kind);
        Assert.True(keeper.Nullable);
    }

    [Fact]
    public void A_member_every_sample_shows_stays_non_nullable()
    {
        Assert.False(Item().Properties.Single(p => p.JsonName == "name").Nullable);
    }
}
