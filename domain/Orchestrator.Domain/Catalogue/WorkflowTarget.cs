using System.Text.Json.Serialization;

namespace Orchestrator.Domain.Catalogue;

[JsonConverter(typeof(JsonStringEnumConverter<WorkflowTarget>))]
public enum WorkflowTarget
{
    [JsonStringEnumMemberName("CREATE")] Create,
    [JsonStringEnumMemberName("MODIFY")] Modify,
    [JsonStringEnumMemberName("TERMINATE")] Terminate,
    [JsonStringEnumMemberName("VALIDATE")] Validate,
    [JsonStringEnumMemberName("SYSTEM")] System,
}
