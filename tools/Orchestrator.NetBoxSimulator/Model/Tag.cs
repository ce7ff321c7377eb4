namespace Orchestrator.NetBoxSimulator.Model;

public sealed record Tag(int Id, string Name, string Slug, string Color, string Description) : IEntity;
