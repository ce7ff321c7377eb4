using Orchestrator.Domain.Subscriptions;
using static Orchestrator.Testing.Samples;

namespace Orchestrator.Domain.Tests;

public class RelationTests
{
    [Fact]
    public void A_circuit_depends_on_the_owners_of_the_node_blocks_its_ports_reference()
    {
        var a = ActiveNode();
        var b = ActiveNode("loc2-core", 8);
        var circuit = CircuitBetween(a, b);

        Assert.Equal(new[] { a.SubscriptionId, b.SubscriptionId }.Order(), circuit.DependsOnSubscriptionIds().Order());
        Assert.Empty(a.DependsOnSubscriptionIds());
    }

    [Fact]
    public void The_domain_model_inlines_the_referenced_node_block_without_copying_it()
    {
        var a = ActiveNode();
        var b = ActiveNode("loc2-core", 8);
        var circuit = CircuitBetween(a, b);

        var model = DomainModelView.Render(circuit, Snapshot, new Dictionary<Guid, Subscription> { [a.SubscriptionId] = a, [b.SubscriptionId] = b });

        var node = model["circuit"]!["members"]![1]!["port"]!["node"]!;
        Assert.Equal("loc2-core", node["node_name"]!.GetValue<string>());
        Assert.Equal(b.SubscriptionId, node["owner_subscription_id"]!.GetValue<Guid>());
        Assert.Equal(b.Block("node").SubscriptionInstanceId, node["subscription_instance_id"]!.GetValue<Guid>());
        Assert.Equal("100G", model["speed"]!.GetValue<string>());
        Assert.Equal("Circuit", model["product"]!["name"]!.GetValue<string>());
        Assert.False(circuit.Block("circuit").Child("members", 1).Child("port").Values.ContainsKey("node_name"));
    }

    [Fact]
    public void A_node_block_lists_the_ports_that_use_it()
    {
        var a = ActiveNode();
        var b = ActiveNode("loc2-core", 8);
        var circuit = CircuitBetween(a, b);

        var model = DomainModelView.Render(a, Snapshot, new Dictionary<Guid, Subscription> { [circuit.SubscriptionId] = circuit });

        var port = circuit.Block("circuit").Child("members", 0).Child("port");
        var relations = model["node"]!["in_use_by_relations"]!.AsArray();
        Assert.Single(relations);
        Assert.Equal(port.SubscriptionInstanceId, relations[0]!["subscription_instance_id"]!.GetValue<Guid>());
        Assert.Equal(circuit.SubscriptionId, relations[0]!["subscription_id"]!.GetValue<Guid>());
    }

    [Fact]
    public void Filter_owner_relations_hides_the_subscriptions_own_parent_instances()
    {
        var circuit = CircuitBetween(ActiveNode(), ActiveNode("loc2-core", 8));

        var filtered = DomainModelView.Render(circuit, Snapshot, new Dictionary<Guid, Subscription>(), filterOwnerRelations: true);
        var unfiltered = DomainModelView.Render(circuit, Snapshot, new Dictionary<Guid, Subscription>(), filterOwnerRelations: false);

        Assert.Empty(filtered["circuit"]!["members"]![0]!["in_use_by_ids"]!.AsArray());
        Assert.Equal(circuit.Block("circuit").SubscriptionInstanceId,
            Guid.Parse(unfiltered["circuit"]!["members"]![0]!["in_use_by_ids"]![0]!.GetValue<string>()));
    }
}
