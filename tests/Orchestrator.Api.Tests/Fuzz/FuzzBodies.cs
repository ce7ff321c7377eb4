using System.Text;
using System.Text.Json.Nodes;

namespace Orchestrator.Api.Tests.Fuzz;

public sealed record FuzzBody(string Kind, byte[] Bytes, string? ContentType = "application/json")
{
    public string Preview => Encoding.UTF8.GetString(Bytes, 0, Math.Min(Bytes.Length, 200));
}

/// <summary>
/// Hostile request bodies, generated deterministically from a seed and a valid body to mutate: wrong types, missing and
/// unknown fields, huge strings and arrays, deep nesting, invalid UTF-8, odd numbers and strings, duplicate keys, non-JSON.
/// </summary>
public static class FuzzBodies
{
    const int Kinds = 13;

    public static IEnumerable<FuzzBody> Generate(JsonNode valid, int count, int seed)
    {
        var rng = new Random(seed);
        for (var i = 0; i < count; i++)
            yield return (i % Kinds) switch
            {
                0 => Json("wrong type at the top", RandomValue(rng, 2)),
                1 => Json("wrong type in a field", Mutate(valid, rng, (node, key) => node[key] = RandomValue(rng, 2))),
                2 => Json("missing field", Mutate(valid, rng, (node, key) => node.Remove(key))),
                3 => Json("unknown field", Mutate(valid, rng, (node, _) => node[$"unknown_{rng.Next(1000)}"] = RandomValue(rng, 2))),
                4 => Json("huge string", Mutate(valid, rng, (node, key) => node[key] = HugeString(rng))),
                5 => Json("huge array", Mutate(valid, rng, (node, key) => node[key] = new JsonArray(Enumerable.Range(0, rng.Next(1_000, 20_000)).Select(n => (JsonNode?)n).ToArray()))),
                6 => Text("deep nesting", Nested(rng.Next(10, 3_000), rng.Next(2) == 0)),
                7 => new FuzzBody("invalid UTF-8", InvalidUtf8(valid, rng)),
                8 => NonJson(valid, rng),
                9 => Text("odd number", Replace(valid, rng, OddNumbers[rng.Next(OddNumbers.Length)])),
                10 => Text("odd string", Replace(valid, rng, OddStrings[rng.Next(OddStrings.Length)])),
                11 => Text("duplicate keys", DuplicateKeys(valid, rng)),
                _ => Text("many pages", "[" + string.Join(",", Enumerable.Repeat(Pick(valid, rng)?.ToJsonString() ?? "{}", rng.Next(2, 5_000))) + "]"),
            };
    }

    /// <summary>A body of <paramref name="megabytes"/> MB: a valid-looking page with one enormous value.</summary>
    public static FuzzBody SeveralMegabytes(int megabytes) =>
        Text($"{megabytes} MB", $$"""[{"name":"{{new string('x', megabytes * 1024 * 1024)}}"}]""");

    static readonly string[] OddNumbers =
        ["1e999", "-1e999", "123456789012345678901234567890", "-0", "0.1e-400", "1.5", "NaN", "Infinity", "-Infinity", "0x10", "01", "+1", "1e", ".5"];

    static readonly string[] OddStrings =
        ["\"\\u0000\"", "\"\\ud800\"", "\"\\udfff\\ud800\"", "\"\u202e\u0000\u001f\"", "\"\\\"", "\"a\nb\"", "\"\uFEFF\"", $"\"{new string('\u00e9', 3000)}\"", "\"\\uZZZZ\""];

    static FuzzBody Json(string kind, JsonNode? node) => Text(kind, node?.ToJsonString() ?? "null");

    static FuzzBody Text(string kind, string text) => new(kind, Encoding.UTF8.GetBytes(text));

    static JsonNode? RandomValue(Random rng, int depth) => rng.Next(depth > 0 ? 9 : 6) switch
    {
        0 => null,
        1 => rng.Next(2) == 0,
        2 => rng.Next(int.MinValue, int.MaxValue),
        3 => rng.NextDouble() * Math.Pow(10, rng.Next(-20, 300)),
        4 => RandomString(rng, rng.Next(0, 50)),
        5 => "",
        6 or 7 => new JsonArray(Enumerable.Range(0, rng.Next(0, 5)).Select(_ => RandomValue(rng, depth - 1)).ToArray()),
        _ => new JsonObject(Enumerable.Range(0, rng.Next(0, 5)).Select(n => KeyValuePair.Create(RandomString(rng, rng.Next(1, 8)) + n, RandomValue(rng, depth - 1)))),
    };

