using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Orchestrator.Domain.Forms;

/// <summary>Reads scalar values out of submitted JSON the way pydantic v2 does in lax (JSON) mode.</summary>
internal static class InputReader
{
    public enum IntResult { Ok, WrongType, NotParsable, Fractional, TooLarge, NotFinite }

    /// <summary>What a malformed or unusual <see cref="JsonNode"/> can throw when read (duplicate keys, foreign CLR values).</summary>
    public static bool IsInputFault(Exception e) =>
        e is InvalidOperationException or ArgumentException or FormatException or JsonException or OverflowException
            or NotSupportedException or InvalidCastException;

    public static JsonValueKind Kind(JsonNode? node) => node is null ? JsonValueKind.Null : node.GetValueKind();

    public static bool TryGetProperty(JsonObject obj, string name, out JsonNode? value)
    {
        try
        {
            return obj.TryGetPropertyValue(name, out value);
        }
        catch (Exception e) when (IsInputFault(e))
        {
            value = null;
            return false;
        }
    }

    /// <summary>The string of a node whose kind is <see cref="JsonValueKind.String"/>; null when it is not a string or cannot be
    /// read as one (a JSON escape of a lone surrogate, <c>"\ud800"</c>, parses but does not make a valid string).</summary>
    public static string? StringOf(JsonNode? node)
    {
        if (Kind(node) != JsonValueKind.String)
            return null;
        try
        {
            return node is JsonValue value && value.TryGetValue<string>(out var text) ? text : node!.Deserialize<string>();
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }

    public static IntResult ReadInteger(JsonNode? node, out long result)
    {
        result = 0;
        switch (Kind(node))
        {
            case JsonValueKind.Number:
                return RawNumber(node) is { } raw ? ParseNumber(raw, out result) : IntResult.NotFinite;
            case JsonValueKind.String:
            {
                var text = StringOf(node);
                if (text is null)
                    return IntResult.NotParsable;
                text = text.Trim();
                if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out result))
                    return IntResult.Ok;
                var digits = text.StartsWith('-') || text.StartsWith('+') ? text[1..] : text;
                return digits.Length > 0 && digits.All(char.IsAsciiDigit) ? IntResult.TooLarge : IntResult.NotParsable;
            }
            default:
                return IntResult.WrongType;
        }
    }

    /// <summary>The JSON text of a number; null for a value that cannot be written as JSON (a CLR NaN or infinity).</summary>
    public static string? RawNumber(JsonNode? node)
    {
        try
        {
            return node?.ToJsonString();
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    static IntResult ParseNumber(string raw, out long result)
    {
        if (long.TryParse(raw, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out result))
            return IntResult.Ok;
        if (!raw.Contains('.') && !raw.Contains('e') && !raw.Contains('E'))
            return IntResult.TooLarge;
        if (decimal.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var d))
        {
            if (d != decimal.Truncate(d))
                return IntResult.Fractional;
            if (d < long.MinValue || d > long.MaxValue)
                return IntResult.TooLarge;
            result = (long)d;
            return IntResult.Ok;
        }
        if (!double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var x) || !double.IsFinite(x))
            return IntResult.NotFinite;
        return Math.Floor(x) == x ? IntResult.TooLarge : IntResult.Fractional;
    }

    /// <summary>pydantic's lax bool: true/false, 0/1 and the strings it knows ("true", "false", "yes", "off", ...).
    /// Null when the kind is right but the value is not one of those; throws nothing.</summary>
    public static bool? ReadBoolean(JsonNode? node, out bool wrongType)
    {
        wrongType = false;
        switch (Kind(node))
        {
            case JsonValueKind.True:
                return true;
            case JsonValueKind.False:
                return false;
            case JsonValueKind.Number:
                return RawNumber(node) switch { "0" => false, "1" => true, _ => null };
            case JsonValueKind.String:
            {
                var text = StringOf(node);
                if (text is null || text.Length > 5)
                    return null;
                return text.Trim().ToLowerInvariant() switch
                {
                    "0" or "off" or "f" or "false" or "n" or "no" => false,
                    "1" or "on" or "t" or "true" or "y" or "yes" => true,
                    _ => null,
                };
            }
            default:
                wrongType = true;
                return null;
        }
    }

    public static bool TryReadUuid(JsonNode? node, out Guid result)
    {
        result = Guid.Empty;
        var text = StringOf(node);
        if (text is null || text.Length > 45)
            return false;
        if (text.StartsWith("urn:uuid:", StringComparison.OrdinalIgnoreCase))
            text = text["urn:uuid:".Length..];
        return Guid.TryParseExact(text, "D", out result) || Guid.TryParseExact(text, "N", out result) ||
               Guid.TryParseExact(text, "B", out result);
    }

    /// <summary>The length pydantic measures: Unicode code points, so a surrogate pair counts once.</summary>
    public static int CodePoints(string text)
    {
        var count = text.Length;
        foreach (var c in text)
            if (char.IsLowSurrogate(c))
                count--;
        return count;
    }
}
