using System.Text.Json.Nodes;
using Orchestrator.Domain.Forms;

namespace Orchestrator.Domain.Tests.Forms;

public class FormValidatorTests
{
    static readonly Choice[] Devices = [new("loc1-core", "loc1-core"), new("loc2-core", "loc2-core")];

    static ValidationError SingleError(FormField field, string inputJson)
    {
        var result = FormValidator.Validate(new FormPage("P", [field]), JsonNode.Parse(inputJson));
        Assert.Null(result.Values);
        return Assert.Single(result.Errors);
    }

    static void AssertError(ValidationError error, string[] loc, string type, string msg)
    {
        Assert.Equal(loc, error.Loc);
        Assert.Equal(type, error.Type);
        Assert.Equal(msg, error.Msg);
    }

    [Fact]
    public void Valid_input_returns_normalised_values_and_defaults()
    {
        var page = new FormPage("P",
        [
            new TextField("username"),
            new TextField("nickname") { Required = false },
            new TextField("group_name") { Default = "staff" },
            new IntegerField("age") { Required = false },
            new IntegerField("port"),
            new IntegerField("count") { Default = 3 },
            new BooleanField("flag") { Default = true },
            new BooleanField("other"),
            new UuidField("product"),
            new ChoiceField("device", "Devices", Devices),
            new ChoiceField("fallback", "Devices", Devices) { Default = "loc2-core" },
            new ChoiceListField("groups", "Devices", Devices) { MinItems = 1 },
            new AcceptField("confirm"),
            new LongTextField("note"),
            new ReadOnlyField("group_id", 42),
            new ReadOnlyField("config", "hostname x") { Format = "long" },
            new LabelField("label") { Text = "Hello" },
            new DividerField("divider"),
            new SummaryField("summary", []),
        ]);
        var input = JsonNode.Parse("""
            {"username":"alice","port":"42","other":"true","product":"6F9619FF-8B86-D011-B42D-00CF4FC964FF","device":"loc1-core",
             "groups":["loc2-core","loc1-core"],"confirm":"ACCEPTED","group_id":42,"label":"ignored","divider":{"x":1}}
            """);

        var result = FormValidator.Validate(page, input);

        Assert.True(result.IsValid, string.Join("; ", result.Errors.Select(e => $"{string.Join(".", e.Loc)} {e.Type}")));
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""
            {"username":"alice","nickname":null,"group_name":"staff","age":null,"port":42,"count":3,"flag":true,"other":true,
             "product":"6f9619ff-8b86-d011-b42d-00cf4fc964ff","device":"loc1-core","fallback":"loc2-core",
             "groups":["loc2-core","loc1-core"],"confirm":true,"note":null,"group_id":42,"config":"hostname x"}
            """), result.Values), result.Values!.ToJsonString());
        Assert.Equal(page.Fields.Select(f => f.Name).Except(["label", "divider", "summary"]), result.Values!.Select(p => p.Key));
    }

    [Fact]
    public void Strings_are_kept_as_sent() =>
        Assert.Equal("  alice ", (string?)FormValidator.Validate(new FormPage("P", [new TextField("u")]),
            JsonNode.Parse("""{"u":"  alice "}""")).Values!["u"]);

    [Fact]
    public void Missing_required_field()
    {
        var error = SingleError(new TextField("username"), "{}");
        AssertError(error, ["username"], "missing", "Field required");
        Assert.False(error.HasInput);
    }

    [Theory]
    [InlineData("""{"x":5}""")]
    [InlineData("""{"x":null}""")]
    [InlineData("""{"x":["a"]}""")]
    public void Text_of_the_wrong_type(string json) =>
        AssertError(SingleError(new TextField("x"), json), ["x"], "string_type", "Input should be a valid string");

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Required_text_refuses_empty_and_whitespace(string text)
    {
        var error = SingleError(new TextField("x"), new JsonObject { ["x"] = text }.ToJsonString());
        AssertError(error, ["x"], "string_too_short", "String should have at least 1 character");
        Assert.Equal(1, (int?)error.Ctx!["min_length"]);
        Assert.Equal(text, (string?)error.Input);
    }

    [Fact]
    public void Optional_text_accepts_empty_and_null()
    {
        var page = new FormPage("P", [new TextField("a") { Required = false }, new TextField("b") { Required = false }]);
        var values = FormValidator.Validate(page, JsonNode.Parse("""{"a":"","b":null}""")).Values!;
        Assert.Equal("", (string?)values["a"]);
        Assert.Null(values["b"]);
    }

    [Fact]
    public void Text_too_short_and_too_long()
    {
        var shortError = SingleError(new TextField("x") { MinLength = 3 }, """{"x":"ab"}""");
        AssertError(shortError, ["x"], "string_too_short", "String should have at least 3 characters");
        Assert.Equal(3, (int?)shortError.Ctx!["min_length"]);

        var longError = SingleError(new TextField("x") { MaxLength = 4 }, """{"x":"abcde"}""");
        AssertError(longError, ["x"], "string_too_long", "String should have at most 4 characters");
        Assert.Equal(4, (int?)longError.Ctx!["max_length"]);
        Assert.Equal("abcde", (string?)longError.Input);
    }

    [Fact]
    public void A_lone_surrogate_escape_is_not_a_valid_string() =>
        AssertError(SingleError(new TextField("x"), "{\"x\":\"a\\ud800\"}"), ["x"], "string_unicode",
            "Input should be a valid string, unable to parse raw data as a unicode string");

    [Fact]
    public void Text_length_counts_code_points() =>
        Assert.True(FormValidator.Validate(new FormPage("P", [new TextField("x") { MaxLength = 2 }]),
            new JsonObject { ["x"] = "😀😀" }).IsValid);

    [Theory]
    [InlineData("""{"x":true}""", "int_type", "Input should be a valid integer")]
    [InlineData("""{"x":null}""", "int_type", "Input should be a valid integer")]
    [InlineData("""{"x":[1]}""", "int_type", "Input should be a valid integer")]
    [InlineData("""{"x":"4x"}""", "int_parsing", "Input should be a valid integer, unable to parse string as an integer")]
    [InlineData("""{"x":4.5}""", "int_from_float", "Input should be a valid integer, got a number with a fractional part")]
    [InlineData("""{"x":99999999999999999999999}""", "int_parsing_size", "Unable to parse input string as an integer, exceeded maximum size")]
    [InlineData("""{"x":1e400}""", "finite_number", "Input should be a finite number")]
    public void Integers_of_the_wrong_kind(string json, string type, string msg) =>
        AssertError(SingleError(new IntegerField("x"), json), ["x"], type, msg);

    [Theory]
    [InlineData("42", 42)]
    [InlineData("\"42\"", 42)]
    [InlineData("\" -7 \"", -7)]
    [InlineData("4.0", 4)]
    [InlineData("1e3", 1000)]
    public void Integers_are_accepted_from_integral_json(string json, long expected) =>
        Assert.Equal(expected, (long?)FormValidator.Validate(new FormPage("P", [new IntegerField("x")]),
            JsonNode.Parse($$"""{"x":{{json}}}""")).Values!["x"]);

    [Fact]
    public void Integer_bounds()
    {
        var field = new IntegerField("x") { Minimum = 1, Maximum = 10 };

        var low = SingleError(field, """{"x":0}""");
        AssertError(low, ["x"], "greater_than_equal", "Input should be greater than or equal to 1");
        Assert.Equal(1, (long?)low.Ctx!["ge"]);
        Assert.Equal(0, (int?)low.Input);

        var high = SingleError(field, """{"x":11}""");
        AssertError(high, ["x"], "less_than_equal", "Input should be less than or equal to 10");
        Assert.Equal(10, (long?)high.Ctx!["le"]);
    }

    [Fact]
    public void Optional_integer_accepts_null_and_absence()
    {
        var page = new FormPage("P", [new IntegerField("a") { Required = false }, new IntegerField("b") { Required = false }]);
        var result = FormValidator.Validate(page, JsonNode.Parse("""{"a":null}"""));
        Assert.True(result.IsValid);
        Assert.Null(result.Values!["a"]);
        Assert.True(result.Values.ContainsKey("b"));
    }

    [Theory]
    [InlineData("""{"x":null}""", "bool_type", "Input should be a valid boolean")]
    [InlineData("""{"x":{}}""", "bool_type", "Input should be a valid boolean")]
    [InlineData("""{"x":"maybe"}""", "bool_parsing", "Input should be a valid boolean, unable to interpret input")]
    [InlineData("""{"x":2}""", "bool_parsing", "Input should be a valid boolean, unable to interpret input")]
    public void Booleans_of_the_wrong_kind(string json, string type, string msg) =>
        AssertError(SingleError(new BooleanField("x"), json), ["x"], type, msg);

    [Theory]
    [InlineData("true", true)]
    [InlineData("false", false)]
    [InlineData("\"true\"", true)]
    [InlineData("\"false\"", false)]
    public void Booleans_are_accepted(string json, bool expected) =>
        Assert.Equal(expected, (bool?)FormValidator.Validate(new FormPage("P", [new BooleanField("x")]),
            JsonNode.Parse($$"""{"x":{{json}}}""")).Values!["x"]);

    [Theory]
    [InlineData("""{"x":"not-a-uuid"}""")]
    [InlineData("""{"x":12}""")]
    [InlineData("""{"x":null}""")]
    public void Invalid_uuids(string json) =>
        AssertError(SingleError(new UuidField("x"), json), ["x"], "uuid_parsing", "Input should be a valid UUID");

    [Fact]
    public void Enum_error_matches_the_spec_example()
    {
        var error = SingleError(new ChoiceField("select_device_choice", "Planned devices", Devices), """{"select_device_choice":"nope"}""");

        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""
            {"type":"enum","loc":["select_device_choice"],"msg":"Input should be 'loc1-core' or 'loc2-core'","input":"nope",
             "ctx":{"expected":"'loc1-core' or 'loc2-core'"}}
            """), error.ToJson()), error.ToJson().ToJsonString());
    }

    [Fact]
    public void Enum_error_joins_three_values_like_pydantic()
    {
        var error = SingleError(new ChoiceField("x", "X", [new("a", "a"), new("b", "b"), new("c", "c")]), """{"x":1}""");
        AssertError(error, ["x"], "enum", "Input should be 'a', 'b' or 'c'");
        Assert.Equal("'a', 'b' or 'c'", (string?)error.Ctx!["expected"]);
    }

    [Fact]
    public void List_of_the_wrong_type() =>
        AssertError(SingleError(new ChoiceListField("x", "X", Devices), """{"x":"loc1-core"}"""), ["x"], "list_type",
            "Input should be a valid list");

    [Fact]
    public void List_too_short_and_too_long()
    {
        var field = new ChoiceListField("x", "X", Devices) { MinItems = 1, MaxItems = 1 };

        var shortError = SingleError(field, """{"x":[]}""");
        AssertError(shortError, ["x"], "too_short", "List should have at least 1 item after validation, not 0");
        Assert.Equal(1, (int?)shortError.Ctx!["min_length"]);
        Assert.Equal(0, (int?)shortError.Ctx!["actual_length"]);

        var longError = SingleError(field, """{"x":["loc1-core","loc2-core"]}""");
        AssertError(longError, ["x"], "too_long", "List should have at most 1 item after validation, not 2");
        Assert.Equal(1, (int?)longError.Ctx!["max_length"]);
    }

    [Fact]
    public void List_items_must_be_unique() =>
        AssertError(SingleError(new ChoiceListField("x", "X", Devices), """{"x":["loc1-core","loc1-core"]}"""), ["x"], "value_error",
            "Items must be unique");

    [Fact]
    public void List_items_are_validated_against_the_enum_with_their_index()
    {
        var result = FormValidator.Validate(new FormPage("P", [new ChoiceListField("x", "X", Devices)]),
            JsonNode.Parse("""{"x":["loc1-core","bad",null]}"""));

        Assert.Equal(2, result.Errors.Count);
        AssertError(result.Errors[0], ["x", "1"], "enum", "Input should be 'loc1-core' or 'loc2-core'");
        AssertError(result.Errors[1], ["x", "2"], "enum", "Input should be 'loc1-core' or 'loc2-core'");
        Assert.Equal(1, (int?)result.Errors[0].ToJson()["loc"]![1]);
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("""{"ok":"INCOMPLETE"}""")]
    [InlineData("""{"ok":"accepted"}""")]
    [InlineData("""{"ok":true}""")]
    public void Accept_must_be_accepted(string json) =>
        AssertError(SingleError(new AcceptField("ok"), json), ["ok"], "value_error", "Not all tasks are done");

    [Fact]
    public void Unknown_fields_are_forbidden()
    {
        var error = SingleError(new BooleanField("b"), """{"sneaky":{"a":[1,2]}}""");
        AssertError(error, ["sneaky"], "extra_forbidden", "Extra inputs are not permitted");
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{"a":[1,2]}"""), error.Input));
    }

    [Fact]
    public void Read_only_field_refuses_a_different_value_and_accepts_the_same_or_none()
    {
        var field = new ReadOnlyField("group_id", 42);

        var error = SingleError(field, """{"group_id":43}""");
        AssertError(error, ["group_id"], "literal_error", "Input should be 42");
        Assert.Equal("42", (string?)error.Ctx!["expected"]);

        AssertError(SingleError(new ReadOnlyField("c", "abc"), """{"c":"abd"}"""), ["c"], "literal_error", "Input should be 'abc'");
        Assert.Equal(42, (int?)FormValidator.Validate(new FormPage("P", [field]), JsonNode.Parse("""{"group_id":42.0}""")).Values!["group_id"]);
        Assert.Equal(42, (int?)FormValidator.Validate(new FormPage("P", [field]), JsonNode.Parse("{}")).Values!["group_id"]);
    }

    [Theory]
    [InlineData("[]")]
    [InlineData("\"page\"")]
    [InlineData("null")]
    [InlineData("12")]
    public void A_page_that_is_not_an_object(string json)
    {
        var error = SingleError(new BooleanField("b"), json);
        AssertError(error, ["__root__"], "model_type", "Input should be a valid dictionary");
        Assert.True(error.HasInput);
    }

    [Fact]
    public void A_missing_page_is_not_an_object_either() =>
        AssertError(Assert.Single(FormValidator.Validate(new FormPage("P", []), null).Errors), ["__root__"], "model_type",
            "Input should be a valid dictionary");

    [Fact]
    public void All_errors_of_a_page_are_reported_at_once_in_field_order_then_extras()
    {
        var page = new FormPage("P", [new TextField("a"), new IntegerField("b"), new UuidField("c"), new AcceptField("d")]);
        var result = FormValidator.Validate(page, JsonNode.Parse("""{"zzz":1,"b":"x","c":"y"}"""));

        Assert.Equal(["a", "b", "c", "d", "zzz"], result.Errors.Select(e => e.Loc[0]));
        Assert.Equal(["missing", "int_parsing", "uuid_parsing", "value_error", "extra_forbidden"], result.Errors.Select(e => e.Type));
    }

    [Fact]
    public void Duplicate_keys_give_an_error_not_an_exception()
    {
        var result = FormValidator.Validate(new FormPage("P", [new BooleanField("b")]), JsonNode.Parse("""{"b":true,"b":false}"""));
        Assert.False(result.IsValid);
        Assert.Equal(["__root__"], Assert.Single(result.Errors).Loc);
    }

    [Fact]
    public void Errors_per_page_are_bounded()
    {
        var input = new JsonObject();
        for (var i = 0; i < 10_000; i++)
            input[$"extra_{i}"] = i;
        var result = FormValidator.Validate(new FormPage("P", []), input);
        Assert.Equal(100, result.Errors.Count);
    }

    [Fact]
    public void Inputs_too_large_to_echo_are_left_out()
    {
        var error = SingleError(new TextField("x"), new JsonObject { ["x"] = new string('a', 1_000_000) }.ToJsonString());
        Assert.Equal("string_too_long", error.Type);
        Assert.False(error.HasInput);
    }
}
