using System.Diagnostics;
using ReasonTrack.Geometry.Masks;
using ReasonTrack.Media;
using ReasonTrack.Results.Masks;
using ReasonTrack.Trackers;

namespace ReasonTrack.Segmentation;

/// <summary>
/// Collects one object's mask per frame while a sequence is tracked (ours): the tracker's own mask when it sends one
/// (<see cref="IMaskTracker"/>), else the segmenter's mask of the frame's box, else none. Hook <see cref="Observe"/>
/// in front of the frame observer (it runs before the frame is released, so drawing after it can overlay
/// <see cref="Current"/>). Frame 1 (the initialization) is segmented from the initial box. Frames where the tracker
/// reports the target lost get an empty mask when <see cref="SegmenterOptions.EmptyWhenLost"/>. Time spent segmenting
/// is kept apart from the tracking times (<see cref="Seconds"/>). Not thread-safe: one per sequence.
/// </summary>
public sealed class MaskRecorder : IDisposable
{
    private readonly ITracker? _tracker;
    private readonly ISegmenter? _segmenter;
    private readonly bool _emptyWhenLost;
    private byte[] _dense = [];
    private SequenceMasks? _masks;
    private readonly List<double> _seconds = [];

    /// <param name="tracker">The tracker whose masks are taken when it sends them (null: the segmenter only).</param>
    /// <param name="options">The segmenter (created here, disposed with this recorder).</param>
    /// <param name="objectId">The object id the masks are filed under (DAVIS ids are 1..254).</param>
    public MaskRecorder(ITracker? tracker, SegmenterOptions? options, int objectId = 1)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(objectId);
        if (objectId > 254) throw new ArgumentOutOfRangeException(nameof(objectId), $"object id {objectId} does not fit a DAVIS PNG (1..254)");
        options ??= SegmenterOptions.None;
        _tracker = tracker;
        _segmenter = options.Create();
        _emptyWhenLost = options.EmptyWhenLost;
        ObjectId = objectId;
    }

    /// <summary>The object id masks are filed under.</summary>
    public int ObjectId { get; }

    /// <summary>Whether any mask can come at all (a segmenter, or a tracker able to send masks).</summary>
    public bool Active => _segmenter is not null || _tracker is IMaskTracker;

    /// <summary>The masks so far (null before the first mask).</summary>
    public SequenceMasks? Masks => _masks;

    /// <summary>The last frame's mask (null when that frame got none).</summary>
    public Mask? Current { get; private set; }

    /// <summary>Seconds spent segmenting per observed frame (0 where the tracker's own mask was taken or none was made).</summary>
    public IReadOnlyList<double> Seconds => _seconds;

    /// <summary>Makes (or takes) the mask of <paramref name="frame"/> for <paramref name="result"/> and files it.</summary>
    public void Observe(ImageFrame frame, TrackResult result)
    {
        ArgumentNullException.ThrowIfNull(frame);
        Current = null;
        long started = Stopwatch.GetTimestamp();
        double seconds = 0;
        if (frame.Status == FrameStatus.Ok)
        {
            if (frame.Index > 0 && _tracker is IMaskTracker { LastMask: { } own } && own.Width == frame.Width && own.Height == frame.Height)
                Current = own;
            else if (_segmenter is not null)
            {
                if (!result.Found && _emptyWhenLost) Current = Mask.Empty(frame.Width, frame.Height);
                else
                {
                    if (_dense.Length != frame.Width * frame.Height) _dense = new byte[frame.Width * frame.Height];
                    _segmenter.Segment(frame, result.Box, _dense);
                    Current = Mask.FromDense(_dense, frame.Width, frame.Height);
                }
                seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
            }
        }
        while (_seconds.Count < frame.Index) _seconds.Add(0);
        _seconds.Add(seconds);
        if (Current is null) return;
        _masks ??= new SequenceMasks(frame.Width, frame.Height);
        _masks.Set(frame.Index, ObjectId, Current);
    }

    /// <summary><see cref="Observe"/> in front of <paramref name="next"/> (when this recorder is active).</summary>
    public Action<ImageFrame, TrackResult>? Before(Action<ImageFrame, TrackResult>? next) =>
        !Active ? next : next is null ? Observe : (frame, result) =>
        {
            Observe(frame, result);
            next(frame, result);
        };

    public void Dispose() => _segmenter?.Dispose();
}
