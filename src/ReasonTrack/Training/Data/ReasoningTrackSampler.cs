using ReasonTrack.Geometry;
using ReasonTrack.Media;
using ReasonTrack.Reasoning.Parsing;
using ReasonTrack.Reasoning.Modes;
using ReasonTrack.Reasoning.Prompts;

namespace ReasonTrack.Training.Data;

/// <summary>
/// ReasoningTrack GRPO rows (seed facts section 2): two whole frames <c>u</c> frames apart, both with a usable target,
/// and the video's description. <c>problem</c> = <see cref="ReasoningTrackPrompts.GrpoProblem"/> (the 88-character
/// prefix and the description only: the system prompt comes from the format-prompt template written beside the rows,
/// <see cref="ReasoningTrackFormatPrompt"/>); columns <c>bbox1</c> (frame-1 box <c>x,y,w,h</c>),
/// <c>pic1</c>, <c>pic2</c> (image paths) and <c>answer</c> (frame-2 box <c>x,y,w,h</c>), boxes written as the dataset
/// holds them (shortest round-trip numbers). Frames are stored once per video under their frame number, so pairs
/// sharing a frame share its file.
/// <para>
/// SFT rows (<see cref="ReasoningTrackRows.Sft"/>, the layout of the released SFT set): <c>instruction</c> =
/// <see cref="MakeDataOptions.SftInstructionText"/> (default the multi-line instruction with <c>&lt;d&gt;</c> of 797 of
/// the 997 released rows; the one-line one of <c>sft_dataset_TNLLT.json</c> as an option), <c>input</c> = <c>&lt;image&gt;&lt;image&gt;</c> + description,
/// <c>output</c> = the teacher's reply, <c>images</c> = both frames. The teacher is asked what the student will be
/// shown (LLaMA-Factory joins instruction and input with a newline): one user turn [frame 1, frame 2, instruction +
/// newline + description], JPEG, no sampling fields. A reply enters the set only if <see cref="TeacherModel.Check"/>
/// accepts it; otherwise the pair is skipped with the check's reason. A failed request fails the video (no part is
/// saved, a rerun asks again).
/// </para>
/// <para>
/// Draw order: the first frames of all pairs at once, without replacement, uniform over the frames f such that f and
/// f + u are both usable (fewer pairs when the video has fewer such frames).
/// </para>
/// </summary>
public sealed class ReasoningTrackSampler : IPairSampler
{
    private readonly MakeDataOptions _options;

    private readonly TeacherModel? _teacher;

    /// <param name="teacher">Required for SFT rows, ignored for GRPO rows.</param>
    /// <exception cref="ArgumentException">SFT rows without a teacher.</exception>
    public ReasoningTrackSampler(MakeDataOptions options, TeacherModel? teacher = null)
    {
        _options = options ?? throw new ArgumentNullException(nameof(options));
        if (options.Rows == ReasoningTrackRows.Sft && teacher is null) throw new ReasonTrackException("ReasoningTrack SFT rows need a teacher model (its server and model name)");
        _teacher = options.Rows == ReasoningTrackRows.Sft ? teacher : null;
    }

    public TrainingRecipe Recipe => TrainingRecipe.ReasoningTrack;

