using System.Text.Json;
using System.Text.Json.Serialization;

namespace Orchestrator.NetBox.Http;

public static class NetBoxJson
{
    /// <summary>NetBox's wire format: snake_case names; unset (null) fields are not sent, so a PATCH changes only what it names.</summary>
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };
}
