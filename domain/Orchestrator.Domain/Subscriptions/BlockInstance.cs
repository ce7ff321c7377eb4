using System.Text.Json.Nodes;
using Orchestrator.Domain.Catalogue;

namespace Orchestrator.Domain.Subscriptions;

/// <summary>One instance of a product block inside a subscription's tree.</summary>
public sealed class BlockInstance
{
    public required string Name { get; init; }
    public required Guid SubscriptionInstanceId { get; init; }
    public required Guid OwnerSubscriptionId { get; init; }
    public string? Label { get; set; }
    public Dictionary<string, JsonNode?> Values { get; init; } = [];
    public Dictionary<string, List<BlockInstance>> Children { get; init; } = [];
    public Dictionary<string, BlockReference?> References { get; init; } = [];

    /// <summary>A new instance with every own child block created (lists get their minimum count), as from_product_id does.</summary>
    public static BlockInstance Create(CatalogueSnapshot catalogue, string blockName, Guid owner, Func<Guid> newId)
    {
        var block = catalogue.RequiredBlock(blockName);
        var instance = new BlockInstance { Name = block.Name, SubscriptionInstanceId = newId(), OwnerSubscriptionId = owner };
        foreach (var field in block.Fields)
        {
            switch (field.Kind)
            {
                case BlockFieldKind.Resource:
                    instance.Values[field.Name] = null;
                    break;
                case BlockFieldKind.Child:
                case BlockFieldKind.ChildList:
                    instance.Children[field.Name] = Enumerable.Range(0, field.MinItems)
                        .Select(_ => Create(catalogue, field.BlockName!, owner, newId)).ToList();
                    break;
                case BlockFieldKind.Reference:
                    instance.References[field.Name] = null;
                    break;
            }
        }
        return instance;
    }

    public JsonNode? Value(string field) => Values.GetValueOrDefault(field);

    public T? Get<T>(string field) => Values.GetValueOrDefault(field) is { } node ? node.GetValue<T>() : default;

    /// <summary>Sets a resource-type value after checking it against the resource type's kind.</summary>
    public void Set(CatalogueSnapshot catalogue, string field, JsonNode? value)
    {
        var block = catalogue.RequiredBlock(Name);
        if (block.Field(field) is not { Kind: BlockFieldKind.Resource })
            throw new DomainException($"Block '{Name}' has no resource type '{field}'.");
        var kind = catalogue.ResourceType(field)?.Kind ?? ValueKind.String;
        if (value is not null && !ResourceValues.IsValid(kind, value))
            throw new DomainException($"'{value.ToJsonString()}' is not a valid {kind} for '{field}' of block '{Name}'.");
        Values[field] = ResourceValues.Normalize(value);
    }

    public BlockInstance Child(string field, int index = 0) =>
        Children.TryGetValue(field, out var list) && index < list.Count
            ? list[index]
            : throw new DomainException($"Block '{Name}' has no child '{field}[{index}]'.");

    public void Refer(string field, BlockReference? target)
    {
        if (!References.ContainsKey(field)) throw new DomainException($"Block '{Name}' has no reference field '{field}'.");
        References[field] = target;
    }

    /// <summary>This instance and every own instance below it, depth first.</summary>
    public IEnumerable<BlockInstance> SelfAndDescendants()
    {
        yield return this;
        foreach (var child in Children.Values.SelectMany(list => list).SelectMany(c => c.SelfAndDescendants()))
            yield return child;
    }
}
