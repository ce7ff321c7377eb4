namespace Orchestrator.Domain.Catalogue;

/// <summary>The type of a resource-type value, checked whenever a value is set.</summary>
public enum ValueKind
{
    Integer,
    String,
    Boolean,
    IPv4Network,
    IPv6Network,
    IPv6Interface,
}
