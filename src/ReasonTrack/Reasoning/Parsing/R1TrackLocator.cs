using ReasonTrack.Geometry;
using ReasonTrack.Reasoning.Crops;

namespace ReasonTrack.Reasoning.Parsing;

/// <summary>
/// Turns an R1-Track reply into the frame box exactly as the released loop does:
/// no box → the previous crop-space box; clamp each value to <c>[0, out]</c>; if <c>x1 &gt;= x2</c> or
/// <c>y1 &gt;= y2</c> → the previous crop-space box; map back with the search crop's mapping
/// (<c>X = x / resize_factor + crop_x1</c>); clip <c>x = max(0, X)</c>, <c>w = max(1, min(W, imgW - x))</c> (same for y, h).
/// Released: <c>infer_script/r1track.py</c> at HEAD, <c>R1TRACK.track</c> (the clamp, order check, map-back and
/// clip), which applies a box that touches the image border.
/// <para>
/// <paramref name="rejectBorderBoxes"/> (off by default) restores the <b>pre-0.680 behaviour</b> that commit 969f246
/// removed: a box touching the image border (<c>x == 0</c>, <c>y == 0</c>, <c>w == 1</c>, <c>h == 1</c>,
/// <c>w == imgW - x</c> or <c>h == imgH - y</c>) is refused, the previous frame box kept and the crop-space
/// fallback not updated (the old <c>continue</c>).
/// </para>
/// <para>
/// <paramref name="modelSpace"/> maps the reply from the model's coordinate space to crop pixels first (identity for
/// Qwen2.5-VL on 336 px crops, which it does not resize; 0..1000 for Qwen2-VL/Qwen3-VL base models used zero-shot).
/// </para>
/// </summary>
public static class R1TrackLocator
{
    public static R1TrackLocation Locate(R1TrackReply reply, BoxXyxy lastCropBox, CropMapping searchCrop, ImageSize image, Box lastBox,
        bool rejectBorderBoxes = false, Vlm.CoordinateMapper? modelSpace = null)
    {
        ArgumentNullException.ThrowIfNull(reply);
        var log = new ParseLog();
        foreach (var issue in reply.Report.Issues)
            if (reply.Report.Outcome == ParseOutcome.Fallback) log.Fallback(issue, reply.Report.Message);
            else log.Repair(issue, reply.Report.Message);

        var raw = reply.Box is { } answered ? modelSpace?.ToOriginal(answered) ?? answered : lastCropBox;
        double o = searchCrop.OutSize;
        var clamped = new BoxXyxy(Math.Clamp(raw.X1, 0, o), Math.Clamp(raw.Y1, 0, o), Math.Clamp(raw.X2, 0, o), Math.Clamp(raw.Y2, 0, o));
        if (reply.Box is not null && clamped != raw) log.Repair(ParseIssue.OutOfRange, $"answer clamped to [0, {searchCrop.OutSize}]");
        if (clamped.X1 >= clamped.X2 || clamped.Y1 >= clamped.Y2)
        {
            if (reply.Box is not null)
                log.Fallback(raw.X2 < raw.X1 || raw.Y2 < raw.Y1 ? ParseIssue.Swapped : ParseIssue.Degenerate, "box has no area after clamping: previous crop box used");
            clamped = lastCropBox;
        }

        var mapped = searchCrop.ToImage(clamped);
        double x = Math.Max(0, mapped.X), y = Math.Max(0, mapped.Y);
        double w = Math.Max(1, Math.Min(mapped.W, image.Width - x));
        double h = Math.Max(1, Math.Min(mapped.H, image.Height - y));
        if (rejectBorderBoxes && (x == 0 || y == 0 || w == 1 || h == 1 || w == image.Width - x || h == image.Height - y))
        {
            log.Fallback(ParseIssue.TouchesBorder, "box touches the image border: previous box kept (reject border boxes: the pre-0.680 rule)");
            return new R1TrackLocation(lastBox, lastCropBox, false, log.ToReport());
        }
        return new R1TrackLocation(new Box(x, y, w, h), clamped, !log.IsFallback, log.ToReport());
    }
}
