using Orchestrator.Domain.Catalogue;

namespace Orchestrator.Domain.Products.ProductBlocks;

#pragma warning disable CA1707 // the trailing underscore keeps this helper apart from the ResourceTypes lists it builds
static class ResourceTypes_
#pragma warning restore CA1707
{
    public static ResourceType Of(string name, string description, ValueKind kind) =>
        new(DeterministicGuid.From($"resource_type:{name}"), name, description, kind);
}
