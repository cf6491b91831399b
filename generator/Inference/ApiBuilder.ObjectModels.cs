using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using Engage.Codegen.Model;

namespace Engage.Codegen.Inference;

/// <summary>
/// Documented objects as models: their fields typed from bullets, attribute tables and examples,
/// nested attribute tables as nested models, and matching an example to the documented object it shows.
/// </summary>
internal sealed partial class ApiBuilder
{
    private static readonly Regex s_saysManyOf = new(@"^\W*(?:array|list)\b|\b(?:array|list)\s+of\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant,
        Patterns.Timeout);
    private static readonly Regex s_saysArrayOrList = new(@"\b(?:array|list)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, Patterns.Timeout);

    private void BuildObjectModel(ObjectModel model)
    {
        var section = model.Section;
        var source = $"{model.FileName}:{section.Location.Line} (\"{section.Heading}\")";
        var properties = new List<PropertySpec>();
        var names = new Naming.Scope(model.Name);
        var bullets = section.Fields.GroupBy(f => f.Name, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var keys = (section.Example?.Kind == JsonKind.Object ? section.Example.Properties.Select(p => p.Name) : Enumerable.Empty<string>())
            .Concat(section.Fields.Select(f => f.Name))
            .Distinct(StringComparer.Ordinal)
            .ToList();
        foreach (var key in keys)
        {
            bullets.TryGetValue(key, out var bullet);
            var example = section.Example?.Property(key);
            var description = bullet?.Description ?? string.Empty;
            var location = bullet?.Location ?? section.Location;
            var type = NestedObjectType(model, key, description, example)
                ?? InferType(model.Name, key, description, example, SecondDescriptionType(model.FileName, key), location, source);
            model.FieldTypes[key] = type;
            var nullable = example?.MayBeNull == true || ProseSaysNullable(description);
            properties.Add(
                new PropertySpec(key, names.Claim(Naming.Pascal(key)), type, nullable, false, false, Summary(description, key), Deprecation(key, description)));
        }

        var summary = section.Parent is null ? $"The {section.Name} object."
            : $"The {section.Name} object inside a {Naming.Singular(section.Parent)} ({section.Heading}).";
        AddModelSpec(new ModelSpec(model.Name, ModelRole.Object, summary, source, properties.ToEquatableArray()));
    }

    /// <summary>The type of a documented object's field of this name: an object of the preferred file first, then any.</summary>
    private TypeRef? ObjectFieldType(string jsonName, string? preferredFile)
    {
        if (!_fieldOwners.TryGetValue(jsonName, out var owners))
        {
            return null;
        }

        foreach (var model in owners)
        {
            if (model.FileName == preferredFile)
            {
                return model.FieldTypes[jsonName];
            }
        }

        return owners[0].FieldTypes[jsonName];
    }

    /// <summary>
    /// The documented object an example object is, by its keys: at least 80% of them fields of one
    /// object, and at least three (or all, for smaller examples). Two shared keys such as id and
    /// title do not make a segment a list.
    /// </summary>
    /// <summary>
    /// The type of a field that a nested attribute table documents ("Order - Line item properties" for
    /// Order's <c>line_items</c>, or a field whose description points at that table): the nested model,
    /// or a list of it when the field is an array.
    /// </summary>
    private TypeRef? NestedObjectType(ObjectModel owner, string jsonName, string description, JsonNode? example)
    {
        var spoken = jsonName.Replace('_', ' ').Replace('-', ' ');
        var nested = _orderedObjects.FirstOrDefault(o =>
            o.Section.Parent is { } parent && o.FileName == owner.FileName &&
            string.Equals(Naming.Singular(parent), Naming.Singular(owner.Section.Name), StringComparison.OrdinalIgnoreCase) &&
            (string.Equals(Naming.Singular(o.Section.Name), Naming.Singular(spoken), StringComparison.OrdinalIgnoreCase) ||
             description.IndexOf(o.Section.Heading, StringComparison.OrdinalIgnoreCase) >= 0));
        if (nested is null)
        {
            return null;
        }

        var declared = DeclaredTypes.Read(description, jsonName);
        var many = example?.Kind == JsonKind.Array || declared?.Kind == TypeKind.List ||
            s_saysManyOf.IsMatch(description);
        return many ? TypeRef.ListOf(TypeRef.ModelNamed(nested.Name)) : TypeRef.ModelNamed(nested.Name);
    }

    /// <summary>
    /// For an object documented by its fields alone (a data model table without an example), the example of it
    /// a response shows: the first response object (the response, an item of a list, or an item of the one list
    /// in an envelope), on the object's page first, whose keys are at least 80% its fields, and at least three.
    /// Its values type the fields the table leaves untyped.
    /// </summary>
    private static JsonNode? ShownExample(ObjectSectionSpec section, DocSpec page, List<DocSpec> docs)
    {
        if (section.Fields.Count < 3)
        {
            return null;
        }

        var fields = new HashSet<string>(section.Fields.Select(f => f.Name), StringComparer.Ordinal);
        foreach (var doc in new[] { page }.Concat(docs.Where(d => !ReferenceEquals(d, page))))
        {
            foreach (var example in doc.Endpoints.SelectMany(e => e.ResponseExamples))
            {
                foreach (var candidate in ShownObjects(example.Value))
                {
                    var known = candidate.Properties.Count(p => fields.Contains(p.Name));
                    if (known >= 3 && known >= 0.8 * candidate.Properties.Count)
                    {
                        return candidate;
                    }
                }
            }
        }

        return null;
    }

    private static IEnumerable<JsonNode> ShownObjects(JsonNode value)
    {
        if (value.Kind == JsonKind.Array)
        {
            return value.Items.Where(i => i.Kind == JsonKind.Object).Take(1);
        }

        if (value.Kind != JsonKind.Object)
        {
            return Enumerable.Empty<JsonNode>();
        }

        var lists = value.Properties.Where(p => p.Value.Kind == JsonKind.Array).Select(p => p.Value.Items.FirstOrDefault(i => i.Kind == JsonKind.Object)).Where(
            i => i is not null).ToList();
        return lists.Count == 1 ? new[] { value, lists[0]! } : new[] { value };
    }

    /// <summary>
    /// The documented object a description points at by its section's heading ("See the below section, Attachments
    /// Detail"): a list of it when the example is an array or the description says array or list. Not the owner
    /// itself, and only headings of two words or more, which name a section rather than a common word.
    /// </summary>
    private TypeRef? LinkedObject(string owner, string description, JsonNode? example, TypeRef? declared)
    {
        if (description.Length == 0 || _orderedObjects.Count == 0)
        {
            return null;
        }

        var target = _orderedObjects.FirstOrDefault(o => o.Name != owner && o.Section.Heading.IndexOf(' ') > 0 &&
            description.IndexOf(o.Section.Heading, StringComparison.OrdinalIgnoreCase) >= 0);
        if (target is null)
        {
            return null;
        }

        var many = example?.Kind == JsonKind.Array || declared?.Kind == TypeKind.List ||
            s_saysArrayOrList.IsMatch(description);
        return many ? TypeRef.ListOf(TypeRef.ModelNamed(target.Name)) : TypeRef.ModelNamed(target.Name);
    }

    private TypeRef? MatchObject(JsonNode example)
    {
        if (example.Kind != JsonKind.Object || example.Properties.Count < 2)
        {
            return null;
        }

        ObjectModel? best = null;
        var bestScore = 0.0;
        foreach (var model in _orderedObjects)
        {
            var known = example.Properties.Count(p => model.FieldTypes.ContainsKey(p.Name) || model.Section.Fields.Any(f => f.Name == p.Name));
            var score = (double)known / example.Properties.Count;
            if (score > bestScore)
            {
                best = model;
                bestScore = score;
            }
        }

        var matched = (int)Math.Round(bestScore * example.Properties.Count);
        return best is not null && bestScore >= 0.8 && matched >= Math.Min(3, example.Properties.Count) ? TypeRef.ModelNamed(best.Name) : null;
    }

    private TypeRef NestedModel(string name, string owner, string jsonName, List<(string Name, string Description)> proseFields, JsonNode? example,
        LocationInfo location, string source, string? summary = null)
    {
        var typeName = Naming.Pascal(name);
        var properties = new List<PropertySpec>();
        var names = new Naming.Scope(typeName);
        var keys = proseFields.Select(f => f.Name)
            .Concat(example?.Kind == JsonKind.Object ? example.Properties.Select(p => p.Name) : Enumerable.Empty<string>())
            .Distinct(StringComparer.Ordinal)
            .ToList();
        foreach (var key in keys)
        {
            var description = proseFields.FirstOrDefault(f => f.Name == key).Description ?? string.Empty;
            var value = example?.Property(key);
            var type = InferType(typeName, key, description, value, null, location, source);
            var nullable = value?.MayBeNull == true || ProseSaysNullable(description);
            properties.Add(new PropertySpec(key, names.Claim(Naming.Pascal(key)), type, nullable, false, false, Summary(description, key)));
        }

        return TypeRef.ModelNamed(
            AddModel(typeName, ModelRole.Object, summary ?? $"An item of {owner}.{Naming.Pascal(jsonName)} (JSON: {jsonName}).", source, properties));
    }
}
