using ReasonTrack.Geometry;

namespace ReasonTrack.Reasoning.Prompts;

/// <summary>
/// ReasoningTrack's decision to ask the VLM, as pure functions. Released rule: every 10th frame compare the box at
/// the last update (<c>his</c>) with the current box; update on the NEXT frame if <c>min(area)/max(area) &lt; 0.95</c>
/// or the distance between the two TOP-LEFT corners (not centres) exceeds imageHeight/32 or imageWidth/32. Both
/// comparisons are strict. Which frames are "every 10th" is taken as 0-based index % 10 == 0 (frame 0 excluded,
/// it is the initialisation); the caller schedules the request for the frame after a positive check.
/// </summary>
public static class UpdateTrigger
{
    /// <summary>True on frames where the motion test runs.</summary>
    public static bool IsCheckFrame(int frameIndex, UpdateTriggerOptions? options = null)
    {
        int every = (options ?? UpdateTriggerOptions.Released).CheckEvery;
        return frameIndex > 0 && every > 0 && frameIndex % every == 0;
    }

    /// <summary>The motion test alone (area change and corner displacement), regardless of the frame index.</summary>
    public static UpdateTriggerReason Motion(Box his, Box current, ImageSize image, UpdateTriggerOptions? options = null)
    {
        var o = options ?? UpdateTriggerOptions.Released;
        var reason = UpdateTriggerReason.None;
        double a = his.Area, b = current.Area;
        double max = Math.Max(a, b);
        // Both boxes empty: no change in size. One empty: ratio 0, a change.
        double ratio = max > 0 ? Math.Min(a, b) / max : 1;
        if (ratio < o.AreaRatio) reason |= UpdateTriggerReason.AreaChange;
        double dx = current.X - his.X, dy = current.Y - his.Y;
        double tw = image.Width / o.DistanceDivisor, th = image.Height / o.DistanceDivisor;
        bool moved = o.Displacement == DisplacementRule.PerAxis
            ? Math.Abs(dx) > tw || Math.Abs(dy) > th
            : Math.Sqrt(dx * dx + dy * dy) is var d && (d > th || d > tw);
        if (moved) reason |= UpdateTriggerReason.Displacement;
        return reason;
    }

    /// <summary>
    /// All enabled triggers for <paramref name="frameIndex"/>: motion (only on check frames), interval since
    /// <paramref name="lastUpdateFrame"/>, and confidence drop when both scores are given.
    /// </summary>
    public static UpdateTriggerReason Evaluate(int frameIndex, int lastUpdateFrame, Box his, Box current, ImageSize image,
        double? score = null, double? firstScore = null, UpdateTriggerOptions? options = null)
    {
        var o = options ?? UpdateTriggerOptions.Released;
        var reason = o.Motion && IsCheckFrame(frameIndex, o) ? Motion(his, current, image, o) : UpdateTriggerReason.None;
        if (o.Interval is int u && u > 0 && frameIndex - lastUpdateFrame >= u) reason |= UpdateTriggerReason.Interval;
        if (o.ConfidenceDropFactor is double f && score is double s && firstScore is double s0 && RethinkRule.ShouldRethink(s, s0, f)
            && frameIndex - lastUpdateFrame >= Math.Max(1, o.CheckEvery))
            reason |= UpdateTriggerReason.ConfidenceDrop;
        return reason;
    }
}
