using System.Net;
using System.Text;

namespace Orchestrator.Api.Tests.Fuzz;

/// <summary>Ids in paths that are malformed, unknown, or of another kind: each a clear 4xx in the API's error format.</summary>
public sealed class PathIdTests(LocalHostFixture host) : IClassFixture<LocalHostFixture>
{
    static readonly string[] Malformed = ["abc", "1", "00000000-0000-0000-0000", "%00", "%E2%80%AE", "..%2F..%2Fetc", new string('9', 2000), "{id}", "' or 1=1 --"];

    static readonly (string Method, string Template)[] Routes =
    [
        ("GET", "processes/{0}"), ("GET", "processes/{0}/status"), ("PUT", "processes/{0}/resume"), ("PUT", "processes/{0}/abort"),
        ("DELETE", "processes/{0}"), ("POST", "processes/{0}/callback/secret"), ("GET", "subscriptions/domain-model/{0}"),
        ("GET", "subscriptions/in_use_by/{0}"), ("GET", "subscriptions/depends_on/{0}"), ("GET", "subscriptions/workflows/{0}"),
        ("PUT", "subscriptions/{0}/set_in_sync"), ("GET", "processes/process-subscriptions-by-subscription-id/{0}"),
        ("GET", "products/{0}"), ("GET", "product_blocks/{0}"), ("GET", "resource_types/{0}"),
    ];

    [Fact]
    public async Task Malformed_ids_are_4xx_problems_on_every_route()
    {
        var failures = new List<string>();
        foreach (var (method, template) in Routes)
            foreach (var id in Malformed)
                await CheckAsync(method, string.Format(System.Globalization.CultureInfo.InvariantCulture, template, id), failures);
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public async Task Unknown_ids_and_ids_of_another_kind_are_404s()
    {
        using var started = await host.Http.PostAsync($"processes/{TestWorkflows.Conditional}", new StringContent("""[{"run_optional":false}]""", Encoding.UTF8, "application/json"));
        var processId = System.Text.Json.Nodes.JsonNode.Parse(await started.Content.ReadAsStringAsync())!["id"]!.GetValue<string>();
        var subscriptionId = host.NodeA.SubscriptionId.ToString();
        var failures = new List<string>();

        foreach (var (method, template) in Routes)
        {
            var otherKind = template.StartsWith("processes/process-subscriptions", StringComparison.Ordinal) ? null
                : template.StartsWith("processes", StringComparison.Ordinal) ? subscriptionId : processId;
            foreach (var id in new[] { Guid.NewGuid().ToString(), otherKind })
                if (id is not null) await CheckAsync(method, string.Format(System.Globalization.CultureInfo.InvariantCulture, template, id), failures, expectNotFound: true);
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    async Task CheckAsync(string method, string path, List<string> failures, bool expectNotFound = false)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), path) { Content = new StringContent("{}", Encoding.UTF8, "application/json") };
        using var response = await host.Http.SendAsync(request);
        var status = (int)response.StatusCode;
        if (expectNotFound && response.StatusCode != HttpStatusCode.NotFound && !(path.StartsWith("processes/process-subscriptions", StringComparison.Ordinal) && response.IsSuccessStatusCode))
            failures.Add($"{method} {path} -> {status}, expected 404");
        else if (!expectNotFound && status is < 400 or >= 500)
            failures.Add($"{method} {path} -> {status}, expected a 4xx");
        else if (path.Contains("%00", StringComparison.Ordinal) && status == 400 && (await response.Content.ReadAsStringAsync()).Length == 0)
            return;   // Kestrel refuses a NUL in the path before any middleware runs, with an empty 400
        else if (status >= 400 && await FuzzAssert.ProblemWithAsync(response) is { } problem)
            failures.Add($"{method} {path} -> {problem}");
    }
}
