using System.Security.Cryptography;
using System.Text;

namespace Orchestrator.NetBox;

/// <summary>
/// Names the orchestrator process, step and item that create a NetBox object. It becomes a NetBox tag
/// (<c>orchestrator-&lt;hash&gt;</c>) on that object, so a step that runs again finds what it made with <c>?tag=</c>.
/// </summary>
public sealed record IdempotencyMarker(string Slug, string Description)
{
    private const int MaxDescriptionLength = 200;

    public static IdempotencyMarker For(string processId, string step, string? item = null)
    {
        var identity = $"{processId}|{step}|{item}";
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(identity)))[..24];
        var description = $"Created by orchestrator process {processId}, step {step}" + (item is null ? "" : $", item {item}");
        return new IdempotencyMarker($"orchestrator-{hash}", description.Length > MaxDescriptionLength ? description[..MaxDescriptionLength] : description);
    }
}
