using Engage.Codegen.Runtime;
using Engage.Codegen.Tests.Generated;
using Engage.Sandbox;

namespace Engage.Codegen.Tests;

/// <summary>The client generated from docs-input against the sandbox, over a real loopback socket.</summary>
public sealed class EndToEndTests : IAsyncLifetime
{
    private SandboxServer _sandbox = null!;
    private EngageClient _client = null!;

    public async Task InitializeAsync()
    {
        _sandbox = await SandboxServer.StartAsync();
        _client = new EngageClient(new EngageClientOptions { BaseAddress = _sandbox.BaseAddress, ApiKey = _sandbox.ApiKey, ApiSecret = _sandbox.ApiSecret });
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _sandbox.DisposeAsync();
    }

    private EngageClient KeyOnlyClient() => new(new EngageClientOptions { BaseAddress = _sandbox.BaseAddress, ApiKey = _sandbox.ApiKey });

    [Fact]
    public async Task Create_get_update_and_record_an_event()
    {
        var created = await _client.Users.CreateAsync(new CreateUserRequest
        {
            Id = "u144",
            FirstName = "Akinyele",
            LastName = "Jinadu",
            Email = "a.jinadu@somecorp.email",
            CreatedAt = new DateTimeOffset(2021, 1, 12, 5, 24, 39, 62, TimeSpan.Zero),
            Meta = new() { ["plan"] = "pro", ["age"] = 34, ["beta"] = true },
        });
        Assert.Equal("u144", created.Uid);
        Assert.Equal(24, created.Id.Length);

        var fetched = await _client.Users.GetAsync("u144");
        Assert.Equal("Akinyele", fetched.FirstName);
        Assert.Equal("a.jinadu@somecorp.email", fetched.Email);
        Assert.Null(fetched.Number);
        Assert.Equal(new DateTimeOffset(2021, 1, 12, 5, 24, 39, 62, TimeSpan.Zero), fetched.CreatedAt);
        Assert.Equal("pro", fetched.Meta["plan"].AsString());
        Assert.Equal(34, fetched.Meta["age"].AsNumber());
        Assert.True(fetched.Meta["beta"].AsBoolean());
        Assert.Empty(fetched.Devices);

        var updated = await _client.Users.UpdateAsync("u144", new UpdateUserRequest { Meta = new() { ["plan"] = "custom", ["coverage"] = 20 } });
        Assert.Equal("custom", updated.Meta["plan"].AsString());
        Assert.Equal(20, updated.Meta["coverage"].AsNumber());
        Assert.Equal("Akinyele", updated.FirstName);

        var status = await _client.Users.AddEventAsync("u144", new AddUserEventRequest
        {
            Event = "Add to cart",
            Timestamp = new DateTimeOffset(2020, 5, 30, 9, 30, 10, TimeSpan.Zero),
            Properties = new() { ["product"] = "T123", ["currency"] = "USD", ["amount"] = 12.99 },
        });
        Assert.Equal("ok", status.Status);
        var recorded = Assert.Single(_sandbox.Store.Users["u144"].Events);
        Assert.Equal("Add to cart", (string?)recorded["event"]);
        Assert.Equal(12.99, (double)recorded["properties"]!["amount"]!);
        Assert.False(recorded.ContainsKey("value"));
    }

    [Fact]
    public async Task Listing_95_users_30_a_page_takes_four_requests_and_yields_each_user_once_in_order()
    {
        var expected = new List<string>();
        for (var i = 0; i < 95; i++)
        {
            var uid = $"user-{i:D2}";
            expected.Add(uid);
            await _client.Users.CreateAsync(new CreateUserRequest { Id = uid });
        }

        _sandbox.Store.ClearRequests();
        var seen = new List<string>();
        await foreach (var user in _client.Users.ListAsync(new ListUsersRequest { Limit = 30 }))
        {
            seen.Add(user.Uid);
        }

        Assert.Equal(expected, seen);
        var pageRequests = _sandbox.Requests.Where(r => r.Method == "GET" && r.Path == "/v1/users").ToList();
        Assert.Equal(4, pageRequests.Count);
        Assert.All(pageRequests, r => Assert.Contains("limit=30", r.Query));
        Assert.DoesNotContain("after_id", pageRequests[0].Query);
        Assert.All(pageRequests.Skip(1), r => Assert.Contains("after_id=", r.Query));
    }

