using System.Text.Json.Serialization;

namespace Orchestrator.NetBoxSimulator.Faults;

/// <summary>What the admin endpoint can make the simulator do wrong. All off by default.</summary>
public sealed record FaultSettings
{
    /// <summary>Added to every API request before it is handled.</summary>
    [JsonPropertyName("latency_ms")] public int LatencyMs { get; init; }

    /// <summary>Share (0..1) of API requests answered with 503 without being handled.</summary>
    [JsonPropertyName("error_rate_503")] public double ErrorRate503 { get; init; }

    /// <summary>The next N API requests are answered with 503 without being handled (deterministic version of the rate).</summary>
    [JsonPropertyName("fail_next_requests")] public int FailNextRequests { get; init; }

    /// <summary>The next N API writes (POST, PATCH, PUT, DELETE) are answered with 503 without being applied.</summary>
    [JsonPropertyName("fail_next_writes")] public int FailNextWrites { get; init; }

    /// <summary>Every API request is answered with 503.</summary>
    [JsonPropertyName("outage")] public bool Outage { get; init; }

    /// <summary>The next N successful writes are applied, then the connection is dropped before the response is sent.</summary>
    [JsonPropertyName("drop_after_write_count")] public int DropAfterWriteCount { get; init; }
}
