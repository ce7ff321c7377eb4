using Orchestrator.Api.Tests.NodeWorkflows;

namespace Orchestrator.Api.Tests.Schedules;

/// <summary>The node host with validation batches of two, run two at a time: every batch boundary is a continue-as-new.</summary>
public sealed class SmallBatchNodeHostFixture : NodeHostFixture
{
    protected override IReadOnlyDictionary<string, string?> ExtraSettings { get; } = new Dictionary<string, string?>
    {
        ["Tasks:ValidationConcurrency"] = "2",
        ["Tasks:ValidationBatchSize"] = "2",
    };
}

/// <summary>
/// task_validate_subscriptions across many generations: the children still running when a batch is all started go on into
/// the next generation, and each is counted exactly once.
/// </summary>
public sealed class SmallBatchValidationRunTests(SmallBatchNodeHostFixture host) : IClassFixture<SmallBatchNodeHostFixture>
{
    [Fact]
    public async Task Children_running_at_a_batch_boundary_are_counted_once_in_the_next_generation()
    {
        var created = await Task.WhenAll(Enumerable.Range(7, 5).Select(device => host.CreateNodeAsync(device)));
        await host.PatchDeviceAsync(9, """{"name":"loc3-core-renamed"}""");

        var task = await host.StartAsync("task_validate_subscriptions", "[{}]");
        var detail = await host.WaitForAsync(task, "completed", "failed");

        Assert.True(detail["last_status"]!.GetValue<string>() == "completed", detail["failed_reason"]?.ToJsonString());
        var state = detail["current_state"]!;
        Assert.Equal(5, state["validated"]!.GetValue<int>());
        Assert.Equal(4, state["in_sync"]!.GetValue<int>());
        Assert.Equal(1, state["inconsistent"]!.GetValue<int>());
        Assert.Equal(0, state["skipped"]!.GetValue<int>());
        Assert.Equal([created[2]], state["inconsistent_subscription_ids"]!.AsArray().Select(n => n!.GetValue<string>()));
        Assert.InRange(state["peak_concurrency"]!.GetValue<int>(), 1, 2);
        foreach (var subscription in created)
            Assert.Single((await host.GetJsonAsync($"processes/?subscription={subscription}&target=VALIDATE")).AsArray());
    }
}
