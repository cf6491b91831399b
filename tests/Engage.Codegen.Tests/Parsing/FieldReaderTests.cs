using Engage.Codegen.Model;
using Engage.Codegen.Parsing;

namespace Engage.Codegen.Tests.Parsing;

/// <summary>Parameter tables in their common shapes, and what they say of each parameter.</summary>
public class FieldReaderTests
{
    private static IReadOnlyList<FieldDocSpec> ParametersOf(string table)
    {
        var page = "# Things\n\n## Create a thing\n\n```\nPOST /things\n```\n\n### Parameters\n\n" + table + "\n";
        return DocParser.Parse(new DocSource("/docs/things.md", page), CancellationToken.None).Endpoints.Single().Parameters.ToList();
    }

    [Fact]
    public void A_required_column_says_which_are_required()
    {
        var fields = ParametersOf("Parameter | Type | Required | Description\n--- | --- | --- | ---\nname | string | Yes | The name.\nsize | int | No | The size.\ncolor | string | mandatory | The color.");
        Assert.Equal(new[] { "Required", "Optional", "Required" }, fields.Select(f => f.Requirement.ToString()));
        Assert.Equal("(string) The name.", fields[0].Description);
    }

    [Fact]
    public void Required_or_mandatory_at_the_head_of_a_description_says_it_and_is_not_kept_in_it()
    {
        var fields = ParametersOf("|Name|Type|Description|\n|----|----|-----------|\n|name|string|**Required** The name.|\n|size|int|Mandatory. The size.|\n|color|string|Optional. The color.|\n|shape|string|The shape.|");
        Assert.Equal(new[] { "Required", "Required", "Optional", "Unspecified" }, fields.Select(f => f.Requirement.ToString()));
        Assert.Equal("(int) The size.", fields[1].Description);
    }

    [Fact]
    public void Without_a_type_column_the_example_column_says_the_type()
    {
        var fields = ParametersOf("| Argument | Example | Required | Description |\n| --- | --- | --- | --- |\n| `room` | `r-19` | Required | The room. |\n| `offset` | `0` | Optional | Where to start. |\n| `ratio` | `0.5` | Optional | A ratio. |\n| `pinned` | `true` | Optional | Only pinned. |\n| `since` | `2024-03-01T10:00:00Z` | Optional | From when. |\n| `filter` | `{\"a\": 1}` | Optional | A filter. |");
        Assert.Equal(
            new[] { "(string) The room.", "(integer) Where to start.", "(number) A ratio.", "(boolean) Only pinned.", "(date-time) From when.", "A filter." },
            fields.Select(f => f.Description));
        Assert.Equal(new[] { "Required", "Optional", "Optional", "Optional", "Optional", "Optional" }, fields.Select(f => f.Requirement.ToString()));
    }

    [Fact]
    public void A_bullets_parenthetical_in_code_with_a_default_after_a_colon_declares_the_type_and_the_requirement()
    {
        // "- `prefix` `(string: \"\")` - ...": the type before the colon, the default after it; "<required>" says it is required.
        var fields = ParametersOf("- `prefix` `(string: \"\")` - Filters by a prefix of an even number of hex digits.\n- `job` `(string: <required>)` - The job to plan.\n- `size` `(int: 0)` - How many at most.\n- `name` (string, required) - The name.");
        Assert.Equal(new[] { "Unspecified", "Required", "Unspecified", "Required" }, fields.Select(f => f.Requirement.ToString()));
        Assert.Equal(new[] { "string", "string", "int", "string" }, fields.Select(f => f.Description.Substring(1, f.Description.IndexOfAny(new[] { ':', ',' }) - 1)));
        Assert.Equal(Engage.Codegen.Model.TypeKind.String, Engage.Codegen.Inference.DeclaredTypes.Read(fields[0].Description, "prefix")!.Kind);
        Assert.Equal(Engage.Codegen.Model.TypeKind.Int32, Engage.Codegen.Inference.DeclaredTypes.Read(fields[2].Description, "size")!.Kind);
    }
}
