namespace ReasonTrack.Training.Data;

/// <summary>
/// Everything one video contributed to a data set: its rows, what was drawn for them, and why pairs or the whole
/// video were skipped. Saved atomically as <c>parts/&lt;order&gt;_&lt;video&gt;.json</c> once its images are on disk, so a
/// part file on disk means the video is finished (resume skips it) and shards merge by copying parts.
/// </summary>
public sealed record VideoPart
{
    /// <summary>The video's name in its dataset.</summary>
    public required string Video { get; init; }

    /// <summary>The video's position in the dataset's listing (orders the rows of the assembled file).</summary>
    public required int Order { get; init; }

    public IReadOnlyList<TrainingSample> Samples { get; init; } = [];

    /// <summary>One entry per row in <see cref="Samples"/>.</summary>
    public IReadOnlyList<PairDraw> Draws { get; init; } = [];

    /// <summary>Pairs or videos not written, with the reason (one entry per skipped pair, or one for the video).</summary>
    public IReadOnlyList<string> Skipped { get; init; } = [];
}
