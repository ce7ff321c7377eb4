using System.Text.Json.Nodes;
using Orchestrator.Api;

namespace Orchestrator.Functions.Tests;

/// <summary>The Functions app's generated functions.metadata against the route list the local host serves.</summary>
public class FunctionsMetadataTests
{
    static JsonArray Metadata()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "functions.metadata");
        Assert.True(File.Exists(path), $"functions.metadata was not generated at {path}; the Functions SDK build step did not run");
        return JsonNode.Parse(File.ReadAllText(path))!.AsArray();
    }

    static IEnumerable<(string Name, string Method, string Route)> HttpTriggers() =>
        from function in Metadata()
        from binding in function!["bindings"]!.AsArray()
        where binding!["type"]!.GetValue<string>() == "httpTrigger"
        from method in binding["methods"]!.AsArray()
        select (function["name"]!.GetValue<string>(), method!.GetValue<string>().ToUpperInvariant(), binding["route"]!.GetValue<string>());

    [Fact]
    public void Every_http_trigger_matches_a_route_of_the_local_host_and_the_other_way_round()
    {
        var functions = HttpTriggers().OrderBy(f => f.Name).ToList();
        var routes = ApiRoutes.All.Select(r => (Name: r.FunctionName, r.Method, Route: r.Template)).OrderBy(r => r.Name).ToList();

        Assert.Equal(routes, functions);
    }

    [Fact]
    public void Every_http_trigger_is_anonymous_so_the_access_seam_decides()
    {
        var levels = from function in Metadata()
                     from binding in function!["bindings"]!.AsArray()
                     where binding!["type"]!.GetValue<string>() == "httpTrigger"
                     select (function["name"]!.GetValue<string>(), binding["authLevel"]!.GetValue<string>());

        Assert.All(levels, l => Assert.Equal("Anonymous", l.Item2, ignoreCase: true));
    }
}
