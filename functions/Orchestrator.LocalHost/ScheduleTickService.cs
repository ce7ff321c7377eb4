using Microsoft.DurableTask.Client;
using Orchestrator.Workflows.Scheduling;

namespace Orchestrator.LocalHost;

/// <summary>
/// The local host's scheduler: the same tick as the Functions timer, every <c>Schedules:TickPeriod</c> (default one minute).
/// <c>Schedules:Background=false</c> turns it off (tests call <see cref="ScheduleTicker"/> directly).
/// </summary>
public sealed class ScheduleTickService(ScheduleTicker ticker, DurableTaskClient client, IConfiguration configuration, TimeProvider clock,
    ILogger<ScheduleTickService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (configuration["Schedules:Background"] is "false" or "False") return;
        var period = TimeSpan.TryParse(configuration["Schedules:TickPeriod"], out var configured) && configured > TimeSpan.Zero
            ? configured : TimeSpan.FromMinutes(1);
        using var timer = new PeriodicTimer(period);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await ticker.TickAsync(clock.GetUtcNow(), client, stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "The schedule tick failed; the next one tries again");
            }
        }
    }
}