    public VideoPart Sample(TrainingVideo video, DeterministicRandom random, Func<IEnumerable<int>, Dictionary<int, ImageFrame>> loadFrames, TrainingImageStore images)
    {
        ArgumentNullException.ThrowIfNull(video);
        ArgumentNullException.ThrowIfNull(random);
        ArgumentNullException.ThrowIfNull(loadFrames);
        ArgumentNullException.ThrowIfNull(images);
        if (video.Description is null)
            return new VideoPart { Video = video.Name, Order = video.Order, Skipped = ["video: no language description (give a fallback description)"] };
        int u = _options.Interval;
        var starts = video.UsableFrames().Where(f => video.IsUsable(f + u)).ToList();
        if (starts.Count == 0)
            return new VideoPart { Video = video.Name, Order = video.Order, Skipped = [$"video: no two frames {u} apart both have a visible target with a valid box"] };

        var skipped = new List<string>();
        int k = Math.Min(_options.PairsPerVideo, starts.Count);
        for (int i = k; i < _options.PairsPerVideo; i++) skipped.Add($"pair: the video has only {starts.Count} frame pair(s) {u} apart with visible targets");
        var firsts = random.Sample(starts, k);

        var samples = new List<TrainingSample>();
        var draws = new List<PairDraw>();
        var pixels = loadFrames(firsts.SelectMany(f => new[] { f, f + u }));
        try
        {
            var saved = new Dictionary<int, string>();
            string? PathOf(int frame)
            {
                if (saved.TryGetValue(frame, out var p)) return p;
                if (!pixels.TryGetValue(frame, out var image)) return null;
                return saved[frame] = images.Save(image, video.Name, $"{frame + video.Sequence.FirstFrameNumber:D6}");
            }
            for (int p = 0; p < firsts.Count; p++)
            {
                int f1 = firsts[p], f2 = f1 + u;
                string? pic1 = PathOf(f1), pic2 = PathOf(f2);
                if (pic1 is null || pic2 is null)
                {
                    skipped.Add("pair: a frame could not be decoded");
                    continue;
                }
                Box b1 = video.Box(f1), b2 = video.Box(f2);
                var draw = new PairDraw { BoxSizes = [Math.Sqrt(b1.Area), Math.Sqrt(b2.Area)] };
                if (_teacher is not null)
                {
                    string reply = AskTeacher(_teacher, pixels[f1], pixels[f2], _options.SftInstructionText(), video.Description);
                    if (!_teacher.Check.Accepts(reply, out string reason))
                    {
                        skipped.Add($"pair: teacher reply rejected by {_teacher.Check.Name}: {reason}");
                        continue;
                    }
                    samples.Add(new TrainingSample
                    {
                        Id = $"{video.Name}/{p:D4}",
                        Images = [pic1, pic2],
                        Instruction = _options.SftInstructionText(),
                        Prompt = ReasoningTrackPrompts.SftInput(video.Description),
                        Answer = reply,
                        Extra = [new ExtraColumn("video", video.Name), new ExtraColumn("frames", $"{f1},{f2}")],
                    });
                    draws.Add(draw with { UpdateDecision = ReasoningTrackReply.Parse(reply).D == "yes" });
                    continue;
                }
                string bbox1 = BoxText.Format(b1, ","), answer = BoxText.Format(b2, ",");
                samples.Add(new TrainingSample
                {
                    Id = $"{video.Name}/{p:D4}",
                    Images = [pic1, pic2],
                    Prompt = ReasoningTrackPrompts.GrpoProblem(video.Description),
                    Answer = answer,
                    Extra = [new ExtraColumn("bbox1", bbox1), new ExtraColumn("pic1", pic1), new ExtraColumn("pic2", pic2), new ExtraColumn("video", video.Name), new ExtraColumn("frames", $"{f1},{f2}")],
                });
                draws.Add(draw);
            }
        }
        finally
        {
            foreach (var f in pixels.Values) f.Dispose();
        }
        return new VideoPart { Video = video.Name, Order = video.Order, Samples = samples, Draws = draws, Skipped = skipped };
    }

    /// <summary>The teacher's reply for one pair (synchronous: samplers run on worker threads, one video each).</summary>
    private static string AskTeacher(TeacherModel teacher, ImageFrame frame1, ImageFrame frame2, string instruction, string description)
    {
        var prompt = new VlmPrompt(null,
            [PromptPart.FromImage(frame1), PromptPart.FromImage(frame2), PromptPart.FromText(instruction + "\n" + description)],
            SamplingParameters.ServerDefaults);
        var response = teacher.Client.GetResponseAsync(PromptSender.ToMessages(prompt, Media.ImageEncoding.Jpeg(teacher.JpegQuality)).Messages, PromptSender.ToOptions(prompt.Sampling)).GetAwaiter().GetResult();
        return response.Text;
    }
}
