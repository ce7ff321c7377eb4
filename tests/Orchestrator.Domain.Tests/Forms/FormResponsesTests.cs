using System.Text.Json.Nodes;
using Orchestrator.Domain.Forms;

namespace Orchestrator.Domain.Tests.Forms;

public class FormResponsesTests
{
    static readonly FormPage Page = new("Node", [new ChoiceField("select_device_choice", "Planned devices", [new("loc1-core", "loc1-core")])],
        HasNext: false);

    [Fact]
    public void Not_complete_body_carries_the_form_and_meta()
    {
        var body = FormResponses.NotComplete(Page);

        Assert.Equal(["type", "title", "status", "detail", "form", "meta"], body.Select(p => p.Key));
        Assert.Equal("FormNotCompleteError", (string?)body["type"]);
        Assert.Equal("Form not complete", (string?)body["title"]);
        Assert.Equal(510, (int?)body["status"]);
        Assert.True(JsonNode.DeepEquals(FormSchema.ToJsonSchema(Page), body["form"]));
        Assert.False((bool?)body["meta"]!["hasNext"]);
        Assert.False(string.IsNullOrEmpty((string?)body["detail"]));
    }

    [Fact]
    public void Invalid_body_lists_the_errors()
    {
        var result = FormValidator.Validate(Page, JsonNode.Parse("""{"select_device_choice":"nope","extra":[1]}"""));
        var body = FormResponses.Invalid(Page, result.Errors);

        Assert.Equal("FormValidationError", (string?)body["type"]);
        Assert.Equal("Form not valid", (string?)body["title"]);
        Assert.Equal(400, (int?)body["status"]);
        var detail = (string)body["detail"]!;
        Assert.StartsWith("2 validation errors for Node\nselect_device_choice\n  Input should be 'loc1-core' (type=enum; expected='loc1-core')",
            detail, StringComparison.Ordinal);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""
            [{"type":"enum","loc":["select_device_choice"],"msg":"Input should be 'loc1-core'","input":"nope","ctx":{"expected":"'loc1-core'"}},
             {"type":"extra_forbidden","loc":["extra"],"msg":"Extra inputs are not permitted","input":[1]}]
            """), body["validation_errors"]), body["validation_errors"]!.ToJsonString());
    }

    [Fact]
    public void Missing_errors_have_no_input_and_null_inputs_are_kept()
    {
        var page = new FormPage("P", [new TextField("a"), new TextField("b")]);
        var body = FormResponses.Invalid(page, FormValidator.Validate(page, JsonNode.Parse("""{"b":null}""")).Errors);
        var errors = body["validation_errors"]!.AsArray();

        Assert.False(errors[0]!.AsObject().ContainsKey("input"));
        Assert.True(errors[1]!.AsObject().ContainsKey("input"));
        Assert.Null(errors[1]!["input"]);
        Assert.StartsWith("2 validation errors for P", (string?)body["detail"], StringComparison.Ordinal);
    }

    [Fact]
    public void Too_many_pages_body()
    {
        var body = FormResponses.TooManyPages(3, 2);

        Assert.Equal("FormOverflowError", (string?)body["type"]);
        Assert.Equal(400, (int?)body["status"]);
        Assert.Contains("1 remaining", (string?)body["detail"], StringComparison.Ordinal);
    }

    [Fact]
    public void Bodies_serialise()
    {
        var result = FormValidator.Validate(Page, JsonNode.Parse("[]"));
        Assert.NotEmpty(FormResponses.Invalid(Page, result.Errors).ToJsonString());
        Assert.NotEmpty(FormResponses.NotComplete(Page).ToJsonString());
    }
}
