using Microsoft.Extensions.AI;
using ReasonTrack.Geometry;
using ReasonTrack.Media;
using ReasonTrack.Reasoning.Parsing;
using ReasonTrack.Reasoning.Prompts;
using ReasonTrack.Reasoning.Vlm;
using ReasonTrack.Trackers;

namespace ReasonTrack.Reasoning.Modes;

/// <summary>
/// VPTracker: global search with a visual prompt, as its release runs it (<c>evaluation/infer_tracking_qwen_vlt_crop_absent.py</c>
/// run_sequence/run_model, and its ms-swift fork's <c>swift/llm/template/base.py</c>). The template is frame 1 cropped
/// with factor 2 (<see cref="VpTrackerPrompts.TemplateRegion"/>: clipped, not padded, the +1 far-pad quirk), the search
/// image is the whole current frame with a red 3 px rectangle at 4x the previous box
/// (<see cref="Drawing.DrawVisualPrompt"/>: PIL's rectangle on truncated, clamped corners), and the text is the
/// description in force (the refined one when a refiner runs beside it; from a dataset, the whole language file, see
/// <see cref="ReasoningSetup.LanguageReadingFor"/>). The reply's JSON <c>{visible, bbox}</c> is checked as released
/// (<see cref="VpTrackerReply"/>); on any failure the previous box is kept.
/// <para>
/// <see cref="VpTrackerRole.EveryFrame"/> is the released system (identity tracker underneath).
/// <see cref="VpTrackerRole.Relocator"/> makes it the global re-localizer of a hybrid run: it is asked only while the
/// visual tracker reports the target lost, the rectangle is drawn around the last box the tracker was sure of, and a
/// found box re-initializes the tracker — unless the answer is stale, the tracker has recovered by itself meanwhile,
/// or the box fails the size guard.
/// </para>
/// </summary>
public sealed class VpTrackerReasoner(IChatClient client, VpTrackerOptions? options = null) : IFrameReasoner
{
    private readonly VpTrackerOptions _options = options ?? new VpTrackerOptions();
    private ImageFrame? _template;
    private Box _previous;
    private int _lastAsked = int.MinValue / 2;

    public string Mode => "vptracker";

    public ReasoningRequest? Consider(int frame, ImageFrame image, TrackResult tracked, ReasoningState state)
    {
        ArgumentNullException.ThrowIfNull(image);
        ArgumentNullException.ThrowIfNull(state);
        if (frame == 0 || _template is null)
        {
            _template = VpTrackerPrompts.TemplateCrop(image, tracked.Box);
            _previous = tracked.Box;
            return null;
        }
        string trigger = "every-frame";
        if (_options.Role == VpTrackerRole.Relocator)
        {
            if (tracked.Found)
            {
                _previous = tracked.Box;
                return null;
            }
            if (frame - _lastAsked < _options.MinFramesBetweenCalls) return null;
            trigger = "lost";
        }
        _lastAsked = frame;
        var search = VpTrackerPrompts.SearchImage(image, _previous);
        string language = state.Description ?? state.InitialDescription ?? "";
        var template = _template;
        return new ReasoningRequest(trigger, ct => AskAsync(template, search, language, ct));
    }

    private async Task<ReasoningAnswer> AskAsync(ImageFrame template, ImageFrame search, string language, CancellationToken ct)
    {
        var sendSize = CoordinateMapper.SendSize(_options.Convention, search.Size);
        using var resized = sendSize == search.Size ? null : ImageOps.Resize(search, sendSize.Width, sendSize.Height);
        var mapper = new CoordinateMapper(_options.Convention, search.Size, sendSize);
        var exchange = await PromptSender.SendAsync(client, VpTrackerPrompts.Build(template, resized ?? search, language), _options.ImageEncoding, ct).ConfigureAwait(false);
        // The released checks compare against the extent of the space the model answers in.
        var reply = VpTrackerReply.Parse(exchange.Text, mapper.ModelSpace, _options.Parsing);
        Box? box = reply.Box is { } b ? mapper.ToOriginal(b).ToXywh() : null;
        return new ReasoningAnswer
        {
            Status = reply.Found || reply.Visible == false ? "ok" : "fallback",
            Box = box,
            Visible = reply.Visible == false ? false : box is null ? null : true,
            Decision = reply.Visible == false ? "visible=no" : box is null ? "no usable box" : "visible=yes",
            RawReply = exchange.Text,
            PromptHash = exchange.PromptHash,
            Images = exchange.ImageSizes,
            ImageEncodings = exchange.ImageEncodings,
            ImageThumbnails = exchange.ImageThumbnails,
            ParseNote = exchange.Note(reply.Report.Outcome == ParseOutcome.Ok || reply.Visible == false ? null : reply.Report.ToString()),
        };
    }

    public AnswerUse Apply(ReasoningAnswer answer, int askedFrame, int currentFrame, ReasoningState state)
    {
        ArgumentNullException.ThrowIfNull(answer);
        ArgumentNullException.ThrowIfNull(state);
        if (_options.Role == VpTrackerRole.EveryFrame)
        {
            if (answer.Box is { } box)
            {
                _previous = box;
                state.Correction = new TrackResult(box, 1, true);
            }
            else if (answer.Visible == false)
            {
                // Released: the previous box is written; we also say the target was not found.
                state.Correction = new TrackResult(_previous, 0, false);
            }
            return AnswerUse.Applied;
        }

        // Relocator.
        if (answer.Box is not { } found) return AnswerUse.Applied; // "not visible" or unusable: nothing to do, the tracker goes on searching
        if (currentFrame - askedFrame > _options.MaxAnswerAge) return AnswerUse.Stale;
        if (state.Current.Found) return AnswerUse.Stale; // the tracker recovered by itself while the model was thinking
        if (_options.MaxSizeChange > 0 && !SizeIsPlausible(found, _previous, _options.MaxSizeChange)) return AnswerUse.Rejected;
        _previous = found;
        state.Correction = new TrackResult(found, 1, true);
        return AnswerUse.Applied;
    }

    private static bool SizeIsPlausible(Box found, Box reference, double factor) =>
        !(reference.W > 0 && reference.H > 0)
        || (found.W <= reference.W * factor && found.W >= reference.W / factor && found.H <= reference.H * factor && found.H >= reference.H / factor);
}
