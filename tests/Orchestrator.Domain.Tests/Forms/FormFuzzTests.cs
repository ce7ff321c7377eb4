using System.Text.Json;
using System.Text.Json.Nodes;
using Orchestrator.Domain.Forms;

namespace Orchestrator.Domain.Tests.Forms;

/// <summary>Property-style: hostile pages never make validation throw, and every error is well-formed and serialisable.</summary>
public class FormFuzzTests
{
    static readonly Choice[] Devices = [new("loc1-core", "loc1-core"), new("loc2-core", "Core 2")];

    static readonly FormPage EveryKind = new("Everything",
    [
        new TextField("username") { MaxLength = 64 },
        new TextField("nickname") { Required = false, MinLength = 2 },
        new IntegerField("age") { Required = false },
        new IntegerField("port") { Minimum = 1, Maximum = 65535 },
        new BooleanField("flag"),
        new UuidField("product"),
        new ChoiceField("device", "Devices", Devices),
        new ChoiceListField("groups", "Devices", Devices) { MinItems = 1, MaxItems = 2 },
        new ChoiceListField("tags", "Devices", Devices),
        new AcceptField("confirm"),
        new LongTextField("note") { MaxLength = 1_000 },
        new ReadOnlyField("group_id", 42),
        new ReadOnlyField("config", "hostname x") { Format = "long" },
        new ReadOnlyField("nothing", null),
        new LabelField("label") { Text = "Hello" },
        new DividerField("divider"),
        new SummaryField("summary", []),
    ]);

    static readonly string[] Keys = [.. EveryKind.Fields.Select(f => f.Name), "extra", "__root__", "", "0", "groups ", "DEVICE"];

    [Fact]
    public async Task Two_thousand_hostile_pages_give_errors_never_exceptions()
    {
        var random = new Random(20_26_12_04);
        var valid = 0;
        for (var i = 0; i < 2_000; i++)
        {
            var input = RandomPage(random);

            var result = FormValidator.Validate(EveryKind, input);

            if (result.IsValid)
            {
                valid++;
                Assert.NotNull(result.Values);
                Assert.NotEmpty(result.Values.ToJsonString());
                continue;
            }
            Assert.Null(result.Values);
            Assert.InRange(result.Errors.Count, 1, 100);
            foreach (var error in result.Errors)
            {
                Assert.NotEmpty(error.Loc);
                Assert.All(error.Loc, part => Assert.NotNull(part));
                Assert.False(string.IsNullOrEmpty(error.Msg));
                Assert.False(string.IsNullOrEmpty(error.Type));
            }
            Assert.NotEmpty(FormResponses.Invalid(EveryKind, result.Errors).ToJsonString());

            var outcome = await FormRunner.RunAsync(TwoPages, [input, RandomPage(random)]);
            Assert.IsType<FormOutcome.Invalid>(outcome);
        }
        Assert.InRange(valid, 0, 1_999);
    }

    static JsonObject ValidPage() => new()
    {
        ["username"] = "alice", ["port"] = 443, ["product"] = Guid.NewGuid().ToString(), ["device"] = "loc2-core",
        ["groups"] = new JsonArray("loc1-core"), ["tags"] = new JsonArray(), ["confirm"] = "ACCEPTED",
    };

    [Fact]
    public void Valid_pages_with_one_to_three_hostile_fields_give_errors_or_serialisable_values()
    {
        Assert.True(FormValidator.Validate(EveryKind, ValidPage()).IsValid);
        var random = new Random(42);
        var valid = 0;
        for (var i = 0; i < 2_000; i++)
        {
            var page = ValidPage();
            var mutated = new List<string>();
            for (var m = random.Next(1, 4); m > 0; m--)
            {
                var key = Keys[random.Next(Keys.Length)];
                mutated.Add(key);
                page[key] = RandomValue(random, 0);
            }

            var result = FormValidator.Validate(EveryKind, page);

            if (result.IsValid)
            {
                valid++;
                var json = JsonNode.Parse(result.Values!.ToJsonString(Orchestrator.Domain.Json.DomainJson.Options))!.AsObject();
                Assert.Equal(JsonValueKind.Number, json["port"]!.GetValueKind());
                Assert.Equal(Guid.Parse((string)json["product"]!).ToString(), (string?)json["product"]);
                Assert.Equal(42, (int?)json["group_id"]);
                Assert.True((bool?)json["confirm"]);
                Assert.False(json.ContainsKey("label") || json.ContainsKey("divider") || json.ContainsKey("summary"));
            }
            else
            {
                Assert.All(result.Errors, e => Assert.True(e.Loc.Count > 0 && e.Msg.Length > 0 && e.Type.Length > 0));
                Assert.All(result.Errors, e => Assert.True(mutated.Contains(e.Loc[0]) || e.Loc[0] == "__root__" || e.Type == "missing",
                    $"{string.Join(".", e.Loc)} {e.Type} after mutating {string.Join(",", mutated)}"));
                Assert.NotEmpty(FormResponses.Invalid(EveryKind, result.Errors).ToJsonString());
            }
        }
        Assert.InRange(valid, 1, 1_999);
    }

