using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Orchestrator.Infra.Cosmos;
using Orchestrator.Infra.Processes;

namespace Orchestrator.Api.Tests.Fuzz;

/// <summary>
/// 1,000+ generated hostile bodies (fixed seeds) to every endpoint that takes a form or a body, through the local host:
/// no 5xx, every 4xx in the API's error format, and nothing in the stores changed by a request that was refused.
/// </summary>
public sealed class BodyFuzzTests(LocalHostFixture host) : IClassFixture<LocalHostFixture>
{
    const int BodiesPerEndpoint = 1_040;
    const string TwoPages = """[{"name":"ada"},{"count":2,"colour":"green"}]""";
    const string Confirm = """[{"confirmed":"ACCEPTED","remark":"ok"}]""";

    [Theory]
    [InlineData(TestWorkflows.TwoPages, TwoPages, 1)]
    [InlineData(TestWorkflows.Conditional, """[{"run_optional":true}]""", 2)]
    [InlineData("modify_note", "modify_note", 3)]
    public async Task Start_refuses_hostile_forms_cleanly(string workflow, string valid, int seed)
    {
        if (valid == "modify_note") valid = $$"""[{"subscription_id":"{{host.NodeA.SubscriptionId}}"},{"note":"fuzzed"}]""";
        var before = await CountsAsync();

        var accepted = await FuzzAsync(HttpMethod.Post, _ => $"processes/{workflow}", JsonNode.Parse(valid)!, seed, HttpStatusCode.Created);

        Assert.Equal(before with { Processes = before.Processes + accepted }, await CountsAsync());
    }

    [Fact]
    public async Task Resume_refuses_hostile_forms_and_the_process_keeps_waiting()
    {
        var waiting = await SuspendedAsync();
        var before = await CountsAsync();
        var started = 0;

        var accepted = await FuzzAsync(HttpMethod.Put, _ => $"processes/{waiting}/resume", JsonNode.Parse(Confirm)!, 4, HttpStatusCode.NoContent,
            async () =>
            {
                waiting = await SuspendedAsync();   // an accepted answer moved the process on: fuzz a fresh one
                Interlocked.Increment(ref started);
            });

        Assert.Equal(accepted, started);
        Assert.Equal(before with { Processes = before.Processes + started }, await CountsAsync());
        Assert.Equal(ProcessStatus.Suspended, (await Log.GetAsync(waiting))!.LastStatus);
    }

    [Fact]
    public async Task Settings_refuse_hostile_bodies_and_the_engine_stays_unlocked()
    {
        var before = await CountsAsync();

        await FuzzAsync(HttpMethod.Put, _ => "settings/status", JsonNode.Parse("""{"global_lock":false}""")!, 5, HttpStatusCode.OK,
            skip: body => IsValidLock(body.Bytes));

        Assert.Equal(before, await CountsAsync());
        Assert.False((await host.GetJsonAsync("settings/status"))["global_lock"]!.GetValue<bool>());
    }

    [Theory]
    [InlineData(3)]
    [InlineData(8)]
    public async Task A_body_of_several_megabytes_is_a_413_and_reaches_nothing(int megabytes)
    {
        var before = await CountsAsync();
        var body = FuzzBodies.SeveralMegabytes(megabytes);

        using var withLength = await FuzzAssert.SendAsync(host.Http, HttpMethod.Post, $"processes/{TestWorkflows.TwoPages}", body);
        using var chunked = await host.Http.PostAsync($"processes/{TestWorkflows.TwoPages}", new ChunkedContent(body.Bytes));

        await ProblemAssert.IsProblemAsync(withLength, HttpStatusCode.RequestEntityTooLarge, "larger than");
        await ProblemAssert.IsProblemAsync(chunked, HttpStatusCode.RequestEntityTooLarge, "larger than");
        Assert.Equal(before, await CountsAsync());
    }

