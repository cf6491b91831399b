using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Engage.Sandbox;

/// <summary>The sandbox's endpoints, as docs-input documents them.</summary>
internal static class SandboxApi
{
    private enum Access
    {
        Key,
        KeyAndSecret,
    }

    public static void Map(WebApplication app, SandboxStore store, SandboxOptions options, SandboxFaults faults)
    {
        app.Use(async (context, next) =>
        {
            try
            {
                await next(context);
            }
            finally
            {
                var headers = context.Request.Headers
                    .Where(h => !string.Equals(h.Key, "Authorization", StringComparison.OrdinalIgnoreCase))
                    .ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
                var fault = context.Items.TryGetValue(typeof(SandboxFault), out var f) ? ((SandboxFault)f!).Kind.ToString() : null;
                store.Requests.Enqueue(new RecordedRequest(context.Request.Method, context.Request.Path.Value ?? string.Empty, context.Request.QueryString.Value ?? string.Empty, context.Response.StatusCode)
                {
                    Headers = headers,
                    Fault = fault,
                });
            }
        });
        app.Use(faults.Apply);

        // Fault injection over HTTP, for a sandbox in another process.
        app.MapPost("/_sandbox/faults", async (HttpContext http) =>
        {
            SandboxFault? fault;
            try
            {
                fault = await http.Request.ReadFromJsonAsync<SandboxFault>(new System.Text.Json.JsonSerializerOptions(System.Text.Json.JsonSerializerDefaults.Web)
                {
                    Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
                });
            }
            catch (System.Text.Json.JsonException exception)
            {
                // An unknown kind ("Delayed" for "Delay") or a value of the wrong type: say what is accepted.
                return Error(400, $"The fault could not be read: {exception.Message} Accepted kinds: {string.Join(", ", Enum.GetNames<SandboxFaultKind>())}. " +
                    "Fields: kind, method, pathPrefix, times, status, retryAfter, delay (a time span such as \"00:00:02\").");
            }

            if (fault is null)
            {
                return Error(400, "A fault is required. Accepted kinds: " + string.Join(", ", Enum.GetNames<SandboxFaultKind>()) + ".");
            }

            faults.Add(fault);
            return Results.Json(new JsonObject { ["status"] = "ok", ["pending"] = faults.Pending });
        });
        app.MapDelete("/_sandbox/faults", () =>
        {
            faults.Clear();
            return Results.Json(new JsonObject { ["status"] = "ok" });
        });

        // Read-only views of the state, for a soak run in another process to check what was written.
        app.MapGet("/_sandbox/state", () =>
        {
            lock (store.Gate)
            {
                var users = new JsonArray();
                foreach (var user in store.Users.Values.OrderBy(u => u.Uid, StringComparer.Ordinal))
                {
                    var events = new JsonArray();
                    foreach (var e in user.Events)
                    {
                        events.Add(e["event"]?.DeepClone());
                    }

                    users.Add(new JsonObject { ["uid"] = user.Uid, ["events"] = events });
                }

                return Results.Json(new JsonObject { ["users"] = users, ["lists"] = store.Lists.Count, ["requests"] = store.Requests.Count });
            }
        });

        var v1 = app.MapGroup("/v1");

        // Users
        v1.MapPost("/users", (HttpContext http, CancellationToken aborted) => Handle(http, options, Access.Key, async () =>
        {
            var body = await ReadBody(http);
            var uid = body.String("id");
            if (string.IsNullOrEmpty(uid))
            {
                return Error(400, "id is required");
            }

            lock (store.Gate)
            {
                if (!store.Users.TryGetValue(uid, out var user))
                {
                    user = new UserRecord { Id = store.NewId(), Uid = uid };
                    store.Users[uid] = user;
                }

                var problem = ApplyUserAttributes(user, body);
                if (problem is not null)
                {
                    return problem;
                }

                foreach (var listId in body.StringArray("lists"))
                {
                    if (store.Lists.TryGetValue(listId, out var list) && !list.Archived)
                    {
                        list.Subscribers[user.Uid] = true;
                    }
                }

                return Results.Json(UserJson(store, user), statusCode: 200);
            }
        }));

        v1.MapGet("/users/{uid}", (HttpContext http, CancellationToken aborted) => Handle(http, options, Access.KeyAndSecret, () =>
        {
            var uid = Segment(http, 1);
            lock (store.Gate)
            {
                return Task.FromResult(store.Users.TryGetValue(uid, out var user) ? Results.Json(UserJson(store, user)) : Error(404, "User not found"));
            }
        }));

        v1.MapPut("/users/{uid}", async (HttpContext http, CancellationToken aborted) =>
        {
            var uid = Segment(http, 1);
            var body = await ReadBody(http);
            var access = body.Has("email") ? Access.KeyAndSecret : Access.Key;
            return await Handle(http, options, access, () =>
            {
                lock (store.Gate)
                {
                    if (!store.Users.TryGetValue(uid, out var user))
                    {
                        user = new UserRecord { Id = store.NewId(), Uid = uid };
                        store.Users[uid] = user;
                    }

                    return Task.FromResult(ApplyUserAttributes(user, body) ?? Results.Json(UserJson(store, user)));
                }
            });
        });

        v1.MapPost("/users/{uid}/events", (HttpContext http, CancellationToken aborted) => Handle(http, options, Access.Key, async () =>
        {
            var uid = Segment(http, 1);
            var body = await ReadBody(http);
            if (string.IsNullOrEmpty(body.String("event")))
            {
                return Error(400, "event is required");
            }

            if (body.Has("value") && !IsScalar(body.Node["value"]))
            {
                return Error(400, "value must be a string, number or boolean");
            }

            if (body.Has("timestamp") && !TryDate(body.Node["timestamp"], out _))
            {
                return Error(400, "timestamp must be a date string");
            }

            lock (store.Gate)
            {
                if (!store.Users.TryGetValue(uid, out var user))
                {
                    return Error(404, "User not found");
                }

                user.Events.Add((JsonObject)body.Node.DeepClone());
                return Results.Json(new JsonObject { ["status"] = "ok" });
            }
        }));

        v1.MapDelete("/users/{uid}", (HttpContext http, CancellationToken aborted) => Handle(http, options, Access.KeyAndSecret, () =>
        {
            var uid = Segment(http, 1);
            lock (store.Gate)
            {
                if (!store.Users.Remove(uid))
                {
                    return Task.FromResult(Error(404, "User not found"));
                }

                foreach (var list in store.Lists.Values)
                {
                    list.Subscribers.Remove(uid);
                }

                return Task.FromResult(Results.Json(new JsonObject { ["status"] = "ok" }));
            }
        }));

        v1.MapGet("/users", (HttpContext http, CancellationToken aborted) => Handle(http, options, Access.KeyAndSecret, () =>
        {
            lock (store.Gate)
            {
                var users = store.Users.Values.OrderBy(u => u.Id, StringComparer.Ordinal).ToList();
                return Task.FromResult(PageOf(http, users, u => u.Id, u => UserJson(store, u), defaultLimit: 10, maxLimit: 30));
            }
        }));

        // Lists
        v1.MapPost("/lists", (HttpContext http, CancellationToken aborted) => Handle(http, options, Access.KeyAndSecret, async () =>
        {
            var body = await ReadBody(http);
            var title = body.String("title");
            if (string.IsNullOrEmpty(title))
            {
                return Error(400, "title is required");
            }

            lock (store.Gate)
            {
                var list = new ListRecord { Id = store.NewId(), Title = title, CreatedAt = DateTimeOffset.UtcNow };
                var problem = ApplyListAttributes(list, body);
                if (problem is not null)
                {
                    return problem;
                }

                store.Lists[list.Id] = list;
                return Results.Json(ListJson(list));
            }
        }));

        v1.MapGet("/lists", (HttpContext http, CancellationToken aborted) => Handle(http, options, Access.Key, () =>
        {
            lock (store.Gate)
            {
                var lists = store.Lists.Values.OrderBy(l => l.Id, StringComparer.Ordinal).ToList();
                return Task.FromResult(PageOf(http, lists, l => l.Id, ListJson, defaultLimit: 20, maxLimit: 100));
            }
        }));

        v1.MapGet("/lists/{id}", (HttpContext http, CancellationToken aborted) => Handle(http, options, Access.Key, () =>
        {
            var id = Segment(http, 1);
            lock (store.Gate)
            {
                return Task.FromResult(store.Lists.TryGetValue(id, out var list) ? Results.Json(ListJson(list)) : Error(404, "List not found"));
            }
        }));

        v1.MapPut("/lists/{id}", (HttpContext http, CancellationToken aborted) => Handle(http, options, Access.Key, async () =>
        {
            var id = Segment(http, 1);
            var body = await ReadBody(http);
            lock (store.Gate)
            {
                if (!store.Lists.TryGetValue(id, out var list))
                {
                    return Error(404, "List not found");
                }

                if (body.Has("title") && string.IsNullOrEmpty(body.String("title")))
                {
                    return Error(400, "title must not be empty");
                }

                return ApplyListAttributes(list, body) ?? Results.Json(ListJson(list));
            }
        }));

        v1.MapDelete("/lists/{id}", (HttpContext http, CancellationToken aborted) => Handle(http, options, Access.KeyAndSecret, () =>
        {
            var id = Segment(http, 1);
            lock (store.Gate)
            {
                if (!store.Lists.TryGetValue(id, out var list))
                {
                    return Task.FromResult(Error(404, "List not found"));
                }

                list.Archived = true;
                return Task.FromResult(Results.Json(new JsonObject { ["status"] = "ok" }));
            }
        }));

        v1.MapPost("/lists/{id}/subscribers", (HttpContext http, CancellationToken aborted) => Handle(http, options, Access.KeyAndSecret, async () =>
        {
            var id = Segment(http, 1);
            var body = await ReadBody(http);
            var email = body.String("email");
            if (string.IsNullOrEmpty(email))
            {
                return Error(400, "email is required");
            }

            lock (store.Gate)
            {
                if (!store.Lists.TryGetValue(id, out var list))
                {
                    return Error(404, "List not found");
                }

                if (list.Archived)
                {
                    return Error(400, "List is archived and takes no new subscribers");
                }

                var user = store.Users.Values.FirstOrDefault(u => string.Equals(u.Email, email, StringComparison.OrdinalIgnoreCase));
                if (user is null)
                {
                    var uid = store.NewId();
                    user = new UserRecord { Id = uid, Uid = uid, UidUpdateable = true };
                    store.Users[uid] = user;
                }

                var problem = ApplyUserAttributes(user, body);
                if (problem is not null)
                {
                    return problem;
                }

                list.Subscribers[user.Uid] = true;
                return Results.Json(new JsonObject { ["uid"] = user.Uid });
            }
        }));

        v1.MapPut("/lists/{id}/subscribers/{uid}", (HttpContext http, CancellationToken aborted) => Handle(http, options, Access.KeyAndSecret, async () =>
        {
            var id = Segment(http, 1);
            var uid = Segment(http, 3);
            var body = await ReadBody(http);
            if (body.Node["subscribed"] is not JsonValue subscribedValue || !subscribedValue.TryGetValue<bool>(out var subscribed))
            {
                return Error(400, "subscribed is required and must be true or false");
            }

            lock (store.Gate)
            {
                if (!store.Lists.TryGetValue(id, out var list))
                {
                    return Error(404, "List not found");
                }

                if (!list.Subscribers.ContainsKey(uid))
                {
                    return Error(404, "User is not a subscriber of this list");
                }

                list.Subscribers[uid] = subscribed;
                return Results.Json(new JsonObject { ["subscribed"] = subscribed });
            }
        }));

        v1.MapDelete("/lists/{id}/subscribers/{uid}", (HttpContext http, CancellationToken aborted) => Handle(http, options, Access.KeyAndSecret, () =>
        {
            var id = Segment(http, 1);
            var uid = Segment(http, 3);
            lock (store.Gate)
            {
                if (!store.Lists.TryGetValue(id, out var list))
                {
                    return Task.FromResult(Error(404, "List not found"));
                }

                return Task.FromResult(list.Subscribers.Remove(uid) ? Results.Json(new JsonObject { ["status"] = "ok" }) : Error(404, "User is not a subscriber of this list"));
            }
        }));

        app.MapFallback(() => Error(404, "Not found"));
    }

