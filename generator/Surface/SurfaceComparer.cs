using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace Engage.Codegen.Surface;

/// <summary>
/// One difference between two versions of an API and whether it breaks a caller built against the old one.
/// <see cref="Source"/> is where the new docs say the thing that changed (<c>jars.md:12</c>), null when it is gone;
/// <see cref="Anchor"/> a string that finds it in the old document (its operationId, or its schema's name).
/// </summary>
internal sealed record SurfaceChange(bool Breaking, string Where, string What, string? Source, string Anchor);

/// <summary>
/// What changed between two surfaces of one API: operations, their parameters, the members of their bodies and
/// answers with types, required flags and nullability, enum values, auth and paging. Descriptions and sources are
/// not compared. Breaking for callers: an operation, parameter, member or enum value removed; a type changed; a
/// required request member or parameter added, or an optional one made required; a response member made
/// nullable; an operationId changed (the generated method's name); the auth an operation takes, a scheme, or an
/// operation's paging changed. Additions of optional things are not.
/// </summary>
internal static class SurfaceComparer
{
    public static IReadOnlyList<SurfaceChange> Compare(ApiSurface before, ApiSurface after)
    {
        var changes = new List<SurfaceChange>();
        var now = after.Operations.ToDictionary(o => o.Key, StringComparer.Ordinal);
        var requests = new HashSet<string>(StringComparer.Ordinal);
        var responses = new HashSet<string>(StringComparer.Ordinal);
        foreach (var operation in before.Operations)
        {
            var where = operation.Display;
            if (!now.TryGetValue(operation.Key, out var current))
            {
                changes.Add(new SurfaceChange(true, where, $"the operation {operation.OperationId} was removed", null, operation.OperationId));
                continue;
            }

            void Add(bool breaking, string what) => changes.Add(new SurfaceChange(breaking, where, what, current.Source, operation.OperationId));
            if (operation.OperationId != current.OperationId)
            {
                Add(true, $"the operationId (the generated method) changed from {operation.OperationId} to {current.OperationId}");
            }

            CompareParameters(operation, current, Add);
            if (Word(operation.Body) != Word(current.Body))
            {
                Add(true, $"the request body changed from {Word(operation.Body)} to {Word(current.Body)}");
            }

            if (Word(operation.Answer) != Word(current.Answer))
            {
                Add(true, $"the response changed from {Word(operation.Answer)} to {Word(current.Answer)}");
            }

            if (operation.Security != current.Security)
            {
                Add(true, $"the auth changed from `{operation.Security}` to `{current.Security}`");
            }

            if (operation.Paging != current.Paging)
            {
                Add(true, $"the paging changed from `{operation.Paging}` to `{current.Paging}`");
            }

            Reach(before, operation.Body, requests);
            Reach(after, current.Body, requests);
            Reach(before, operation.Answer, responses);
            Reach(after, current.Answer, responses);
        }

        var old = new HashSet<string>(before.Operations.Select(o => o.Key), StringComparer.Ordinal);
        foreach (var operation in after.Operations.Where(o => !old.Contains(o.Key)))
        {
            var what = $"the operation {operation.OperationId} was added";
            changes.Add(new SurfaceChange(false, operation.Display, what, operation.Source, operation.OperationId));
        }

        foreach (var scheme in before.Schemes)
        {
            if (after.Schemes.TryGetValue(scheme.Key, out var current) && current != scheme.Value)
            {
                var what = $"the scheme changed from {scheme.Value} to {current}";
                changes.Add(new SurfaceChange(true, "#/components/securitySchemes/" + scheme.Key, what, null, scheme.Key));
            }
        }

        CompareSchemas(before, after, requests, responses, changes);
        return changes.OrderByDescending(c => c.Breaking).ThenBy(c => c.Where, StringComparer.Ordinal).ThenBy(c => c.What, StringComparer.Ordinal).ToList();
    }

    /// <summary>The changes as Markdown, breaking ones first.</summary>
    public static string Render(IReadOnlyList<SurfaceChange> changes)
    {
        var text = new StringBuilder("# API changes\n\n");
        if (changes.Count == 0)
        {
            return text.Append("No change to operations, parameters, members, types, enums, auth or paging.\n").ToString();
        }

        foreach (var (breaking, title) in new[] { (true, "Breaking for callers"), (false, "Not breaking") })
        {
            var part = changes.Where(c => c.Breaking == breaking).ToList();
            text.Append("## ").Append(title).Append(" (").Append(part.Count).Append(")\n\n");
            foreach (var change in part)
            {
                text.Append("- `").Append(change.Where).Append("`: ").Append(change.What).Append('\n');
            }

            if (part.Count == 0)
            {
                text.Append("None.\n");
            }

            text.Append('\n');
        }

        return text.ToString();
    }

