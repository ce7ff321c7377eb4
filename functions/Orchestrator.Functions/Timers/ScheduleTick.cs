using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Orchestrator.Workflows.Engine;
using Orchestrator.Workflows.Scheduling;

namespace Orchestrator.Functions.Timers;

/// <summary>The scheduler's tick, once a minute by default (<c>Schedules:TickSchedule</c>, NCRONTAB with seconds).</summary>
public sealed class ScheduleTick(ScheduleTicker ticker, TimeProvider clock)
{
    [Function("ScheduleTick")]
    public async Task Run([TimerTrigger("%Schedules:TickSchedule%")] TimerInfo timer, [DurableClient] DurableTaskClient client, FunctionContext context)
    {
        using var _ = DurableClientAccess.Use(client);
        await ticker.TickAsync(clock.GetUtcNow(), client, context.CancellationToken);
    }
}
