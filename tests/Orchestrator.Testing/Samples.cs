using System.Text.Json.Nodes;
using Orchestrator.Domain.Catalogue;
using Orchestrator.Domain.Catalogue.Migrations;
using Orchestrator.Domain.Products.ProductTypes;
using Orchestrator.Domain.Subscriptions;

namespace Orchestrator.Testing;

/// <summary>The catalogue every migration version builds, and ready-made subscriptions of its products.</summary>
public static class Samples
{
    public static readonly CatalogueSnapshot Snapshot = CatalogueMigrations.Apply(CatalogueMigrations.All);
    public static readonly DateTimeOffset Now = new(2026, 12, 4, 12, 0, 0, TimeSpan.Zero);

    public static Subscription NewSubscription(string productName) =>
        Subscription.Create(Snapshot, Snapshot.ProductByName(productName)!, "customer-1", Guid.NewGuid(), Guid.NewGuid);

    public static Subscription ProvisionedNode(string name = "loc1-core", int id = 7)
    {
        var node = NewSubscription(Node.ProductName);
        var block = node.Block("node");
        block.Set(Snapshot, "node_id", id);
        block.Set(Snapshot, "node_name", name);
        block.Set(Snapshot, "node_status", "active");
        block.Set(Snapshot, "ipv4_loopback", "10.0.0.1/32");
        block.Set(Snapshot, "ipv6_loopback", "2001:db8::1/128");
        return node;
    }

    public static Subscription ActiveNode(string name = "loc1-core", int id = 7)
    {
        var node = ProvisionedNode(name, id);
        node.ChangeStatus(SubscriptionLifecycle.Active, Snapshot, Now, []);
        return node;
    }

    /// <summary>A circuit whose two ports point at the Node blocks of <paramref name="a"/> and <paramref name="b"/>, ready for active.</summary>
    public static Subscription CircuitBetween(Subscription a, Subscription b)
    {
        var circuit = NewSubscription(Circuit.ProductName);
        var block = circuit.Block("circuit");
        block.Set(Snapshot, "circuit_id", 3);
        block.Set(Snapshot, "circuit_status", "connected");
        block.Set(Snapshot, "circuit_description", "loc1-core:1/1/c1/1 <--> loc2-core:1/1/c1/1");
        block.Set(Snapshot, "under_maintenance", JsonValue.Create(false));
        var nodes = new[] { a, b };
        for (var i = 0; i < 2; i++)
        {
            var member = block.Child("members", i);
            member.Set(Snapshot, "v6_ip_address", $"2001:db8:10::{i}/127");
            var port = member.Child("port");
            port.Set(Snapshot, "port_id", 37 + i);
            port.Set(Snapshot, "port_name", "1/1/c1/1");
            port.Set(Snapshot, "port_description", "Circuit Connection");
            port.Refer("node", new BlockReference(nodes[i].SubscriptionId, nodes[i].Block("node").SubscriptionInstanceId));
        }
        return circuit;
    }
}
