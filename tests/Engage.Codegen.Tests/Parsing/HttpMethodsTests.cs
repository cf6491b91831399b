using Engage.Codegen.Parsing;

namespace Engage.Codegen.Tests.Parsing;

public class HttpMethodsTests
{
    [Theory]
    [InlineData("GET", "GET", false)]
    [InlineData("get", "GET", false)]
    [InlineData("Patch", "PATCH", false)]
    [InlineData("DLETE", "DELETE", true)]
    [InlineData("PSOT", "POST", true)]
    [InlineData("PATH", "PATCH", true)]
    [InlineData("POSTT", "POST", true)]
    [InlineData("DELETED", "DELETE", true)]
    [InlineData("OPTINS", "OPTIONS", true)]
    public void Methods_are_read_in_any_case_and_obvious_typos_are_corrected(string word, string method, bool corrected)
    {
        Assert.True(HttpMethods.TryRead(word, out var read, out var wasCorrected));
        Assert.Equal(method, read);
        Assert.Equal(corrected, wasCorrected);
    }

    [Theory]
    [InlineData("Got")]  // a typo is read only in upper case, as endpoint lines write methods
    [InlineData("pots")]
    [InlineData("GOT")]  // three letters: too short to call a typo
    [InlineData("SEND")]
    [InlineData("PUTS")] // two edits from POST, one from nothing else
    public void Other_words_are_not_methods(string word)
    {
        Assert.False(HttpMethods.TryRead(word, out _, out _));
    }
}
