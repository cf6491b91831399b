using System.Reflection;
using Engage.Codegen.Model;
using Engage.Codegen.Parsing;

namespace Engage.Codegen.Tests.Parsing;

/// <summary>
/// An unlabeled JSON example after a write's parameters is its body only if it sends them. When most of its members
/// are not documented parameters (an id, timestamps and a state beside a table of name and colour), it shows the
/// answer: the request is the table's, and a parameter without a type of its own takes that of the answer's member
/// of the same name. An example made of the parameters stays the body.
/// </summary>
public class UnlabeledExampleTests
{
    private const string Table =
        "| Attribute | Required | Description |\n| --- | --- | --- |\n| `id` | yes | The kennel. |\n| `name` | no | Its name. |\n" +
        "| `colour` | no | Its colour. |\n| `heated` | no | Whether it is heated. |\n\n";

    private const string Update = "# Kennels API\n\n## Update a kennel\n\n```plaintext\nPUT /kennels/:id\n```\n\n" + Table +
        "```json\n{\n  \"id\": 7,\n  \"name\": \"North\",\n  \"colour\": \"red\",\n  \"heated\": true,\n  \"state\": \"open\",\n" +
        "  \"created_at\": \"2026-01-02T03:04:05Z\",\n  \"updated_at\": \"2026-01-03T03:04:05Z\",\n  \"dogs\": 4,\n  \"web_url\": \"https://kennels.test/7\"\n}\n```\n";

    private const string Create = "# Kennels API\n\n## Create a kennel\n\n```plaintext\nPOST /kennels\n```\n\n" + Table +
        "```json\n{\n  \"name\": \"North\",\n  \"colour\": \"red\",\n  \"heated\": true\n}\n```\n";

    private static EndpointSectionSpec Read(string markdown) =>
        Assert.Single(DocParser.Parse(new DocSource("/docs/kennels.md", markdown), CancellationToken.None).Endpoints);

    [Fact]
    public void An_example_of_mostly_undocumented_members_is_the_answer()
    {
        var endpoint = Read(Update);
        Assert.Empty(endpoint.RequestExamples);
        var answer = Assert.Single(endpoint.ResponseExamples).Value;
        Assert.Equal(new[] { "id", "name", "colour", "heated", "state", "created_at", "updated_at", "dogs", "web_url" }, answer.Properties.Select(p => p.Name));
    }

    [Fact]
    public void The_request_is_the_tables_and_takes_its_types_from_the_answer()
    {
        var result = GeneratorHarness.Run(new[] { new InMemoryDoc("/docs/kennels.md", Update) }, ns: "Engage.Unlabeled");
        Assert.Empty(result.CompileProblems);
        var assembly = result.LoadAssembly();
        var request = assembly.GetType("Engage.Unlabeled.UpdateKennelRequest", throwOnError: true)!;
        Assert.Equal(new[] { "Colour", "Heated", "Name" }, request.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.Name != ModelSpec.AdditionalPropertiesName).Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.Equal(typeof(bool?), request.GetProperty("Heated")!.PropertyType);
        Assert.Equal(typeof(string), request.GetProperty("Colour")!.PropertyType);
        var response = assembly.GetType("Engage.Unlabeled.UpdateKennelResponse", throwOnError: true)!;
        Assert.Equal(typeof(DateTimeOffset), response.GetProperty("CreatedAt")!.PropertyType);
    }

    [Fact]
    public void An_example_of_the_parameters_is_the_body()
    {
        var endpoint = Read(Create);
        var body = Assert.Single(endpoint.RequestExamples).Value;
        Assert.Equal(new[] { "name", "colour", "heated" }, body.Properties.Select(p => p.Name));
        Assert.Empty(endpoint.ResponseExamples);
    }
}
