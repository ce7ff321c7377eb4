using Orchestrator.NetBoxSimulator.Model;
using Orchestrator.NetBoxSimulator.State;

namespace Orchestrator.NetBoxSimulator.Api;

public static class InterfaceWrites
{
    public static Interface Update(NetBoxState state, Interface port, PayloadReader body)
    {
        var description = body.String("description", fallback: port.Description)!;
        var enabled = body.Bool("enabled") ?? port.Enabled;
        var tags = body.Tags(state.Tags) ?? port.TagIds;
        body.ThrowIfInvalid();
        return state.Interfaces.Put(port with { Description = description, Enabled = enabled, TagIds = tags });
    }
}
