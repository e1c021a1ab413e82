using ReasonTrack.Geometry;
using ReasonTrack.Media;
using ReasonTrack.Reasoning.Prompts;
using ReasonTrack.Training.Data.Formats;

namespace ReasonTrack.Training.Data;

/// <summary>
/// VPTracker pairs as its released builder draws them (<c>dataset/sampling_dataset.py</c>,
/// <c>sample_jsonl_from_dataset</c> ~147-233, <c>sample_visible_ids</c> ~107-134): the template is a frame whose box
/// is visible (<see cref="VpTrackerBox"/>: truncated w &gt; 0 and h &gt; 0) among all but the last frame, the search
/// frame any later frame (the target may be absent), the outline scale randint(2, 8).
/// <list type="bullet">
/// <item><see cref="SwiftVpTrackerWriter"/> layout (the default): the row names the <b>original</b> frame files and
/// carries a <see cref="VpTrackerVisualPrompt"/>; the fork crops the template and draws the outline when it loads the
/// row, so no image is written.</item>
/// <item>Any other layout (stock ms-swift, LLaMA-Factory, EasyR1: trainers that ignore <c>visual_prompt</c>): the
/// images are pre-made as the fork would make them: the template cropped around the row's template box with factor 2
/// (<see cref="VpTrackerPrompts.TemplateCrop"/>), the search frame (RGB) with the outline of
/// <see cref="VisualPromptPlacement.Released"/> drawn by <see cref="PilRectangle"/>.</item>
/// </list>
/// Per pair, in this order: template (uniform over the candidates), search (uniform over the later frames), scale,
/// then the placement's draws, whatever the layout (so both layouts give the same frames and scales for a seed).
/// Where ours differs from the released script: pairs are drawn per video (<c>--pairs-per-video</c>, from the video's
/// own stream) rather than 1M draws of a random video of a random dataset (7:3 TNL2K:TNLLT in
/// <c>data_preparation.sh</c>), so runs are resumable and shardable; the description is the dataset loader's.
/// </summary>
public sealed class VpTrackerSampler : IPairSampler
{
    private readonly MakeDataOptions _options;

    public VpTrackerSampler(MakeDataOptions options) => _options = options ?? throw new ArgumentNullException(nameof(options));

    public TrainingRecipe Recipe => TrainingRecipe.VpTracker;

    /// <summary>Rows for the fork (original paths, <c>visual_prompt</c>), not pre-made images.</summary>
    private bool ForkLayout => string.Equals(_options.Format, SwiftVpTrackerWriter.FormatKey, StringComparison.OrdinalIgnoreCase);

    public VideoPart Sample(TrainingVideo video, DeterministicRandom random, Func<IEnumerable<int>, Dictionary<int, ImageFrame>> loadFrames, TrainingImageStore images)
    {
        ArgumentNullException.ThrowIfNull(video);
        ArgumentNullException.ThrowIfNull(random);
        ArgumentNullException.ThrowIfNull(loadFrames);
        ArgumentNullException.ThrowIfNull(images);
        if (video.Description is null)
            return new VideoPart { Video = video.Name, Order = video.Order, Skipped = ["video: no language description (give a fallback description)"] };
        var templates = TemplateFrames(video);
        if (templates.Count == 0)
            return new VideoPart { Video = video.Name, Order = video.Order, Skipped = ["video: no frame with a visible box (w > 0 and h > 0) inside the image is followed by another frame"] };

        var plans = new List<VpTrackerDraw>(_options.PairsPerVideo);
        for (int p = 0; p < _options.PairsPerVideo; p++)
            plans.Add(Draw(video, templates, random));

        // The released builder reads the whole language.txt and strips it in the prompt (issue 11 item 8).
        string prompt = VpTrackerTrainingPrompt.Text(video.WholeDescription ?? video.Description, VpTrackerVisualPrompt.ReleasedColor, _options.VisualPrompt);
        var samples = new List<TrainingSample>();
        var draws = new List<PairDraw>();
        var skipped = new List<string>();
        var pixels = ForkLayout ? [] : loadFrames(plans.SelectMany(p => new[] { p.Template, p.Search }));
        try
        {
            for (int p = 0; p < plans.Count; p++)
            {
                var plan = plans[p];
                string stem = $"{p:D4}";
                IReadOnlyList<string> paths;
                bool? inside = null;
                if (ForkLayout)
                    paths = [Path.GetFullPath(video.Sequence.Frames[plan.Template]), Path.GetFullPath(video.Sequence.Frames[plan.Search])];
                else
                {
                    if (!pixels.TryGetValue(plan.Template, out var tFrame) || !pixels.TryGetValue(plan.Search, out var sFrame))
                    {
                        skipped.Add("pair: a frame could not be decoded");
                        continue;
                    }
                    var region = VpTrackerPrompts.TemplateRegion(plan.TemplateBox.ToBox(), tFrame.Size);
                    if (region.W <= 0 || region.H <= 0)
                    {
                        skipped.Add("pair: the template box lies outside its frame (the fork's crop would be empty)");
                        continue;
                    }
                    string tPath, sPath;
                    using (var template = VpTrackerPrompts.TemplateCrop(tFrame, plan.TemplateBox.ToBox()))
                        tPath = images.Save(template, video.Name, stem + "_template");
                    using (var search = SearchImage(sFrame, plan, _options.VisualPrompt))
                        sPath = images.Save(search, video.Name, stem + "_search");
                    paths = [tPath, sPath];
                    if (_options.VisualPrompt && plan.SearchBox.Visible) inside = VisualPromptPlacement.Contains(plan.Outline, plan.SearchBox);
                }
                samples.Add(new TrainingSample
                {
                    Id = $"{video.Name}/{stem}",
                    Images = paths,
                    Prompt = prompt,
                    Answer = VpTrackerAnswer.Format(plan.SearchBox, _options.VisualPrompt),
                    VisualPrompt = VisualPromptOf(plan),
                    Extra = [new ExtraColumn("video", video.Name), new ExtraColumn("frames", $"{plan.Template},{plan.Search}")],
                });
                var b = plan.SearchBox;
                draws.Add(new PairDraw
                {
                    Scales = _options.VisualPrompt ? [plan.Scale] : [],
                    BoxSizes = b.Visible && b.X2 > b.X1 && b.Y2 > b.Y1 ? [Math.Sqrt((double)(b.X2 - b.X1) * (b.Y2 - b.Y1))] : [],
                    Visible = b.Visible,
                    InsideOutline = inside,
                });
            }
        }
        finally
        {
            foreach (var f in pixels.Values) f.Dispose();
        }
        return new VideoPart { Video = video.Name, Order = video.Order, Samples = samples, Draws = draws, Skipped = skipped };
    }

