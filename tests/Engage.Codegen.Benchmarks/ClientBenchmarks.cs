using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Engage.Bench.Generated;
using Refit;

namespace Engage.Codegen.Benchmarks;

/// <summary>
/// Run-time cost per call: the generated client, hand-written HttpClient + System.Text.Json
/// source generation (the floor, baseline of each category) and Refit, all against the same
/// in-memory handler with canned responses, so only client work is measured.
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class ClientBenchmarks
{
    private const int TotalUsers = 10_000;
    private const int PageSize = 30;

    private EngageClient _generated = null!;
    private HttpClient _handWritten = null!;
    private IRefitUsers _refit = null!;

    [GlobalSetup]
    public void Setup()
    {
        var handler = new CannedEngage(TotalUsers);
        _generated = new EngageClient(new EngageClientOptions { ApiKey = "key", ApiSecret = "secret", BaseAddress = new Uri("https://api.example.com/v1") }, new HttpClient(handler));
        _handWritten = new HttpClient(handler) { BaseAddress = new Uri("https://api.example.com/v1/") };
        _handWritten.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes("key:secret")));
        var refitClient = new HttpClient(handler) { BaseAddress = new Uri("https://api.example.com/v1") };
        refitClient.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes("key:secret")));
        _refit = RestService.For<IRefitUsers>(refitClient, new RefitSettings { ContentSerializer = new SystemTextJsonContentSerializer(HandWrittenJson.Default.Options) });
    }

    // Get a user
    [Benchmark(Baseline = true), BenchmarkCategory("GetUser")]
    public async Task<string> GetUser_HandWritten()
    {
        using var response = await _handWritten.GetAsync("users/" + Uri.EscapeDataString("u144"));
        response.EnsureSuccessStatusCode();
        var user = await response.Content.ReadFromJsonAsync(HandWrittenJson.Default.HwUser);
        return user!.Id;
    }

    [Benchmark, BenchmarkCategory("GetUser")]
    public async Task<string> GetUser_Generated() => (await _generated.Users.GetAsync("u144")).Id;

    [Benchmark, BenchmarkCategory("GetUser")]
    public async Task<string> GetUser_Refit() => (await _refit.GetAsync("u144")).Id;

    // Create a user
    [Benchmark(Baseline = true), BenchmarkCategory("CreateUser")]
    public async Task<string> CreateUser_HandWritten()
    {
        var request = new HwCreateUser { Id = "u144", FirstName = "Akinyele", Email = "a.jinadu@somecorp.email", Meta = new() { ["plan"] = "pro" } };
        using var response = await _handWritten.PostAsJsonAsync("users", request, HandWrittenJson.Default.HwCreateUser);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync(HandWrittenJson.Default.HwUser))!.Id;
    }

    [Benchmark, BenchmarkCategory("CreateUser")]
    public async Task<string> CreateUser_Generated() =>
        (await _generated.Users.CreateAsync(new CreateUserRequest { Id = "u144", FirstName = "Akinyele", Email = "a.jinadu@somecorp.email", Meta = new() { ["plan"] = "pro" } })).Id;

    [Benchmark, BenchmarkCategory("CreateUser")]
    public async Task<string> CreateUser_Refit() =>
        (await _refit.CreateAsync(new HwCreateUser { Id = "u144", FirstName = "Akinyele", Email = "a.jinadu@somecorp.email", Meta = new() { ["plan"] = "pro" } })).Id;

    // List 10,000 users, 30 a page
    [Benchmark(Baseline = true), BenchmarkCategory("List10000")]
    public async Task<int> List10000_HandWritten()
    {
        var count = 0;
        string? after = null;
        while (true)
        {
            var url = "users?limit=30" + (after is null ? string.Empty : "&after_id=" + Uri.EscapeDataString(after));
            using var response = await _handWritten.GetAsync(url);
            response.EnsureSuccessStatusCode();
            var page = (await response.Content.ReadFromJsonAsync(HandWrittenJson.Default.HwUserPage))!;
            count += page.Data.Count;
            if (!page.HasMore || page.Data.Count == 0)
            {
                return count;
            }

            after = page.Data[^1].Id;
        }
    }

    [Benchmark, BenchmarkCategory("List10000")]
    public async Task<int> List10000_Generated()
    {
        var count = 0;
        await foreach (var _ in _generated.Users.ListAsync(new ListUsersRequest { Limit = PageSize }))
        {
            count++;
        }

        return count;
    }

    [Benchmark, BenchmarkCategory("List10000")]
    public async Task<int> List10000_Refit()
    {
        var count = 0;
        string? after = null;
        while (true)
        {
            var page = await _refit.ListAsync(PageSize, after);
            count += page.Data.Count;
            if (!page.HasMore || page.Data.Count == 0)
            {
                return count;
            }

            after = page.Data[^1].Id;
        }
    }
}

