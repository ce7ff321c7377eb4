namespace Orchestrator.Domain.Catalogue.Migrations;

/// <summary>
/// One versioned step of the catalogue, the equivalent of an Alembic revision: the catalogue items it adds or replaces.
/// Items carry name-based ids, so applying a version again writes nothing new.
/// </summary>
public sealed record CatalogueMigration(
    int Version,
    string Name,
    IReadOnlyList<ResourceType> ResourceTypes,
    IReadOnlyList<ProductBlock> ProductBlocks,
    IReadOnlyList<Product> Products,
    IReadOnlyList<WorkflowRegistration> Workflows);
