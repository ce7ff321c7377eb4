namespace Orchestrator.NetBox.Filters;

/// <summary>Query parameters for a NetBox list endpoint; unset properties are left out.</summary>
public interface INetBoxFilter
{
    IEnumerable<KeyValuePair<string, string>> ToQuery();
}
