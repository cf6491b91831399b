using Engage.Codegen.Model;
using Engage.Codegen.Parsing;

namespace Engage.Codegen.Tests;

public class LenientJsonTests
{
    [Fact]
    public void Valid_json_parses_with_no_problems()
    {
        var (value, problems) = LenientJson.Parse("{\"a\": [1, 2.5, true, null, \"x\"], \"b\": {\"c\": -3}}");
        Assert.Empty(problems);
        var a = value!.Property("a")!;
        Assert.Equal(new[] { JsonKind.Integer, JsonKind.Decimal, JsonKind.Boolean, JsonKind.Null, JsonKind.String }, a.Items.Select(i => i.Kind));
        Assert.Equal("-3", value.Property("b")!.Property("c")!.Text);
    }

    [Theory]
    [InlineData("{\"a\": 1,}", "trailing comma")]
    [InlineData("{'a': 1}", "single quotes")]
    [InlineData("{\"a\": 1 // note\n}", "comments")]
    [InlineData("{\"a\": 1", "not closed")]
    [InlineData("{a: 1}", "not quoted")]
    public void Quirks_are_reported_and_the_value_kept(string json, string problem)
    {
        var (value, problems) = LenientJson.Parse(json);
        Assert.Contains(problems, p => p.Message.Contains(problem));
        Assert.Equal("1", value!.Property("a")!.Text);
    }

    [Fact]
    public void A_key_that_lost_its_closing_quote_keeps_its_value_and_the_members_after_it()
    {
        // "note: "Sleeps..." where "note": "Sleeps..." was meant: the value is the text up to the quote that closes it.
        var (value, problems) = LenientJson.Parse("{\n  \"name\": \"Rex\",\n  \"note: \"Sleeps by the door, mostly.\",\n  \"age\": 4\n}");
        Assert.Equal("the closing quote of \"note\" is missing", Assert.Single(problems).Message);
        Assert.Equal(new[] { "name", "note", "age" }, value!.Properties.Select(p => p.Name));
        Assert.Equal((JsonKind.String, "Sleeps by the door, mostly."), (value.Property("note")!.Kind, value.Property("note")!.Text));
        Assert.Equal("4", value.Property("age")!.Text);

        // The other quote where the key's own belonged: "age': "4y".
        var (slip, _) = LenientJson.Parse("{\"age': \"4y\", \"name\": \"Rex\"}");
        Assert.Equal(new[] { ("age", "4y"), ("name", "Rex") }, slip!.Properties.Select(p => (p.Name, p.Value.Text!)));

        // A key that ends with a colon and is followed by its colon is a key with a colon, and no problem.
        var (colon, none) = LenientJson.Parse("{\"a:\": 1}");
        Assert.Empty(none);
        Assert.Equal("1", colon!.Property("a:")!.Text);
    }

    [Fact]
    public void A_sketch_whose_values_name_types_is_a_value_of_each_type()
    {
        var (value, problems) = LenientJson.Parse("{ name: string, weight: float, legs: int, tame: boolean }", code: true);
        Assert.Empty(problems);
        Assert.Equal(new[] { JsonKind.String, JsonKind.Decimal, JsonKind.Integer, JsonKind.Boolean }, value!.Properties.Select(p => p.Value.Kind));

        // Any other bare word is still no value.
        var (_, other) = LenientJson.Parse("{\"colour\": brown}");
        Assert.Contains(other, p => p.Message == "'brown' is not a JSON value");
    }

    [Fact]
    public void A_stray_closing_brace_before_an_arrays_end_is_dropped_and_the_rest_read()
    {
        // One brace too many after the array's last object; the members after the array still count.
        var (value, problems) = LenientJson.Parse("{\"kilns\": [{\"id\": 1}, {\"id\": 2}\n}\n], \"total\": 2}");
        Assert.Contains(problems, p => p.Message.Contains("stray '}'"));
        Assert.Equal(2, value!.Property("kilns")!.Items.Count);
        Assert.Equal("2", value.Property("total")!.Text);
    }

    [Fact]
    public void A_wrong_closing_bracket_that_ends_the_value_still_closes_it()
    {
        // "}" where "]" belongs, with nothing after it to close: it closes the array, as before.
        var (value, problems) = LenientJson.Parse("{\"a\": [1, 2}, \"b\": 3}");
        Assert.Contains(problems, p => p.Message.Contains("closes an array"));
        Assert.Equal(2, value!.Property("a")!.Items.Count);
    }

