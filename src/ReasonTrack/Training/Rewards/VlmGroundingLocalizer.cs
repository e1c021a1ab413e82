using Microsoft.Extensions.AI;
using ReasonTrack.Geometry;
using ReasonTrack.IO;
using ReasonTrack.Media;
using ReasonTrack.Reasoning.Modes;
using ReasonTrack.Reasoning.Parsing;
using ReasonTrack.Reasoning.Prompts;
using ReasonTrack.Reasoning.Vlm;

namespace ReasonTrack.Training.Rewards;

/// <summary>
/// Judge localizer by VLM grounding: sends frame 2 with <see cref="R1TrackPrompts.GroundingPrompt"/>
/// (<c>Please return the coordinates of {text} in JSON format.</c>) and R1-Track's sampling (temperature 0, top_p 0.5,
/// top_k 20, max_tokens 512), reads the first box of the reply with <see cref="GroundingReply"/> and maps it to frame
/// pixels with <see cref="CoordinateMapper"/>.
/// <para>
/// <b>Adaptation:</b> the released ReasoningTrack judge tracks from (frame 1, box 1) to frame 2 with a text-conditioned
/// tracker, once with the new description and once with the original. Here the target is grounded in frame 2 from the
/// text alone; frame 1 and box 1 are not used. The judge's comparison is unchanged, but its IoUs measure how well the
/// text names the target for this VLM, not for DUTrack, so scores are not numerically those of the released trainer.
/// </para>
/// <para>
/// The image file is sent as it is (no decoding or re-encoding, so no ffmpeg and no JPEG loss), labelled with the MIME
/// type its bytes have; its size comes from the header. The server resizes it as it would any image, which the
/// mapper accounts for (Qwen2.5's smart resize, or 0..1000 for Qwen2/Qwen3).
/// </para>
/// </summary>
public sealed class VlmGroundingLocalizer(IChatClient client, CoordinateConvention convention) : ITargetLocalizer
{
    public CoordinateConvention Convention => convention;

    public async Task<TargetLocation> LocateAsync(TargetLocalizationRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        byte[] bytes;
        try
        {
            bytes = await File.ReadAllBytesAsync(request.Frame2, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new DataFormatException(request.Frame2, "frame 2 image not found");
        }
        if (!ImageHeader.TryRead(bytes, out var header))
            throw new DataFormatException(request.Frame2, "frame 2 is not a readable JPEG, PNG or BMP image");
        var size = new ImageSize(header.Width, header.Height);
        string mime = header.Kind switch
        {
            ImageFileKind.Png => "image/png",
            ImageFileKind.Bmp => "image/bmp",
            _ => "image/jpeg",
        };

        var message = new ChatMessage(ChatRole.User,
            [new DataContent(bytes, mime), new TextContent(R1TrackPrompts.GroundingPrompt(request.Description))]);
        var response = await client.GetResponseAsync([message], PromptSender.ToOptions(R1TrackPrompts.Sampling), cancellationToken).ConfigureAwait(false);
        string text = response.Text;
        var reply = GroundingReply.Parse(text);
        string? note = reply.Report.Outcome == ParseOutcome.Ok ? null : reply.Report.ToString();
        if (reply.First is not { } first) return new TargetLocation(null, text, note ?? "no box in the reply");
        var mapper = new CoordinateMapper(convention, size, size);
        return new TargetLocation(mapper.ToOriginal(first.Box).ToXywh(), text, note);
    }
}
