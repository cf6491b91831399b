using Engage.Codegen.Model;
using Engage.Codegen.Parsing;

namespace Engage.Codegen.Tests.Parsing;

/// <summary>Each form an endpoint is written in, read from a one-section page.</summary>
public class EndpointReaderTests
{
    private static IReadOnlyList<EndpointSectionSpec> Read(string markdown) =>
        DocParser.Parse(new DocSource("/docs/things.md", markdown), CancellationToken.None).Endpoints.ToList();

    private static string Shape(EndpointSectionSpec e) => e.HttpMethod + " " + e.PathTemplate;

    [Fact]
    public void Heading()
    {
        var endpoint = Assert.Single(Read("# Things\n\n### GET /things/{id}\n\nOne thing.\n"));
        Assert.Equal("GET /things/{id}", Shape(endpoint));
        Assert.Equal("One thing.", endpoint.Description);
    }

    [Fact]
    public void A_paragraphs_first_line_declares_the_endpoint_when_more_lines_follow_it()
    {
        // Markdown joins the lines of a paragraph; a reader of the page still sees the endpoint line first.
        var endpoint = Assert.Single(Read("# Things\n\n## Show a thing\n\nGET `/things/#{thing_id}`\nHTTP Response: 200 Success\n"));
        Assert.Equal("GET /things/{thing_id}", Shape(endpoint));

        // A sentence that starts with an endpoint is still prose.
        Assert.Empty(Read("# Things\n\n## About things\n\nGET `/things` is slow at night,\nso call it in the morning.\n"));
    }

    [Fact]
    public void An_endpoint_line_alone_may_write_its_route_without_the_leading_slash()
    {
        // "GET `kennels/mine`" on its own line is the route /kennels/mine below the base address.
        var endpoint = Assert.Single(Read("# Things\n\n## My kennel\n\nGET `kennels/mine`\n\nHTTP Response: 200 Success\n"));
        Assert.Equal("GET /kennels/mine", Shape(endpoint));

        // One word is a word, not a route; and a label before the span ("Send GET `a/b`") makes a sentence, not a line.
        Assert.Empty(Read("# Things\n\n## Mine\n\nGET `mine`\n"));
        Assert.Empty(Read("# Things\n\n## Mine\n\nThen send GET `kennels/mine` again.\n"));
    }

    [Fact]
    public void Bullets_several_per_section_each_with_its_own_prose()
    {
        var endpoints = Read("# Things\n\n## Get things\n\n* `GET /things.json` shows all things.\n* `GET /boxes/1/things.json` shows the things in a box.\n");
        Assert.Equal(new[] { "GET /things.json", "GET /boxes/{boxId}/things.json" }, endpoints.Select(Shape));
        Assert.Equal(new[] { "Shows all things.", "Shows the things in a box." }, endpoints.Select(e => e.Description));
        Assert.All(endpoints, e => Assert.True(e.SharesSection));
    }

    [Fact]
    public void Html_block_with_method_and_path_in_separate_elements()
    {
        var endpoint = Assert.Single(Read("# Things\n\n## Get a thing\n\n<i class=\"label label-get\">GET</i>\n<h6>/v3/things/&lt;id&gt;</h6>\n"));
        Assert.Equal("GET /v3/things/{id}", Shape(endpoint));
    }

    [Fact]
    public void Table_rows_with_a_method_cell_and_a_path_cell()
    {
        var endpoints = Read("# Things\n\n| Method | Path | Notes |\n|---|---|---|\n| GET | /things | All |\n| delete | /things/:id | One |\n");
        Assert.Equal(new[] { "GET /things", "DELETE /things/{id}" }, endpoints.Select(Shape));
    }

    [Fact]
    public void Curl_when_the_section_gives_nothing_else_with_its_data_as_the_request_example()
    {
        var endpoint = Assert.Single(Read("# Things\n\n## Make a thing\n\n```shell\ncurl -X POST https://api.example.test/v1/things \\\n  -H 'X-Key: k' \\\n  -d '{\"name\": \"box\"}'\n```\n"));
        Assert.Equal("POST /v1/things", Shape(endpoint));
        Assert.Equal("https://api.example.test", endpoint.Origin);
        Assert.Equal("name", Assert.Single(endpoint.RequestExamples).Value.Properties.Single().Name);
    }

    [Fact]
    public void Curl_beside_an_endpoint_line_is_only_an_example()
    {
        var endpoint = Assert.Single(Read("# Things\n\n## Get things\n\n```shell\ncurl https://api.example.test/v1/things/2\n```\n\n`GET https://api.example.test/v1/things`\n"));
        Assert.Equal("GET /v1/things", Shape(endpoint));
    }

    [Theory]
    [InlineData("# The Things API\n\n## Making a request\n\n```shell\ncurl https://api.example.test/v1/things/123.json\n```\n")]
    [InlineData("# Things\n\n## Authentication\n\n```shell\ncurl -H 'Authorization: token t' https://api.example.test/v1/user\n```\n")]
    [InlineData("# Things\n\n## Pagination\n\n```\ncurl https://api.example.test/v1/things?page=2\n```\n")]
    public void Curl_on_an_introduction_or_in_a_guide_section_is_not_an_operation(string markdown)
    {
        Assert.Empty(Read(markdown));
    }

