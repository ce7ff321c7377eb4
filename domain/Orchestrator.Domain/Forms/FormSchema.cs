using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Orchestrator.Domain.Forms;

/// <summary>The JSON Schema of a page in the wire format pydantic-forms v2 (orchestrator-core HEAD) generates, keys sorted as pydantic
/// sorts them. <c>$defs</c> appears only when the page has choices, <c>required</c> only when a field is required.</summary>
public static class FormSchema
{
    public static JsonObject ToJsonSchema(FormPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        var defs = new Defs();
        var properties = new JsonObject();
        var required = new JsonArray();
        foreach (var field in page.Fields)
        {
            if (properties.ContainsKey(field.Name))
                throw new ArgumentException($"Form page '{page.Title}' has two fields named '{field.Name}'", nameof(page));
            properties[field.Name] = Sorted(FieldSchema(field, defs));
            if (IsRequired(field))
                required.Add(field.Name);
        }

        var schema = new JsonObject();
        if (defs.Json.Count > 0)
            schema["$defs"] = defs.Json;
        schema["additionalProperties"] = false;
        schema["properties"] = properties;
        if (required.Count > 0)
            schema["required"] = required;
        schema["title"] = page.Title;
        schema["type"] = "object";
        return schema;
    }

    /// <summary>pydantic's rule: a field is required when it has no default.</summary>
    internal static bool IsRequired(FormField field) => field switch
    {
        TextField f => f.Required && f.Default is null,
        IntegerField f => f.Required && f.Default is null,
        UuidField => true,
        ChoiceField f => f.Default is null,
        ChoiceListField f => f.Default is null,
        LongTextField f => f.Required && f.Default is null,
        _ => false,
    };

    static JsonObject FieldSchema(FormField field, Defs defs) => field switch
    {
        TextField f => Text(f),
        IntegerField f => Integer(f),
        BooleanField f => new() { ["default"] = f.Default, ["title"] = f.SchemaTitle, ["type"] = "boolean" },
        UuidField f => new() { ["format"] = "uuid", ["title"] = f.SchemaTitle, ["type"] = "string" },
        ChoiceField f => Choice(f, defs),
        ChoiceListField f => ChoiceList(f, defs),
        AcceptField f => new()
        {
            ["default"] = "INCOMPLETE", ["enum"] = new JsonArray("ACCEPTED", "INCOMPLETE"), ["format"] = "accept",
            ["title"] = f.SchemaTitle, ["type"] = "string",
        },
        LongTextField f => LongText(f),
        ReadOnlyField f => ReadOnly(f),
        LabelField f => new() { ["default"] = f.Text, ["format"] = "label", ["title"] = f.SchemaTitle, ["type"] = "string" },
        DividerField f => new() { ["default"] = null, ["format"] = "divider", ["title"] = f.SchemaTitle, ["type"] = "string" },
        SummaryField f => new()
        {
            ["default"] = null, ["format"] = "summary", ["title"] = f.SchemaTitle, ["type"] = "string",
            ["uniforms"] = new JsonObject { ["data"] = f.Data.DeepClone() },
        },
        _ => throw new ArgumentException($"Unknown form field kind {field.GetType().Name}", nameof(field)),
    };

    static JsonObject Text(TextField f)
    {
        var text = new JsonObject { ["type"] = "string" };
        if (f.MinLength != 0)
            text["minLength"] = f.MinLength;
        if (f.MaxLength != 10_000)
            text["maxLength"] = f.MaxLength;
        return Optional(text, f.Required, f.Default is null ? null : JsonValue.Create(f.Default), f.SchemaTitle);
    }

    static JsonObject Integer(IntegerField f)
    {
        var integer = new JsonObject { ["type"] = "integer" };
        if (f.Minimum is { } min)
            integer["minimum"] = min;
        if (f.Maximum is { } max)
            integer["maximum"] = max;
        return Optional(integer, f.Required, f.Default is null ? null : JsonValue.Create(f.Default.Value), f.SchemaTitle);
    }

    static JsonObject LongText(LongTextField f)
    {
        var schema = new JsonObject { ["format"] = "long", ["title"] = f.SchemaTitle, ["type"] = "string" };
        if (f.MaxLength != 100_000)
            schema["maxLength"] = f.MaxLength;
        if (f.Default is not null || !f.Required)
            schema["default"] = f.Default;
        return schema;
    }