public interface IRefitUsers
{
    [Get("/users/{uid}")]
    Task<HwUser> GetAsync(string uid);

    [Post("/users")]
    Task<HwUser> CreateAsync([Body] HwCreateUser request);

    [Get("/users")]
    Task<HwUserPage> ListAsync(int limit, [AliasAs("after_id")] string? afterId);
}

public sealed class HwUser
{
    [JsonPropertyName("id")] public string Id { get; set; } = "";
    [JsonPropertyName("uid")] public string Uid { get; set; } = "";
    [JsonPropertyName("first_name")] public string? FirstName { get; set; }
    [JsonPropertyName("last_name")] public string? LastName { get; set; }
    [JsonPropertyName("number")] public string? Number { get; set; }
    [JsonPropertyName("email")] public string? Email { get; set; }
    [JsonPropertyName("devices")] public List<JsonElement> Devices { get; set; } = new();
    [JsonPropertyName("lists")] public List<JsonElement> Lists { get; set; } = new();
    [JsonPropertyName("segments")] public List<JsonElement> Segments { get; set; } = new();
    [JsonPropertyName("meta")] public Dictionary<string, JsonElement> Meta { get; set; } = new();
    [JsonPropertyName("created_at")] public DateTimeOffset? CreatedAt { get; set; }
}

public sealed class HwCreateUser
{
    [JsonPropertyName("id")] public string Id { get; set; } = "";
    [JsonPropertyName("first_name")] public string? FirstName { get; set; }
    [JsonPropertyName("email")] public string? Email { get; set; }
    [JsonPropertyName("meta")] public Dictionary<string, string>? Meta { get; set; }
}

public sealed class HwUserPage
{
    [JsonPropertyName("data")] public List<HwUser> Data { get; set; } = new();
    [JsonPropertyName("has_more")] public bool HasMore { get; set; }
}

[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(HwUser))]
[JsonSerializable(typeof(HwCreateUser))]
[JsonSerializable(typeof(HwUserPage))]
public sealed partial class HandWrittenJson : JsonSerializerContext;

/// <summary>Canned Engage responses: one user, and 10,000 users in pages of 30 keyed by after_id.</summary>
public sealed class CannedEngage : HttpMessageHandler
{
    private readonly byte[] _user;
    private readonly Dictionary<string, byte[]> _pages = new(StringComparer.Ordinal);

    public CannedEngage(int users)
    {
        static string User(int i) => $"{{\"id\":\"5fc64772{i:x16}\",\"uid\":\"user-{i}\",\"first_name\":\"Akinyele\",\"last_name\":\"Jinadu\",\"number\":null,\"email\":\"user{i}@somecorp.email\",\"devices\":[],\"lists\":[],\"segments\":[],\"meta\":{{\"plan\":\"pro\",\"age\":34}},\"created_at\":\"2021-01-12T05:24:39.062+00:00\"}}";
        _user = Encoding.UTF8.GetBytes(User(144));
        for (var start = 0; start < users; start += 30)
        {
            var items = Enumerable.Range(start, Math.Min(30, users - start)).Select(User);
            var key = start == 0 ? string.Empty : $"5fc64772{start - 1:x16}";
            _pages[key] = Encoding.UTF8.GetBytes($"{{\"data\":[{string.Join(",", items)}],\"has_more\":{(start + 30 < users ? "true" : "false")}}}");
        }
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.Content is not null)
        {
            await request.Content.ReadAsByteArrayAsync(cancellationToken);
        }

        byte[] body;
        if (request.Method == HttpMethod.Get && request.RequestUri!.AbsolutePath.EndsWith("/users", StringComparison.Ordinal))
        {
            var query = request.RequestUri.Query;
            var after = query.IndexOf("after_id=", StringComparison.Ordinal);
            var key = after < 0 ? string.Empty : Uri.UnescapeDataString(query.Substring(after + 9).Split('&')[0]);
            body = _pages[key];
        }
        else
        {
            body = _user;
        }

        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return new HttpResponseMessage(HttpStatusCode.OK) { Content = content, RequestMessage = request };
    }
}
