using Orchestrator.NetBoxSimulator.Model;
using Orchestrator.NetBoxSimulator.State;

namespace Orchestrator.NetBoxSimulator.Api;

/// <summary>Cables occupy their interfaces; deleting a cable (or moving its ends) frees them.</summary>
public static class CableWrites
{
    public static Cable Create(NetBoxState state, PayloadReader body)
    {
        var a = body.Terminations("a_terminations", state.Interfaces, required: true) ?? [];
        var b = body.Terminations("b_terminations", state.Interfaces, required: true) ?? [];
        var status = body.Choice("status", Choices.CableStatus, fallback: "connected")!;
        var label = body.String("label", fallback: "")!;
        var description = body.String("description", fallback: "")!;
        var tags = body.Tags(state.Tags) ?? [];
        CheckEnds(state, body, a, b, cableId: null);
        body.ThrowIfInvalid();

        var cable = state.Cables.Put(new Cable(state.Cables.NextId(), status, label, description, a, b, tags));
        Attach(state, cable);
        return cable;
    }

    public static Cable Update(NetBoxState state, Cable cable, PayloadReader body)
    {
        var a = body.Has("a_terminations") ? body.Terminations("a_terminations", state.Interfaces, required: true) ?? [] : cable.ATerminations;
        var b = body.Has("b_terminations") ? body.Terminations("b_terminations", state.Interfaces, required: true) ?? [] : cable.BTerminations;
        var status = body.Choice("status", Choices.CableStatus, fallback: cable.Status)!;
        var label = body.String("label", fallback: cable.Label)!;
        var description = body.String("description", fallback: cable.Description)!;
        var tags = body.Tags(state.Tags) ?? cable.TagIds;
        CheckEnds(state, body, a, b, cable.Id);
        body.ThrowIfInvalid();

        Detach(state, cable);
        var updated = state.Cables.Put(cable with
        {
            Status = status, Label = label, Description = description, ATerminations = a, BTerminations = b, TagIds = tags,
        });
        Attach(state, updated);
        return updated;
    }

    public static void Delete(NetBoxState state, Cable cable) => Detach(state, cable);

    private static void CheckEnds(NetBoxState state, PayloadReader body, IReadOnlyList<int> a, IReadOnlyList<int> b, int? cableId)
    {
        foreach (var id in a.Intersect(b))
            body.Fail("b_terminations", $"Cannot connect dcim.interface {id} to itself.");

        foreach (var (field, ends) in new[] { ("a_terminations", a), ("b_terminations", b) })
        {
            foreach (var id in ends)
            {
                if (state.Interfaces.Find(id) is { CableId: { } other } port && other != cableId)
                    body.Fail(field, $"Duplicate termination found for dcim.interface {id} ({port.Name}): cable {other}");
            }
        }
    }

    private static void Attach(NetBoxState state, Cable cable)
    {
        foreach (var id in cable.ATerminations) state.Interfaces.Put(state.Interfaces.Find(id)! with { CableId = cable.Id, CableEnd = "A" });
        foreach (var id in cable.BTerminations) state.Interfaces.Put(state.Interfaces.Find(id)! with { CableId = cable.Id, CableEnd = "B" });
    }

    private static void Detach(NetBoxState state, Cable cable)
    {
        foreach (var port in state.Interfaces.All.Where(i => i.CableId == cable.Id).ToList())
            state.Interfaces.Put(port with { CableId = null, CableEnd = null });
    }
}
