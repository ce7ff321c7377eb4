using Orchestrator.Domain.Products.ProductTypes;
using Orchestrator.Domain.Subscriptions;
using static Orchestrator.Testing.Samples;

namespace Orchestrator.Domain.Tests;

public class LifecycleRulesTests
{
    [Fact]
    public void An_empty_node_cannot_be_provisioning_and_the_error_names_every_missing_field()
    {
        var node = NewSubscription(Node.ProductName);

        var error = Assert.Throws<MissingFieldsException>(() => node.ChangeStatus(SubscriptionLifecycle.Provisioning, Snapshot, Now, []));

        Assert.Equal(["node.node_id", "node.node_name", "node.node_status", "node.ipv4_loopback", "node.ipv6_loopback"], error.Fields);
        Assert.Contains("node.ipv4_loopback", error.Message);
        Assert.Equal(SubscriptionLifecycle.Initial, node.Status);
    }

    [Fact]
    public void A_filled_node_becomes_active_and_gets_its_start_date_once()
    {
        var node = ProvisionedNode();
        node.ChangeStatus(SubscriptionLifecycle.Provisioning, Snapshot, Now, []);
        node.ChangeStatus(SubscriptionLifecycle.Active, Snapshot, Now, []);
        node.ChangeStatus(SubscriptionLifecycle.Provisioning, Snapshot, Now.AddDays(1), []);
        node.ChangeStatus(SubscriptionLifecycle.Active, Snapshot, Now.AddDays(2), []);

        Assert.Equal(SubscriptionLifecycle.Active, node.Status);
        Assert.Equal(Now, node.StartDate);
        Assert.Null(node.EndDate);
    }

    [Fact]
    public void Terminating_sets_the_end_date_and_terminated_is_final()
    {
        var node = ActiveNode();
        node.ChangeStatus(SubscriptionLifecycle.Terminated, Snapshot, Now.AddDays(3), []);

        Assert.Equal(Now.AddDays(3), node.EndDate);
        Assert.Throws<InvalidStatusTransitionException>(() => node.ChangeStatus(SubscriptionLifecycle.Active, Snapshot, Now, []));
    }

    [Fact]
    public void A_circuit_may_be_provisioning_without_its_cable_id_but_not_active()
    {
        var circuit = CircuitBetween(ActiveNode(), ActiveNode("loc2-core", 8));
        circuit.Block("circuit").Set(Snapshot, "circuit_id", null);

        circuit.ChangeStatus(SubscriptionLifecycle.Provisioning, Snapshot, Now, []);
        var error = Assert.Throws<MissingFieldsException>(() => circuit.ChangeStatus(SubscriptionLifecycle.Active, Snapshot, Now, []));

        Assert.Equal(["circuit.circuit_id"], error.Fields);
    }

    [Fact]
    public void A_missing_member_field_is_named_with_its_index()
    {
        var circuit = CircuitBetween(ActiveNode(), ActiveNode("loc2-core", 8));
        circuit.Block("circuit").Child("members", 1).Child("port").Refer("node", null);

        var error = Assert.Throws<MissingFieldsException>(() => circuit.ChangeStatus(SubscriptionLifecycle.Provisioning, Snapshot, Now, []));

        Assert.Equal(["circuit.members[1].port.node"], error.Fields);
    }

    [Fact]
    public void A_node_in_use_by_an_active_circuit_cannot_be_terminated()
    {
        var node = ActiveNode();
        var circuit = CircuitBetween(node, ActiveNode("loc2-core", 8));

        var error = Assert.Throws<UnsafeStatusChangeException>(() =>
            node.ChangeStatus(SubscriptionLifecycle.Terminated, Snapshot, Now, [(circuit.SubscriptionId, SubscriptionLifecycle.Active)]));

        Assert.Equal([circuit.SubscriptionId], error.BlockingSubscriptions);
        Assert.StartsWith("Unsafe status change of Subscription with depending subscriptions", error.Message);
        Assert.Equal(SubscriptionLifecycle.Active, node.Status);
    }

    [Fact]
    public void A_node_whose_circuit_is_terminated_can_be_terminated()
    {
        var node = ActiveNode();
        var circuit = CircuitBetween(node, ActiveNode("loc2-core", 8));

        node.ChangeStatus(SubscriptionLifecycle.Terminated, Snapshot, Now, [(circuit.SubscriptionId, SubscriptionLifecycle.Terminated)]);

        Assert.Equal(SubscriptionLifecycle.Terminated, node.Status);
    }

    [Theory]
    [InlineData(SubscriptionLifecycle.Migrating, SubscriptionLifecycle.Active, false)]
    [InlineData(SubscriptionLifecycle.Migrating, SubscriptionLifecycle.Migrating, true)]
    [InlineData(SubscriptionLifecycle.Disabled, SubscriptionLifecycle.Provisioning, false)]
    [InlineData(SubscriptionLifecycle.Disabled, SubscriptionLifecycle.Disabled, true)]
    [InlineData(SubscriptionLifecycle.Active, SubscriptionLifecycle.Disabled, true)]
    public void Safe_used_by_statuses_follow_orchestrator_core(SubscriptionLifecycle target, SubscriptionLifecycle userStatus, bool allowed)
    {
        var node = ActiveNode();
        var user = Guid.NewGuid();

        var change = () => node.ChangeStatus(target, Snapshot, Now, [(user, userStatus)]);

        if (allowed) change();
        else Assert.Throws<UnsafeStatusChangeException>(change);
    }

    [Fact]
    public void Only_the_process_holding_the_lock_may_release_it()
    {
        var node = ActiveNode();
        var holder = Guid.NewGuid();
        node.Lock(holder);

        Assert.Throws<DomainException>(() => node.Unlock(Guid.NewGuid()));
        Assert.Throws<DomainException>(() => node.Lock(Guid.NewGuid()));
        Assert.False(node.Insync);

        node.Unlock(holder);
        Assert.True(node.Insync);
        Assert.Null(node.LockedByProcessId);
    }
}