    [Theory]
    [InlineData("In short, the endpoint `/v2/tally` takes the counts in the POST request body.", "POST /v2/tally")]
    [InlineData("Send a `POST` request to the `/auth/token` endpoint with your name.", "POST /auth/token")]
    [InlineData("To watch the service, use GET https://api.example.test/v1/health endpoint to do so.", "GET /v1/health")]
    public void A_sentence_that_names_an_endpoint_and_its_method_is_a_mention(string sentence, string shape)
    {
        var endpoint = Assert.Single(Read("# Things\n\n## Counting\n\nSome words first. " + sentence + "\n"));
        Assert.Equal(shape, Shape(endpoint));
        Assert.True(endpoint.Mention);
    }

    [Theory]
    [InlineData("The endpoint `/v2/tally` takes GET and POST requests.")]                  // two methods: which one?
    [InlineData("The POST body holds `/v2/tally` as a link.")]                            // a path, but not called an endpoint
    [InlineData("The endpoint `/v2/tally` is fast. Send it a POST request.")]            // the method in another sentence
    public void A_sentence_that_leaves_the_method_or_the_endpoint_open_names_none(string sentence)
    {
        Assert.Empty(Read("# Things\n\n## Counting\n\n" + sentence + "\n"));
    }

    [Fact]
    public void A_page_titled_by_its_front_matter_may_name_its_endpoint_in_its_introduction()
    {
        // The introduction before the first heading is what an h1's section would be.
        var page = "---\ntitle: Tally API reference\n---\n\nThe Tally API is one endpoint: the endpoint `/v2/tally` takes counts in the POST request body.\n\n" +
            "## Authentication\n\nSend a bearer token.\n";
        var endpoint = Assert.Single(Read(page));
        Assert.Equal("POST /v2/tally", Shape(endpoint));
        Assert.True(endpoint.Mention);
    }

    [Fact]
    public void An_endpoint_the_readers_own_server_provides_is_no_operation_and_is_reported()
    {
        // A callback: the API calls it on a server of yours. The page's own endpoint is still read.
        var page = "# Tally API\n\n## Count\n\n`POST /v2/tally`\n\nCounts things.\n\n## Custom counters\n\n" +
            "Tally calls your counter for each batch. Your own counter service must implement the following endpoint:\n\n" +
            "**Endpoint**:\n\n`POST /v1/count`\n\n| Parameter | Type | Description |\n|---|---|---|\n| items | string[] | What to count |\n";
        var doc = DocParser.Parse(new DocSource("/docs/tally.md", page), CancellationToken.None);
        Assert.Equal(new[] { "POST /v2/tally" }, doc.Endpoints.Select(Shape));
        var reported = Assert.Single(doc.Diagnostics, d => d.Id == "ENG027");
        Assert.Equal("POST /v1/count", reported.Arguments[0]);

        // Said of the API's own server, the endpoint is the API's.
        Assert.Single(Read("# Tally API\n\n## Count\n\nThe Tally server provides the following endpoint:\n\n`POST /v2/tally`\n"));
    }

    [Fact]
    public void A_mention_in_prose_does_not_add_an_endpoint_beside_real_ones()
    {
        var endpoints = Read("# Things\n\n## Get things\n\n* `GET /things.json` shows all things.\n\nThings from `GET /boxes/1/things.json` have no box.\n");
        Assert.Equal(new[] { "GET /things.json" }, endpoints.Select(Shape));
    }

    [Fact]
    public void A_query_only_variant_merges_into_its_endpoint()
    {
        var endpoint = Assert.Single(Read("# Things\n\n## Get thing\n\n* `GET /things/1.json` returns it.\n* `GET /things/1.json?full=true` returns all of it.\n"));
        Assert.Equal("GET /things/{thingId}.json", Shape(endpoint));
        Assert.Equal("full", Assert.Single(endpoint.Parameters).Name);
    }

    [Fact]
    public void A_misspelled_method_is_read_and_reported()
    {
        var doc = DocParser.Parse(new DocSource("/docs/things.md", "# Things\n\n## Remove\n\n```\nDLETE /things/{id}\n```\n"), CancellationToken.None);
        Assert.Equal("DELETE /things/{id}", Shape(Assert.Single(doc.Endpoints)));
        Assert.Equal("ENG014", Assert.Single(doc.Diagnostics).Id);
    }

    [Fact]
    public void Label_subheadings_stay_in_their_endpoint_section()
    {
        var endpoint = Assert.Single(Read("# Things\n\n## Create a thing\n\n```\nPOST /things\n```\n\n### Parameters\n\n|Name|Type|Description|\n|--|--|--|\n|name|string|**Required** The name.|\n\n### Response\n\n```\nStatus: 201 Created\n```\n```json\n{\"id\": 1}\n```\n"));
        var name = Assert.Single(endpoint.Parameters);
        Assert.Equal(Requirement.Required, name.Requirement);
        Assert.Single(endpoint.ResponseExamples);
        Assert.Empty(endpoint.RequestExamples);
    }
}
