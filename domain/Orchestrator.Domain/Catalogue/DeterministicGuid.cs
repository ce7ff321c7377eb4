using System.Security.Cryptography;
using System.Text;

namespace Orchestrator.Domain.Catalogue;

/// <summary>
/// Name-based UUIDs (RFC 9562 version 5): the same name gives the same id on every machine and every run,
/// so catalogue ids survive a fresh emulator and a re-run migration.
/// </summary>
public static class DeterministicGuid
{
    static readonly Guid Namespace = new("6f1c9a52-3e0b-4d2f-9a57-0d4c3b2e8f11");

    public static Guid From(string name)
    {
        Span<byte> ns = stackalloc byte[16];
        Namespace.TryWriteBytes(ns, bigEndian: true, out _);
        var nameBytes = Encoding.UTF8.GetBytes(name);
        var input = new byte[16 + nameBytes.Length];
        ns.CopyTo(input);
        nameBytes.CopyTo(input, 16);
#pragma warning disable CA5350 // SHA-1 is what RFC 9562 prescribes for version 5; this is an identifier, not a signature.
        var hash = SHA1.HashData(input);
#pragma warning restore CA5350
        hash[6] = (byte)((hash[6] & 0x0F) | 0x50);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash.AsSpan(0, 16), bigEndian: true);
    }
}
