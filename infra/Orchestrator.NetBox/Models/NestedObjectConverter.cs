using System.Text.Json;
using System.Text.Json.Serialization;

namespace Orchestrator.NetBox.Models;

/// <summary>Reads a related object given either nested (<c>{"id": 1, ...}</c>) or as a bare id (<c>1</c>), as NetBox versions differ.</summary>
public sealed class NestedObjectConverter : JsonConverter<NestedObject>
{
    public override NestedObject? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.Null:
                return null;
            case JsonTokenType.Number:
                return new NestedObject(reader.GetInt32());
            case JsonTokenType.StartObject:
                using (var document = JsonDocument.ParseValue(ref reader))
                {
                    var root = document.RootElement;
                    return new NestedObject(
                        root.GetProperty("id").GetInt32(),
                        Text(root, "url"),
                        Text(root, "display"),
                        Text(root, "name"),
                        Text(root, "slug"));
                }
            default:
                throw new JsonException($"Expected a NetBox object or id, got {reader.TokenType}.");
        }
    }

    public override void Write(Utf8JsonWriter writer, NestedObject value, JsonSerializerOptions options) =>
        writer.WriteNumberValue(value.Id);

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
