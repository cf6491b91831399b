using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json.Nodes;

namespace Engage.Sandbox;

/// <summary>A user as the sandbox keeps it.</summary>
public sealed class UserRecord
{
    public required string Id { get; init; }
    public required string Uid { get; set; }
    public bool? UidUpdateable { get; set; }
    public string? FirstName { get; set; }
    public string? LastName { get; set; }
    public string? Number { get; set; }
    public string? Email { get; set; }
    public DateTimeOffset? CreatedAt { get; set; }
    public Dictionary<string, JsonNode?> Meta { get; } = new(StringComparer.Ordinal);
    public List<JsonObject> Events { get; } = new();
    public List<(string Token, string Platform)> Devices { get; } = new();
}

/// <summary>A list as the sandbox keeps it.</summary>
public sealed class ListRecord
{
    public required string Id { get; init; }
    public required string Title { get; set; }
    public string? Description { get; set; }
    public string? RedirectUrl { get; set; }
    public bool DoubleOptin { get; set; }
    public DateTimeOffset? CreatedAt { get; set; }
    public bool Archived { get; set; }
    public int BroadcastCount { get; set; }

    /// <summary>Subscribers by uid, with their subscribed flag.</summary>
    public Dictionary<string, bool> Subscribers { get; } = new(StringComparer.Ordinal);
}

/// <summary>The sandbox's in-memory data. Ids are 24 hex characters that sort in creation order, as cursors need.</summary>
public sealed class SandboxStore
{
    private long _nextId = 1;

    internal object Gate { get; } = new();

    internal ConcurrentQueue<RecordedRequest> Requests { get; } = new();

    /// <summary>Users by uid.</summary>
    public Dictionary<string, UserRecord> Users { get; } = new(StringComparer.Ordinal);

    /// <summary>Lists by id.</summary>
    public Dictionary<string, ListRecord> Lists { get; } = new(StringComparer.Ordinal);

    internal string NewId() => "5fc64772" + Interlocked.Increment(ref _nextId).ToString("x16", CultureInfo.InvariantCulture);

    /// <summary>Forgets the recorded requests (the data stays).</summary>
    public void ClearRequests() => Requests.Clear();
}
