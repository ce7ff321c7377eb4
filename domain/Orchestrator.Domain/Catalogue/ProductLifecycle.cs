using System.Text.Json.Serialization;

namespace Orchestrator.Domain.Catalogue;

/// <summary>The status of a product or product block in the catalogue.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ProductLifecycle>))]
public enum ProductLifecycle
{
    [JsonStringEnumMemberName("active")] Active,
    [JsonStringEnumMemberName("pre production")] PreProduction,
    [JsonStringEnumMemberName("phase out")] PhaseOut,
    [JsonStringEnumMemberName("end of life")] EndOfLife,
}
