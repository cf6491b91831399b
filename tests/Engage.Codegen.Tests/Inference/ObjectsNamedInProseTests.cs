using Engage.Codegen.Model;

namespace Engage.Codegen.Tests.Inference;

/// <summary>
/// A section's prose can name the object it answers with ("Returns an array of kennel objects") where no section of
/// the set documents that object and only the section's example shows it. The example's object (a list's items, or
/// the object itself) then takes the object's name, and a later section that names it without an example answers with
/// it. Where no example shows it anywhere, ENG006 says the named object is not documented. A sentence that introduces a
/// shape ("The collar type has the following structure:") over an example or a sketch of it documents that object.
/// </summary>
public class ObjectsNamedInProseTests
{
    private const string Page =
        "# Kennels API\n\n" +
        "## Kennels\n\n```\nGET /kennels\n```\n\nReturns an array of kennel objects, one per building.\n\n" +
        "```json\n[{\"id\": 1, \"name\": \"North\", \"heated\": true}]\n```\n\n" +
        "## Kennel\n\n```\nGET /kennels/:id\n```\n\nReturns the kennel object with that id.\n\n" +
        "## Leashes\n\n```\nGET /leashes\n```\n\nReturns a list of leash objects.\n";

    [Fact]
    public void The_items_of_a_list_take_the_name_the_prose_gives_their_object()
    {
        var api = InferenceHarness.Api(Page);
        var list = InferenceHarness.Operation(api, "/kennels");
        Assert.Equal(TypeRef.ListOf(TypeRef.ModelNamed("Kennel")), list.ResponseType);
        var kennel = Assert.Single(api.Models, m => m.Name == "Kennel");
        Assert.Equal(new[] { "id", "name", "heated" }, kennel.Properties.Select(p => p.JsonName));
        Assert.Equal(TypeKind.Boolean, kennel.Properties[2].Type.Kind);
    }

    [Fact]
    public void A_later_section_that_names_the_object_without_an_example_answers_with_it()
    {
        var api = InferenceHarness.Api(Page);
        Assert.Equal(TypeRef.ModelNamed("Kennel"), InferenceHarness.Operation(api, "/kennels/{id}").ResponseType);
    }

    [Fact]
    public void Only_an_object_no_example_shows_is_reported_as_undocumented()
    {
        var inferred = InferenceHarness.Of(("/docs/kennels.md", Page));
        var reported = Assert.Single(inferred.Diagnostics, d => d.Id == "ENG006");
        Assert.Contains("leash", reported.Arguments);
        Assert.Equal(TypeKind.JsonElement, InferenceHarness.Operation(inferred.Api, "/leashes").ResponseType.Kind);
    }

    [Fact]
    public void A_sentence_that_introduces_a_shape_over_a_sketch_documents_an_object()
    {
        // "The collar type has the following structure:" over a sketch whose values name types.
        var api = InferenceHarness.Api(Page + "\n## Collars\n\nThe collar type has the following structure:\n\n" +
            "```js\n{\n  colour: string, // e.g. \"red\"\n  size_cm: float,\n  tagged: boolean,\n}\n```\n");
        var collar = Assert.Single(api.Models, m => m.Name == "Collar");
        Assert.Equal(new[] { ("colour", TypeKind.String), ("size_cm", TypeKind.Decimal), ("tagged", TypeKind.Boolean) },
            collar.Properties.Select(p => (p.JsonName, p.Type.Kind)));
    }
}
