using Microsoft.Extensions.AI;
using ReasonTrack.Geometry;
using ReasonTrack.Media;
using ReasonTrack.Reasoning.Crops;
using ReasonTrack.Reasoning.Parsing;
using ReasonTrack.Reasoning.Prompts;
using ReasonTrack.Reasoning.Vlm;
using ReasonTrack.Trackers;

namespace ReasonTrack.Reasoning.Modes;

/// <summary>
/// R1-Track: the vision-language model is the tracker. On the first frame the template crop (factor 4, 336 px) is
/// cut once and cached with the target's box in it; on every later frame a search crop (factor 4, 336 px) is cut
/// around the last box and the model is asked for the target's corners in it. The reply is parsed, clamped, checked
/// and mapped back exactly as the released loop does (<see cref="R1TrackLocator"/>), falling back to the previous box.
/// <para>
/// Run it with the <c>identity</c> tracker underneath, which holds the last box: in sync mode every frame gets the
/// model's answer (the paper's ~1 frame/s); in realtime mode the video goes on at its own speed, the newest frame is
/// always the next one asked about, and each answer moves the box when it arrives.
/// </para>
/// </summary>
public sealed class R1TrackReasoner(IChatClient client, R1TrackOptions? options = null) : IFrameReasoner
{
    private readonly R1TrackOptions _options = options ?? new R1TrackOptions();
    private TargetCrop? _template;
    private BoxXyxy _lastCropBox;
    private Box _lastBox;
    private int _version; // bumped whenever _lastBox/_lastCropBox change, so a fallback computed from older state can be told apart

    public string Mode => "r1track";

    public ReasoningRequest? Consider(int frame, ImageFrame image, TrackResult tracked, ReasoningState state)
    {
        ArgumentNullException.ThrowIfNull(image);
        if (frame == 0 || _template is null)
        {
            _template = R1TrackPrompts.TemplateCrop(image, tracked.Box);
            _lastCropBox = _template.TargetInCrop;
            _lastBox = tracked.Box;
            return null;
        }
        // The crop is cut on the loop (it needs the pooled frame); encoding and the call run wherever the scheduler says.
        var search = R1TrackPrompts.SearchCrop(image, _lastBox);
        var template = _template;
        var lastCropBox = _lastCropBox;
        var lastBox = _lastBox;
        var size = image.Size;
        int version = _version;
        return new ReasoningRequest("every-frame", ct => AskAsync(template, search, lastCropBox, lastBox, size, version, ct));
    }

    private async Task<ReasoningAnswer> AskAsync(TargetCrop template, TargetCrop search, BoxXyxy lastCropBox, Box lastBox, ImageSize size, int version, CancellationToken ct)
    {
        var model = new CoordinateMapper(_options.Convention, search.Image.Size, search.Image.Size);
        // The box written into the prompt is in the model's space (crop pixels for Qwen2.5-VL on 336 px crops).
        var shown = template with { TargetInCrop = model.ToModel(template.TargetInCrop) };
        var prompt = R1TrackPrompts.Build(shown, search.Image, _options.Think, _options.Legacy5kPrompt);
        var exchange = await PromptSender.SendAsync(client, prompt, _options.ImageEncoding, ct).ConfigureAwait(false);
        var reply = R1TrackReply.Parse(exchange.Text, _options.Think, _options.Parsing);
        var location = R1TrackLocator.Locate(reply, lastCropBox, search.Mapping, size, lastBox, _options.RejectBorderBoxes, model);
        return new ReasoningAnswer
        {
            Status = location.Updated ? "ok" : "fallback",
            Box = location.Box,
            Visible = true,
            Decision = location.Updated ? "box" : "previous box kept",
            RawReply = exchange.Text,
            PromptHash = exchange.PromptHash,
            Images = exchange.ImageSizes,
            ImageEncodings = exchange.ImageEncodings,
            ImageThumbnails = exchange.ImageThumbnails,
            ParseNote = exchange.Note(location.Report.Outcome == ParseOutcome.Ok ? null : location.Report.ToString()),
            Detail = (location, version),
        };
    }

    /// <summary>
    /// A box the model gave is applied however late: R1-Track has no other source of boxes, and answers arrive in the
    /// order they were asked. A fallback (the previous crop-space box, or the previous frame box) is applied only when
    /// it was computed from the state still in force: in realtime mode a later request can start before an earlier
    /// answer is applied, and its fallback would move the box back (stale). Score 1 when the reply's box was used,
    /// 0 for a fallback.
    /// </summary>
    public AnswerUse Apply(ReasoningAnswer answer, int askedFrame, int currentFrame, ReasoningState state)
    {
        ArgumentNullException.ThrowIfNull(answer);
        ArgumentNullException.ThrowIfNull(state);
        if (answer.Detail is not (R1TrackLocation location, int version)) return AnswerUse.Stale;
        if (!location.Updated && version != _version) return AnswerUse.Stale;
        _version++;
        _lastCropBox = location.LastCropBox;
        _lastBox = location.Box;
        state.Correction = new TrackResult(location.Box, location.Updated ? 1 : 0, true);
        return AnswerUse.Applied;
    }
}
