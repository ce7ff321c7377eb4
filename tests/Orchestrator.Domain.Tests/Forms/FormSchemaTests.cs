using System.Text.Json.Nodes;
using Orchestrator.Domain.Forms;

namespace Orchestrator.Domain.Tests.Forms;

public class FormSchemaTests
{
    static void AssertJson(string expected, JsonNode actual) =>
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(expected), actual), $"expected {expected}\n  actual {actual.ToJsonString()}");

    [Fact]
    public void Create_node_page_2_matches_the_spec_example_key_for_key()
    {
        var page = new FormPage("Node",
        [
            new ChoiceField("select_device_choice", "Planned devices", [new("loc1-core", "loc1-core"), new("loc2-core", "loc2-core")]),
        ]);

        AssertJson("""
            {"$defs":{"Planned_devices":{"enum":["loc1-core","loc2-core"],"title":"Planned devices","type":"string"}},
             "additionalProperties":false,"properties":{"select_device_choice":{"$ref":"#/$defs/Planned_devices"}},
             "required":["select_device_choice"],"title":"Node","type":"object"}
            """, FormSchema.ToJsonSchema(page));
    }

    [Fact]
    public void Config_confirmation_page_matches_the_spec_example_key_for_key()
    {
        var page = new FormPage("unknown",
        [
            new ReadOnlyField("node_config", "! Paste…") { Format = "long" },
            new AcceptField("confirm_config_put_on_routers"),
        ]);

        var schema = FormSchema.ToJsonSchema(page);

        AssertJson("""
            {"additionalProperties":false,"title":"unknown","type":"object","properties":{
              "node_config":{"const":"! Paste…","default":"! Paste…","format":"long","title":"Node Config","type":"string",
                             "uniforms":{"disabled":true,"value":"! Paste…"},"extraProperties":{"disabled":true,"value":"! Paste…"}},
              "confirm_config_put_on_routers":{"default":"INCOMPLETE","enum":["ACCEPTED","INCOMPLETE"],"format":"accept",
                             "title":"Confirm Config Put On Routers","type":"string"}}}
            """, schema);
        Assert.Equal(["node_config", "confirm_config_put_on_routers"], schema["properties"]!.AsObject().Select(p => p.Key));
    }

    [Fact]
    public void Every_field_kind_has_the_pydantic_forms_wire_format()
    {
        var groups = new[] { new Choice("g1", "Group one"), new Choice("g2", "Group two") };
        var page = new FormPage("Everything",
        [
            new TextField("username") { MaxLength = 64 },
            new TextField("nickname") { Required = false },
            new TextField("group_name") { Default = "staff", MinLength = 2 },
            new IntegerField("age") { Required = false },
            new IntegerField("port") { Minimum = 1, Maximum = 65535 },
            new IntegerField("count") { Default = 3 },
            new BooleanField("under_maintenance") { Default = true },
            new UuidField("product"),
            new ChoiceField("router_a", "Router A", [new("r1", "r1")]) { Title = "Router A side", Default = "r1" },
            new ChoiceListField("user_group_ids", "User groups", groups) { MinItems = 1, MaxItems = 1 },
            new ChoiceListField("tags", "Tags", [new("x", "x")]) { Default = ["x"] },
            new AcceptField("confirm"),
            new LongTextField("note") { Default = "hello" },
            new LongTextField("remark"),
            new ReadOnlyField("group_id", 42),
            new ReadOnlyField("enabled", true),
            new LabelField("are_you_sure") { Text = "Are you sure?" },
            new DividerField("divider_1"),
            new SummaryField("summary", new JsonObject { ["headers"] = new JsonArray("a"), ["columns"] = new JsonArray(new JsonArray("1")) }),
        ]);

        var schema = FormSchema.ToJsonSchema(page);

        AssertJson("""
            {"$defs":{
               "Router_A":{"enum":["r1"],"title":"Router A","type":"string"},
               "User_groups":{"enum":["g1","g2"],"options":{"g1":"Group one","g2":"Group two"},"title":"User groups","type":"string"},
               "Tags":{"enum":["x"],"title":"Tags","type":"string"}},
             "additionalProperties":false,
             "properties":{
               "username":{"maxLength":64,"title":"Username","type":"string"},
               "nickname":{"anyOf":[{"type":"string"},{"type":"null"}],"default":null,"title":"Nickname"},
               "group_name":{"default":"staff","minLength":2,"title":"Group Name","type":"string"},
               "age":{"anyOf":[{"type":"integer"},{"type":"null"}],"default":null,"title":"Age"},
               "port":{"maximum":65535,"minimum":1,"title":"Port","type":"integer"},
               "count":{"default":3,"title":"Count","type":"integer"},
               "under_maintenance":{"default":true,"title":"Under Maintenance","type":"boolean"},
               "product":{"format":"uuid","title":"Product","type":"string"},
               "router_a":{"$ref":"#/$defs/Router_A","default":"r1","title":"Router A side"},
               "user_group_ids":{"items":{"$ref":"#/$defs/User_groups"},"maxItems":1,"minItems":1,"title":"User Group Ids",
                                 "type":"array","uniqueItems":true},
               "tags":{"default":["x"],"items":{"$ref":"#/$defs/Tags"},"minItems":0,"title":"Tags","type":"array","uniqueItems":true},
               "confirm":{"default":"INCOMPLETE","enum":["ACCEPTED","INCOMPLETE"],"format":"accept","title":"Confirm","type":"string"},
               "note":{"default":"hello","format":"long","title":"Note","type":"string"},
               "remark":{"default":null,"format":"long","title":"Remark","type":"string"},
               "group_id":{"const":42,"default":42,"extraProperties":{"disabled":true,"value":42},"title":"Group Id","type":"integer",
                           "uniforms":{"disabled":true,"value":42}},
               "enabled":{"const":true,"default":true,"extraProperties":{"disabled":true,"value":true},"title":"Enabled",
                          "type":"boolean","uniforms":{"disabled":true,"value":true}},
               "are_you_sure":{"default":"Are you sure?","format":"label","title":"Are You Sure","type":"string"},
               "divider_1":{"default":null,"format":"divider","title":"Divider 1","type":"string"},
               "summary":{"default":null,"format":"summary","title":"Summary","type":"string",
                          "uniforms":{"data":{"headers":["a"],"columns":[["1"]]}}}},
             "required":["username","port","product","user_group_ids"],
             "title":"Everything","type":"object"}
            """, schema);
        Assert.Equal(page.Fields.Select(f => f.Name), schema["properties"]!.AsObject().Select(p => p.Key));
    }

    [Fact]
    public void Schema_keys_are_sorted_as_pydantic_sorts_them()
    {
        var schema = FormSchema.ToJsonSchema(new FormPage("P", [new ChoiceField("c", "C", [new("a", "a")])]));

        Assert.Equal(["$defs", "additionalProperties", "properties", "required", "title", "type"], schema.Select(p => p.Key));
        Assert.Equal(["enum", "title", "type"], schema["$defs"]!["C"]!.AsObject().Select(p => p.Key));
    }

    [Fact]
    public void A_page_without_choices_or_required_fields_has_neither_defs_nor_required()
    {
        var schema = FormSchema.ToJsonSchema(new FormPage("P", [new BooleanField("b")]));

        Assert.False(schema.ContainsKey("$defs"));
        Assert.False(schema.ContainsKey("required"));
    }

    [Fact]
    public void Two_different_enums_with_the_same_title_get_distinct_defs_and_equal_ones_share()
    {
        var page = new FormPage("Ports",
        [
            new ChoiceField("a_port", "Port", [new("1/1", "1/1")]),
            new ChoiceField("b_port", "Port", [new("2/1", "2/1")]),
            new ChoiceField("c_port", "Port", [new("1/1", "1/1")]),
        ]);

        var schema = FormSchema.ToJsonSchema(page);

        Assert.Equal("#/$defs/Port", (string?)schema["properties"]!["a_port"]!["$ref"]);
        Assert.Equal("#/$defs/Port_2", (string?)schema["properties"]!["b_port"]!["$ref"]);
        Assert.Equal("#/$defs/Port", (string?)schema["properties"]!["c_port"]!["$ref"]);
        Assert.Equal(2, schema["$defs"]!.AsObject().Count);
    }

    [Theory]
    [InlineData("select_device_choice", "Select Device Choice")]
    [InlineData("ipv4_loopback", "Ipv4 Loopback")]
    [InlineData("a_port", "A Port")]
    [InlineData("userName", "Username")]
    [InlineData("v6ip_address", "V6Ip Address")]
    [InlineData("_private_", "Private")]
    public void Titles_are_generated_from_names_like_pydantic(string name, string title) =>
        Assert.Equal(title, (string?)FormSchema.ToJsonSchema(new FormPage("P", [new UuidField(name)]))["properties"]![name]!["title"]);

    [Fact]
    public void Duplicate_field_names_are_a_programming_error() =>
        Assert.Throws<ArgumentException>(() => FormSchema.ToJsonSchema(new FormPage("P", [new UuidField("x"), new TextField("x")])));
}
