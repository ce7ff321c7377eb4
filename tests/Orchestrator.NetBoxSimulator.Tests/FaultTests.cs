using System.Net.Http.Json;

namespace Orchestrator.NetBoxSimulator.Tests;

public sealed class FaultTests
{
    [Fact]
    public async Task Drop_after_write_applies_the_write_then_breaks_the_connection()
    {
        await using var sim = await SimulatorFixture.StartAsync();
        await sim.Http.PostAsJsonAsync("/__admin/faults", new { drop_after_write_count = 1 });

        await Assert.ThrowsAsync<HttpRequestException>(() => sim.PostAsync("/api/dcim/cables/", SimulatorFixture.Cable(37, 110)));
        var cables = await sim.GetJsonAsync("/api/dcim/cables/");
        var (second, _) = await sim.PostAsync("/api/dcim/cables/", SimulatorFixture.Cable(38, 111));

        Assert.Equal(1, cables["count"]!.GetValue<int>());
        Assert.Equal(201, second);
        Assert.Equal(2, sim.Simulator.Stats.Writes["POST /api/dcim/cables/"]);
    }

    [Fact]
    public async Task Outage_answers_503_until_reset_and_reset_reseeds()
    {
        await using var sim = await SimulatorFixture.StartAsync();
        await sim.PostAsync("/api/dcim/cables/", SimulatorFixture.Cable(37, 110));
        await sim.Http.PostAsJsonAsync("/__admin/faults", new { outage = true });

        var (during, _) = await sim.SendAsync(HttpMethod.Get, "/api/dcim/devices/");
        using var reset = await sim.Http.PostAsync("/__admin/reset", null);
        var cables = await sim.GetJsonAsync("/api/dcim/cables/");

        Assert.Equal(503, during);
        Assert.Equal(204, (int)reset.StatusCode);
        Assert.Equal(0, cables["count"]!.GetValue<int>());
    }

    [Fact]
    public async Task Fail_next_requests_fails_exactly_that_many_and_latency_delays()
    {
        await using var sim = await SimulatorFixture.StartAsync();
        await sim.Http.PostAsJsonAsync("/__admin/faults", new { fail_next_requests = 2, latency_ms = 150 });

        var started = DateTime.UtcNow;
        var statuses = new List<int>();
        for (var i = 0; i < 3; i++) statuses.Add((await sim.SendAsync(HttpMethod.Get, "/api/dcim/sites/")).Status);

        Assert.Equal([503, 503, 200], statuses);
        Assert.True(DateTime.UtcNow - started >= TimeSpan.FromMilliseconds(440));
    }

    [Fact]
    public async Task Stats_count_requests_and_applied_writes_per_path()
    {
        await using var sim = await SimulatorFixture.StartAsync();

        await sim.SendAsync(HttpMethod.Patch, "/api/dcim/devices/7/", new { status = "active" });
        await sim.SendAsync(HttpMethod.Patch, "/api/dcim/devices/7/", new { status = "bogus" });
        var stats = await sim.GetJsonAsync("/__admin/stats");

        Assert.Equal(2, stats["requests"]!["PATCH /api/dcim/devices/7/"]!.GetValue<int>());
        Assert.Equal(1, stats["writes"]!["PATCH /api/dcim/devices/7/"]!.GetValue<int>());
    }
}
