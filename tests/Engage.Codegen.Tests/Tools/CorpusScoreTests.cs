using Engage.Codegen.Inspect;
using Engage.Codegen.Inspect.Corpora;

namespace Engage.Codegen.Tests.Tools;

/// <summary>
/// The corpus score on docs-input, against facts written from Engage's pages (the facts file in
/// shared/), with a few facts that are deliberately not what the docs say, so each column is seen
/// to count a miss as well as a hit.
/// </summary>
public sealed class CorpusScoreTests
{
    // Read from docs-input's pages: 13 operations, the two lists paged by after_id/before_id, and the
    // User object's fields. Then three facts the docs do not state: an operation, a paging style and a type.
    private const string Facts = """
        # docs-input, as a reader finds it
        base: https://api.engage.so/v1                @ index.md:1
        auth: basic api_key api_secret                @ index.md:1
        POST /users                                   @ users.md:58
        GET /users/{uid}                              @ users.md:95
        PUT /users/{uid}                              @ users.md:107
        POST /users/{uid}/events                      @ users.md:140
        GET /users paged=id                           @ users.md:186
        POST /lists                                   @ lists.md:1
        GET /lists paged=id                           @ lists.md:1
        GET /lists/{id}                               @ lists.md:1
        PUT /lists/{id}                               @ lists.md:1
        DELETE /lists/{id}                            @ lists.md:1
        POST /lists/{id}/subscribers                  @ lists.md:1
        PUT /lists/{id}/subscribers/{uid}             @ lists.md:1
        DELETE /lists/{id}/subscribers/{uid}          @ lists.md:1
        type User.id string                           @ users.md:20
        type User.first_name string?                  @ users.md:23
        type User.number string?                      @ users.md:25
        type User.uid_updateable boolean              @ users.md:22
        type User.devices array<object>               @ users.md:27
        type User.meta map<any>                       @ users.md:30
        type User.created_at datetime?                @ users.md:34

        # Not in the docs: each must count as a miss.
        GET /users/{uid}/report                       @ invented
        GET /users/{uid}/events paged=page            @ invented
        type User.email integer                       @ invented
        """;

    [Fact]
    public void Docs_input_scores_every_fact_it_states_and_misses_the_invented_ones()
    {
        var pages = new[] { "index.md", "users.md", "lists.md" }
            .Select(f => ("/docs-input/" + f, GeneratorHarness.DocsInput(f)));
        var report = DocsReport.Create(pages);
        var score = CorpusScore.Score("docs-input", 3, report, ExpectedFacts.Parse(Facts.Split('\n')), Array.Empty<string>());

        Assert.Equal(15, score.Listed);
        Assert.Equal(13, score.Found);
        Assert.Equal(new[] { "GET /users/{uid}/report  @ invented", "GET /users/{uid}/events  @ invented" }, score.Missed);
        Assert.Empty(score.Extra);
        Assert.Empty(score.Duplicates);
        Assert.Empty(score.Numbered);
        Assert.Equal("right", score.Auth);
        Assert.Equal(3, score.PagedListed);
        Assert.Equal(2, score.PagedRight);
        Assert.Empty(score.WronglyPaged);
        Assert.Equal(8, score.FieldsListed);
        Assert.Equal(7, score.FieldsRight);
        Assert.Equal("User.email: expected integer, generated string  @ invented", Assert.Single(score.FieldsWrong));
    }

    [Fact]
    public void An_operation_the_docs_do_not_list_is_extra_and_a_paged_non_list_is_counted()
    {
        var pages = new[] { "index.md", "users.md", "lists.md" }
            .Select(f => ("/docs-input/" + f, GeneratorHarness.DocsInput(f)));
        var report = DocsReport.Create(pages);
        var facts = ExpectedFacts.Parse(new[]
        {
            "auth: header Authorization prefix Bearer",
            "GET /users unpaged",
            "GET /users/{uid}",
        });
        var score = CorpusScore.Score("docs-input", 3, report, facts, Array.Empty<string>());

        Assert.Equal(2, score.Found);
        Assert.Equal(11, score.Extra.Count);
        Assert.Equal("GET /users: unpaged in the docs, generated id", Assert.Single(score.WronglyPaged));
        Assert.Equal("wrong (basic)", score.Auth);
    }

    [Theory]
    [InlineData("docs/*.md", "docs/a.md", true)]
    [InlineData("docs/*.md", "docs/sub/a.md", false)]
    [InlineData("docs/**/*.md", "docs/sub/deeper/a.md", true)]
    [InlineData("docs/**/*.md", "docs/a.md", true)]
    [InlineData("docs/api", "docs/api/a.mdx", true)]
    [InlineData("docs/api.md", "docs/api.mdx", false)]
    public void Manifest_globs_match_as_documented(string glob, string path, bool matches) =>
        Assert.Equal(matches, Manifest.GlobRegex(glob).IsMatch(path));

    [Fact]
    public void A_line_that_is_no_fact_is_refused()
    {
        Assert.Throws<FormatException>(() => ExpectedFacts.Parse(new[] { "this is not a fact" }));
        Assert.Throws<FormatException>(() => ExpectedFacts.Parse(new[] { "auth: cookie session" }));
    }
}
