using Orchestrator.NetBoxSimulator.Model;
using Orchestrator.NetBoxSimulator.State;

namespace Orchestrator.NetBoxSimulator.Api;

public static class PrefixWrites
{
    public static Prefix Create(NetBoxState state, PayloadReader body)
    {
        var value = ReadPrefix(body, required: true);
        var prefix = ReadFields(state, body, new Prefix(0, value ?? default, "active", false, "", []));
        RequireUnique(state, body, prefix);
        body.ThrowIfInvalid();
        return state.Prefixes.Put(prefix with { Id = state.Prefixes.NextId() });
    }

    public static Prefix Update(NetBoxState state, Prefix existing, PayloadReader body)
    {
        var value = body.Has("prefix") ? ReadPrefix(body, required: true) : existing.Value;
        var prefix = ReadFields(state, body, existing with { Value = value ?? existing.Value });
        RequireUnique(state, body, prefix);
        body.ThrowIfInvalid();
        return state.Prefixes.Put(prefix);
    }

    /// <summary>The writable fields other than <c>prefix</c> itself, shared with available-prefixes.</summary>
    public static Prefix ReadFields(NetBoxState state, PayloadReader body, Prefix defaults) => defaults with
    {
        Status = body.Choice("status", Choices.PrefixStatus, fallback: defaults.Status)!,
        IsPool = body.Bool("is_pool") ?? defaults.IsPool,
        Description = body.String("description", fallback: defaults.Description)!,
        TagIds = body.Tags(state.Tags) ?? defaults.TagIds,
    };

    private static IpNet? ReadPrefix(PayloadReader body, bool required)
    {
        var text = body.String("prefix", required);
        if (text is null) return null;
        if (!text.Contains('/') || !IpNet.TryParse(text, out var net))
        {
            body.Fail("prefix", $"Invalid prefix: {text}. Use CIDR notation, e.g. 192.0.2.0/24.");
            return null;
        }
        return net.Value.Network;
    }

    private static void RequireUnique(NetBoxState state, PayloadReader body, Prefix prefix)
    {
        if (state.Prefixes.All.Any(p => p.Id != prefix.Id && p.Value == prefix.Value))
            body.Fail("prefix", $"Duplicate prefix found in global table: {prefix.Value}");
    }
}