    /// <summary>
    /// Path segment <paramref name="index"/> after /v1/, decoded exactly once from the raw request
    /// target (route values keep %2F encoded, so "a%2Fb" would otherwise not match "a/b").
    /// </summary>
    private static string Segment(HttpContext http, int index)
    {
        var target = http.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpRequestFeature>()?.RawTarget ?? http.Request.Path.Value ?? string.Empty;
        var query = target.IndexOf('?');
        var path = query < 0 ? target : target.Substring(0, query);
        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        return Uri.UnescapeDataString(segments[index + 1]);
    }

    private static async Task<IResult> Handle(HttpContext http, SandboxOptions options, Access access, Func<Task<IResult>> action)
    {
        var denied = Authenticate(http, options, access);
        if (denied is not null)
        {
            return denied;
        }

        try
        {
            return await action();
        }
        catch (BadRequestException exception)
        {
            return Error(400, exception.Message);
        }
    }

    private static IResult? Authenticate(HttpContext http, SandboxOptions options, Access access)
    {
        var header = http.Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
        {
            return Error(401, "Authentication required: use HTTP Basic with your API key as username");
        }

        string decoded;
        try
        {
            decoded = Encoding.UTF8.GetString(Convert.FromBase64String(header.Substring(6).Trim()));
        }
        catch (FormatException)
        {
            return Error(401, "Malformed Authorization header");
        }

        var colon = decoded.IndexOf(':');
        var key = colon < 0 ? decoded : decoded.Substring(0, colon);
        var secret = colon < 0 ? string.Empty : decoded.Substring(colon + 1);
        if (key != options.ApiKey)
        {
            return Error(401, "Invalid API key");
        }

        if (secret.Length == 0)
        {
            return access == Access.Key ? null : Error(403, "This request needs your API secret as well as the key (username and password authentication)");
        }

        return secret == options.ApiSecret ? null : Error(401, "Invalid API secret");
    }