    /// <summary>The row's <c>visual_prompt</c> (released keys and values: colour red, width 3, template scale 2.0).</summary>
    private VpTrackerVisualPrompt VisualPromptOf(VpTrackerDraw plan) => _options.VisualPrompt
        ? new VpTrackerVisualPrompt
        {
            Enable = true, Scale = plan.Scale, Color = VpTrackerVisualPrompt.ReleasedColor, Width = VpTrackerVisualPrompt.ReleasedWidth,
            InbboxRatio = _options.InsideProbability, TemplateBbox = plan.TemplateBox.Corners, SearchBbox = plan.SearchBox.Corners,
        }
        : new VpTrackerVisualPrompt { Enable = false, TemplateBbox = plan.TemplateBox.Corners, SearchBbox = plan.SearchBox.Corners };

    /// <summary>
    /// One pair's draws, in the documented order (no pixels involved; tests check the outline statistics with it).
    /// </summary>
    /// <exception cref="ReasonTrackException">The video has no visible frame followed by another frame.</exception>
    public VpTrackerDraw Draw(TrainingVideo video, DeterministicRandom random)
    {
        ArgumentNullException.ThrowIfNull(video);
        ArgumentNullException.ThrowIfNull(random);
        var templates = TemplateFrames(video);
        if (templates.Count == 0) throw new ReasonTrackException($"{video.Name} has no visible frame followed by another frame");
        return Draw(video, templates, random);
    }

    private VpTrackerDraw Draw(TrainingVideo video, List<int> templates, DeterministicRandom random)
    {
        int t = templates[random.NextInt(templates.Count)];
        int s = t + 1 + random.NextInt(video.FrameCount - 1 - t);
        int scale = random.NextInclusive(_options.MinOutlineScale, _options.MaxOutlineScale);
        var searchBox = VpTrackerBox.FromGroundTruth(video.Box(s));
        var outline = VisualPromptPlacement.Released(searchBox, video.ImageSize, scale, _options.InsideProbability, random);
        return new VpTrackerDraw(t, s, VpTrackerBox.FromGroundTruth(video.Box(t)), searchBox, scale, outline);
    }

    /// <summary>
    /// Frames a template may come from: a visible released box, followed by at least one frame, and (ours) a template
    /// crop that is not empty: a box wholly outside its frame would make the fork's <c>sample_target</c> return an empty
    /// crop and its loader raise, so such frames are never drawn.
    /// </summary>
    private static List<int> TemplateFrames(TrainingVideo video) =>
        Enumerable.Range(0, Math.Max(0, video.FrameCount - 1)).Where(i => IsTemplate(VpTrackerBox.FromGroundTruth(video.Box(i)), video.ImageSize)).ToList();

    private static bool IsTemplate(VpTrackerBox box, ImageSize image)
    {
        if (!box.Visible) return false;
        var region = VpTrackerPrompts.TemplateRegion(box.ToBox(), image);
        return region.W > 0 && region.H > 0;
    }

    /// <summary>The search frame as the fork shows it: RGB, with the outline drawn (or untouched without the visual prompt).</summary>
    private static ImageFrame SearchImage(ImageFrame frame, VpTrackerDraw plan, bool visualPrompt)
    {
        var copy = ImageOps.Convert(frame, PixelFormat.Rgb24);
        if (visualPrompt)
        {
            var o = plan.Outline;
            PilRectangle.Draw(copy, o.X1, o.Y1, o.X2, o.Y2, Rgb.Red, VpTrackerVisualPrompt.ReleasedWidth);
        }
        return copy;
    }
}
