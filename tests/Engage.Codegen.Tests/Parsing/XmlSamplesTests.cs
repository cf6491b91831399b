using Engage.Codegen.Model;
using Engage.Codegen.Parsing;

namespace Engage.Codegen.Tests.Parsing;

/// <summary>
/// An XML example read as the sample it shows, in the form Rails-era APIs answer with: the root is the value, a
/// <c>type</c> attribute types a leaf, <c>type="array"</c> makes a list, <c>nil="true"</c> a null of its type.
/// </summary>
public class XmlSamplesTests
{
    [Fact]
    public void The_root_is_the_value_and_type_attributes_type_the_leaves()
    {
        var (value, root, problems) = XmlSamples.Parse(
            "<kennel>\n  <id type=\"integer\">12</id>\n  <name>North</name>\n  <rate type=\"decimal\">9.5</rate>\n" +
            "  <heated type=\"boolean\">false</heated>\n  <opened-at type=\"datetime\">2026-01-02T10:00:00Z</opened-at>\n" +
            "  <closed-on type=\"date\" nil=\"true\"/>\n  <!-- a note -->\n  <keeper nil=\"true\"></keeper>\n</kennel>");
        Assert.Empty(problems);
        Assert.Equal("kennel", root);
        Assert.Equal(JsonKind.Object, value!.Kind);
        Assert.Equal(new[] { "id", "name", "rate", "heated", "opened-at", "closed-on", "keeper" }, value.Properties.Select(p => p.Name));
        Assert.Equal(JsonKind.Integer, value.Property("id")!.Kind);
        Assert.Equal(JsonKind.String, value.Property("name")!.Kind);
        Assert.Equal(JsonKind.Decimal, value.Property("rate")!.Kind);
        Assert.Equal(JsonKind.Boolean, value.Property("heated")!.Kind);
        Assert.Equal("2026-01-02T10:00:00Z", value.Property("opened-at")!.Text);

        // A nil of a named type is that type, and may be null; a nil of no type is only null.
        var closed = value.Property("closed-on")!;
        Assert.Equal((JsonKind.String, "2000-01-01", true), (closed.Kind, closed.Text, closed.MayBeNull));
        Assert.Equal(JsonKind.Null, value.Property("keeper")!.Kind);
    }

    [Fact]
    public void An_array_lists_its_children_and_records_of_a_repeated_name_are_a_list_and_a_placeholder_says_nothing()
    {
        var (value, root, _) = XmlSamples.Parse(
            "<dogs type=\"array\">\n  <dog><name>Rex</name><toy><colour>red</colour></toy><toy><colour>blue</colour></toy></dog>\n  <dog>\n    ...\n  </dog>\n</dogs>");
        Assert.Equal("dogs", root);
        Assert.Equal(JsonKind.Array, value!.Kind);
        Assert.Equal(2, value.Items.Count);
        var toys = value.Items[0].Property("toy")!;
        Assert.Equal(JsonKind.Array, toys.Kind);
        Assert.Equal(new[] { "red", "blue" }, toys.Items.Select(i => i.Property("colour")!.Text));
        Assert.Equal(JsonKind.Unknown, value.Items[1].Kind);
    }

    [Fact]
    public void Records_of_one_name_are_a_list_even_without_their_type_and_a_value_written_twice_is_its_first()
    {
        var (value, _, _) = XmlSamples.Parse("<walks>\n  <walk><km type=\"float\">2.5</km></walk>\n  <walk>\n    ...\n  </walk>\n  ...\n</walks>");
        Assert.Equal(JsonKind.Array, value!.Kind);
        Assert.Equal(JsonKind.Decimal, value.Items[0].Property("km")!.Kind);

        var (dog, _, _) = XmlSamples.Parse("<dog><name>Rex</name><seen type=\"datetime\">2026-01-01T00:00:00Z</seen><seen type=\"datetime\">2026-02-01T00:00:00Z</seen></dog>");
        Assert.Equal((JsonKind.String, "2026-01-01T00:00:00Z"), (dog!.Property("seen")!.Kind, dog.Property("seen")!.Text));
    }

    [Fact]
    public void Xml_as_docs_write_it_is_read_leniently_and_each_slip_is_a_located_problem()
    {
        // An end tag that names another element closes the open one; a bare ampersand is text.
        var text = "<dog>\n  <first_name>Rex</first-name>\n  <town>Hull & Leeds</town>\n  <age type=\"integer\">4</age>\n</dog>";
        var (value, _, problems) = XmlSamples.Parse(text);
        var problem = Assert.Single(problems);
        Assert.Equal(text.IndexOf("</first-name>", StringComparison.Ordinal), problem.Offset);
        Assert.Equal("the end tag </first-name> closes <first_name>", problem.Message);
        Assert.Equal(new[] { "first_name", "town", "age" }, value!.Properties.Select(p => p.Name));
        Assert.Equal("Hull & Leeds", value.Property("town")!.Text);
        Assert.Equal(JsonKind.Integer, value.Property("age")!.Kind);

        // An element left open closes at the end.
        var (open, _, unclosed) = XmlSamples.Parse("<dog><name>Rex</name>");
        Assert.Equal("Rex", open!.Property("name")!.Text);
        Assert.Equal("<dog> is not closed", Assert.Single(unclosed).Message);
    }

    [Fact]
    public void No_entity_the_docs_declare_is_expanded()
    {
        // The declaration is skipped and reported; &a; stays as written; the named entities and references are decoded.
        var (value, _, problems) = XmlSamples.Parse("<!DOCTYPE k [<!ENTITY a \"aaaa\">]>\n<k><v>&a;</v><w>&lt;&#65;&#x42;&amp;</w></k>");
        Assert.Contains(problems, p => p.Message.StartsWith("a document type declaration is skipped", StringComparison.Ordinal));
        Assert.Equal("&a;", value!.Property("v")!.Text);
        Assert.Equal("<AB&", value.Property("w")!.Text);
    }

    [Fact]
    public void Text_with_no_element_is_no_sample()
    {
        var (value, root, _) = XmlSamples.Parse("Status: 201 Created");
        Assert.Null(value);
        Assert.Null(root);
    }
}
