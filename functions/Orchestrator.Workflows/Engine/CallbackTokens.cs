using System.Security.Cryptography;
using System.Text;

namespace Orchestrator.Workflows.Engine;

/// <summary>Callback URLs carry a random secret; only its SHA-256 is stored, in the process's wait token.</summary>
public static class CallbackTokens
{
    public static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    /// <summary>Whether <paramref name="secret"/> opens the wait <paramref name="waitToken"/> (compared in constant time).</summary>
    public static bool Matches(string waitToken, string secret)
    {
        var expected = waitToken[(waitToken.LastIndexOf('.') + 1)..];
        return CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(Hash(secret)));
    }
}
