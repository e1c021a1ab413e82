using ReasonTrack.Datasets;
using ReasonTrack.Evaluation;

namespace ReasonTrack.Reports.Html;

/// <summary>Everything a sequence page is built from; given to <see cref="IFrameSeriesProvider"/>s and <see cref="IFrameOverlay"/>s.</summary>
public sealed class SequencePageContext
{
    public required EvaluationReport Report { get; init; }

    /// <summary>The sequence with its ground truth (frames listed when the dataset has them).</summary>
    public required Sequence Sequence { get; init; }

    /// <summary>Every tracker with results on this sequence, in leaderboard order.</summary>
    public required IReadOnlyList<TrackerFrames> Trackers { get; init; }

    private readonly System.Collections.Concurrent.ConcurrentDictionary<TrackerFrames, double[]> _iou = new();
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, Lazy<object?>> _shared = new(StringComparer.Ordinal);

    /// <summary>Where a provider or overlay reports a problem with this sequence (listed in the build's warnings); null = dropped.</summary>
    public Action<string>? Warn { get; init; }

    /// <summary>
    /// Data several providers and overlays of one page need (e.g. the masks read once for the video and the J/F
    /// charts): made by <paramref name="make"/> on first use under <paramref name="key"/>, then shared.
    /// </summary>
    public T Shared<T>(string key, Func<T> make) where T : class? =>
        (T)_shared.GetOrAdd(key, _ => new Lazy<object?>(() => make(), LazyThreadSafetyMode.ExecutionAndPublication)).Value!;

    /// <summary>The IoU per frame of <paramref name="tracker"/> (<see cref="IouSeriesProvider.Compute"/>), computed once per page.</summary>
    public double[] Iou(TrackerFrames tracker) => _iou.GetOrAdd(tracker, t => IouSeriesProvider.Compute(this, t.Boxes));

    /// <summary>Frames shown: the ground truth's length.</summary>
    public int Frames => Sequence.Length;

    /// <summary>Whether the target is absent on 0-based frame <paramref name="frame"/> (absence label, full cover or a ground-truth row that is not a box).</summary>
    public bool IsAbsent(int frame)
    {
        if (!Sequence.IsVisible(frame)) return true;
        var g = Sequence.GroundTruth[frame];
        return g.HasNaN || !(g.W > 0 && g.H > 0);
    }
}
