using Engage.Codegen.Model;
using Engage.Codegen.Parsing;

namespace Engage.Codegen.Tests.Parsing;

/// <summary>When the docs require callers to name their application in a User-Agent header, and the format they show.</summary>
public class UserAgentReaderTests
{
    private static string? Required(string markdown) =>
        DocParser.Parse(new DocSource("/docs/intro.md", markdown), CancellationToken.None).RequiredUserAgent;

    [Fact]
    public void A_requirement_takes_the_first_sample_the_page_shows()
    {
        Assert.Equal("Potter (potter@example.test)", Required("""
            # The Kiln API

            ## Identify yourself

            You have to send a `User-Agent` header with your app's name and an email address.

            ```
            User-Agent: Potter (potter@example.test)
            ```
            """));
        Assert.Equal("KilnSync/2.0", Required("# The Kiln API\n\n```shell\ncurl -H 'User-Agent: KilnSync/2.0' https://kiln.test/v1/pots\n```\n\nA User-Agent header is required on every call.\n"));
    }

    [Fact]
    public void A_requirement_without_a_sample_is_still_a_requirement()
    {
        Assert.Equal(string.Empty, Required("# The Kiln API\n\nRequests must include a User-Agent header naming your application.\n"));
    }

    [Fact]
    public void A_mention_that_asks_for_nothing_is_no_requirement()
    {
        Assert.Null(Required("# The Kiln API\n\nWe log the User-Agent header of each request for our statistics.\n\n```\nUser-Agent: curl/8.0\n```\n"));
    }
}
