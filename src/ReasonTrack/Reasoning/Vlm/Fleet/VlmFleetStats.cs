using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace ReasonTrack.Reasoning.Vlm.Fleet;

/// <summary>
/// A <see cref="VlmFleet"/>'s figures: per endpoint (requests, answered, errors, mean latency), requests re-sent
/// after an endpoint failed, requests that failed for good, and the health events. Written as
/// <see cref="FileName"/> in a run's results folder.
/// </summary>
public sealed record VlmFleetStats
{
    /// <summary>The file name in a results folder.</summary>
    public const string FileName = "vlm-fleet.json";

    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    [JsonPropertyName("endpoints")] public required IReadOnlyList<VlmEndpointStats> Endpoints { get; init; }

    /// <summary>Times a request that failed at one endpoint was sent to another.</summary>
    [JsonPropertyName("resent_requests")] public required long ResentRequests { get; init; }

    /// <summary>Requests the fleet could not get answered (every endpoint down, or an error no other endpoint would change).</summary>
    [JsonPropertyName("failed_requests")] public required long FailedRequests { get; init; }

    /// <summary>Health events in order, each prefixed with the fleet clock's seconds since the fleet was made.</summary>
    [JsonPropertyName("events")] public required IReadOnlyList<string> Events { get; init; }

    /// <summary>The file name for shard <paramref name="index"/> of <paramref name="count"/>, so that shards sharing a results folder keep their own figures.</summary>
    public static string ShardFileName(int index, int count) =>
        count <= 1 ? FileName : string.Create(CultureInfo.InvariantCulture, $"vlm-fleet-shard-{index}-of-{count}.json");

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    /// <summary>
    /// Writes the figures (atomically) into <paramref name="directory"/> as <paramref name="fileName"/> (default
    /// <see cref="FileName"/>; <see cref="ShardFileName"/> for one shard of several) and returns the path.
    /// </summary>
    public string WriteTo(string directory, string fileName = FileName)
    {
        Directory.CreateDirectory(directory);
        string path = Path.Combine(directory, fileName);
        IO.AtomicFile.WriteAllText(path, ToJson() + "\n");
        return path;
    }

    /// <summary>One line per endpoint and one for the fleet, each figure named.</summary>
    public IReadOnlyList<string> Describe()
    {
        var lines = Endpoints.Select(e => string.Create(CultureInfo.InvariantCulture,
            $"{e.Endpoint}: {e.Requests} requests, {e.Answered} answered, {e.Errors} errors, mean latency {(e.MeanLatencyMs is { } ms ? ms.ToString("0.0", CultureInfo.InvariantCulture) + " ms" : "n/a")}, at most {e.MaxInFlight} of {e.MaxConcurrentRequests} in flight{(e.Healthy ? "" : ", cooling down")}")).ToList();
        lines.Add(string.Create(CultureInfo.InvariantCulture, $"fleet: {ResentRequests} requests re-sent to another endpoint, {FailedRequests} failed for good"));
        return lines;
    }
}
