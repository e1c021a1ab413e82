using ReasonTrack.Datasets;
using ReasonTrack.Media;

namespace ReasonTrack.Training.Data;

/// <summary>
/// Where and how one <c>make-data</c> run does its work. None of this changes a data set's content: the same
/// settings give the same part for a video whichever shard, job or run produces it.
/// </summary>
public sealed record MakeDataRun
{
    /// <summary>The loaded dataset (with frame paths).</summary>
    public required Dataset Dataset { get; init; }

    /// <summary>The data set folder (created when missing).</summary>
    public required string OutputFolder { get; init; }

    /// <summary>This worker's shard: videos whose listing position p satisfies <c>p mod ShardCount == ShardIndex</c>.</summary>
    public int ShardIndex { get; init; }

    public int ShardCount { get; init; } = 1;

    /// <summary>Only the first N videos of the listing (applied before sharding, so shards of a limited run merge to the limited set).</summary>
    public int? Limit { get; init; }

    /// <summary>Videos processed in parallel.</summary>
    public int Jobs { get; init; } = 1;

    /// <summary>Called once with the number of videos to process (after resume), before any work.</summary>
    public Action<int>? Started { get; init; }

    /// <summary>Called after each video's part is saved (from worker threads).</summary>
    public Action<VideoPart>? VideoDone { get; init; }

    /// <summary>Decodes frames; the default is <see cref="FrameLoader.Load"/> (tests substitute generated frames).</summary>
    public Func<IReadOnlyList<string>, IEnumerable<int>, Dictionary<int, ImageFrame>>? LoadFrames { get; init; }

    /// <summary>The teacher of ReasoningTrack SFT rows (its model name must match <see cref="MakeDataOptions.Teacher"/>).</summary>
    public TeacherModel? Teacher { get; init; }

    public CancellationToken Cancellation { get; init; }
}
