using Engage.Codegen.Model;
using Engage.Codegen.Parsing;

namespace Engage.Codegen.Tests.Parsing;

/// <summary>
/// What <see cref="FieldComponents"/> takes from a page: documenting components by their attributes, their tag lines
/// blanked in place (every other character where it was), and nothing else.
/// </summary>
public sealed class FieldComponentsTests
{
    [Fact]
    public void A_parameter_component_is_read_by_its_attributes_and_its_tag_lines_are_blanked_in_place()
    {
        const string Page = "Intro.\n\n<Param query=\"per_page\" type=\"integer\" default=\"10\" required>\n  How many to return.\n</Param>\n\nAfter.\n";
        var (text, components) = FieldComponents.Extract("p.mdx", Page);

        var component = Assert.Single(components);
        Assert.Equal(ComponentKind.Parameter, component.Kind);
        Assert.Equal("per_page", component.Name);
        Assert.Equal(Placement.Query, component.Placement);
        Assert.Equal("integer", component.Type);
        Assert.True(component.Required);
        Assert.Equal("10", component.Default);
        Assert.Equal("How many to return.", component.Description);

        Assert.Equal(Page.Length, text.Length);
        Assert.Equal(Page.Split('\n').Length, text.Split('\n').Length);
        Assert.DoesNotContain("<Param", text, StringComparison.Ordinal);
        Assert.Contains("  How many to return.\n", text, StringComparison.Ordinal);
        Assert.Equal(Page.IndexOf("After.", StringComparison.Ordinal), text.IndexOf("After.", StringComparison.Ordinal));

        var field = FieldComponents.Field(component);
        Assert.Equal(Requirement.Required, field.Requirement);
        Assert.Equal("(integer) How many to return. Default: `10`.", field.Description);
    }

    [Theory]
    [InlineData("<ApiEndpoint path=\"/api/lamps\" method=\"get\">\n\nLists lamps.\n\n</ApiEndpoint>\n")] // an endpoint element: its path is a route
    [InlineData("<Note>\n  Lamps dim at night.\n</Note>\n")] // a component that documents nothing
    [InlineData("```jsx\n<Param query=\"limit\" type=\"integer\">\n</Param>\n```\n")] // a component shown in a fence is code
    [InlineData("Use <Param query=\"limit\"> inline.\n")] // not alone on its line
    public void Other_components_and_tags_are_left_as_written(string page)
    {
        var (text, components) = FieldComponents.Extract("p.mdx", page);
        Assert.Empty(components);
        Assert.Same(page, text);
    }

    [Fact]
    public void A_nested_field_is_its_parents_and_an_example_wrapper_spans_its_fence()
    {
        const string Page =
            "<Param body=\"lamp\" type=\"object\" required={false}>\n  The lamp.\n  <Expandable title=\"fields\">\n    <Param body=\"watts\" type=\"integer\">\n" +
            "      Its power.\n    </Param>\n    <Param body=\"lit\" type=\"boolean\" />\n  </Expandable>\n</Param>\n\n<ResponseExample>\n```json\n{\"id\": 1}\n```\n</ResponseExample>\n";
        var (text, components) = FieldComponents.Extract("p.mdx", Page);

        var lamp = Assert.Single(components, c => c.Name == "lamp");
        Assert.False(lamp.Required);
        Assert.Equal(0, lamp.Depth);
        Assert.Equal("The lamp.", lamp.Description);
        var watts = Assert.Single(components, c => c.Name == "watts");
        Assert.True(watts.Depth > 0);
        Assert.Equal("Its power.", watts.Description);
        Assert.True(Assert.Single(components, c => c.Name == "lit").Depth > 0);
        Assert.Single(components, c => c.Kind == ComponentKind.Group);
        var wrapper = Assert.Single(components, c => c.Kind == ComponentKind.ResponseExample);
        Assert.True(wrapper.Start < text.IndexOf("```json", StringComparison.Ordinal) && text.IndexOf("```json", StringComparison.Ordinal) < wrapper.End);
        Assert.DoesNotContain("<", text, StringComparison.Ordinal);
    }
}
