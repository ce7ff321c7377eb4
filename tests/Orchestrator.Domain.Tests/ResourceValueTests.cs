using System.Text.Json.Nodes;
using Orchestrator.Domain.Catalogue;
using Orchestrator.Domain.Products.ProductTypes;
using Orchestrator.Domain.Subscriptions;
using static Orchestrator.Testing.Samples;

namespace Orchestrator.Domain.Tests;

public class ResourceValueTests
{
    [Theory]
    [InlineData(ValueKind.IPv4Network, "\"10.0.0.1/32\"", true)]
    [InlineData(ValueKind.IPv4Network, "\"10.0.0.1/24\"", false)]
    [InlineData(ValueKind.IPv4Network, "\"2001:db8::1/128\"", false)]
    [InlineData(ValueKind.IPv6Network, "\"2001:db8::1/128\"", true)]
    [InlineData(ValueKind.IPv6Interface, "\"2001:db8:10::1/127\"", true)]
    [InlineData(ValueKind.IPv6Interface, "\"2001:db8:10::1\"", false)]
    [InlineData(ValueKind.Integer, "7", true)]
    [InlineData(ValueKind.Integer, "\"7\"", false)]
    [InlineData(ValueKind.Integer, "7.5", false)]
    [InlineData(ValueKind.Boolean, "true", true)]
    [InlineData(ValueKind.Boolean, "\"true\"", false)]
    [InlineData(ValueKind.String, "3", false)]
    public void Values_are_checked_against_their_kind(ValueKind kind, string json, bool valid) =>
        Assert.Equal(valid, ResourceValues.IsValid(kind, JsonNode.Parse(json)!));

    [Fact]
    public void Setting_a_wrongly_typed_value_is_refused_and_leaves_the_old_value()
    {
        var node = NewSubscription(Node.ProductName).Block("node");
        node.Set(Snapshot, "node_id", 7);

        Assert.Throws<DomainException>(() => node.Set(Snapshot, "node_id", "seven"));
        Assert.Throws<DomainException>(() => node.Set(Snapshot, "no_such_field", 1));
        Assert.Equal(7, node.Get<int>("node_id"));
    }
}
