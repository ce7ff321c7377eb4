using System.Text.Json.Nodes;
using Orchestrator.Domain.Subscriptions;
using Orchestrator.NetBox.Models;
using Orchestrator.NetBox.Requests;

namespace Orchestrator.Workflows.Workflows.Circuit;

/// <summary>
/// What NetBox should hold for a circuit's cable (the workshop's CablePayload). As with pynetbox's save, only the fields the
/// cable does not already have are PATCHed, so a step that runs again after NetBox applied its PATCH sends nothing.
/// </summary>
public sealed record CablePayload(int? Id, string Status, string Description, int APortId, int BPortId)
{
    public static CablePayload Of(BlockInstance circuit) => new(circuit.CircuitId(), circuit.CircuitStatus(), circuit.CircuitDescription(),
        circuit.Child("members", 0).Port().PortId(), circuit.Child("members", 1).Port().PortId());

    public CableCreate ToCreate() => new([CableTermination.Interface(APortId)], [CableTermination.Interface(BPortId)], Status, Description);

    public JsonObject ToJson() => new()
    {
        ["id"] = Id ?? -1,
        ["status"] = Status,
        ["description"] = Description,
        ["a_terminations"] = Terminations(APortId),
        ["b_terminations"] = Terminations(BPortId),
    };

    /// <summary>The PATCH that brings <paramref name="cable"/> to this payload, and the names of the fields it sets (none: nothing to send).</summary>
    public (CableUpdate Update, IReadOnlyList<string> Fields) ChangesFrom(Cable cable)
    {
        var fields = new List<string>();
        T? Changed<T>(string field, T wanted, bool same)
        {
            if (same) return default;
            fields.Add(field);
            return wanted;
        }
        var update = new CableUpdate
        {
            Status = Changed("status", Status, cable.Status?.Value == Status),
            Description = Changed("description", Description, (cable.Description ?? "") == Description),
            ATerminations = Changed<IReadOnlyList<CableTermination>>("a_terminations", [CableTermination.Interface(APortId)], EndsAre(cable.ATerminations, APortId)),
            BTerminations = Changed<IReadOnlyList<CableTermination>>("b_terminations", [CableTermination.Interface(BPortId)], EndsAre(cable.BTerminations, BPortId)),
        };
        return (update, fields);
    }

    public static bool EndsAre(IReadOnlyList<CableTermination> ends, int portId) =>
        ends is [{ ObjectType: CableTermination.InterfaceType } end] && end.ObjectId == portId;

    static JsonArray Terminations(int portId) =>
        [new JsonObject { ["object_id"] = portId, ["object_type"] = CableTermination.InterfaceType }];
}
