using Orchestrator.Infra.Processes;

namespace Orchestrator.Reliability.Tests;

/// <summary>Azure Storage (Durable Task's queues and the process log) goes away for seconds in the middle of a burst.</summary>
public sealed class StorageFaultTests
{
    [Fact]
    public async Task Processes_go_on_after_storage_was_down_mid_burst_and_none_is_lost_or_left_running()
    {
        const int count = 30;
        using var azurite = new AzuriteProcess();
        await azurite.StartAsync();
        await using var stack = await ReliabilityStack.CreateAsync("storage-fault", azurite.ConnectionString);
        var host = await stack.StartHostAsync();
        var ids = await Task.WhenAll(Enumerable.Range(0, count).Select(_ => ReliabilityStack.StartProcessAsync(host, TestWorkflows.CreatesSubscription)));
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while ((await stack.Log.CountByStatusAsync(isTask: true)).GetValueOrDefault(ProcessStatus.Completed) < 3 && DateTime.UtcNow < deadline)
            await Task.Delay(100);

        await azurite.StopAsync();
        await Task.Delay(TimeSpan.FromSeconds(5));
        await azurite.StartAsync();
        var completedAfterOutage = (await stack.Log.CountByStatusAsync(isTask: true)).GetValueOrDefault(ProcessStatus.Completed);
        await stack.WaitForAsync(ids, TimeSpan.FromSeconds(150), ProcessStatus.Completed);

        Assert.True(completedAfterOutage < count, "every process had finished before the outage; the test proved nothing");
        Assert.False(host.HasExited, $"the host died in the outage:\n{host.Output}");
        foreach (var id in ids) await LogAssert.CreatedAndNotedOnceAsync(stack, id);
        Assert.Equal(count, (await stack.AllProcessIdsAsync()).Count);
        Assert.Equal(count, await stack.CountSubscriptionsAsync());
    }
}
