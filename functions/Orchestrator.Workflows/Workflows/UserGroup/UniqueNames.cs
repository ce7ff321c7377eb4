using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Orchestrator.Domain.Forms;
using Orchestrator.Domain.Workflows;
using Orchestrator.Infra.Claims;
using Orchestrator.Workflows.Engine.Standard;

namespace Orchestrator.Workflows.Workflows.UserGroup;

/// <summary>
/// A name that is unique among the non-terminated subscriptions of one kind (user names, group names): compared trimmed,
/// case-insensitively and in Unicode normal form C, held by a claim on <see cref="ClaimKey"/>, and the source of a stable id.
/// </summary>
public sealed record UniqueNames(string ClaimPrefix, string Field, string Noun)
{
    public const int MaxLength = 64;

    public static readonly UniqueNames GroupNames = new("user_group:name:", "group_name", "A user group named");
    public static readonly UniqueNames UserNames = new("user:username:", "username", "A user named");

    public static string Normalize(string name) => name.Trim().Normalize(NormalizationForm.FormC).ToLowerInvariant();

    /// <summary>The same name always gives the same id, on every machine: 1..int.MaxValue from the first 4 bytes of SHA-256.</summary>
    public static int StableId(string name)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(Normalize(name)));
        return 1 + (int)(BinaryPrimitives.ReadUInt32BigEndian(hash) % int.MaxValue);
    }

    public string ClaimKey(string name) => ClaimPrefix + Normalize(name);

    public string TakenMessage(string name) => $"{Noun} '{name.Trim()}' already exists";

    public TextField Input(string? current = null) => new(Field) { MaxLength = MaxLength, Default = current };

    /// <summary>The state key a renaming modify leaves the old name under; absent when the name did not change.</summary>
    public string PreviousField => "previous_" + Field;

    /// <summary>A create claims its name; a modify claims only a new name.</summary>
    public IReadOnlyList<StartClaim> CreateClaims(JsonObject values) =>
        [new StartClaim(ClaimKey(values[Field]!.GetValue<string>()), Field, TakenMessage(values[Field]!.GetValue<string>()))];

    public IReadOnlyList<StartClaim> RenameClaims(JsonObject values) => values[PreviousField] is null ? [] : CreateClaims(values);

    /// <summary>After a rename: gives back the claim on the old name (skipped when the name did not change).</summary>
    public Step ReleasePrevious(string key, string name) =>
        StandardSteps.ReleaseClaims(key, name, context =>
            Task.FromResult<IEnumerable<string>>([ClaimKey(context.State[PreviousField]!.GetValue<string>())])) with
        {
            Condition = state => state[PreviousField] is not null,
        };

    /// <summary>
    /// The trimmed name from a validated page; refuses control characters and a name someone else holds. A name that equals
    /// <paramref name="current"/> (the subscription's own) is never taken.
    /// </summary>
    public async Task<string> ReadAsync(FormSession session, JsonObject page, IFormContext context, string? current = null)
    {
        var name = page[Field]!.GetValue<string>().Trim();
        if (name.Any(char.IsControl)) throw session.Invalid(Field, "The name may not contain control characters");
        if (current is not null && Normalize(current) == Normalize(name)) return name;
        if (await context.Services.GetRequiredService<ClaimStore>().GetOwnerAsync(ClaimKey(name)) is not null)
            throw session.Invalid(Field, TakenMessage(name));
        return name;
    }
}
