using System.Text.Json.Serialization;

namespace ReasonTrack.Reasoning.Vlm.Fleet;

/// <summary>What one endpoint of a <see cref="VlmFleet"/> did (figures on the fleet's clock).</summary>
public sealed record VlmEndpointStats
{
    /// <summary>The endpoint, redacted.</summary>
    [JsonPropertyName("endpoint")] public required string Endpoint { get; init; }

    [JsonPropertyName("max_concurrent_requests")] public required int MaxConcurrentRequests { get; init; }

    /// <summary>Requests the fleet sent to this endpoint (a re-sent request counts at every endpoint it went to).</summary>
    [JsonPropertyName("requests")] public required long Requests { get; init; }

    /// <summary>Requests this endpoint answered.</summary>
    [JsonPropertyName("answered")] public required long Answered { get; init; }

    /// <summary>Requests that failed at this endpoint (after its own retries), whether or not they were re-sent elsewhere.</summary>
    [JsonPropertyName("errors")] public required long Errors { get; init; }

    /// <summary>Mean time from sending to the complete answer over answered requests, in ms; null when none was answered.</summary>
    [JsonPropertyName("mean_latency_ms")] public required double? MeanLatencyMs { get; init; }

    /// <summary>Most requests this endpoint held at once.</summary>
    [JsonPropertyName("max_in_flight")] public required int MaxInFlight { get; init; }

    /// <summary>False while the endpoint sits out a cool-down.</summary>
    [JsonPropertyName("healthy")] public required bool Healthy { get; init; }
}