    static string RandomString(Random rng, int length) =>
        new(Enumerable.Range(0, length).Select(_ => (char)(rng.Next(4) == 0 ? rng.Next(0x20, 0xD7FF) : rng.Next(0x20, 0x7F))).ToArray());

    static string HugeString(Random rng) => new((char)rng.Next('a', 'z'), rng.Next(10_000, 250_000));

    static JsonNode? Pick(JsonNode valid, Random rng) =>
        valid is JsonArray { Count: > 0 } pages ? pages[rng.Next(pages.Count)] : valid;

    /// <summary>A copy of the valid body with one object member (of a random page) changed.</summary>
    static JsonNode Mutate(JsonNode valid, Random rng, Action<JsonObject, string> change)
    {
        var copy = valid.DeepClone();
        var target = (copy is JsonArray { Count: > 0 } pages ? pages[rng.Next(pages.Count)] : copy) as JsonObject;
        if (target is null) return copy;
        var key = target.Count > 0 ? target.Select(p => p.Key).ElementAt(rng.Next(target.Count)) : "field";
        change(target, key);
        return copy;
    }

    /// <summary>The valid body's text with one value replaced by a raw token (not necessarily JSON).</summary>
    static string Replace(JsonNode valid, Random rng, string token)
    {
        var marker = "\"__fuzz__\"";
        var text = Mutate(valid, rng, (node, key) => node[key] = "__fuzz__").ToJsonString();
        return text.Replace(marker, token, StringComparison.Ordinal);
    }

    static string Nested(int depth, bool arrays) => arrays
        ? new string('[', depth) + new string(']', depth)
        : string.Concat(Enumerable.Repeat("{\"a\":", depth)) + "1" + new string('}', depth);

    static byte[] InvalidUtf8(JsonNode valid, Random rng)
    {
        byte[][] bad = [[0xC3, 0x28], [0xFF], [0xED, 0xA0, 0x80], [0xF8, 0x88, 0x80, 0x80, 0x80], [0xC0, 0xAF], [0xE2, 0x82]];
        var bytes = Encoding.UTF8.GetBytes(Replace(valid, rng, "\"__bad__\""));
        var at = bytes.AsSpan().IndexOf("__bad__"u8);
        var list = bytes.ToList();
        list.InsertRange(at < 0 ? list.Count / 2 : at, bad[rng.Next(bad.Length)]);
        return list.ToArray();
    }

    static FuzzBody NonJson(JsonNode valid, Random rng)
    {
        var text = valid.ToJsonString();
        return (rng.Next(8)) switch
        {
            0 => new FuzzBody("random bytes", Enumerable.Range(0, rng.Next(1, 2_000)).Select(_ => (byte)rng.Next(256)).ToArray()),
            1 => Text("truncated JSON", text[..rng.Next(Math.Max(1, text.Length))]),
            2 => new FuzzBody("form-urlencoded", Encoding.UTF8.GetBytes("name=ada&count=2"), "application/x-www-form-urlencoded"),
            3 => new FuzzBody("XML", Encoding.UTF8.GetBytes("<pages><page name=\"ada\"/></pages>"), "application/xml"),
            4 => new FuzzBody("no content type", Encoding.UTF8.GetBytes("{not json"), null),
            5 => Text("trailing garbage", text + " ]]]}"),
            6 => Text("two documents", text + text),
            _ => Text("comment", "/* comment */ " + text),
        };
    }

    static string DuplicateKeys(JsonNode valid, Random rng)
    {
        var page = Pick(valid, rng) as JsonObject;
        var key = page is { Count: > 0 } ? page.First().Key : "name";
        var duplicated = $$"""{"{{key}}":1,"{{key}}":"twice"}""";
        return valid is JsonArray ? $"[{duplicated}]" : duplicated;
    }
}
