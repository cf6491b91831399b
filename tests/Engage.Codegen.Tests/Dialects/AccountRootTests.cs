using System.Net;
using Engage.Codegen.Runtime;
using Microsoft.Extensions.Configuration;

namespace Engage.Codegen.Tests.Dialects;

/// <summary>
/// A base address with an account id in it ("All URLs start with
/// https://orchard.example.test/888888888/api/v1/"): the options take the id as AccountId, which
/// fills the docs' root; the example id is never hard-coded.
/// </summary>
public class AccountRootTests
{
    private static readonly DialectFixture s_bullets = new("bullets", "Orchard.Account");

    private static ApiClientOptions Options(Action<ApiClientOptions>? set = null)
    {
        var options = (ApiClientOptions)Activator.CreateInstance(s_bullets.Type("Orchard3ClientOptions"))!;
        options.ApiKey = "user";
        options.ApiSecret = "pass";
        options.UserAgent = "AccountRootTests (tests@example.test)";
        set?.Invoke(options);
        return options;
    }

    private static void SetAccountId(ApiClientOptions options, string? value) => options.GetType().GetProperty("AccountId")!.SetValue(options, value);

    [Fact]
    public void The_example_id_is_not_hard_coded_and_the_options_take_an_account_id()
    {
        var note = Assert.Single(s_bullets.Result.GeneratorDiagnostics, d => d.Id == "ENG017");
        Assert.Contains("888888888", note.GetMessage());
        Assert.Contains("AccountId", note.GetMessage());
        Assert.DoesNotContain(s_bullets.Result.GeneratorDiagnostics, d => d.Id == "ENG015");
        Assert.DoesNotContain("888888888/", s_bullets.Result.Source("Orchard3Client.g.cs").Replace("docs' example is 888888888", string.Empty));
        Assert.Equal("https://orchard.example.test/{AccountId}/api/v1", s_bullets.Type("Orchard3ClientOptions").GetField("BaseAddressTemplate")!.GetValue(null));
    }

    [Fact]
    public async Task Requests_go_to_the_docs_root_with_the_account_id_in_place()
    {
        var options = Options();
        SetAccountId(options, "4711");
        var handler = new RecordingHandler(HttpStatusCode.NoContent);
        var client = Activator.CreateInstance(s_bullets.Type("Orchard3Client"), options, new HttpClient(handler))!;
        await DialectFixture.Invoke(client, "Trees", "FellTreeAsync", "1", "2");
        Assert.Equal("https://orchard.example.test/4711/api/v1/groves/1/trees/2.json", handler.LastUri!.ToString());
        Assert.Contains("BaseAddress = https://orchard.example.test/4711/api/v1", options.ToString());
    }

    [Fact]
    public void Without_an_account_id_validation_names_it_in_the_docs_terms_and_a_base_address_set_whole_wins()
    {
        var missing = Assert.Throws<ArgumentException>(() => Options().Validate());
        Assert.Equal("AccountId", missing.ParamName);
        Assert.Contains("Orchard3ClientOptions.AccountId is required: the API root is https://orchard.example.test/{AccountId}/api/v1 (or set BaseAddress)", missing.Message);

        var whole = Options(o => o.BaseAddress = new Uri("http://127.0.0.1:5000/9/api/v1"));
        SetAccountId(whole, "4711");
        whole.Validate();
        Assert.Contains("BaseAddress = http://127.0.0.1:5000/9/api/v1", whole.ToString());
    }

    [Fact]
    public void Configuration_binds_the_account_id()
    {
        var options = Options();
        options.Bind(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["AccountId"] = "31337" }).Build());
        options.Validate();
        Assert.Equal("31337", options.GetType().GetProperty("AccountId")!.GetValue(options));
        Assert.Contains("/31337/api/v1", options.ToString());
    }

    [Theory]
    [InlineData("https://{subdomain}.shop.test/api/v2", "Subdomain", "https://{Subdomain}.shop.test/api/v2")]
    [InlineData("https://api.shop.test/accounts/:account_id/v2", "AccountId", "https://api.shop.test/accounts/{AccountId}/v2")]
    [InlineData("https://api.shop.test/<team>/v2", "Team", "https://api.shop.test/{Team}/v2")]
    public void A_named_placeholder_in_the_root_becomes_an_option_named_after_it(string root, string option, string template)
    {
        var result = GeneratorHarness.Run(new[] { new InMemoryDoc("/docs/index.md", Page(root)) }, ns: "Shop.Account" + option);
        Assert.Empty(result.CompileProblems);
        var options = result.LoadAssembly().GetType("Shop.Account" + option + ".ShopClientOptions", throwOnError: true)!;
        Assert.NotNull(options.GetProperty(option));
        Assert.Equal(template, options.GetField("BaseAddressTemplate")!.GetValue(null));
    }

    [Fact]
    public void A_root_on_your_own_server_still_asks_for_the_whole_base_address()
    {
        var result = GeneratorHarness.Run(new[] { new InMemoryDoc("/docs/index.md", Page("https://your-server/api/v1")) }, ns: "Shop.Server");
        Assert.Empty(result.CompileProblems);
        Assert.Contains(result.GeneratorDiagnostics, d => d.Id == "ENG015");
        Assert.Null(result.LoadAssembly().GetType("Shop.Server.ShopClientOptions", throwOnError: true)!.GetField("BaseAddressTemplate"));
    }

    private static string Page(string root) => $$"""
        # The Shop API

        The base URL is `{{root}}`.

        ## List orders

        ```
        GET /orders
        ```

        Returns a list of order objects.

        ```json
        [{"id": 1, "total": 9.5}]
        ```
        """;
}
