using Microsoft.Extensions.AI;
using ReasonTrack.Geometry;
using ReasonTrack.Media;
using ReasonTrack.Reasoning.Parsing;
using ReasonTrack.Reasoning.Prompts;
using ReasonTrack.Reasoning.Vlm;

namespace ReasonTrack.Reasoning.Modes;

/// <summary>
/// Grounding on a whole frame done right: the frame is resized client-side to the size the model will see (Qwen2.5-VL's
/// smart resize) so its absolute coordinates are exact, the reply is read as xyxy (Qwen's <c>bbox_2d</c>), mapped back
/// through the coordinate convention to frame pixels and clipped to the frame. A box with no area inside the frame is
/// no box. Ours (the released R1-Track text initialization is broken; TrackGPT released none). Used by text
/// initialization (R1-Track's grounding prompt) and by instruction tracking (TrackGPT-like).
/// </summary>
public static class FrameGrounding
{
    public static async Task<ReasoningAnswer> AskAsync(IChatClient client, ImageFrame frame, Func<ImageFrame, VlmPrompt> buildPrompt,
        CoordinateConvention convention, ImageEncoding encoding, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(frame);
        ArgumentNullException.ThrowIfNull(buildPrompt);
        var sendSize = CoordinateMapper.SendSize(convention, frame.Size);
        using var resized = sendSize == frame.Size ? null : ImageOps.Resize(frame, sendSize.Width, sendSize.Height);
        var mapper = new CoordinateMapper(convention, frame.Size, sendSize);
        var exchange = await PromptSender.SendAsync(client, buildPrompt(resized ?? frame), encoding, cancellation).ConfigureAwait(false);
        var reply = GroundingReply.Parse(exchange.Text);
        string? note = reply.Report.Outcome == ParseOutcome.Ok ? null : reply.Report.ToString();
        Box? box = null;
        string decision = "no box";
        if (reply.First is { } first)
        {
            var mapped = mapper.ToOriginal(first.Box);
            var clipped = Overlap.Clip(Box.FromXyxy(mapped.X1, mapped.Y1, mapped.X2, mapped.Y2), frame.Size);
            if (clipped.W >= 1 && clipped.H >= 1)
            {
                box = clipped;
                decision = first.Label is { Length: > 0 } label ? $"box ({label})" : "box";
                if (reply.Boxes.Count > 1) note = Join(note, $"{reply.Boxes.Count} boxes in the reply: the first was taken");
            }
            else note = Join(note, $"box ({first.Box.X1}, {first.Box.Y1}, {first.Box.X2}, {first.Box.Y2}) in {convention} has no area inside the {frame.Size} frame");
        }
        return new ReasoningAnswer
        {
            Status = box is null ? "fallback" : "ok",
            Box = box,
            Visible = box is not null,
            Decision = decision,
            RawReply = exchange.Text,
            PromptHash = exchange.PromptHash,
            Images = exchange.ImageSizes,
            ImageEncodings = exchange.ImageEncodings,
            ImageThumbnails = exchange.ImageThumbnails,
            ParseNote = exchange.Note(note),
        };
    }

    private static string Join(string? a, string b) => a is null ? b : a + "; " + b;
}