    private static IResult PageOf<T>(HttpContext http, List<T> sorted, Func<T, string> idOf, Func<T, JsonNode> toJson, int defaultLimit, int maxLimit)
    {
        var query = http.Request.Query;
        if (SandboxFaults.RepeatsCursor(http))
        {
            // A broken server: every page is the first page, so its next cursor is one the client has seen.
            query = new QueryCollection(query.Where(q => q.Key == "limit").ToDictionary(q => q.Key, q => q.Value));
        }

        var limit = defaultLimit;
        if (query.TryGetValue("limit", out var limitText))
        {
            if (!int.TryParse(limitText.ToString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out limit) || limit < 1 || limit > maxLimit)
            {
                return Error(400, $"limit must be a number from 1 to {maxLimit}");
            }
        }

        var after = query.TryGetValue("after_id", out var a) ? a.ToString() : null;
        var before = query.TryGetValue("before_id", out var b) ? b.ToString() : null;
        var next = query.TryGetValue("next_cursor", out var n) ? n.ToString() : null;
        var previous = query.TryGetValue("previous_cursor", out var p) ? p.ToString() : null;
        if (new[] { after, before, next, previous }.Count(v => v is not null) > 1)
        {
            return Error(400, "Only one of after_id, before_id, next_cursor and previous_cursor can be used");
        }

        // Opaque cursors (Engage's later style) name the id to page from, in a form clients must not read.
        if (next is not null && !TryDecodeCursor(next, 'n', out after))
        {
            return Error(400, "Invalid next_cursor");
        }

        if (previous is not null && !TryDecodeCursor(previous, 'p', out before))
        {
            return Error(400, "Invalid previous_cursor");
        }

        List<T> page;
        bool hasMore;
        if (before is not null)
        {
            var earlier = sorted.Where(item => string.CompareOrdinal(idOf(item), before) < 0).ToList();
            page = earlier.Skip(Math.Max(0, earlier.Count - limit)).ToList();
            hasMore = earlier.Count > limit;
        }
        else
        {
            var later = after is null ? sorted : sorted.Where(item => string.CompareOrdinal(idOf(item), after) > 0).ToList();
            page = later.Take(limit).ToList();
            hasMore = later.Count > limit;
        }

        var itemsAfter = page.Count > 0 && sorted.Any(item => string.CompareOrdinal(idOf(item), idOf(page[^1])) > 0);
        var itemsBefore = page.Count > 0 && sorted.Any(item => string.CompareOrdinal(idOf(item), idOf(page[0])) < 0);
        var data = new JsonArray();
        foreach (var item in page)
        {
            data.Add(toJson(item));
        }

        return Results.Json(new JsonObject
        {
            ["data"] = data,
            ["has_more"] = hasMore,
            ["next_cursor"] = itemsAfter ? EncodeCursor('n', idOf(page[^1])) : null,
            ["previous_cursor"] = itemsBefore ? EncodeCursor('p', idOf(page[0])) : null,
        });
    }

