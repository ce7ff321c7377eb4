using System.Text.Json;
using System.Text.Json.Nodes;
using Orchestrator.Domain.Catalogue;
using Orchestrator.Domain.Json;

namespace Orchestrator.Domain.Subscriptions;

/// <summary>
/// Renders a subscription as orchestrator-core's domain model (spec §1.7): the product, the fixed inputs as top-level
/// fields, and the block tree with referenced blocks of other subscriptions inlined (not copied in storage), each block
/// with the instances that use it.
/// </summary>
public sealed class DomainModelView(CatalogueSnapshot catalogue, IReadOnlyDictionary<Guid, Subscription> related, bool filterOwnerRelations)
{
    const int MaxReferenceDepth = 8;

    /// <param name="related">Every subscription this one references and every subscription that uses it, by id.</param>
    public static JsonObject Render(Subscription subscription, CatalogueSnapshot catalogue,
        IReadOnlyDictionary<Guid, Subscription> related, bool filterOwnerRelations = true) =>
        new DomainModelView(catalogue, WithRoot(related, subscription), filterOwnerRelations).Render(subscription);

    static Dictionary<Guid, Subscription> WithRoot(IReadOnlyDictionary<Guid, Subscription> related, Subscription root) =>
        new(related.Where(r => r.Key != root.SubscriptionId).Append(new(root.SubscriptionId, root)));

    JsonObject Render(Subscription subscription)
    {
        var product = catalogue.ProductById(subscription.ProductId);
        var model = new JsonObject
        {
            ["product"] = product is null ? null : ProductJson(product),
            ["customer_id"] = subscription.CustomerId,
            ["subscription_id"] = subscription.SubscriptionId,
            ["description"] = subscription.Description,
            ["status"] = subscription.Status.ToWire(),
            ["insync"] = subscription.Insync,
            ["start_date"] = subscription.StartDate,
            ["end_date"] = subscription.EndDate,
            ["note"] = subscription.Note,
            ["version"] = subscription.Version,
            ["locked_by_process_id"] = subscription.LockedByProcessId,
        };
        foreach (var fixedInput in product?.FixedInputs ?? [])
            model[fixedInput.Name] = fixedInput.Value;
        foreach (var (field, block) in subscription.Blocks)
            model[field] = RenderBlock(block, subscription, 0);
        model["customer_descriptions"] = new JsonArray();
        return model;
    }

    public static JsonObject ProductJson(Product product) => new()
    {
        ["product_id"] = product.ProductId,
        ["name"] = product.Name,
        ["description"] = product.Description,
        ["product_type"] = product.ProductType,
        ["tag"] = product.Tag,
        ["status"] = JsonSerializer.SerializeToNode(product.Status, DomainJson.Options),
        ["created_at"] = product.CreatedAt,
        ["end_date"] = product.EndDate,
    };

    JsonObject RenderBlock(BlockInstance block, Subscription owner, int depth)
    {
        var json = new JsonObject
        {
            ["name"] = block.Name,
            ["subscription_instance_id"] = block.SubscriptionInstanceId,
            ["owner_subscription_id"] = block.OwnerSubscriptionId,
            ["label"] = block.Label,
        };
        var definition = catalogue.Block(block.Name);
        foreach (var field in definition?.Fields ?? [])
        {
            json[field.Name] = field.Kind switch
            {
                BlockFieldKind.Resource => block.Value(field.Name)?.DeepClone(),
                BlockFieldKind.Child => block.Children.GetValueOrDefault(field.Name)?.FirstOrDefault() is { } child
                    ? RenderBlock(child, owner, depth) : null,
                BlockFieldKind.ChildList => new JsonArray((block.Children.GetValueOrDefault(field.Name) ?? [])
                    .Select(c => (JsonNode)RenderBlock(c, owner, depth)).ToArray()),
                BlockFieldKind.Reference => RenderReference(block.References.GetValueOrDefault(field.Name), depth),
                _ => null,
            };
        }
        var users = UsersOf(block, owner);
        json["in_use_by_ids"] = new JsonArray(users.Select(u => (JsonNode)u.InstanceId.ToString()).ToArray());
        json["in_use_by_relations"] = new JsonArray(users.Select(u => (JsonNode)new JsonObject
        {
            ["subscription_instance_id"] = u.InstanceId,
            ["subscription_id"] = u.SubscriptionId,
        }).ToArray());
        return json;
    }

    JsonNode? RenderReference(BlockReference? reference, int depth)
    {
        if (reference is null || depth >= MaxReferenceDepth) return null;
        if (!related.TryGetValue(reference.SubscriptionId, out var other)) return null;
        var target = other.AllInstances().FirstOrDefault(i => i.SubscriptionInstanceId == reference.SubscriptionInstanceId);
        return target is null ? null : RenderBlock(target, other, depth + 1);
    }

    /// <summary>The instances that use a block: its parent in its own tree, and every reference to it from another tree.</summary>
    List<(Guid InstanceId, Guid SubscriptionId)> UsersOf(BlockInstance block, Subscription owner)
    {
        var users = new List<(Guid, Guid)>();
        if (!filterOwnerRelations)
        {
            var parent = owner.AllInstances().FirstOrDefault(i => i.Children.Values.Any(list => list.Any(c => c.SubscriptionInstanceId == block.SubscriptionInstanceId)));
            if (parent is not null) users.Add((parent.SubscriptionInstanceId, owner.SubscriptionId));
        }
        foreach (var user in related.Values)
        {
            if (user.SubscriptionId == owner.SubscriptionId && filterOwnerRelations) continue;
            foreach (var (from, _, target) in user.References())
                if (target.SubscriptionInstanceId == block.SubscriptionInstanceId)
                    users.Add((from.SubscriptionInstanceId, user.SubscriptionId));
        }
        return users;
    }
}