    private static void CompareParameters(SurfaceOperation before, SurfaceOperation after, Action<bool, string> add)
    {
        static Dictionary<string, SurfaceParameter> ByName(SurfaceOperation operation)
        {
            var result = new Dictionary<string, SurfaceParameter>(StringComparer.Ordinal);
            foreach (var parameter in operation.Parameters)
            {
                var key = parameter.In + " " + parameter.Name;
                if (!result.ContainsKey(key))
                {
                    result[key] = parameter;
                }
            }

            return result;
        }

        var old = ByName(before);
        var now = ByName(after);
        foreach (var pair in old)
        {
            var parameter = pair.Value;
            if (!now.TryGetValue(pair.Key, out var current))
            {
                add(true, $"the {parameter.In} parameter `{parameter.Name}` was removed");
                continue;
            }

            if (!parameter.Required && current.Required)
            {
                add(true, $"the parameter `{parameter.Name}` is now required");
            }

            if (parameter.Type.Word != current.Type.Word)
            {
                add(true, $"the parameter `{parameter.Name}` changed type from {parameter.Type.Word} to {current.Type.Word}");
            }
        }

        foreach (var pair in now.Where(n => !old.ContainsKey(n.Key)))
        {
            add(pair.Value.Required, pair.Value.Required
                ? $"a required parameter `{pair.Value.Name}` was added"
                : $"an optional parameter `{pair.Value.Name}` was added");
        }
    }

    /// <summary>Schemas of the same name: enum values; members, their types, nullability (of what is read) and required flags (of what is sent).</summary>
    private static void CompareSchemas(ApiSurface before, ApiSurface after, HashSet<string> requests, HashSet<string> responses, List<SurfaceChange> changes)
    {
        foreach (var schema in before.Schemas.Values)
        {
            if (!after.Schemas.TryGetValue(schema.Name, out var current))
            {
                continue; // a type no longer used: its operations report it
            }

            var where = "#/components/schemas/" + schema.Name;
            void Add(bool breaking, string what) => changes.Add(new SurfaceChange(breaking, where, what, current.Source, schema.Name));
            if (schema.EnumValues is { } oldValues && current.EnumValues is { } newValues)
            {
                foreach (var value in oldValues.Except(newValues, StringComparer.Ordinal))
                {
                    Add(true, $"the enum value `{value}` was removed");
                }

                foreach (var value in newValues.Except(oldValues, StringComparer.Ordinal))
                {
                    Add(false, $"the enum value `{value}` was added");
                }

                continue;
            }

            var inRequest = requests.Contains(schema.Name);
            var inResponse = responses.Contains(schema.Name) || !inRequest;
            var newMembers = current.Members.GroupBy(m => m.Name, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
            var oldNames = new HashSet<string>(schema.Members.Select(m => m.Name), StringComparer.Ordinal);
            foreach (var member in schema.Members)
            {
                if (!newMembers.TryGetValue(member.Name, out var now))
                {
                    Add(true, $"the member `{member.Name}` was removed");
                    continue;
                }

                if (member.Type.Plain != now.Type.Plain)
                {
                    Add(true, $"the member `{member.Name}` changed type from {member.Type.Word} to {now.Type.Word}");
                }
                else if (inResponse && !member.Type.Nullable && now.Type.Nullable)
                {
                    Add(true, $"the response member `{member.Name}` can now be null");
                }

                if (inRequest && !member.Required && now.Required)
                {
                    Add(true, $"the request member `{member.Name}` is now required");
                }
            }

            foreach (var member in current.Members.Where(m => !oldNames.Contains(m.Name)))
            {
                var required = inRequest && member.Required;
                Add(required, required ? $"a required request member `{member.Name}` was added" : $"the member `{member.Name}` was added");
            }
        }
    }

    /// <summary>The component schemas a body or an answer reaches, through members, items and choices.</summary>
    private static void Reach(ApiSurface surface, SurfaceType? type, HashSet<string> names)
    {
        var pending = new Stack<string>(type?.References ?? Array.Empty<string>());
        while (pending.Count > 0)
        {
            var name = pending.Pop();
            if (names.Add(name) && surface.Schemas.TryGetValue(name, out var schema))
            {
                foreach (var reference in schema.Members.SelectMany(m => m.Type.References))
                {
                    pending.Push(reference);
                }
            }
        }
    }

    private static string Word(SurfaceType? type) => type?.Word ?? "nothing";
}
