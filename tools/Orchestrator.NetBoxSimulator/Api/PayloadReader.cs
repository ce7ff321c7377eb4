using System.Text.Json;
using System.Text.Json.Nodes;
using Orchestrator.NetBoxSimulator.Model;
using Orchestrator.NetBoxSimulator.State;

namespace Orchestrator.NetBoxSimulator.Api;

/// <summary>Reads a write payload field by field, collecting errors the way NetBox's serializers report them.</summary>
public sealed class PayloadReader(JsonObject body)
{
    private const string Required = "This field is required.";
    private readonly Dictionary<string, List<string>> _errors = new();

    public bool Has(string field) => body.ContainsKey(field);

    public void Fail(string field, string message)
    {
        if (!_errors.TryGetValue(field, out var list)) _errors[field] = list = [];
        list.Add(message);
    }

    public void ThrowIfInvalid()
    {
        if (_errors.Count > 0) throw new ValidationFailure(_errors.ToDictionary(e => e.Key, e => e.Value.ToArray()));
    }

    public string? String(string field, bool required = false, string? fallback = null)
    {
        if (!body.TryGetPropertyValue(field, out var node)) return Missing(field, required, fallback);
        if (node is JsonValue value && value.TryGetValue<string>(out var text))
        {
            if (required && text.Length == 0) Fail(field, "This field may not be blank.");
            return text;
        }
        if (node is null && !required) return fallback;
        Fail(field, "Not a valid string.");
        return fallback;
    }

    public string? Choice(string field, IReadOnlyDictionary<string, string> choices, bool required = false, string? fallback = null)
    {
        var value = String(field, required, fallback);
        if (value is not null && !choices.ContainsKey(value) && Has(field))
        {
            Fail(field, $"\"{value}\" is not a valid choice.");
            return fallback;
        }
        return value;
    }

    public bool? Bool(string field)
    {
        if (!body.TryGetPropertyValue(field, out var node) || node is null) return null;
        if (node.GetValueKind() is JsonValueKind.True or JsonValueKind.False) return node.GetValue<bool>();
        Fail(field, "Must be a valid boolean.");
        return null;
    }

    public int? Int(string field, bool required = false)
    {
        if (!body.TryGetPropertyValue(field, out var node) || node is null)
        {
            if (required) Fail(field, Required);
            return null;
        }
        if (node is JsonValue value && value.TryGetValue<int>(out var number)) return number;
        if (node is JsonValue text && text.TryGetValue<string>(out var s) && int.TryParse(s, out var parsed)) return parsed;
        Fail(field, "A valid integer is required.");
        return null;
    }

    /// <summary>A related object given as its id or as <c>{"id": n}</c>; it must exist.</summary>
    public int? Reference<T>(string field, Table<T> table, bool required = false) where T : IEntity
    {
        if (!body.TryGetPropertyValue(field, out var node) || node is null)
        {
            if (required) Fail(field, Required);
            return null;
        }
        var id = node switch
        {
            JsonValue value when value.TryGetValue<int>(out var n) => n,
            JsonObject obj when obj["id"] is JsonValue idValue && idValue.TryGetValue<int>(out var n) => n,
            _ => (int?)null,
        };
        if (id is null)
        {
            Fail(field, $"Related objects must be referenced by numeric ID or by dictionary of attributes. Received an unrecognized value: {node.ToJsonString()}");
            return null;
        }
        if (table.Find(id.Value) is null)
        {
            Fail(field, $"Related object not found using the provided numeric ID: {id}");
            return null;
        }
        return id;
    }

    /// <summary>Tags given as ids or as <c>{"id"|"slug"|"name": ...}</c>; each must already exist.</summary>
    public IReadOnlyList<int>? Tags(Table<Tag> tags)
    {
        if (!body.TryGetPropertyValue("tags", out var node) || node is null) return null;
        if (node is not JsonArray array)
        {
            Fail("tags", "Expected a list of items.");
            return null;
        }
        var ids = new List<int>();
        foreach (var item in array)
        {
            var tag = item switch
            {
                JsonValue value when value.TryGetValue<int>(out var id) => tags.Find(id),
                JsonObject obj => tags.All.FirstOrDefault(t => Matches(t, obj)),
                _ => null,
            };
            if (tag is null) Fail("tags", $"Related object not found using the provided attributes: {item?.ToJsonString()}");
            else if (!ids.Contains(tag.Id)) ids.Add(tag.Id);
        }
        return ids;
    }

    private static bool Matches(Tag tag, JsonObject attributes) =>
        attributes.Count > 0 && attributes.All(a => a.Key switch
        {
            "id" => a.Value is JsonValue v && v.TryGetValue<int>(out var id) && id == tag.Id,
            "slug" => a.Value?.ToString() == tag.Slug,
            "name" => a.Value?.ToString() == tag.Name,
            _ => false,
        });

    /// <summary>Cable terminations: <c>[{"object_type": "dcim.interface", "object_id": n}]</c>.</summary>
    public IReadOnlyList<int>? Terminations(string field, Table<Interface> interfaces, bool required)
    {
        if (!body.TryGetPropertyValue(field, out var node) || node is null)
        {
            if (required) Fail(field, Required);
            return null;
        }
        if (node is not JsonArray { Count: > 0 } array)
        {
            Fail(field, "Must define A and B terminations when creating a new cable.");
            return null;
        }
        var ids = new List<int>();
        foreach (var item in array)
        {
            var type = item?["object_type"]?.ToString();
            var idNode = item?["object_id"];
            if (type != "dcim.interface" || idNode is not JsonValue value || !value.TryGetValue<int>(out var id))
            {
                Fail(field, $"Invalid termination {item?.ToJsonString()}: the simulator supports object_type \"dcim.interface\" with a numeric object_id.");
                continue;
            }
            if (interfaces.Find(id) is null) Fail(field, $"Related object not found: dcim.interface {id}");
            else ids.Add(id);
        }
        return ids;
    }

    private string? Missing(string field, bool required, string? fallback)
    {
        if (required) Fail(field, Required);
        return fallback;
    }
}
