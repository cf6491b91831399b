using Engage.Codegen.Model;
using Engage.Codegen.Parsing;

namespace Engage.Codegen.Tests.Parsing;

/// <summary>Where the parameters under a label go.</summary>
public class LabelsTests
{
    [Theory]
    [InlineData("Query Parameters", "Query")]
    [InlineData("Query string parameters", "Query")]
    [InlineData("Body Parameters", "Body")]
    [InlineData("Request body", "Body")]
    [InlineData("Form parameters", "Body")]
    [InlineData("URL Parameters", "Path")]
    [InlineData("Path parameters", "Path")]
    [InlineData("Parameters", "Unspecified")]
    [InlineData("_Optional parameters_", "Unspecified")]
    public void A_labels_words_say_where_its_parameters_go(string label, string expected)
    {
        Assert.Equal(expected, Labels.PlacementOf(Label.Parameters, label).ToString());
    }
}
