namespace Engage.Codegen.Tests.Dialects;

/// <summary>
/// A parameter table without a type column (Fixtures/dialects/defaults, our own page): a stated default that is a
/// literal types the parameter ("Default: `false`" a bool, "Defaults to 12" an int, "Default `3.5`" a decimal);
/// a date or a word as the default says nothing, and the query parameter stays a string. A bullet's parenthetical in
/// code gives the type before a colon and the requirement anywhere (<c>`(string: &lt;required&gt;)`</c>).
/// </summary>
public sealed class DefaultValueTests
{
    private static readonly DialectFixture s_fixture = new("defaults", "Engage.Dialects.Defaults");

    [Fact]
    public void It_compiles_and_no_docs_problem_is_an_error() => s_fixture.AssertCompilesAndNoDocsProblemIsAnError();

    [Theory]
    [InlineData("Heated", typeof(bool?))]
    [InlineData("MaxDogs", typeof(int?))]
    [InlineData("MinRating", typeof(decimal?))]
    [InlineData("Since", typeof(string))]
    [InlineData("Breed", typeof(string))]
    [InlineData("Town", typeof(string))]
    public void A_literal_default_types_the_parameter(string member, Type type) =>
        Assert.Equal(type, s_fixture.MemberType("ListTheKennelsRequest", member));

    [Fact]
    public void A_declared_string_whose_example_is_an_object_is_that_object_and_its_requirement_is_read()
    {
        // "- `stay` `(string: <required>)` - The JSON definition of the stay." over {"stay": {"dog": "Rex", "nights": 3}}.
        var stay = s_fixture.Type("CreateTheKennelRequest").GetProperty("Stay")!;
        Assert.Equal(s_fixture.Type("CreateTheKennelRequestStay"), stay.PropertyType);
        Assert.Contains(stay.GetCustomAttributesData(), a => a.AttributeType.Name == "RequiredMemberAttribute");
        Assert.Equal(typeof(bool?), s_fixture.MemberType("CreateTheKennelRequest", "Notify")); // "(bool: false)"
    }
}
