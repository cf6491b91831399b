using Engage.Codegen.Model;
using Engage.Codegen.Parsing;

namespace Engage.Codegen.Tests.Parsing;

/// <summary>
/// The scheme one block of text shows. The reader looks for a form's words before running its pattern (an id before a
/// colon, "key", "token" or "auth" in a header's name): these pin what those shortcuts must still let through, and what
/// they rightly skip.
/// </summary>
public class AuthReaderTests
{
    private static readonly LocationInfo Here = new("/docs/auth.md", 0, 1, 0, 0, 0, 1);

    [Theory]
    [InlineData("curl -H \"X-Kiln-User-Id: u-9\" -H \"X-Kiln-Auth-Token: t-1\" https://kiln.test/v1/pots")]
    [InlineData("X-Kiln-User-Id : u-9\nX-Kiln-Auth-Token: t-1\n")]
    [InlineData("x-kiln-user-ID:u-9\nx-kiln-auth-token:t-1\n")]
    public void An_id_header_beside_a_credential_header_is_two_headers(string sample)
    {
        var found = AuthReader.Read(sample, Here);

        Assert.NotNull(found);
        Assert.Equal(CredentialLocation.Headers, found.Location);
        Assert.Equal("KilnUserId", found.KeyName);
        Assert.Equal("KilnAuthToken", found.SecretName);
    }

    [Fact]
    public void A_json_example_with_ids_and_a_token_member_is_no_header_scheme()
    {
        var found = AuthReader.Read("{\n  \"user_id\": \"u-9\",\n  \"id\": 4,\n  \"token\": \"t-1\"\n}\n", Here);

        Assert.Null(found);
    }

    [Theory]
    [InlineData("Authorization: Bearer YOUR_TOKEN", "Authorization", "Bearer ")]
    [InlineData("curl -H 'X-Kiln-Key: abc123' https://kiln.test/v1/pots", "X-Kiln-Key", "")]
    [InlineData("PRIVATE-TOKEN: glpat-xyz", "Private-Token", "")]
    [InlineData("ApiKey: 0f1e2d", "ApiKey", "")]
    public void A_header_that_carries_a_credential_is_read_in_any_case(string sample, string header, string prefix)
    {
        var found = AuthReader.Read(sample, Here);

        Assert.NotNull(found);
        Assert.Equal(CredentialLocation.Header, found.Location);
        Assert.Equal(header, found.HeaderName, ignoreCase: true);
        Assert.Equal(prefix, found.Prefix);
    }

    [Fact]
    public void A_colon_in_prose_without_a_credential_word_shows_no_scheme()
    {
        Assert.Null(AuthReader.Read("Status: the pot's state, one of `raw`, `bisque` or `glazed`.", Here));
    }
}
