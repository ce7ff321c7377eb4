using System.Text.Json;
using Orchestrator.Domain.Catalogue;
using Orchestrator.Domain.Json;

namespace Orchestrator.Api.Processes;

static class Wire
{
    public static string Target(WorkflowTarget target) => JsonSerializer.SerializeToNode(target, DomainJson.Options)!.GetValue<string>();
}