    /// <summary>
    /// Durable Task sees only ids and names: a start body just under the cap leaves the orchestration input and custom status
    /// at a few hundred bytes (custom status may be 16 KB, queue messages 64 KB); just over the cap it is a 413.
    /// </summary>
    [Fact]
    public async Task A_body_just_under_the_cap_keeps_the_durable_messages_small_and_one_byte_over_is_a_413()
    {
        var padding = new string(' ', Http.RequestBody.MaxBytes - TwoPages.Length);
        using var under = await host.Http.PostAsync($"processes/{TestWorkflows.TwoPages}", new StringContent(TwoPages + padding, Encoding.UTF8, "application/json"));
        using var over = await host.Http.PostAsync($"processes/{TestWorkflows.TwoPages}", new StringContent(TwoPages + padding + " ", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.Created, under.StatusCode);
        var id = JsonNode.Parse(await under.Content.ReadAsStringAsync())!["id"]!.GetValue<string>();
        var durable = await DurableStatusWhenSuspendedAsync(id);

        await ProblemAssert.IsProblemAsync(over, HttpStatusCode.RequestEntityTooLarge, "larger than");
        Assert.True(durable["input"]!.ToJsonString().Length < 512, durable["input"]!.ToJsonString());
        Assert.True(durable["customStatus"]!.ToJsonString().Length < 512, durable["customStatus"]!.ToJsonString());
    }

    ProcessLog Log => host.Services.GetRequiredService<ProcessLog>();

    /// <summary>Sends the bodies; returns how many were accepted (answered <paramref name="acceptedStatus"/>).</summary>
    async Task<int> FuzzAsync(HttpMethod method, Func<FuzzBody, string> path, JsonNode valid, int seed, HttpStatusCode acceptedStatus,
        Func<Task>? afterAccepted = null, Func<FuzzBody, bool>? skip = null, int parallelism = 4)
    {
        var failures = new ConcurrentBag<string>();
        var accepted = 0;
        var sent = 0;
        var bodies = FuzzBodies.Generate(valid, 2 * BodiesPerEndpoint, seed).Where(b => skip?.Invoke(b) != true).Take(BodiesPerEndpoint).ToList();
        await Parallel.ForEachAsync(bodies, new ParallelOptions { MaxDegreeOfParallelism = parallelism }, async (body, _) =>
        {
            using var response = await FuzzAssert.SendAsync(host.Http, method, path(body), body);
            Interlocked.Increment(ref sent);
            if (await FuzzAssert.ProblemWithAsync(response) is { } problem) failures.Add($"[{body.Kind}] {body.Preview} -> {problem}");
            else if (response.StatusCode == acceptedStatus)
            {
                Interlocked.Increment(ref accepted);
                if (afterAccepted is not null) await afterAccepted();
            }
        });
        Assert.True(sent >= 1_000, $"only {sent} bodies sent");
        Assert.True(failures.IsEmpty, $"{failures.Count} of {sent} answers were wrong:\n" + string.Join("\n", failures.Take(10)));
        return accepted;
    }

    static bool IsValidLock(byte[] bytes)
    {
        try
        {
            return JsonNode.Parse(Encoding.UTF8.GetString(bytes)) is JsonObject o && o["global_lock"] is JsonValue v && v.TryGetValue<bool>(out _);
        }
#pragma warning disable CA1031 // anything that does not parse is not a valid lock
        catch (Exception)
#pragma warning restore CA1031
        {
            return false;
        }
    }

    async Task<Guid> SuspendedAsync()
    {
        using var created = await host.Http.PostAsync($"processes/{TestWorkflows.TwoPages}", new StringContent(TwoPages, Encoding.UTF8, "application/json"));
        var id = JsonNode.Parse(await created.Content.ReadAsStringAsync())!["id"]!.GetValue<string>();
        await DurableStatusWhenSuspendedAsync(id);
        return Guid.Parse(id);
    }

    async Task<JsonNode> DurableStatusWhenSuspendedAsync(string id)
    {
        for (var i = 0; i < 300; i++)
        {
            if ((await Log.GetAsync(Guid.Parse(id)))?.LastStatus == ProcessStatus.Suspended)
            {
                using var status = await host.Http.GetAsync($"processes/{id}/status");
                var body = JsonNode.Parse(await status.Content.ReadAsStringAsync())!;
                if (body["customStatus"] is JsonObject) return body;
            }
            await Task.Delay(100);
        }
        throw new TimeoutException($"process {id} did not suspend");
    }

    sealed record Counts(int Processes, int Subscriptions);

    async Task<Counts> CountsAsync()
    {
        var processes = (await Log.CountByStatusAsync(isTask: true)).Values.Sum() + (await Log.CountByStatusAsync(isTask: false)).Values.Sum();
        var container = host.Services.GetRequiredService<CosmosContainers>().Subscriptions;
        using var iterator = container.GetItemQueryIterator<int>("SELECT VALUE COUNT(1) FROM c");
        var subscriptions = 0;
        while (iterator.HasMoreResults) subscriptions += (await iterator.ReadNextAsync()).Sum();
        return new Counts(processes, subscriptions);
    }

    /// <summary>A body without Content-Length, so the cap has to be enforced while reading.</summary>
    sealed class ChunkedContent(byte[] bytes) : HttpContent
    {
        protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) => stream.WriteAsync(bytes).AsTask();

        protected override bool TryComputeLength(out long length)
        {
            length = -1;
            return false;
        }
    }
}
