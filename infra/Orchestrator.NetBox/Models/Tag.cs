namespace Orchestrator.NetBox.Models;

public sealed record Tag(int Id, string? Url, string? Display, string Name, string Slug, string? Color, string? Description);
