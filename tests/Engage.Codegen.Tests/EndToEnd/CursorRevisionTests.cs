using System.Reflection;
using Engage.Codegen.Runtime;
using Engage.CursorRevision;
using Engage.Sandbox;

namespace Engage.Codegen.Tests;

/// <summary>
/// The client generated from Engage's docs as revised for opaque cursors (Fixtures/cursor-revision): opaque cursors with the
/// id style deprecated, Delete User, device_token and device_platform, against the sandbox.
/// </summary>
public sealed class CursorRevisionTests : IAsyncLifetime
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

    private async Task<List<string>> CreateUsers(int count)
    {
        var uids = new List<string>();
        for (var i = 0; i < count; i++)
        {
            uids.Add((await _client.Users.CreateAsync(new CreateUserRequest { Id = $"revised-{i:D2}" })).Uid);
        }

        return uids;
    }

    [Fact]
    public async Task Pages_forwards_by_next_cursor_four_requests_for_95_users()
    {
        var expected = await CreateUsers(95);
        _sandbox.Store.ClearRequests();
        var seen = new List<string>();
        await foreach (var user in _client.Users.ListAsync())
        {
            seen.Add(user.Uid);
        }

        Assert.Equal(expected, seen);
        var requests = _sandbox.Requests.Where(r => r.Path == "/v1/users").ToList();
        Assert.Equal(4, requests.Count);
        Assert.All(requests, r => Assert.Contains("limit=30", r.Query));
        Assert.DoesNotContain("cursor", requests[0].Query);
        Assert.All(requests.Skip(1), r => Assert.Contains("next_cursor=", r.Query));
        Assert.All(requests, r => Assert.DoesNotContain("after_id", r.Query));
    }

    [Fact]
    public async Task Pages_backwards_by_previous_cursor_and_resumes_from_a_token()
    {
        await CreateUsers(10);
        Page<User>? last = null;
        await foreach (var page in _client.Users.ListAsync(new ListUsersRequest { Limit = 4 }).AsPages())
        {
            last = page;
        }

        Assert.NotNull(last);
        Assert.False(last!.HasMore);
        var lastPageFirst = last.Values[0].Uid;
        Assert.Equal("revised-08", lastPageFirst);

        // Backwards from a stored previous_cursor that points before revised-08.
        var backwards = new List<string[]>();
        await foreach (var page in _client.Users.ListAsync(new ListUsersRequest { Limit = 4 }).AsPages("previous:" + EncodeForTest('p', _sandbox.Store.Users["revised-08"].Id)))
        {
            backwards.Add(page.Values.Select(u => u.Uid).ToArray());
        }

        Assert.Equal(new[] { new[] { "revised-04", "revised-05", "revised-06", "revised-07" }, new[] { "revised-00", "revised-01", "revised-02", "revised-03" } }, backwards);

        var resumed = new List<string>();
        var first = await FirstPage(_client.Users.ListAsync(new ListUsersRequest { Limit = 4 }));
        await foreach (var page in _client.Users.ListAsync(new ListUsersRequest { Limit = 4 }).AsPages(first.ContinuationToken))
        {
            resumed.AddRange(page.Values.Select(u => u.Uid));
        }

        Assert.Equal(Enumerable.Range(4, 6).Select(i => $"revised-{i:D2}"), resumed);
    }

    private static async Task<Page<User>> FirstPage(AsyncPageable<User> pageable)
    {
        await foreach (var page in pageable.AsPages())
        {
            return page;
        }

        throw new InvalidOperationException("no page");
    }

    /// <summary>The sandbox's cursor format, to start backwards from a chosen user as a stored cursor would.</summary>
    private static string EncodeForTest(char kind, string id) =>
        Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(kind + ":" + id)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    [Fact]
    public async Task Deprecated_after_id_still_starts_the_listing_then_cursors_take_over()
    {
        var uids = await CreateUsers(9);
        _sandbox.Store.ClearRequests();
        var seen = new List<string>();
#pragma warning disable CS0618 // the deprecated member is what this test exercises
        var request = new ListUsersRequest { AfterId = _sandbox.Store.Users[uids[2]].Id, Limit = 3 };
#pragma warning restore CS0618
        await foreach (var user in _client.Users.ListAsync(request))
        {
            seen.Add(user.Uid);
        }

        Assert.Equal(uids.Skip(3), seen);
        var requests = _sandbox.Requests.Where(r => r.Path == "/v1/users").ToList();
        Assert.Contains("after_id=", requests[0].Query);
        Assert.All(requests.Skip(1), r => Assert.DoesNotContain("after_id", r.Query));
    }

    [Fact]
    public void Deprecated_members_are_obsolete_with_the_docs_own_words()
    {
        var afterId = typeof(ListUsersRequest).GetProperty(nameof(ListUsersRequest.Limit))!.DeclaringType!.GetProperty("AfterId")!;
        Assert.Equal("Deprecated: use `next_cursor`. Users after the user with this `id`.", afterId.GetCustomAttribute<ObsoleteAttribute>()!.Message);
        var hasMore = typeof(ListUsersResponse).GetProperty("HasMore")!;
        Assert.Contains("`has_more` are deprecated and will be removed", hasMore.GetCustomAttribute<ObsoleteAttribute>()!.Message);
        Assert.Null(typeof(ListUsersResponse).GetProperty("NextCursor")!.GetCustomAttribute<ObsoleteAttribute>());
        Assert.Equal(typeof(string), typeof(ListUsersResponse).GetProperty("NextCursor")!.PropertyType);
    }

    [Fact]
    public async Task Delete_user_and_device_fields_work()
    {
        var created = await _client.Users.CreateAsync(new CreateUserRequest { Id = "phone-1", DeviceToken = "tok-1", DevicePlatform = UserDevicePlatform.Android });
        var device = Assert.Single(created.Devices);
        Assert.Equal("tok-1", device.Token);
        Assert.Equal(UserDevicePlatform.Android, device.Platform);

        var updated = await _client.Users.UpdateAsync("phone-1", new UpdateUserRequest { DeviceToken = "tok-2", DevicePlatform = "ios" });
        Assert.Equal(new[] { "tok-1", "tok-2" }, updated.Devices.Select(d => d.Token));

        Assert.Equal("ok", (await _client.Users.DeleteAsync("phone-1")).Status);
        Assert.False(_sandbox.Store.Users.ContainsKey("phone-1"));
        var gone = await Assert.ThrowsAsync<ApiException>(() => _client.Users.DeleteAsync("phone-1"));
        Assert.True(gone.IsNotFound);

        var operation = typeof(EngageUsersClient).Operation("DeleteAsync").GetCustomAttribute<ApiOperationAttribute>()!;
        Assert.Equal(("DELETE", "/users/{uid}", ApiAuth.KeyAndSecret), (operation.Method, operation.Path, operation.Auth));
    }
}
