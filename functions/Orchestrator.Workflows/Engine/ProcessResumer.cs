using Orchestrator.Infra.Processes;

namespace Orchestrator.Workflows.Engine;

/// <summary>
/// Resumes a parked process (failed, waiting, api_unavailable, inconsistent_data): moves its row to resumed with If-Match,
/// so only one resumer wins, then raises the retry event of its current wait. Used by PUT /resume, resume-all and
/// task_resume_workflows. The wait token stays on the row, so a resume that crashed after the row change can be repeated.
/// </summary>
public sealed class ProcessResumer(ProcessLog log, DurableClientAccess durable, TimeProvider clock)
{
    public static readonly IReadOnlySet<string> Retryable =
        new HashSet<string> { ProcessStatus.Failed, ProcessStatus.Waiting, ProcessStatus.ApiUnavailable, ProcessStatus.InconsistentData };

    /// <summary>True when this call resumed the process; false when it was not parked or another request resumed it first.</summary>
    public async Task<bool> RetryAsync(ProcessRecord process, CancellationToken ct)
    {
        if (!Retryable.Contains(process.LastStatus) || process.WaitToken is not { } token) return false;
        if (!await MarkResumedAsync(process, ct)) return false;
        await durable.Client.RaiseEventAsync(process.ProcessId.ToString(), EngineEvents.Retry(token), "", ct);
        return true;
    }

    public async Task<bool> MarkResumedAsync(ProcessRecord process, CancellationToken ct)
    {
        try
        {
            await log.UpdateAsync(process with { LastStatus = ProcessStatus.Resumed, LastModifiedAt = clock.GetUtcNow() }, ct);
            return true;
        }
        catch (ProcessConflictException)
        {
            return false;
        }
    }

    /// <summary>Every process in one of <paramref name="statuses"/>, read in full (the list carries index rows only).</summary>
    public async Task<List<ProcessRecord>> FindAsync(IEnumerable<string> statuses, bool? isTask, CancellationToken ct)
    {
        var found = new List<ProcessRecord>();
        foreach (var status in statuses)
        {
            string? token = null;
            do
            {
                var page = await log.ListAsync(new ProcessQuery { Status = status, IsTask = isTask, Take = 1000, ContinuationToken = token }, ct);
                foreach (var item in page.Items)
                    if (await log.GetAsync(item.ProcessId, ct) is { } process && process.LastStatus == status) found.Add(process);
                token = page.ContinuationToken;
            } while (token is not null);
        }
        return found;
    }
}
