using System.Reflection;

namespace Engage.Codegen.Tests.Inference;

/// <summary>
/// A field described in two places (an object's bullet and a request parameter on the same page)
/// takes the more specific description's type.
/// </summary>
public class SecondDescriptionTests
{
    private const string Widgets = """
        # The Widgets API

        ## API Root

        `https://api.widgets.test/v1`

        ## The Widget object

        ```json
        {"id": "w1", "number": null, "sold": null, "weight": 2.5}
        ```

        - `id` - The widget's id.
        - `number` - The owner's number, if added.
        - `sold` - When it left the shop, if it did.
        - `weight` - Its weight in kilograms.

        ## Update a widget

        ```
        PUT /widgets/{id}
        ```

        - `number` - Optional. The owner's phone number, in international format.
        - `sold` - Optional. The date it was sold.
        - `weight` - Optional. The number of grams it weighs.

        Returns the widget object.
        """;

    private static readonly Lazy<(GenerationResult Result, Assembly Assembly)> s_generated = new(() =>
    {
        var result = GeneratorHarness.Run(new[] { new InMemoryDoc("/docs/widgets.md", Widgets) }, ns: "Widgets.Second");
        Assert.Empty(result.CompileProblems);
        return (result, result.LoadAssembly());
    });

    private static Type Widget => s_generated.Value.Assembly.GetType("Widgets.Second.Widget", throwOnError: true)!;

    [Fact]
    public void A_field_the_object_leaves_untyped_takes_the_request_parameters_type()
    {
        Assert.Equal(typeof(string), Widget.GetProperty("Number")!.PropertyType);
        Assert.Equal(typeof(DateTimeOffset?), Widget.GetProperty("Sold")!.PropertyType);
        Assert.DoesNotContain(s_generated.Value.Result.GeneratorDiagnostics, d => d.Id == "ENG005");
    }

    [Fact]
    public void The_objects_own_example_outranks_the_second_description()
    {
        // "The number of grams" would make an integer; the object's example shows 2.5.
        Assert.Equal(typeof(decimal), Widget.GetProperty("Weight")!.PropertyType);
    }
}
