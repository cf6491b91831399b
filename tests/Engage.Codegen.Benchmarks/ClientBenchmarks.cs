using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using System.Diagnostics;
using Engage.Bench.Generated;
using Engage.Bench.Kiota;
using Microsoft.Extensions.Logging;
using Microsoft.Kiota.Abstractions.Authentication;
using Microsoft.Kiota.Http.HttpClientLibrary;
using Refit;

namespace Engage.Codegen.Benchmarks;

/// <summary>
/// Run-time cost per call, all against the same in-memory handler with canned responses, so only
/// client work is measured: the tuned hand-written client (the floor and baseline of each category:
/// per-request Authorization, headers-read completion, the body read as bytes, System.Text.Json
/// source generation into typed models), the idiomatic hand-written client (BaseAddress and default
/// headers, GetAsync, ReadFromJsonAsync, PostAsJsonAsync), the generated client by default and with a
/// logger and an ActivityListener attached, Refit, and Kiota (generated from Kiota/engage.openapi.yaml,
/// with its default middleware).
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class ClientBenchmarks
{
    private const int TotalUsers = 10_000;
    private const int PageSize = 30;
    private const string Root = "https://api.example.com/v1/";
    private static readonly AuthenticationHeaderValue s_basic = new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes("key:secret")));
    private static readonly MediaTypeWithQualityHeaderValue s_acceptJson = new("application/json");
    private static readonly MediaTypeHeaderValue s_jsonContent = new("application/json") { CharSet = "utf-8" };

    private EngageClient _generated = null!;
    private EngageClient _observed = null!;
    private EngageClient _lean = null!;
    private HttpClient _tuned = null!;
    private HttpClient _idiomatic = null!;
    private IRefitUsers _refit = null!;
    private KiotaEngageClient _kiota = null!;
    private ActivityListener? _listener;
    private ILoggerFactory? _loggerFactory;

    [GlobalSetup]
    public void Setup()
    {
        var handler = new CannedEngage(TotalUsers);
        var options = new EngageClientOptions { ApiKey = "key", ApiSecret = "secret", BaseAddress = new Uri("https://api.example.com/v1") };
        _generated = new EngageClient(options, new HttpClient(handler));

        // The same client with retries and the per-attempt timeout off: what those two cost per call.
        var lean = new EngageClientOptions { ApiKey = "key", ApiSecret = "secret", BaseAddress = new Uri("https://api.example.com/v1"), Timeout = Timeout.InfiniteTimeSpan };
        lean.Retry.MaxRetries = 0;
        _lean = new EngageClient(lean, new HttpClient(handler));
        _tuned = new HttpClient(handler);
        _idiomatic = new HttpClient(handler) { BaseAddress = new Uri(Root) };
        _idiomatic.DefaultRequestHeaders.Authorization = s_basic;
        var refitClient = new HttpClient(handler) { BaseAddress = new Uri("https://api.example.com/v1") };
        refitClient.DefaultRequestHeaders.Authorization = s_basic;
        _refit = RestService.For<IRefitUsers>(refitClient, new RefitSettings { ContentSerializer = new SystemTextJsonContentSerializer(HandWrittenJson.Default.Options) });
        var kiotaAuth = new ApiKeyAuthenticationProvider("Basic " + s_basic.Parameter, "Authorization", ApiKeyAuthenticationProvider.KeyLocation.Header);
        _kiota = new KiotaEngageClient(new HttpClientRequestAdapter(kiotaAuth, httpClient: KiotaClientFactory.Create(handler)) { BaseUrl = "https://api.example.com/v1" });

        // The observed client: a logger that is on at Information and formats every message, and a
        // listener that records every span of the client's ActivitySource (while the observed
        // benchmarks run only; GlobalCleanup removes it).
        _loggerFactory = new LoggerFactory(new[] { new FormattingLoggerProvider() });
        _observed = new EngageClient(options, new HttpClient(handler), _loggerFactory);
    }

    [GlobalSetup(Targets = new[] { nameof(GetUser_GeneratedObserved), nameof(CreateUser_GeneratedObserved), nameof(List10000_GeneratedObserved) })]
    public void SetupObserved()
    {
        Setup();
        _listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name.StartsWith("Engage.Codegen", StringComparison.Ordinal),
            Sample = static (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
        };
        ActivitySource.AddActivityListener(_listener);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _listener?.Dispose();
        _listener = null;
        _loggerFactory?.Dispose();
    }

    // Get a user
    [Benchmark(Baseline = true), BenchmarkCategory("GetUser")]
    public async Task<string> GetUser_Tuned()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, Root + "users/" + Uri.EscapeDataString("u144"));
        request.Headers.Authorization = s_basic;
        request.Headers.Accept.Add(s_acceptJson);
        using var response = await _tuned.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        var body = await response.Content.ReadAsByteArrayAsync();
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"GET users/u144 returned {(int)response.StatusCode}");
        }

        return JsonSerializer.Deserialize(body, TunedJson.Default.TunedUser)!.Id;
    }

    [Benchmark, BenchmarkCategory("GetUser")]
    public async Task<string> GetUser_Idiomatic()
    {
        using var response = await _idiomatic.GetAsync("users/" + Uri.EscapeDataString("u144"));
        response.EnsureSuccessStatusCode();
        var user = await response.Content.ReadFromJsonAsync(HandWrittenJson.Default.HwUser);
        return user!.Id;
    }

    [Benchmark, BenchmarkCategory("GetUser")]
    public async Task<string> GetUser_Generated() => (await _generated.Users.GetAsync("u144")).Id;

    [Benchmark, BenchmarkCategory("GetUser")]
    public async Task<string> GetUser_GeneratedNoRetryNoTimeout() => (await _lean.Users.GetAsync("u144")).Id;

    [Benchmark, BenchmarkCategory("GetUser")]
    public async Task<string> GetUser_GeneratedObserved() => (await _observed.Users.GetAsync("u144")).Id;

    [Benchmark, BenchmarkCategory("GetUser")]
    public async Task<string> GetUser_Refit() => (await _refit.GetAsync("u144")).Id;

    [Benchmark, BenchmarkCategory("GetUser")]
    public async Task<string> GetUser_Kiota() => (await _kiota.Users["u144"].GetAsync())!.Id!;

    // Create a user
    [Benchmark(Baseline = true), BenchmarkCategory("CreateUser")]
    public async Task<string> CreateUser_Tuned()
    {
        var create = new TunedCreateUser { Id = "u144", FirstName = "Akinyele", Email = "a.jinadu@somecorp.email", Meta = new() { ["plan"] = "pro" } };
        using var request = new HttpRequestMessage(HttpMethod.Post, Root + "users");
        request.Headers.Authorization = s_basic;
        request.Headers.Accept.Add(s_acceptJson);
        request.Content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(create, TunedJson.Default.TunedCreateUser));
        request.Content.Headers.ContentType = s_jsonContent;
        using var response = await _tuned.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        var body = await response.Content.ReadAsByteArrayAsync();
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"POST users returned {(int)response.StatusCode}");
        }

        return JsonSerializer.Deserialize(body, TunedJson.Default.TunedUser)!.Id;
    }

    [Benchmark, BenchmarkCategory("CreateUser")]
    public async Task<string> CreateUser_Idiomatic()
    {
        var request = new HwCreateUser { Id = "u144", FirstName = "Akinyele", Email = "a.jinadu@somecorp.email", Meta = new() { ["plan"] = "pro" } };
        using var response = await _idiomatic.PostAsJsonAsync("users", request, HandWrittenJson.Default.HwCreateUser);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync(HandWrittenJson.Default.HwUser))!.Id;
    }

    [Benchmark, BenchmarkCategory("CreateUser")]
    public async Task<string> CreateUser_Generated() =>
        (await _generated.Users.CreateAsync(new CreateUserRequest { Id = "u144", FirstName = "Akinyele", Email = "a.jinadu@somecorp.email", Meta = new() { ["plan"] = "pro" } })).Id;

    [Benchmark, BenchmarkCategory("CreateUser")]
    public async Task<string> CreateUser_GeneratedNoRetryNoTimeout() =>
        (await _lean.Users.CreateAsync(new CreateUserRequest { Id = "u144", FirstName = "Akinyele", Email = "a.jinadu@somecorp.email", Meta = new() { ["plan"] = "pro" } })).Id;

    [Benchmark, BenchmarkCategory("CreateUser")]
    public async Task<string> CreateUser_GeneratedObserved() =>
        (await _observed.Users.CreateAsync(new CreateUserRequest { Id = "u144", FirstName = "Akinyele", Email = "a.jinadu@somecorp.email", Meta = new() { ["plan"] = "pro" } })).Id;

    [Benchmark, BenchmarkCategory("CreateUser")]
    public async Task<string> CreateUser_Kiota() =>
        (await _kiota.Users.PostAsync(new Engage.Bench.Kiota.Models.CreateUserRequest
        {
            Id = "u144",
            FirstName = "Akinyele",
            Email = "a.jinadu@somecorp.email",
            Meta = new Engage.Bench.Kiota.Models.Scalars { AdditionalData = new Dictionary<string, object> { ["plan"] = "pro" } },
        }))!.Id!;

    [Benchmark, BenchmarkCategory("CreateUser")]
    public async Task<string> CreateUser_Refit() =>
        (await _refit.CreateAsync(new HwCreateUser { Id = "u144", FirstName = "Akinyele", Email = "a.jinadu@somecorp.email", Meta = new() { ["plan"] = "pro" } })).Id;

    // List 10,000 users, 30 a page
    [Benchmark(Baseline = true), BenchmarkCategory("List10000")]
    public async Task<int> List10000_Tuned()
    {
        var count = 0;
        string? after = null;
        while (true)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, Root + "users?limit=30" + (after is null ? string.Empty : "&after_id=" + Uri.EscapeDataString(after)));
            request.Headers.Authorization = s_basic;
            request.Headers.Accept.Add(s_acceptJson);
            using var response = await _tuned.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
            var body = await response.Content.ReadAsByteArrayAsync();
            if (!response.IsSuccessStatusCode)
            {
                throw new HttpRequestException($"GET users returned {(int)response.StatusCode}");
            }

            var page = JsonSerializer.Deserialize(body, TunedJson.Default.TunedUserPage)!;
            count += page.Data.Count;
            if (!page.HasMore || page.Data.Count == 0)
            {
                return count;
            }

            after = page.Data[^1].Id;
        }
    }

    [Benchmark, BenchmarkCategory("List10000")]
    public async Task<int> List10000_Idiomatic()
    {
        var count = 0;
        string? after = null;
        while (true)
        {
            var url = "users?limit=30" + (after is null ? string.Empty : "&after_id=" + Uri.EscapeDataString(after));
            using var response = await _idiomatic.GetAsync(url);
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
    public async Task<int> List10000_GeneratedNoRetryNoTimeout()
    {
        var count = 0;
        await foreach (var _ in _lean.Users.ListAsync(new ListUsersRequest { Limit = PageSize }))
        {
            count++;
        }

        return count;
    }

    [Benchmark, BenchmarkCategory("List10000")]
    public async Task<int> List10000_GeneratedObserved()
    {
        var count = 0;
        await foreach (var _ in _observed.Users.ListAsync(new ListUsersRequest { Limit = PageSize }))
        {
            count++;
        }

        return count;
    }

    [Benchmark, BenchmarkCategory("List10000")]
    public async Task<int> List10000_Kiota()
    {
        var count = 0;
        string? after = null;
        while (true)
        {
            var page = (await _kiota.Users.GetAsync(c =>
            {
                c.QueryParameters.Limit = PageSize;
                c.QueryParameters.AfterId = after;
            }))!;
            count += page.Data!.Count;
            if (page.HasMore != true || page.Data.Count == 0)
            {
                return count;
            }

            after = page.Data[^1].Id;
        }
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

// The tuned floor's models: typed as the generated ones are (devices, lists and segments as typed
// lists; meta as JSON values, System.Text.Json's type for mixed scalars), read and written by source-generated metadata.
public sealed class TunedUser
{
    [JsonPropertyName("id")] public string Id { get; set; } = "";
    [JsonPropertyName("uid")] public string Uid { get; set; } = "";
    [JsonPropertyName("uid_updateable")] public bool? UidUpdateable { get; set; }
    [JsonPropertyName("first_name")] public string? FirstName { get; set; }
    [JsonPropertyName("last_name")] public string? LastName { get; set; }
    [JsonPropertyName("number")] public string? Number { get; set; }
    [JsonPropertyName("email")] public string? Email { get; set; }
    [JsonPropertyName("devices")] public List<TunedDevice> Devices { get; set; } = new();
    [JsonPropertyName("lists")] public List<TunedUserList> Lists { get; set; } = new();
    [JsonPropertyName("segments")] public List<TunedUserSegment> Segments { get; set; } = new();
    [JsonPropertyName("meta")] public Dictionary<string, JsonElement> Meta { get; set; } = new();
    [JsonPropertyName("created_at")] public DateTimeOffset? CreatedAt { get; set; }
}

public sealed class TunedDevice
{
    [JsonPropertyName("token")] public string Token { get; set; } = "";
    [JsonPropertyName("platform")] public string Platform { get; set; } = "";
}

public sealed class TunedUserList
{
    [JsonPropertyName("id")] public string Id { get; set; } = "";
    [JsonPropertyName("subscribed")] public bool Subscribed { get; set; }
}

public sealed class TunedUserSegment
{
    [JsonPropertyName("id")] public string Id { get; set; } = "";
    [JsonPropertyName("suppressed")] public bool Suppressed { get; set; }
}

public sealed class TunedCreateUser
{
    [JsonPropertyName("id")] public string Id { get; set; } = "";
    [JsonPropertyName("first_name")] public string? FirstName { get; set; }
    [JsonPropertyName("email")] public string? Email { get; set; }
    [JsonPropertyName("meta")] public Dictionary<string, string>? Meta { get; set; }
}

public sealed class TunedUserPage
{
    [JsonPropertyName("data")] public List<TunedUser> Data { get; set; } = new();
    [JsonPropertyName("has_more")] public bool HasMore { get; set; }
}

[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(TunedUser))]
[JsonSerializable(typeof(TunedCreateUser))]
[JsonSerializable(typeof(TunedUserPage))]
public sealed partial class TunedJson : JsonSerializerContext;

/// <summary>A logger that is on from Information and formats each message, as a real sink would, then drops it.</summary>
public sealed class FormattingLoggerProvider : ILoggerProvider, ILogger
{
    public ILogger CreateLogger(string categoryName) => this;

    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (IsEnabled(logLevel))
        {
            _ = formatter(state, exception);
        }
    }

    public void Dispose()
    {
    }
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