    [Fact]
    public async Task Hostile_page_lists_are_handled_by_the_runner()
    {
        var random = new Random(7);
        for (var i = 0; i < 200; i++)
        {
            var pages = Enumerable.Range(0, random.Next(0, 5)).Select(_ => random.Next(4) == 0 ? null : RandomPage(random)).ToList();
            var outcome = await FormRunner.RunAsync(TwoPages, pages);
            Assert.NotNull(outcome);
            if (outcome is FormOutcome.NotComplete notComplete)
                Assert.NotEmpty(FormResponses.NotComplete(notComplete.Page).ToJsonString());
        }
    }

    [Fact]
    public void Deeply_nested_values_are_not_walked()
    {
        JsonNode deep = new JsonArray();
        for (var i = 0; i < 100_000; i++)
            deep = new JsonObject { ["a"] = deep };
        var page = new JsonObject { ["extra"] = deep, ["username"] = new JsonArray(deep.DeepCloneShallow()) };

        var result = FormValidator.Validate(EveryKind, page);

        Assert.Contains(result.Errors, e => e.Type == "extra_forbidden" && !e.HasInput);
        Assert.NotEmpty(FormResponses.Invalid(EveryKind, result.Errors).ToJsonString());
    }

    static async Task<JsonObject> TwoPages(FormSession session)
    {
        await session.AskAsync(EveryKind);
        return await session.AskAsync(EveryKind with { HasNext = false });
    }

    static JsonNode? RandomPage(Random random) => random.Next(10) switch
    {
        0 => RandomValue(random, 0),
        _ => RandomObject(random, 0, Keys),
    };

    static JsonObject RandomObject(Random random, int depth, string[] keys)
    {
        var obj = new JsonObject();
        var count = random.Next(0, 12);
        for (var i = 0; i < count; i++)
            obj[random.Next(5) == 0 ? RandomString(random, 8) : keys[random.Next(keys.Length)]] = RandomValue(random, depth + 1);
        return obj;
    }

    static JsonNode? RandomValue(Random random, int depth)
    {
        switch (random.Next(24))
        {
            case 0: return null;
            case 1: return random.Next(2) == 0;
            case 2: return random.NextInt64(long.MinValue, long.MaxValue);
            case 3: return random.Next(-3, 70_000);
            case 4: return JsonNode.Parse(new[] { "1e400", "-1e400", "4.5", "1e-400", "99999999999999999999999999999", "0.0", "-0", "42.000" }[random.Next(8)]);
            case 5: return RandomString(random, random.Next(4) == 0 ? 200_000 : 70);
            case 6: return new[] { "loc1-core", "loc2-core", "Core 2", "ACCEPTED", "INCOMPLETE", "42", " 42 ", "true", "hostname x" }[random.Next(9)];
            case 7: return Guid.NewGuid().ToString(random.Next(2) == 0 ? "D" : "N");
            case 8: return depth > 6 ? null : RandomObject(random, depth, Keys);
            case 9:
            {
                var array = new JsonArray();
                var count = random.Next(8) == 0 ? 50_000 : random.Next(0, 6);
                for (var i = 0; i < count; i++)
                    array.Add(depth > 6 || count > 10 ? (JsonNode?)"loc1-core" : RandomValue(random, depth + 1));
                return array;
            }
            case 10: return Nested(random.Next(50, 5_000));
            case 11: return JsonValue.Create(double.NaN);
            case 12: return JsonValue.Create(double.PositiveInfinity);
            case 13: return JsonValue.Create(DateTime.UnixEpoch);
            case 14: return JsonValue.Create(Guid.NewGuid());
            case 15: return JsonNode.Parse("\"\\ud800\"");
            case 16: return JsonNode.Parse("""{"a":1,"a":2}""");
            case 17: return "\u0000\u202e" + new string(' ', random.Next(3));
            case 18: return JsonValue.Create('x');
            case 19: return JsonValue.Create(decimal.MaxValue);
            case 20: return new JsonArray("loc1-core", "loc1-core");
            case 21: return new JsonArray("loc1-core", "Core 2", null, 5);
            default: return RandomString(random, random.Next(0, 6));
        }
    }

    static JsonNode Nested(int depth)
    {
        JsonNode node = "leaf";
        for (var i = 0; i < depth; i++)
            node = i % 2 == 0 ? new JsonArray(node) : new JsonObject { ["k"] = node };
        return node;
    }

    static string RandomString(Random random, int length)
    {
        var chars = new char[length];
        for (var i = 0; i < length; i++)
            chars[i] = (char)random.Next(0x20, 0x3000);
        return new string(chars);
    }
}

static class JsonNodeTestExtensions
{
    /// <summary>A fresh node of the same depth-1 shape, so one deep tree is not given two parents.</summary>
    public static JsonNode DeepCloneShallow(this JsonNode node) => node is JsonObject ? new JsonObject { ["a"] = new JsonArray() } : new JsonArray();
}