    private static string EncodeCursor(char kind, string id) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(kind + ":" + id)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static bool TryDecodeCursor(string cursor, char kind, out string? id)
    {
        id = null;
        try
        {
            var base64 = cursor.Replace('-', '+').Replace('_', '/');
            base64 = base64.PadRight(base64.Length + ((4 - (base64.Length % 4)) % 4), '=');
            var text = Encoding.UTF8.GetString(Convert.FromBase64String(base64));
            if (text.Length < 3 || text[0] != kind || text[1] != ':')
            {
                return false;
            }

            id = text.Substring(2);
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }

    private static IResult? ApplyUserAttributes(UserRecord user, Body body)
    {
        foreach (var name in new[] { "first_name", "last_name", "number", "email" })
        {
            if (body.Has(name) && body.Node[name] is not null && body.Node[name]!.GetValueKind() != JsonValueKind.String)
            {
                return Error(400, $"{name} must be a string");
            }
        }

        if (body.Has("created_at"))
        {
            if (!TryDate(body.Node["created_at"], out var created))
            {
                return Error(400, "created_at must be a date string");
            }

            user.CreatedAt = created;
        }

        if (body.Has("meta"))
        {
            if (body.Node["meta"] is not JsonObject meta || meta.Any(pair => !IsScalar(pair.Value)))
            {
                return Error(400, "meta must be an object whose values are strings, numbers or booleans");
            }

            foreach (var pair in meta)
            {
                user.Meta[pair.Key] = pair.Value?.DeepClone();
            }
        }

        if (body.Has("device_token") || body.Has("device_platform"))
        {
            var token = body.String("device_token");
            var platform = body.String("device_platform");
            if (string.IsNullOrEmpty(token) || platform is not ("android" or "ios"))
            {
                return Error(400, "device_token and device_platform (android or ios) go together");
            }

            user.Devices.RemoveAll(d => d.Token == token);
            user.Devices.Add((token, platform));
            if (user.Devices.Count > 5)
            {
                user.Devices.RemoveAt(0);
            }
        }

        user.FirstName = body.Has("first_name") ? body.String("first_name") : user.FirstName;
        user.LastName = body.Has("last_name") ? body.String("last_name") : user.LastName;
        user.Number = body.Has("number") ? body.String("number") : user.Number;
        user.Email = body.Has("email") ? body.String("email") : user.Email;
        return null;
    }

    private static IResult? ApplyListAttributes(ListRecord list, Body body)
    {
        var title = body.String("title");
        if (title is { Length: > 64 })
        {
            return Error(400, "title must be at most 64 characters");
        }

        var description = body.String("description");
        if (description is { Length: > 255 })
        {
            return Error(400, "description must be at most 255 characters");
        }

        if (body.Has("double_optin") && (body.Node["double_optin"] is not JsonValue optin || !optin.TryGetValue<bool>(out _)))
        {
            return Error(400, "double_optin must be true or false");
        }

        list.Title = title ?? list.Title;
        list.Description = body.Has("description") ? description : list.Description;
        list.RedirectUrl = body.Has("redirect_url") ? body.String("redirect_url") : list.RedirectUrl;
        list.DoubleOptin = body.Has("double_optin") ? body.Node["double_optin"]!.GetValue<bool>() : list.DoubleOptin;
        return null;
    }

    private static JsonObject UserJson(SandboxStore store, UserRecord user)
    {
        var json = new JsonObject
        {
            ["id"] = user.Id,
            ["uid"] = user.Uid,
        };
        if (user.UidUpdateable is not null)
        {
            json["uid_updateable"] = user.UidUpdateable;
        }

        json["first_name"] = user.FirstName;
        json["last_name"] = user.LastName;
        json["number"] = user.Number;
        json["email"] = user.Email;
        var devices = new JsonArray();
        foreach (var (token, platform) in user.Devices)
        {
            devices.Add(new JsonObject { ["token"] = token, ["platform"] = platform });
        }

        json["devices"] = devices;
        var lists = new JsonArray();
        foreach (var list in store.Lists.Values.Where(l => l.Subscribers.ContainsKey(user.Uid)).OrderBy(l => l.Id, StringComparer.Ordinal))
        {
            lists.Add(new JsonObject { ["id"] = list.Id, ["subscribed"] = list.Subscribers[user.Uid] });
        }

        json["lists"] = lists;
        json["segments"] = new JsonArray();
        var meta = new JsonObject();
        foreach (var pair in user.Meta)
        {
            meta[pair.Key] = pair.Value?.DeepClone();
        }

        json["meta"] = meta;
        json["created_at"] = user.CreatedAt?.ToString("yyyy-MM-dd'T'HH:mm:ss.fffzzz", CultureInfo.InvariantCulture);
        return json;
    }

    private static JsonNode ListJson(ListRecord list) => new JsonObject
    {
        ["id"] = list.Id,
        ["title"] = list.Title,
        ["description"] = list.Description,
        ["subscriber_count"] = list.Subscribers.Count,
        ["broadcast_count"] = list.BroadcastCount,
        ["double_optin"] = list.DoubleOptin,
        ["redirect_url"] = list.RedirectUrl,
        ["created_at"] = list.CreatedAt?.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
    };

    private static bool IsScalar(JsonNode? node) =>
        node is JsonValue value && value.GetValueKind() is JsonValueKind.String or JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False;

    private static bool TryDate(JsonNode? node, out DateTimeOffset value)
    {
        value = default;
        return node is JsonValue json && json.GetValueKind() == JsonValueKind.String &&
            DateTimeOffset.TryParse(json.GetValue<string>(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out value);
    }

    private static IResult Error(int status, string message) =>
        Results.Json(new JsonObject { ["error"] = message }, statusCode: status);

    private static async Task<Body> ReadBody(HttpContext http)
    {
        try
        {
            var node = await JsonNode.ParseAsync(http.Request.Body);
            return node is JsonObject obj ? new Body(obj) : throw new BadRequestException("The request body must be a JSON object");
        }
        catch (JsonException)
        {
            throw new BadRequestException("The request body must be a JSON object");
        }
    }

    private sealed class BadRequestException(string message) : Exception(message);

    private readonly record struct Body(JsonObject Node)
    {
        public bool Has(string name) => Node.ContainsKey(name);

        public string? String(string name) => Node[name] is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;

        public IEnumerable<string> StringArray(string name) =>
            Node[name] is JsonArray array ? array.OfType<JsonValue>().Where(v => v.GetValueKind() == JsonValueKind.String).Select(v => v.GetValue<string>()) : [];
    }
}
