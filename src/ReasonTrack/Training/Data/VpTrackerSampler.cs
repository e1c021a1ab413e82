using ReasonTrack.Geometry;
using ReasonTrack.Media;
using ReasonTrack.Reasoning.Prompts;

namespace ReasonTrack.Training.Data;

/// <summary>
/// VPTracker pairs (seed facts section 4): the template is a usable frame cropped with factor 2, clipped to the image
/// and not resized (<see cref="VpTrackerPrompts.TemplateCrop"/>); the search image is a later frame, whole, with the
/// red 3 px outline of <see cref="Drawing.DrawVisualPrompt"/> at an integer scale randint(2, 8) around a reference box,
/// the target inside it with probability 0.9 (<see cref="VisualPromptPlacement"/>). The target may be absent from the
/// search frame: the answer then says <c>"visible": "no"</c> and the outline is placed around the last usable box
/// before the search frame (where a tracker would last have seen it). "Visible" means usable (<see cref="TrainingVideo.IsUsable"/>).
/// <para>
/// Draw order per pair: template frame (uniform over usable frames that have a later frame), search frame (uniform
/// over the later frames), scale, inside (one uniform &lt; p), then the placement's draws.
/// </para>
/// </summary>
public sealed class VpTrackerSampler : IPairSampler
{
    private readonly MakeDataOptions _options;

    public VpTrackerSampler(MakeDataOptions options) => _options = options ?? throw new ArgumentNullException(nameof(options));

    public TrainingRecipe Recipe => TrainingRecipe.VpTracker;


    public VideoPart Sample(TrainingVideo video, DeterministicRandom random, Func<IEnumerable<int>, Dictionary<int, ImageFrame>> loadFrames, TrainingImageStore images)
    {
        ArgumentNullException.ThrowIfNull(video);
        ArgumentNullException.ThrowIfNull(random);
        ArgumentNullException.ThrowIfNull(loadFrames);
        ArgumentNullException.ThrowIfNull(images);
        if (video.Description is null)
            return new VideoPart { Video = video.Name, Order = video.Order, Skipped = ["video: no language description (give a fallback description)"] };
        if (TemplateFrames(video).Count == 0)
            return new VideoPart { Video = video.Name, Order = video.Order, Skipped = ["video: no frame with a visible target and a valid box is followed by another frame"] };

        var plans = new List<VpTrackerDraw>(_options.PairsPerVideo);
        for (int p = 0; p < _options.PairsPerVideo; p++)
            plans.Add(Draw(video, random));

        var samples = new List<TrainingSample>();
        var draws = new List<PairDraw>();
        var skipped = new List<string>();
        var pixels = loadFrames(plans.SelectMany(p => new[] { p.Template, p.Search }));
        try
        {
            for (int p = 0; p < plans.Count; p++)
            {
                var plan = plans[p];
                if (!pixels.TryGetValue(plan.Template, out var tFrame) || !pixels.TryGetValue(plan.Search, out var sFrame))
                {
                    skipped.Add("pair: a frame could not be decoded");
                    continue;
                }
                bool visible = video.IsUsable(plan.Search);
                string stem = $"{p:D4}";
                string tPath, sPath;
                using (var template = VpTrackerPrompts.TemplateCrop(tFrame, video.Box(plan.Template)))
                    tPath = images.Save(template, video.Name, stem + "_template");
                using (var search = SearchImage(sFrame, plan))
                    sPath = images.Save(search, video.Name, stem + "_search");
                samples.Add(new TrainingSample
                {
                    Id = $"{video.Name}/{stem}",
                    Images = [tPath, sPath],
                    Prompt = VpTrackerPrompts.Prompt(video.Description),
                    Answer = VpTrackerAnswer.Format(visible, video.Box(plan.Search), sFrame.Size),
                    Extra = [new ExtraColumn("video", video.Name), new ExtraColumn("frames", $"{plan.Template},{plan.Search}")],
                });
                draws.Add(new PairDraw
                {
                    Scales = [plan.Scale],
                    BoxSizes = visible ? [Math.Sqrt(video.Box(plan.Search).Area)] : [],
                    Visible = visible,
                    InsideOutline = visible ? VisualPromptPlacement.Contains(plan.Outline, video.Box(plan.Search)) : null,
                });
            }
        }
        finally
        {
            foreach (var f in pixels.Values) f.Dispose();
        }
        return new VideoPart { Video = video.Name, Order = video.Order, Samples = samples, Draws = draws, Skipped = skipped };
    }

    /// <summary>
    /// One pair's draws, in the documented order (no pixels involved; tests check the outline statistics with it).
    /// </summary>
    /// <exception cref="ArgumentException">The video has no usable frame followed by another frame.</exception>
    public VpTrackerDraw Draw(TrainingVideo video, DeterministicRandom random)
    {
        ArgumentNullException.ThrowIfNull(video);
        ArgumentNullException.ThrowIfNull(random);
        var templates = TemplateFrames(video);
        if (templates.Count == 0) throw new ReasonTrackException($"{video.Name} has no usable frame followed by another frame");
        int t = templates[random.NextInt(templates.Count)];
        int s = t + 1 + random.NextInt(video.FrameCount - 1 - t);
        int scale = random.NextInclusive(_options.MinOutlineScale, _options.MaxOutlineScale);
        bool inside = random.NextDouble() < _options.InsideProbability;
        int reference = s;
        while (!video.IsUsable(reference)) reference--; // stops at t at the latest
        var outline = VisualPromptPlacement.Place(video.Box(reference), video.ImageSize, scale, inside, random);
        return new VpTrackerDraw(t, s, scale, inside, video.Box(reference), outline);
    }

    /// <summary>Frames a template may come from: usable, and followed by at least one frame.</summary>
    private static List<int> TemplateFrames(TrainingVideo video) => video.UsableFrames().Where(i => i < video.FrameCount - 1).ToList();

    /// <summary>
    /// The search frame with the outline: <see cref="Drawing.DrawVisualPrompt"/> draws <c>scale</c> times a box centred
    /// where the placement put the outline's centre, with the reference box's size.
    /// </summary>
    private static ImageFrame SearchImage(ImageFrame frame, VpTrackerDraw plan)
    {
        var copy = new ImageFrame(frame.Width, frame.Height, frame.Format);
        frame.Pixels.CopyTo(copy.Pixels);
        var (cx, cy) = plan.Outline.Center;
        Drawing.DrawVisualPrompt(copy, Box.FromCenter(cx, cy, plan.Reference.W, plan.Reference.H), plan.Scale, VpTrackerPrompts.PromptLineWidth);
        return copy;
    }
}
