using Orchestrator.Domain.Workflows;

namespace Orchestrator.Workflows.Engine;

/// <summary>
/// Every workflow the code knows, by name and version. New processes start on the latest version; a running process keeps
/// the version it started on, so registering version 2 never changes a process that runs version 1.
/// </summary>
public sealed class WorkflowRegistry
{
    readonly Dictionary<(string Name, int Version), WorkflowDefinition> byVersion = [];

    public WorkflowRegistry(IEnumerable<WorkflowDefinition> definitions)
    {
        foreach (var definition in definitions)
        {
            if (!byVersion.TryAdd((definition.Name, definition.Version), definition))
                throw new InvalidOperationException($"Workflow {definition.Name} version {definition.Version} is registered twice");
            var duplicateKey = definition.Steps.GroupBy(s => s.Key).FirstOrDefault(g => g.Count() > 1);
            if (duplicateKey is not null)
                throw new InvalidOperationException($"Workflow {definition.Name} has step key '{duplicateKey.Key}' twice");
        }
    }

    public IEnumerable<string> Names => byVersion.Keys.Select(k => k.Name).Distinct();

    public WorkflowDefinition? Latest(string name) =>
        byVersion.Where(kv => kv.Key.Name == name).OrderByDescending(kv => kv.Key.Version).Select(kv => kv.Value).FirstOrDefault();

    public WorkflowDefinition? Get(string name, int version) => byVersion.GetValueOrDefault((name, version));

    public WorkflowDefinition Required(string name, int version) =>
        Get(name, version) ?? throw new InvalidOperationException($"Workflow {name} version {version} is not registered in this build");
}
