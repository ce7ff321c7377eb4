using Orchestrator.NetBox.Filters;
using Orchestrator.NetBox.Models;
using Orchestrator.NetBox.Requests;
using Orchestrator.NetBoxSimulator.Faults;

namespace Orchestrator.NetBox.Tests;

/// <summary>The "did it happen?" case: the write is applied, then the connection drops before the answer arrives.</summary>
public sealed class IdempotencyTests
{
    private static readonly CableCreate LocOneToLocTwo = new([CableTermination.Interface(37)], [CableTermination.Interface(110)], "planned");

    [Fact]
    public async Task A_cable_whose_answer_was_lost_is_found_by_its_marker_and_made_once()
    {
        await using var netbox = await NetBoxFixture.StartAsync();
        var marker = IdempotencyMarker.For("process-1", "6:Create Circuit in Netbox");
        await netbox.Client.EnsureTagAsync(marker);
        netbox.Fault(new FaultSettings { DropAfterWriteCount = 1 });

        var cable = await netbox.Client.EnsureCableAsync(marker, LocOneToLocTwo);
        var retriedStep = await netbox.Client.EnsureCableAsync(marker, LocOneToLocTwo);

        Assert.Equal(0, netbox.Simulator.Faults.Current.DropAfterWriteCount); // the cable's answer really was dropped
        Assert.Equal(cable.Id, retriedStep.Id);
        Assert.Equal(1, netbox.Writes("POST /api/dcim/cables/"));
        Assert.Single(await netbox.Client.ListCablesAsync(new CableFilter(Tag: marker.Slug)));
        Assert.Single(await netbox.Client.ListCablesAsync());
    }

    [Fact]
    public async Task Lost_answers_for_both_the_tag_and_the_object_still_leave_one_of_each()
    {
        await using var netbox = await NetBoxFixture.StartAsync();
        var marker = IdempotencyMarker.For("process-1", "4:Reserve IPs in Netbox", "p64");
        netbox.Fault(new FaultSettings { DropAfterWriteCount = 2 });

        var prefix = await netbox.Client.EnsureAvailablePrefixAsync(3, marker, new AvailablePrefixRequest(64, IsPool: true));

        Assert.Equal(0, netbox.Simulator.Faults.Current.DropAfterWriteCount);
        Assert.Equal("2001:db8:10::/64", prefix.Prefix);
        Assert.Equal(1, netbox.Writes("POST /api/extras/tags/"));
        Assert.Equal(1, netbox.Writes("POST /api/ipam/prefixes/3/available-prefixes/"));
        Assert.Single(await netbox.Client.ListPrefixesAsync(new PrefixFilter(Within: "2001:db8:10::/44")));
    }

    [Fact]
    public async Task An_address_whose_answer_was_lost_is_not_allocated_twice()
    {
        await using var netbox = await NetBoxFixture.StartAsync();
        var p64 = await netbox.Client.EnsureAvailablePrefixAsync(3, IdempotencyMarker.For("p", "4", "p64"), new AvailablePrefixRequest(64));
        var marker = IdempotencyMarker.For("p", "4", "ip-a");
        await netbox.Client.EnsureTagAsync(marker);
        netbox.Fault(new FaultSettings { DropAfterWriteCount = 1 });

        var ip = await netbox.Client.EnsureAvailableIpAsync(p64.Id, marker, AvailableIpRequest.ForInterface(37));
        var again = await netbox.Client.EnsureAvailableIpAsync(p64.Id, marker, AvailableIpRequest.ForInterface(37));

        Assert.Equal(0, netbox.Simulator.Faults.Current.DropAfterWriteCount);
        Assert.Equal(ip.Id, again.Id);
        Assert.Single(await netbox.Client.ListIpAddressesAsync(new IpAddressFilter(Parent: p64.Prefix)));
    }

    [Fact]
    public async Task A_create_that_was_not_applied_stays_transient_and_the_next_run_makes_it_once()
    {
        await using var netbox = await NetBoxFixture.StartAsync();
        var marker = IdempotencyMarker.For("process-1", "6");
        await netbox.Client.EnsureTagAsync(marker);
        netbox.Fault(new FaultSettings { FailNextWrites = 1 });

        await Assert.ThrowsAsync<NetBoxTransientException>(() => netbox.Client.EnsureCableAsync(marker, LocOneToLocTwo));
        var requestsAfterFailure = netbox.Requests("POST /api/dcim/cables/");
        var cable = await netbox.Client.EnsureCableAsync(marker, LocOneToLocTwo);

        Assert.Equal(1, requestsAfterFailure);
        Assert.Equal(1, netbox.Writes("POST /api/dcim/cables/"));
        Assert.Equal(37, cable.ATerminations.Single().ObjectId);
    }

    [Fact]
    public void Markers_are_stable_per_process_step_and_item_and_valid_NetBox_slugs()
    {
        var marker = IdempotencyMarker.For("6f1c", "4:Reserve IPs in Netbox", "member-0");

        Assert.Equal(marker, IdempotencyMarker.For("6f1c", "4:Reserve IPs in Netbox", "member-0"));
        Assert.NotEqual(marker.Slug, IdempotencyMarker.For("6f1c", "4:Reserve IPs in Netbox", "member-1").Slug);
        Assert.NotEqual(marker.Slug, IdempotencyMarker.For("6f1d", "4:Reserve IPs in Netbox", "member-0").Slug);
        Assert.Matches("^orchestrator-[0-9a-f]{24}$", marker.Slug);
        Assert.Contains("process 6f1c", marker.Description);
    }
}
