using System.Text.Json.Nodes;
using Orchestrator.Domain.Forms;

namespace Orchestrator.Domain.Tests.Forms;

public class FormRunnerTests
{
    const string KnownProduct = "6f9619ff-8b86-d011-b42d-00cf4fc964ff";

    static readonly FormPage ProductPage = new("Create Node", [new UuidField("product")]);

    static FormPage DevicePage(string site) =>
        new("Node", [new ChoiceField("select_device_choice", "Planned devices", [new($"{site}-core", $"{site}-core"), new($"{site}-edge", $"{site}-edge")])],
            HasNext: false);

    /// <summary>Page 1: product and site; page 2: a device at that site. Returns both pages' values, once.</summary>
    static async Task<JsonObject> CreateNode(FormSession session)
    {
        var first = await session.AskAsync(ProductPage with { Fields = [new UuidField("product"), new TextField("site")] });
        if ((string?)first["product"] != KnownProduct)
            throw session.Invalid("product", "Product not found");
        var second = await session.AskAsync(DevicePage((string)first["site"]!));
        var result = new JsonObject();
        foreach (var (key, value) in first.Concat(second).ToList())
            result[key] = value?.DeepClone();
        return result;
    }

    static JsonObject Page1 => new() { ["product"] = KnownProduct.ToUpperInvariant(), ["site"] = "loc1" };

    [Fact]
    public async Task No_pages_gives_page_one()
    {
        var outcome = Assert.IsType<FormOutcome.NotComplete>(await FormRunner.RunAsync(CreateNode, []));
        Assert.Equal("Create Node", outcome.Page.Title);
    }

    [Fact]
    public async Task Page_one_gives_page_two_whose_choices_depend_on_it()
    {
        var outcome = Assert.IsType<FormOutcome.NotComplete>(await FormRunner.RunAsync(CreateNode, [Page1]));

        var choice = Assert.IsType<ChoiceField>(Assert.Single(outcome.Page.Fields));
        Assert.Equal(["loc1-core", "loc1-edge"], choice.Choices.Select(c => c.Value));
        Assert.False(outcome.Page.HasNext);
    }

    [Fact]
    public async Task An_invalid_page_two_is_reported_alone_and_page_one_is_not_lost()
    {
        var bad = new JsonObject { ["select_device_choice"] = "loc9-core" };
        var invalid = Assert.IsType<FormOutcome.Invalid>(await FormRunner.RunAsync(CreateNode, [Page1, bad]));

        Assert.Equal("Node", invalid.Page.Title);
        var error = Assert.Single(invalid.Errors);
        Assert.Equal(["select_device_choice"], error.Loc);
        Assert.Equal("enum", error.Type);

        var good = new JsonObject { ["select_device_choice"] = "loc1-edge" };
        var complete = Assert.IsType<FormOutcome.Complete>(await FormRunner.RunAsync(CreateNode, [Page1, good]));
        Assert.True(JsonNode.DeepEquals(
            JsonNode.Parse($$"""{"product":"{{KnownProduct}}","site":"loc1","select_device_choice":"loc1-edge"}"""), complete.Values),
            complete.Values.ToJsonString());
    }

    [Fact]
    public async Task An_invalid_page_one_is_reported_even_when_later_pages_are_sent()
    {
        var invalid = Assert.IsType<FormOutcome.Invalid>(
            await FormRunner.RunAsync(CreateNode, [new JsonObject { ["product"] = "x", ["site"] = "loc1" }, new JsonObject()]));
        Assert.Equal(["product"], Assert.Single(invalid.Errors).Loc);
    }

    [Fact]
    public async Task Too_many_pages()
    {
        var good = new JsonObject { ["select_device_choice"] = "loc1-edge" };
        var outcome = Assert.IsType<FormOutcome.TooManyPages>(await FormRunner.RunAsync(CreateNode, [Page1, good, new JsonObject()]));
        Assert.Equal(3, outcome.Submitted);
        Assert.Equal(2, outcome.Consumed);
    }

    [Fact]
    public async Task A_check_of_the_generator_is_reported_against_the_page_it_asked()
    {
        var page1 = new JsonObject { ["product"] = Guid.NewGuid().ToString(), ["site"] = "loc1" };
        var invalid = Assert.IsType<FormOutcome.Invalid>(await FormRunner.RunAsync(CreateNode, [page1]));

        Assert.Equal("Create Node", invalid.Page.Title);
        var error = Assert.Single(invalid.Errors);
        Assert.Equal(["product"], error.Loc);
        Assert.Equal("Product not found", error.Msg);
        Assert.Equal("value_error", error.Type);
        Assert.Equal((string?)page1["product"], (string?)error.Input);
    }

    [Fact]
    public async Task A_form_without_pages_is_complete_at_once_and_too_full_with_one()
    {
        FormGenerator none = _ => Task.FromResult(new JsonObject { ["x"] = 1 });
        Assert.IsType<FormOutcome.Complete>(await FormRunner.RunAsync(none, []));
        Assert.IsType<FormOutcome.TooManyPages>(await FormRunner.RunAsync(none, [new JsonObject()]));
    }

    [Fact]
    public async Task Session_counts_the_pages_consumed()
    {
        var session = new FormSession([new JsonObject { ["b"] = true }]);
        Assert.Equal(0, session.PagesConsumed);
        var values = await session.AskAsync(new FormPage("P", [new BooleanField("b")]));
        Assert.True((bool?)values["b"]);
        Assert.Equal(1, session.PagesConsumed);
        var notComplete = await Assert.ThrowsAsync<FormNotCompleteException>(() => session.AskAsync(new FormPage("Q", [])));
        Assert.Equal("Q", notComplete.Page.Title);
    }

    [Fact]
    public async Task Session_reports_an_invalid_page_as_an_exception()
    {
        var session = new FormSession([new JsonObject { ["b"] = "nope" }]);
        var e = await Assert.ThrowsAsync<FormValidationException>(() => session.AskAsync(new FormPage("P", [new BooleanField("b")])));
        Assert.Equal("bool_parsing", Assert.Single(e.Errors).Type);
        Assert.StartsWith("1 validation error for P", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Invalid_before_any_page_is_a_programming_error() =>
        Assert.Throws<InvalidOperationException>(() => new FormSession([]).Invalid("x", "no"));

    [Fact]
    public async Task Other_exceptions_of_the_generator_propagate()
    {
        FormGenerator broken = _ => throw new TimeoutException("NetBox is down");
        await Assert.ThrowsAsync<TimeoutException>(() => FormRunner.RunAsync(broken, []));
    }
}
