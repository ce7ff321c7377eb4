using System.Diagnostics.CodeAnalysis;
using System.Net;
using System.Net.Sockets;

namespace Orchestrator.NetBoxSimulator.Model;

/// <summary>An address with a mask length, as NetBox stores prefixes and IP addresses.</summary>
public readonly record struct IpNet(bool IsV6, UInt128 Address, int Length)
{
    public int MaxLength => IsV6 ? 128 : 32;
    public int Family => IsV6 ? 6 : 4;

    public UInt128 First => Address & Mask(Length, MaxLength);
    public UInt128 Last => First | ~Mask(Length, MaxLength) & AllOnes(MaxLength);

    public IpNet Network => this with { Address = First };

    public bool Contains(UInt128 address) => address >= First && address <= Last;
    public bool Contains(IpNet other) => other.IsV6 == IsV6 && other.Length >= Length && Contains(other.First);

    public static bool TryParse(string? text, [NotNullWhen(true)] out IpNet? result)
    {
        result = null;
        if (string.IsNullOrWhiteSpace(text)) return false;
        var slash = text.IndexOf('/');
        var hostText = slash < 0 ? text : text[..slash];
        if (!IPAddress.TryParse(hostText, out var host)) return false;
        var isV6 = host.AddressFamily == AddressFamily.InterNetworkV6;
        var max = isV6 ? 128 : 32;
        var length = max;
        if (slash >= 0 && (!int.TryParse(text[(slash + 1)..], out length) || length < 0 || length > max)) return false;
        result = new IpNet(isV6, ToNumber(host), length);
        return true;
    }

    public static IpNet Parse(string text) =>
        TryParse(text, out var net) ? net.Value : throw new FormatException($"Not an address: {text}");

    public string HostText => ToAddress(Address, IsV6).ToString();
    public override string ToString() => $"{HostText}/{Length}";

    private static UInt128 AllOnes(int bits) => bits == 128 ? UInt128.MaxValue : (UInt128.One << bits) - 1;
    private static UInt128 Mask(int length, int bits) => length == 0 ? UInt128.Zero : AllOnes(bits) ^ AllOnes(bits - length);

    private static UInt128 ToNumber(IPAddress address)
    {
        UInt128 value = 0;
        foreach (var b in address.GetAddressBytes()) value = value << 8 | b;
        return value;
    }

    private static IPAddress ToAddress(UInt128 value, bool isV6)
    {
        var bytes = new byte[isV6 ? 16 : 4];
        for (var i = bytes.Length - 1; i >= 0; i--)
        {
            bytes[i] = (byte)(value & 0xFF);
            value >>= 8;
        }
        return new IPAddress(bytes);
    }
}