    [Fact]
    public async Task Pages_expose_values_and_has_more_and_a_continuation_token_resumes()
    {
        for (var i = 0; i < 7; i++)
        {
            await _client.Users.CreateAsync(new CreateUserRequest { Id = $"p{i}" });
        }

        var pages = new List<Page<User>>();
        await foreach (var page in _client.Users.ListAsync(new ListUsersRequest { Limit = 3 }).AsPages())
        {
            pages.Add(page);
        }

        Assert.Equal(new[] { 3, 3, 1 }, pages.Select(p => p.Values.Count));
        Assert.Equal(new[] { true, true, false }, pages.Select(p => p.HasMore));
        Assert.Null(pages[2].ContinuationToken);

        var resumed = new List<string>();
        await foreach (var page in _client.Users.ListAsync(new ListUsersRequest { Limit = 3 }).AsPages(pages[0].ContinuationToken))
        {
            resumed.AddRange(page.Values.Select(u => u.Uid));
        }

        Assert.Equal(new[] { "p3", "p4", "p5", "p6" }, resumed);
    }

    [Fact]
    public async Task Without_a_limit_paging_uses_the_documented_maximum_page_size()
    {
        await _client.Users.CreateAsync(new CreateUserRequest { Id = "only" });
        _sandbox.Store.ClearRequests();
        await foreach (var _ in _client.Users.ListAsync())
        {
        }

        await foreach (var _ in _client.Lists.ListAsync())
        {
        }

        Assert.Contains("limit=30", Assert.Single(_sandbox.Requests, r => r.Path == "/v1/users").Query);
        Assert.Contains("limit=100", Assert.Single(_sandbox.Requests, r => r.Path == "/v1/lists").Query);
    }

    [Fact]
    public async Task Paging_backwards_from_before_id_follows_the_first_item_of_each_page()
    {
        var users = new List<User>();
        for (var i = 0; i < 10; i++)
        {
            users.Add(await _client.Users.CreateAsync(new CreateUserRequest { Id = $"b{i}" }));
        }

        var pages = new List<string[]>();
        await foreach (var page in _client.Users.ListAsync(new ListUsersRequest { BeforeId = users[8].Id, Limit = 3 }).AsPages())
        {
            pages.Add(page.Values.Select(u => u.Uid).ToArray());
        }

        Assert.Equal(new[] { new[] { "b5", "b6", "b7" }, new[] { "b2", "b3", "b4" }, new[] { "b0", "b1" } }, pages);
    }

    [Fact]
    public async Task Key_only_client_works_where_the_docs_allow_it_and_gets_a_typed_403_elsewhere()
    {
        using var keyOnly = KeyOnlyClient();
        var created = await keyOnly.Users.CreateAsync(new CreateUserRequest { Id = "public-1" });
        Assert.Equal("public-1", created.Uid);
        var list = await _client.Lists.CreateAsync(new CreateListRequest { Title = "Waitlist" });
        Assert.Equal("Waitlist", (await keyOnly.Lists.GetAsync(list.Id)).Title);

        var refused = await Assert.ThrowsAsync<ApiException>(() => keyOnly.Users.GetAsync("public-1"));
        Assert.True(refused.IsForbidden);
        Assert.Equal(403, refused.StatusCode);
        Assert.Contains("secret", refused.Error);
        Assert.Contains(refused.Error!, refused.RawBody);
        Assert.Equal("GET", refused.Method);
        Assert.EndsWith("/v1/users/public-1", refused.RequestUri);
    }