    [Theory]
    [InlineData("{...}")]
    [InlineData("[...]")]
    [InlineData("{\"data\": [...], \"has_more\": true}")]
    [InlineData("{\"a\": ..., \"b\": 1}")]
    public void Placeholders_are_read_without_problems(string json)
    {
        var (value, problems) = LenientJson.Parse(json);
        Assert.NotNull(value);
        Assert.Empty(problems);
    }

    [Fact]
    public void Deep_nesting_is_cut_off_with_a_problem_instead_of_overflowing()
    {
        var json = new string('[', 5000) + new string(']', 5000);
        var (value, problems) = LenientJson.Parse(json);
        Assert.NotNull(value);
        Assert.Contains(problems, p => p.Message.Contains("nesting deeper"));
    }
}

public class CurlyQuoteTests
{
    [Fact]
    public void Curly_quotes_in_json_and_prose_are_read_as_straight_ones()
    {
        var (value, problems) = Engage.Codegen.Parsing.LenientJson.Parse("{\u201Cid\u201D: \u201Cu1\u201D, \u2018name\u2019: \u2018Ada\u2019}");
        Assert.Equal("u1", value!.Property("id")!.Text);
        Assert.Equal("Ada", value.Property("name")!.Text);
        Assert.Contains(problems, p => p.Message.Contains("curly quotes"));

        var doc = Engage.Codegen.Parsing.DocParser.Parse(new Engage.Codegen.Model.DocSource("/c.md",
            "# Users\n\n## Update a user\u2019s name\n\nWorks with username authentication.\n\n```\nPUT /users/{uid}\n```\n\n- `name` - Optional. The user\u2019s \u201Cdisplay\u201D name.\n"), CancellationToken.None);
        var endpoint = Assert.Single(doc.Endpoints);
        Assert.Equal("Update a user's name", endpoint.Heading);
        Assert.Equal("The user's \"display\" name.", Assert.Single(endpoint.Parameters).Description);
    }

    [Theory]
    [InlineData("['name' => 'South slope', 'rows' => 12, 'tags' => ['a', 'b'], 'owner' => ['id' => 7]]")]
    [InlineData("array('name' => 'South slope', 'rows' => 12, 'tags' => array('a', 'b'), 'owner' => array('id' => 7))")]
    [InlineData("{ name: 'South slope', rows: 12, tags: ['a', 'b'], owner: { id: 7 }, }")]
    [InlineData("{\"name\" => \"South slope\", \"rows\" => 12, \"tags\" => [\"a\", \"b\"], \"owner\" => {\"id\" => 7}}")]
    public void Php_arrays_javascript_literals_and_ruby_hashes_read_as_json(string literal)
    {
        var (value, problems) = LenientJson.Parse(literal, code: true);
        Assert.Empty(problems);
        Assert.Equal(JsonKind.Object, value!.Kind);
        Assert.Equal(new[] { "name", "rows", "tags", "owner" }, value.Properties.Select(p => p.Name));
        Assert.Equal("South slope", value.Property("name")!.Text);
        Assert.Equal(JsonKind.Integer, value.Property("rows")!.Kind);
        Assert.Equal(new[] { "a", "b" }, value.Property("tags")!.Items.Select(i => i.Text));
        Assert.Equal("7", value.Property("owner")!.Property("id")!.Text);
    }

    [Fact]
    public void A_literal_followed_by_more_code_is_no_example()
    {
        var (value, problems) = LenientJson.Parse("['name' => 'x'];\nprint_r($client->post('groves', $data));", code: true);
        Assert.Null(value);
        Assert.Empty(problems);

        (value, _) = LenientJson.Parse("['name' => 'x'];\n", code: true);
        Assert.Equal("x", value!.Property("name")!.Text);
    }

    [Fact]
    public void Outside_code_a_php_array_is_read_and_its_single_quotes_reported()
    {
        var (value, problems) = LenientJson.Parse("['name' => 'x', 'rows' => TRUE]");
        Assert.Equal("x", value!.Property("name")!.Text);
        Assert.Contains(problems, p => p.Message.Contains("single quotes"));
        Assert.Contains(problems, p => p.Message.Contains("'TRUE' is not a JSON value"));
    }
}
