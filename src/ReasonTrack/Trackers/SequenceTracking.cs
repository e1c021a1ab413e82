using System.Diagnostics;
using ReasonTrack.Geometry;
using ReasonTrack.Media;

namespace ReasonTrack.Trackers;

/// <summary>
/// Runs a tracker over a frame source: initialize on the first frame, update on the others, time only the tracker's
/// own work, keep the last box on frames that could not be read, and hand every frame with its result to an optional
/// observer (drawing, video writing) before the frame is released. A tracker that reads text (<see cref="ITextTracker"/>)
/// is given the description before it is initialized; plain tracking has no reasoning, so the text never changes
/// (with reasoning, <see cref="Reasoning.Modes.ReasoningSession"/> delivers each new description).
/// </summary>
public static class SequenceTracking
{
    /// <param name="description">The target's description for a tracker that reads text (null: none); visual-only trackers ignore it.</param>
    public static TrackingOutcome Run(ITracker tracker, IFrameSource source, Box initialBox,
        Action<ImageFrame, TrackResult>? observe = null, IProgress<int>? progress = null, CancellationToken cancellation = default, string? description = null) =>
        Run(tracker, source, _ => initialBox, observe, progress, cancellation, description);

    /// <summary>
    /// As above, with the initial box decided on the first frame by <paramref name="initialBoxFor"/> (grounding a
    /// description or an instruction with a vision-language model when no box was given).
    /// </summary>
    public static TrackingOutcome Run(ITracker tracker, IFrameSource source, Func<ImageFrame, Box> initialBoxFor,
        Action<ImageFrame, TrackResult>? observe = null, IProgress<int>? progress = null, CancellationToken cancellation = default, string? description = null)
    {
        ArgumentNullException.ThrowIfNull(initialBoxFor);
        var text = new TextDelivery(tracker);
        Box initialBox = default;
        var boxes = new List<Box>(source.FrameCount ?? 1024);
        var scores = new List<double>(boxes.Capacity);
        var found = new List<bool>(boxes.Capacity);
        var times = new List<double>(boxes.Capacity);
        var warnings = new List<string>();
        ImageSize? size = null;
        var last = default(TrackResult);
        long ticks;

        foreach (var frame in source.ReadFrames(cancellation))
        {
            try
            {
                if (size is null)
                {
                    size = frame.Size;
                    if (frame.Status != FrameStatus.Ok)
                        throw new ReasonTrackException($"the first frame ({frame.Origin}) cannot be read: there is nothing to initialize on");
                    initialBox = initialBoxFor(frame);
                    ValidateInitialBox(initialBox, frame.Size);
                    ticks = Stopwatch.GetTimestamp();
                    text.Deliver(description);
                    tracker.Initialize(frame, initialBox);
                    times.Add(Stopwatch.GetElapsedTime(ticks).TotalSeconds);
                    last = new TrackResult(initialBox, 1, true);
                    scores.Add(1);
                }
                else if (frame.Status != FrameStatus.Ok)
                {
                    // A corrupt frame: keep the last box, say so, do not let the tracker learn from garbage.
                    warnings.Add($"frame {frame.Index + 1} ({frame.Origin}) could not be read: the last box is kept");
                    last = last with { Found = false };
                    times.Add(0);
                    scores.Add(double.NaN);
                }
                else
                {
                    if (frame.Size != size)
                        throw new ReasonTrackException($"frame {frame.Index + 1} ({frame.Origin}) is {frame.Size}, the sequence started at {size}");
                    ticks = Stopwatch.GetTimestamp();
                    last = tracker.Update(frame);
                    times.Add(Stopwatch.GetElapsedTime(ticks).TotalSeconds);
                    scores.Add(last.Score);
                }
                boxes.Add(last.Box);
                found.Add(last.Found);
                observe?.Invoke(frame, last);
                progress?.Report(boxes.Count);
            }
            finally
            {
                frame.Dispose();
            }
        }
        if (boxes.Count == 0) throw new ReasonTrackException($"{source.Name}: the source delivered no frames");
        warnings.InsertRange(0, source.Warnings);
        return new TrackingOutcome
        {
            Sequence = source.Name,
            Tracker = tracker.Name,
            Boxes = boxes.ToArray(),
            Scores = scores.ToArray(),
            Found = found.ToArray(),
            Times = times.ToArray(),
            Warnings = warnings,
        };
    }

    /// <summary>A box a tracker can start from: finite, positive size, overlapping the image.</summary>
    public static void ValidateInitialBox(Box box, ImageSize image)
    {
        if (!box.IsFinite) throw new ReasonTrackException($"initial box {box} is not a finite x,y,w,h");
        if (box.W < 1 || box.H < 1) throw new ReasonTrackException($"initial box {box} has a zero or negative size (w and h must be >= 1 px)");
        var clipped = Overlap.Clip(box, image);
        if (clipped.W < 1 || clipped.H < 1)
            throw new ReasonTrackException($"initial box {box} lies outside the {image} image");
    }
}
