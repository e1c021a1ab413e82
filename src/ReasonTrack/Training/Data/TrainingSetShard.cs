using System.Security.Cryptography;
using System.Text;

namespace ReasonTrack.Training.Data;

/// <summary>
/// What one <c>make-data</c> run was asked to build and whether it finished, kept as <c>shard.json</c> beside the
/// settings. <see cref="TrainingSetMerger"/> reads it from every folder so that a merge is refused unless it has
/// every shard 0..N-1 of one selection, each finished: a missing shard, a shard still running or one that lost
/// videos to errors would otherwise merge silently into a smaller data set.
/// </summary>
public sealed record TrainingSetShard
{
    public const string FileName = "shard.json";

    /// <summary>This shard's i in <c>--shard i/N</c> (0 for an unsharded run or a merge).</summary>
    public required int Index { get; init; }

    /// <summary>N in <c>--shard i/N</c> (1 for an unsharded run or a merge).</summary>
    public required int Count { get; init; }

    /// <summary>The run's <c>--limit</c> (null: the whole listing).</summary>
    public int? Limit { get; init; }

    /// <summary>SHA-256 of the selected listing (the first <see cref="Limit"/> video names, in order): equal only for shards of one selection.</summary>
    public required string Listing { get; init; }

    /// <summary>Videos this shard is responsible for.</summary>
    public required int Videos { get; init; }

    /// <summary>True once every one of those videos has its part on disk.</summary>
    public required bool Complete { get; init; }

    /// <summary>The <c>i/N</c> text.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public string Name => $"{Index}/{Count}";

    /// <summary>A <c>--limit</c> as messages print it (<c>none</c> for the whole listing).</summary>
    public static string LimitText(int? limit) => limit?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none";

    /// <summary>Hash of the video names a run with <paramref name="limit"/> draws from, before sharding.</summary>
    public static string ListingHash(Datasets.Dataset dataset, int? limit)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        var names = dataset.Sequences.Take(limit ?? int.MaxValue).Select(s => s.Name);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', names))));
    }
}