    /// <summary>A required type with its constraints inline, or <c>Optional[T]</c>: <c>anyOf [T, null]</c> with a default.</summary>
    static JsonObject Optional(JsonObject type, bool required, JsonNode? defaultValue, string title)
    {
        JsonObject schema;
        if (required)
            schema = type;
        else
        {
            schema = new JsonObject { ["anyOf"] = new JsonArray(Sorted(type), new JsonObject { ["type"] = "null" }) };
            schema["default"] = defaultValue;
        }
        if (required && defaultValue is not null)
            schema["default"] = defaultValue;
        schema["title"] = title;
        return schema;
    }

    static JsonObject Choice(ChoiceField f, Defs defs)
    {
        var schema = new JsonObject { ["$ref"] = defs.Ref(f.EnumTitle, f.Choices) };
        if (f.Default is not null)
            schema["default"] = f.Default;
        if (f.Title is not null)
            schema["title"] = f.Title;
        return schema;
    }

    static JsonObject ChoiceList(ChoiceListField f, Defs defs)
    {
        var schema = new JsonObject
        {
            ["items"] = new JsonObject { ["$ref"] = defs.Ref(f.EnumTitle, f.Choices) },
            ["minItems"] = f.MinItems,
        };
        if (f.MaxItems != int.MaxValue)
            schema["maxItems"] = f.MaxItems;
        if (f.Default is not null)
            schema["default"] = new JsonArray([.. f.Default.Select(v => (JsonNode?)JsonValue.Create(v))]);
        schema["title"] = f.SchemaTitle;
        schema["type"] = "array";
        schema["uniqueItems"] = true;
        return schema;
    }

    static JsonObject ReadOnly(ReadOnlyField f)
    {
        var schema = new JsonObject
        {
            ["const"] = f.Value?.DeepClone(),
            ["default"] = f.Value?.DeepClone(),
            ["extraProperties"] = new JsonObject { ["disabled"] = true, ["value"] = f.Value?.DeepClone() },
            ["title"] = f.SchemaTitle,
            ["type"] = JsonType(f.Value),
            ["uniforms"] = new JsonObject { ["disabled"] = true, ["value"] = f.Value?.DeepClone() },
        };
        if (f.Format is not null)
            schema["format"] = f.Format;
        return schema;
    }

    /// <summary>pydantic-forms' <c>_get_json_type</c>; None maps to "string" there too.</summary>
    static string JsonType(JsonNode? value) => value?.GetValueKind() switch
    {
        null or JsonValueKind.Null or JsonValueKind.String => "string",
        JsonValueKind.True or JsonValueKind.False => "boolean",
        JsonValueKind.Number => value.ToJsonString().All(c => char.IsAsciiDigit(c) || c == '-') ? "integer" : "number",
        JsonValueKind.Array => "array",
        _ => "object",
    };

    /// <summary>pydantic sorts the keys of every schema object (not the names under <c>properties</c>).</summary>
    static JsonObject Sorted(JsonObject schema)
    {
        var entries = schema.OrderBy(e => e.Key, StringComparer.Ordinal).ToList();
        schema.Clear();
        foreach (var (key, value) in entries)
            schema[key] = value;
        return schema;
    }

    /// <summary>The enums of a page under <c>$defs</c>. The key is the enum title with characters pydantic does not allow in a
    /// reference replaced by '_'; a second, different enum with the same title gets "_2", "_3"... appended.</summary>
    sealed class Defs
    {
        public JsonObject Json { get; } = new();

        public string Ref(string enumTitle, IReadOnlyList<Choice> choices)
        {
            var def = new JsonObject { ["enum"] = new JsonArray([.. choices.Select(c => (JsonNode?)JsonValue.Create(c.Value))]) };
            if (choices.Any(c => c.Value != c.Label))
            {
                var options = new JsonObject();
                foreach (var choice in choices)
                    options[choice.Value] = choice.Label;
                def["options"] = options;
            }
            def["title"] = enumTitle;
            def["type"] = "string";

            var baseKey = Key(enumTitle);
            var key = baseKey;
            for (var n = 2; Json.TryGetPropertyValue(key, out var existing); n++)
            {
                if (JsonNode.DeepEquals(existing, def))
                    return $"#/$defs/{key}";
                key = $"{baseKey}_{n}";
            }
            Json[key] = def;
            return $"#/$defs/{key}";
        }

        static string Key(string title)
        {
            var builder = new StringBuilder(title.Length);
            foreach (var c in title)
                builder.Append(char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_' ? c : '_');
            return builder.ToString();
        }
    }
}
