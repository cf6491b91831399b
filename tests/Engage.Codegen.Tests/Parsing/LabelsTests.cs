using Engage.Codegen.Model;
using Engage.Codegen.Parsing;

namespace Engage.Codegen.Tests.Parsing;

/// <summary>Which paragraphs are labels, and where the parameters under a label go.</summary>
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

    // Every form of label paragraph, with and without a colon and with typos, and paragraphs that
    // are not labels: the cheap first-word test in front of the patterns must not drop any label.
    [Theory]
    [InlineData("parameters", "Parameters")]
    [InlineData("required parameters", "Parameters")]
    [InlineData("query parameters:", "Parameters")]
    [InlineData("paramters", "Parameters")]
    [InlineData("example request", "Request")]
    [InlineData("an example request body:", "Request")]
    [InlineData("request:", "Request")]
    [InlineData("request data:", "Request")]
    [InlineData("exmaple reqeust data:", "Request")]
    [InlineData("sample response", "Response")]
    [InlineData("response:", "Response")]
    [InlineData("it returns the new user:", "Response")]
    [InlineData("the above command returns json structured like this:", "Response")]
    [InlineData("the result looks like this:", "Response")]
    [InlineData("does something with widgets.", null)]
    [InlineData("the method returns the widget object.", null)]
    [InlineData("returns a list:", null)]
    [InlineData("", null)]
    public void A_paragraph_is_a_label_only_in_the_forms_people_write_them(string lowered, string? expected)
    {
        Assert.Equal(expected, Labels.Read(lowered)?.ToString());
    }

    [Theory]
    [InlineData("Example Call", true)]
    [InlineData("Example Result", true)]
    [InlineData("Sample usage", true)]
    [InlineData("Query Parameters", true)]
    [InlineData("Example Calls to the Moon", false)]
    [InlineData("Messages", false)]
    public void A_subheading_that_labels_part_of_an_endpoint_stays_in_its_section(string heading, bool label)
    {
        Assert.Equal(label, Labels.IsLabelHeading(heading));
    }
}
