using System.Net;
using Orchestrator.Domain.Catalogue;

namespace Orchestrator.Api.Tests;

public sealed class CatalogueEndpointTests(LocalHostFixture host) : IClassFixture<LocalHostFixture>
{
    [Fact]
    public async Task Health_answers_OK()
    {
        Assert.Equal("OK", (await host.GetJsonAsync("health/")).GetValue<string>());
    }

    [Fact]
    public async Task Products_lists_the_five_products_with_blocks_resource_types_and_fixed_inputs()
    {
        var products = (await host.GetJsonAsync("products/")).AsArray();

        Assert.Equal(["Circuit", "Node", "User Group", "User external", "User internal"],
            products.Select(p => p!["name"]!.GetValue<string>()).Order(StringComparer.Ordinal));
        var circuit = products.Single(p => p!["name"]!.GetValue<string>() == "Circuit")!;
        Assert.Equal("100G", circuit["fixed_inputs"]![0]!["value"]!.GetValue<string>());
        Assert.Equal(["Circuit", "Layer 3 Interface", "Port"], circuit["product_blocks"]!.AsArray().Select(b => b!["name"]!.GetValue<string>()));
        var port = circuit["product_blocks"]!.AsArray().Single(b => b!["name"]!.GetValue<string>() == "Port")!;
        Assert.Equal(["port_id", "port_description", "port_name"], port["resource_types"]!.AsArray().Select(r => r!["resource_type"]!.GetValue<string>()));
        Assert.Contains(circuit["workflows"]!.AsArray(), w => w!["name"]!.GetValue<string>() == "modify_note");
        Assert.Equal("active", circuit["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task Products_filter_by_tag_and_by_product_type()
    {
        var byTag = (await host.GetJsonAsync("products/?tag=USER_INT")).AsArray();
        var byType = (await host.GetJsonAsync("products/?product_type=User")).AsArray();

        Assert.Equal(["User internal"], byTag.Select(p => p!["name"]!.GetValue<string>()));
        Assert.Equal(2, byType.Count);
    }

    [Fact]
    public async Task One_product_by_id_and_an_unknown_or_malformed_id()
    {
        var id = DeterministicGuid.From("product:Node");

        var node = await host.GetJsonAsync($"products/{id}");
        using var unknown = await host.Http.GetAsync($"products/{Guid.NewGuid()}");
        using var malformed = await host.Http.GetAsync("products/not-a-uuid");

        Assert.Equal("Node", node["name"]!.GetValue<string>());
        await ProblemAssert.IsProblemAsync(unknown, HttpStatusCode.NotFound, "not found");
        await ProblemAssert.IsProblemAsync(malformed, HttpStatusCode.BadRequest, "product_id");
    }

    [Fact]
    public async Task Tags_types_and_statuses()
    {
        var tags = (await host.GetJsonAsync("products/tags/all")).AsArray().Select(t => t!.GetValue<string>());
        var types = (await host.GetJsonAsync("products/types/all")).AsArray().Select(t => t!.GetValue<string>());
        var statuses = (await host.GetJsonAsync("products/statuses/all")).AsArray().Select(t => t!.GetValue<string>());

        Assert.Equal(["Circuit", "GROUP", "Node", "USER_EXT", "USER_INT"], tags.Order(StringComparer.Ordinal));
        Assert.Equal(["Circuit", "Node", "User", "UserGroup"], types.Order(StringComparer.Ordinal));
        Assert.Equal(["active", "pre production", "phase out", "end of life"], statuses);
    }

    [Fact]
    public async Task Product_blocks_and_resource_types_by_list_and_by_id()
    {
        var blocks = (await host.GetJsonAsync("product_blocks/")).AsArray();
        var node = await host.GetJsonAsync($"product_blocks/{DeterministicGuid.From("product_block:Node")}");
        var resourceTypes = (await host.GetJsonAsync("resource_types/")).AsArray();
        var nodeName = await host.GetJsonAsync($"resource_types/{DeterministicGuid.From("resource_type:node_name")}");
        using var unknownBlock = await host.Http.GetAsync($"product_blocks/{Guid.NewGuid()}");
        using var badResourceType = await host.Http.GetAsync("resource_types/42");

        Assert.Equal(6, blocks.Count);
        Assert.Equal("Node", node["name"]!.GetValue<string>());
        Assert.Equal(5, node["resource_types"]!.AsArray().Count);
        Assert.Contains(resourceTypes, r => r!["resource_type"]!.GetValue<string>() == "v6_ip_address");
        Assert.Equal("Node Name", nodeName["description"]!.GetValue<string>());
        Assert.Equal("Node", nodeName["product_blocks"]![0]!["name"]!.GetValue<string>());
        await ProblemAssert.IsProblemAsync(unknownBlock, HttpStatusCode.NotFound, "Product block");
        await ProblemAssert.IsProblemAsync(badResourceType, HttpStatusCode.BadRequest, "resource_type_id");
    }

    [Fact]
    public async Task Workflows_filter_by_target_and_refuse_an_unknown_target()
    {
        var all = (await host.GetJsonAsync("workflows/")).AsArray();
        var modifies = (await host.GetJsonAsync("workflows/?target=MODIFY")).AsArray();
        using var bad = await host.Http.GetAsync("workflows/?target=DESTROY");

        Assert.Contains(all, w => w!["name"]!.GetValue<string>() == "task_validate_products" && w["is_task"]!.GetValue<bool>());
        Assert.All(modifies, w => Assert.Equal("MODIFY", w!["target"]!.GetValue<string>()));
        Assert.Contains(modifies, w => w!["name"]!.GetValue<string>() == "modify_note");
        Assert.DoesNotContain(modifies, w => w!["name"]!.GetValue<string>() == "task_validate_products");
        await ProblemAssert.IsProblemAsync(bad, HttpStatusCode.BadRequest, "target");
    }

    [Fact]
    public async Task Fixed_input_configuration_lists_speed_and_affiliation()
    {
        var configuration = await host.GetJsonAsync("fixed_inputs/configuration");

        var names = configuration["fixed_inputs"]!.AsArray().Select(f => f!["name"]!.GetValue<string>()).Order();
        Assert.Equal(["affiliation", "speed"], names);
        var affiliation = configuration["fixed_inputs"]!.AsArray().Single(f => f!["name"]!.GetValue<string>() == "affiliation")!;
        Assert.Equal(["external", "internal"], affiliation["values"]!.AsArray().Select(v => v!.GetValue<string>()).Order());
        Assert.True(configuration["by_tag"]!["Circuit"]![0]!["speed"]!.GetValue<bool>());
    }

    [Fact]
    public async Task An_unknown_route_is_a_404_in_the_error_format()
    {
        using var response = await host.Http.GetAsync("no-such-thing");
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.NotFound, "No route");
    }

    [Fact]
    public async Task A_browser_gui_on_another_origin_passes_the_cors_preflight()
    {
        using var preflight = new HttpRequestMessage(HttpMethod.Options, "subscriptions/");
        preflight.Headers.Add("Origin", "http://localhost:3000");
        preflight.Headers.Add("Access-Control-Request-Method", "GET");
        preflight.Headers.Add("Access-Control-Request-Headers", "if-none-match");

        using var response = await host.Http.SendAsync(preflight);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal("*", response.Headers.GetValues("Access-Control-Allow-Origin").Single());
    }
}
