using System.Reflection;
using Engage.Codegen.Runtime;

namespace Engage.Codegen.Tests.Inference;

/// <summary>Rules that follow what an introduction page says, and objects the docs call open.</summary>
public class IntroductionRulesTests
{
    private const string Index = """
        # The Widgets API

        ## API Root

        `https://api.widgets.test/v1`

        ## Pagination

        Lists page by item ids: pass `after_id` or `before_id` set to an item's id. Every page says in `has_more` whether more follow.
        """;

    private const string Widgets = """
        # Widgets

        ## The Widget object

        ```json
        {"id": "w1", "name": "Left", "custom_fields": {"color": "red", "size": "L"}}
        ```

        - `id` - The widget's id.
        - `name` - Its name.
        - `custom_fields` - Any custom fields you attach to the widget.

        ## List widgets

        ```
        GET /widgets
        ```

        - `limit` - Optional. Number of widgets per page. Maximum of 50.
        - `after_id` - Optional. The id to list after.
        - `before_id` - Optional. The id to list before.

        Returns a list of widget objects.
        """;

    private static readonly Lazy<Assembly> s_assembly = new(() =>
    {
        var result = GeneratorHarness.Run(new[] { new InMemoryDoc("/docs/index.md", Index), new InMemoryDoc("/docs/widgets.md", Widgets) }, ns: "Widgets.Rules");
        Assert.Empty(result.CompileProblems);
        Assert.DoesNotContain(result.GeneratorDiagnostics, d => d.Id == "ENG010");
        return result.LoadAssembly();
    });

    [Fact]
    public void A_list_without_an_example_pages_as_the_introduction_says()
    {
        var list = s_assembly.Value.GetType("Widgets.Rules.WidgetsWidgetsClient", throwOnError: true)!.Operation("ListAsync");
        Assert.True(list.GetCustomAttribute<ApiOperationAttribute>()!.Paged);
        Assert.Equal("AsyncPageable`1", list.ReturnType.Name);
        Assert.Equal("Widget", list.ReturnType.GetGenericArguments()[0].Name);
    }

    [Fact]
    public void An_object_the_docs_call_open_is_a_dictionary_whatever_keys_its_example_shows()
    {
        var widget = s_assembly.Value.GetType("Widgets.Rules.Widget", throwOnError: true)!;
        Assert.Equal(typeof(Dictionary<string, string>), widget.GetProperty("CustomFields")!.PropertyType);
    }
}
