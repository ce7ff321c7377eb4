using Orchestrator.NetBoxSimulator.Model;

namespace Orchestrator.NetBoxSimulator.State;

/// <summary>NetBox's available-prefixes / available-ips arithmetic. Callers hold the store's lock.</summary>
public static class AddressAllocator
{
    public static IEnumerable<Prefix> ChildPrefixes(NetBoxState state, Prefix parent) =>
        state.Prefixes.All.Where(p => p.Id != parent.Id && parent.Value.Contains(p.Value) && p.Value.Length > parent.Value.Length);

    /// <summary>The lowest aligned block of the requested length that overlaps no child prefix.</summary>
    public static IpNet? FirstFreePrefix(NetBoxState state, Prefix parent, int length)
    {
        var size = UInt128.One << (parent.Value.MaxLength - length);
        foreach (var (start, end) in FreeRanges(parent.Value, ChildPrefixes(state, parent).Select(p => p.Value)))
        {
            var aligned = (start + size - 1) / size * size;
            if (aligned >= start && aligned <= end && end - aligned >= size - 1)
                return new IpNet(parent.Value.IsV6, aligned, length);
        }
        return null;
    }

    /// <summary>The free space inside a prefix, as CIDR blocks (NetBox's GET available-prefixes).</summary>
    public static IEnumerable<IpNet> FreeBlocks(NetBoxState state, Prefix parent)
    {
        var net = parent.Value;
        foreach (var (start, end) in FreeRanges(net, ChildPrefixes(state, parent).Select(p => p.Value)))
        {
            var cursor = start;
            while (true)
            {
                var length = net.MaxLength;
                while (length > net.Length)
                {
                    var size = UInt128.One << (net.MaxLength - length + 1);
                    if (cursor % size != 0 || end - cursor < size - 1) break;
                    length--;
                }
                var block = new IpNet(net.IsV6, cursor, length);
                yield return block;
                if (block.Last >= end) break;
                cursor = block.Last + 1;
            }
        }
    }

    /// <summary>The addresses NetBox would hand out from a prefix, lowest first.</summary>
    public static IEnumerable<IpNet> FreeAddresses(NetBoxState state, Prefix prefix)
    {
        var net = prefix.Value;
        var used = state.IpAddresses.All
            .Where(ip => ip.Address.IsV6 == net.IsV6 && net.Contains(ip.Address.Address))
            .Select(ip => ip.Address.Address)
            .ToHashSet();

        var first = net.First;
        var last = net.Last;
        var wholeRangeUsable = prefix.IsPool || net.Length >= net.MaxLength - 1;
        if (!wholeRangeUsable)
        {
            first++; // IPv4 network address, IPv6 subnet-router anycast address
            if (!net.IsV6) last--; // IPv4 broadcast
        }

        for (var candidate = first; candidate <= last; candidate++)
        {
            if (!used.Contains(candidate)) yield return new IpNet(net.IsV6, candidate, net.Length);
            if (candidate == last) yield break;
        }
    }

    private static IEnumerable<(UInt128 Start, UInt128 End)> FreeRanges(IpNet parent, IEnumerable<IpNet> taken)
    {
        var cursor = parent.First;
        foreach (var block in taken.OrderBy(t => t.First))
        {
            if (block.Last < cursor) continue;
            if (block.First > cursor) yield return (cursor, block.First - 1);
            if (block.Last >= parent.Last) yield break;
            cursor = block.Last + 1;
        }
        yield return (cursor, parent.Last);
    }
}
