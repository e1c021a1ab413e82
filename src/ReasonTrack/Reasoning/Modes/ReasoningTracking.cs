using Microsoft.Extensions.AI;
using ReasonTrack.Geometry;
using ReasonTrack.Media;
using ReasonTrack.Reasoning.Logging;
using ReasonTrack.Trackers;

namespace ReasonTrack.Reasoning.Modes;

/// <summary>
/// One sequence tracked with reasoning, with its side files (written by <see cref="ReasoningOutputs"/>): <c>&lt;seq&gt;_reasoning.jsonl</c> (every call) and
/// <c>&lt;seq&gt;_descriptions.txt</c> (the description in force per frame) beside the boxes. Shared by <c>track</c>
/// and the dataset runner. With a <see cref="Segmentation.MaskRecorder"/> each frame's mask is made from the frame's
/// final result (a reasoner's corrected box included) before the frame is drawn on.
/// </summary>
public static class ReasoningTracking
{
    public static ReasoningTrackingOutcome Track(ReasoningSetupOptions setup, IChatClient client, ITracker tracker, IFrameSource source, Box? init, string? description,
        string boxesPath, Action<ImageFrame, TrackResult>? observe = null, IProgress<int>? progress = null, FrameAnnotator? annotator = null,
        Segmentation.MaskRecorder? masks = null)
    {
        ArgumentNullException.ThrowIfNull(setup);
        ArgumentNullException.ThrowIfNull(source);
        var outputs = ReasoningOutputs.Beside(boxesPath, source.Name);
        outputs.CreateDirectory();
        // The log is flushed per call as before, but under a '.'-named temporary name, published under its real name
        // (one atomic rename) when the sequence ends, normally or not: a reader (or a resumed run, another shard) never
        // sees a half-written log under the real name, and a process killed mid-sequence leaves only the '.' file.
        var log = new ReasoningLog(outputs.LogTemporaryPath);
        try
        {
            return TrackLogged(setup, client, tracker, source, init, description, outputs, log, observe, progress, annotator, masks);
        }
        finally
        {
            log.Dispose();
            outputs.PublishLog();
        }
    }

    private static ReasoningTrackingOutcome TrackLogged(ReasoningSetupOptions setup, IChatClient client, ITracker tracker, IFrameSource source, Box? init, string? description,
        ReasoningOutputs outputs, ReasoningLog log, Action<ImageFrame, TrackResult>? observe, IProgress<int>? progress, FrameAnnotator? annotator,
        Segmentation.MaskRecorder? masks)
    {
        var session = ReasoningSetup.CreateSession(setup, client, tracker, log, description);
        // The annotated video (when the caller gives an annotator) shows the description in force under each frame
        // (the session records it before the frame is observed), cut to what fits the frame's width.
        Action<ImageFrame, TrackResult>? annotate = observe is null || annotator is null ? observe : (frame, result) =>
        {
            if (session.Descriptions.Count > 0 && session.Descriptions[^1] is { Length: > 0 } text)
                annotator.DrawLabel(frame, 0, frame.Height - annotator.LabelHeight, annotator.Fit(text, frame.Width - 2 * annotator.Options.LabelMargin), Rgb.Black, Rgb.White);
            observe(frame, result);
        };
        // Masks are made from the clean frame, before anything is drawn on it (the box a reasoner corrected included).
        var outcome = session.Run(source, init, description, masks is null ? annotate : masks.Before(annotate), progress);
        outputs.WriteDescriptions(session.Descriptions);
        return new ReasoningTrackingOutcome(outcome, session.Calls);
    }
}