    [Fact]
    public async Task Wrong_key_gets_a_typed_401_that_reveals_no_credentials()
    {
        using var wrong = new EngageClient(new EngageClientOptions { BaseAddress = _sandbox.BaseAddress, ApiKey = "not-the-key", ApiSecret = "hunter2-secret" });
        var exception = await Assert.ThrowsAsync<ApiException>(() => wrong.Lists.GetAsync("x"));
        Assert.True(exception.IsUnauthorized);
        Assert.Equal("Invalid API key", exception.Error);
        Assert.DoesNotContain("hunter2-secret", exception.ToString());
        Assert.DoesNotContain("not-the-key", exception.ToString());
        Assert.DoesNotContain(Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes("not-the-key:hunter2-secret")), exception.ToString());
    }

    [Fact]
    public async Task Missing_required_parameter_gets_a_typed_400_with_the_apis_error_text()
    {
        var exception = await Assert.ThrowsAsync<ApiException>(() => _client.Lists.CreateAsync(new CreateListRequest { Title = "" }));
        Assert.True(exception.IsBadRequest);
        Assert.Equal("title is required", exception.Error);
        Assert.Equal("{\"error\":\"title is required\"}", exception.RawBody);
        Assert.Contains("title is required", exception.Message);
    }

    [Fact]
    public async Task Unknown_user_and_list_get_a_typed_404_with_the_apis_error_text()
    {
        var user = await Assert.ThrowsAsync<ApiException>(() => _client.Users.GetAsync("nobody"));
        Assert.True(user.IsNotFound);
        Assert.Equal("User not found", user.Error);
        var list = await Assert.ThrowsAsync<ApiException>(() => _client.Lists.DeleteAsync("no-list"));
        Assert.Equal(404, list.StatusCode);
        Assert.Equal("List not found", list.Error);
    }

    [Fact]
    public async Task Key_only_client_refuses_to_update_an_email_before_sending()
    {
        using var keyOnly = KeyOnlyClient();
        await _client.Users.CreateAsync(new CreateUserRequest { Id = "e1" });
        _sandbox.Store.ClearRequests();
        var exception = await Assert.ThrowsAsync<ApiCredentialsException>(() => keyOnly.Users.UpdateAsync("e1", new UpdateUserRequest { Email = "new@example.com" }));
        Assert.Contains("`email`", exception.Message);
        Assert.Empty(_sandbox.Requests);

        var renamed = await keyOnly.Users.UpdateAsync("e1", new UpdateUserRequest { FirstName = "Ok" });
        Assert.Equal("Ok", renamed.FirstName);
        Assert.Equal("new@example.com", (await _client.Users.UpdateAsync("e1", new UpdateUserRequest { Email = "new@example.com" })).Email);
    }

    [Fact]
    public async Task Lists_subscribe_update_status_remove_and_archive()
    {
        var list = await _client.Lists.CreateAsync(new CreateListRequest { Title = "Waitlist", Description = "Awesome product waiting list", DoubleOptin = true });
        Assert.True(list.DoubleOptin);
        Assert.Null(list.RedirectUrl);

        var subscribed = await _client.Lists.SubscribeAsync(list.Id, new SubscribeListRequest { Email = "a@example.com", FirstName = "Ada" });
        Assert.False(string.IsNullOrEmpty(subscribed.Uid));
        Assert.Equal(1, (await _client.Lists.GetAsync(list.Id)).SubscriberCount);
        var member = await _client.Users.GetAsync(subscribed.Uid);
        Assert.True(Assert.Single(member.Lists).Subscribed);
        Assert.True(member.UidUpdateable);

        var status = await _client.Lists.UpdateSubscriberAsync(list.Id, subscribed.Uid, new UpdateListSubscriberRequest { Subscribed = false });
        Assert.False(status.Subscribed);
        Assert.False(Assert.Single((await _client.Users.GetAsync(subscribed.Uid)).Lists).Subscribed);

        Assert.Equal("ok", (await _client.Lists.RemoveSubscriberAsync(list.Id, subscribed.Uid)).Status);
        Assert.Equal("ok", (await _client.Lists.DeleteAsync(list.Id)).Status);
        var archived = await Assert.ThrowsAsync<ApiException>(() => _client.Lists.SubscribeAsync(list.Id, new SubscribeListRequest { Email = "b@example.com" }));
        Assert.Equal(400, archived.StatusCode);
        Assert.Contains("archived", archived.Error);

        var renamed = await _client.Lists.UpdateAsync(list.Id, new UpdateListRequest { Title = "Renamed" });
        Assert.Equal("Renamed", renamed.Title);
        Assert.Equal("Awesome product waiting list", renamed.Description);
    }

    [Theory]
    [InlineData("a/b")]
    [InlineData("../lists")]
    [InlineData("%2F")]
    [InlineData("?x=1")]
    [InlineData("#frag")]
    [InlineData("a b+c")]
    public async Task Path_parameters_reach_the_server_as_one_segment(string uid)
    {
        await _client.Users.CreateAsync(new CreateUserRequest { Id = uid });
        _sandbox.Store.ClearRequests();
        var fetched = await _client.Users.GetAsync(uid);
        Assert.Equal(uid, fetched.Uid);
        Assert.Equal(3, Assert.Single(_sandbox.Requests).Path.Split('/', StringSplitOptions.RemoveEmptyEntries).Length);
    }

    [Theory]
    [InlineData(".")]
    [InlineData("..")]
    public async Task Dot_segments_are_refused_before_sending_because_servers_would_resolve_them(string uid)
    {
        _sandbox.Store.ClearRequests();
        var exception = await Assert.ThrowsAsync<ArgumentException>(() => _client.Users.GetAsync(uid));
        Assert.Contains("relative path step", exception.Message);
        Assert.Equal("uid", exception.ParamName); // the caller's parameter, not the runtime helper's
        Assert.Empty(_sandbox.Requests);
    }

    [Fact]
    public void A_model_serialized_without_the_context_still_reads_and_writes_the_APIs_json()
    {
        // Plain JsonSerializer (reflection): the model's [JsonConverter] attribute names the
        // generated factory, which hands over the model's own converter from the context.
        var json = System.Text.Json.JsonSerializer.Serialize(new UpdateUserRequest { FirstName = "Ada", Meta = new() { ["plan"] = "pro" } });
        Assert.Equal("{\"first_name\":\"Ada\",\"meta\":{\"plan\":\"pro\"}}", json);
        var user = System.Text.Json.JsonSerializer.Deserialize<User>("{\"uid\":\"u1\",\"first_name\":\"Ada\",\"created_at\":\"2021-01-12T05:24:39+00:00\",\"devices\":[{\"platform\":\"ios\"}]}")!;
        Assert.Equal(("u1", "Ada"), (user.Uid, user.FirstName));
        Assert.Equal(new DateTimeOffset(2021, 1, 12, 5, 24, 39, TimeSpan.Zero), user.CreatedAt);
        Assert.Equal("ios", Assert.Single(user.Devices).Platform.Value);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void A_missing_path_parameter_throws_at_the_call_naming_it_and_sends_nothing(string? uid)
    {
        _sandbox.Store.ClearRequests();
        // Thrown by the method itself, not through the task it would return.
        var exception = Assert.Throws<ArgumentException>(() => { _ = _client.Users.UpdateAsync(uid!, new UpdateUserRequest()); });
        Assert.Equal("uid", exception.ParamName);
        Assert.StartsWith("A value is required.", exception.Message, StringComparison.Ordinal);
        Assert.Empty(_sandbox.Requests);
    }

    [Fact]
    public async Task Caller_cancellation_surfaces_as_OperationCanceledException()
    {
        using var cancellation = new CancellationTokenSource();
        cancellation.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => _client.Users.GetAsync("u", cancellation.Token));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var _ in _client.Users.ListAsync(cancellationToken: cancellation.Token))
            {
            }
        });
    }
}
