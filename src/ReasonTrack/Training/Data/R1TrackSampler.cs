using ReasonTrack.Geometry;
using ReasonTrack.Media;
using ReasonTrack.Reasoning.Crops;
using ReasonTrack.Reasoning.Prompts;

namespace ReasonTrack.Training.Data;

/// <summary>
/// R1-Track GRPO pairs (seed facts section 3; released recipe: <c>generation_data/sampling_data.py</c>): two frames of
/// a video (<see cref="MakeDataOptions.Sampling"/>: by default two usable frames, ours; or the released draw over all
/// frames, one pair per video, 336 px), each cropped independently with
/// <see cref="SampleTarget"/> (factor ~ U(2, 8), centre shifted by dx, dy ~ U(-0.2*crop, 0.2*crop), zero padding,
/// resized to the output size), the template box written into the prompt and the search box as the answer, both as
/// <c>[x1,y1,x2,y2]</c> truncated toward zero like the released <c>int()</c>. Boxes are not clipped to the crop: a
/// shifted crop of an elongated target can cut it, and the answer then says where the whole target is.
/// <para>
/// Draw order per pair: template frame, search frame (distinct, both uniform over the usable frames, or over all
/// frames with released sampling, so the template may come after the search as with any random pair), output size
/// index, then for the template crop and then the search crop: factor, dx, dy. (The released script draws each
/// frame's factor, dx, dy right before cropping it; Python's stream is not reproduced either way.)
/// </para>
/// <para>
/// Extra columns: <c>video</c>, <c>frames</c> (template and search frame, 0-based from the first annotated frame),
/// <c>template_crop</c> and <c>search_crop</c> (<see cref="WindowText"/>).
/// </para>
/// </summary>
public sealed class R1TrackSampler : IPairSampler
{
    private readonly MakeDataOptions _options;

    public R1TrackSampler(MakeDataOptions options) => _options = options ?? throw new ArgumentNullException(nameof(options));

    public TrainingRecipe Recipe => TrainingRecipe.R1Track;

    /// <summary>One crop's draws.</summary>
    private readonly record struct CropDraw(double Factor, double Dx, double Dy, int Side);

    private readonly record struct PairPlan(int Template, int Search, int Size, CropDraw TemplateCrop, CropDraw SearchCrop);

    public VideoPart Sample(TrainingVideo video, DeterministicRandom random, Func<IEnumerable<int>, Dictionary<int, ImageFrame>> loadFrames, TrainingImageStore images)
    {
        ArgumentNullException.ThrowIfNull(video);
        ArgumentNullException.ThrowIfNull(random);
        ArgumentNullException.ThrowIfNull(loadFrames);
        ArgumentNullException.ThrowIfNull(images);
        bool released = _options.Sampling == R1TrackSampling.Released;
        // Released: random.sample over zip(image_paths, bboxes), i.e. every frame with a box and a file, absent or not.
        var pool = released ? Enumerable.Range(0, video.FrameCount).ToList() : video.UsableFrames();
        if (pool.Count < 2)
            return new VideoPart { Video = video.Name, Order = video.Order, Skipped = [released
                ? "video: fewer than 2 frames (released sampling: random.sample raises and the video is dropped)"
                : "video: fewer than 2 frames with a visible target and a valid box"] };

        var plans = new List<PairPlan>(_options.PairsPerVideo);
        for (int p = 0; p < _options.PairsPerVideo; p++)
        {
            var frames = random.Sample(pool, 2);
            int size = _options.Sizes[random.NextInt(_options.Sizes.Count)];
            if (released && !(Croppable(video.Box(frames[0])) && Croppable(video.Box(frames[1]))))
                // sample_target raises (crop side under 1, or sqrt/ceil of a NaN or negative area) and the script's
                // bare except drops the video (after writing the first image when only the second raised); dropped
                // here too, but said.
                return new VideoPart { Video = video.Name, Order = video.Order, Skipped = ["video: dropped as generation_data/sampling_data.py drops it: a drawn frame's box has no area or is not finite (sample_target raises)"] };
            plans.Add(new PairPlan(frames[0], frames[1], size, DrawCrop(video.Box(frames[0]), random), DrawCrop(video.Box(frames[1]), random)));
        }

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
                var template = Crop(tFrame, video.Box(plan.Template), plan.TemplateCrop, plan.Size);
                var search = Crop(sFrame, video.Box(plan.Search), plan.SearchCrop, plan.Size);
                using (template.Image)
                using (search.Image)
                {
                    string stem = $"{p:D4}";
                    string tPath = images.Save(template.Image, video.Name, stem + "_template");
                    string sPath = images.Save(search.Image, video.Name, stem + "_search");
                    var answer = TruncatedBox(search.TargetInCrop);
                    samples.Add(new TrainingSample
                    {
                        Id = $"{video.Name}/{stem}",
                        Images = [tPath, sPath],
                        Prompt = TrainingPrompt(template.TargetInCrop, _options.Prompt),
                        Answer = R1TrackPrompts.BoxText(search.TargetInCrop),
                        Extra =
                        [
                            new ExtraColumn("video", video.Name), new ExtraColumn("frames", $"{plan.Template},{plan.Search}"),
                            new ExtraColumn("template_crop", WindowText(template.Mapping)), new ExtraColumn("search_crop", WindowText(search.Mapping)),
                        ],
                    });
                    draws.Add(new PairDraw
                    {
                        Scales = [plan.TemplateCrop.Factor, plan.SearchCrop.Factor],
                        Shifts = [plan.TemplateCrop.Dx / plan.TemplateCrop.Side, plan.TemplateCrop.Dy / plan.TemplateCrop.Side, plan.SearchCrop.Dx / plan.SearchCrop.Side, plan.SearchCrop.Dy / plan.SearchCrop.Side],
                        BoxSizes = [SideOf(template.TargetInCrop), SideOf(search.TargetInCrop)],
                        OutputSize = plan.Size,
                        AnswerOutsideImage = answer.X1 < 0 || answer.Y1 < 0 || answer.X2 > plan.Size || answer.Y2 > plan.Size,
                    });
                }
            }
        }
        finally
        {
            foreach (var f in pixels.Values) f.Dispose();
        }
        return new VideoPart { Video = video.Name, Order = video.Order, Samples = samples, Draws = draws, Skipped = skipped };
    }

    /// <summary>
    /// The user turn of a row. Trainers place images at <c>&lt;image&gt;</c> tags, one per image. The current and think
    /// prompts carry the released <c>"&lt;image&gt; &lt;image&gt;"</c> opening; the 5k prompt has no tags at inference
    /// (the images travel as separate message parts), so its rows get that same opening. Assumption: the released
    /// 5k training files are not public; the tag spelling follows the current prompt's.
    /// </summary>
    public static string TrainingPrompt(BoxXyxy templateBoxInCrop, R1TrackPromptVariant variant)
    {
        string p = R1TrackPrompts.Prompt(templateBoxInCrop, think: variant == R1TrackPromptVariant.Think, legacy5k: variant == R1TrackPromptVariant.Legacy5k);
        return variant == R1TrackPromptVariant.Legacy5k ? LegacyImageTags + p : p;
    }

    /// <summary>The image tags put before the 5k prompt in training rows.</summary>
    public const string LegacyImageTags = "<image> <image>";

    /// <summary>The crop window of a drawn crop (public so geometry tests check exactly the window the sampler uses).</summary>
    public static CropMapping Window(Box box, double factor, double dx, double dy, int outSize) => SampleTarget.Window(box, factor, outSize, dx, dy);

    /// <summary>A crop box as written: each corner truncated toward zero (Python's <c>int()</c>), as <see cref="R1TrackPrompts.BoxText"/> writes it.</summary>
    public static BoxXyxy TruncatedBox(BoxXyxy box) => new(Math.Truncate(box.X1), Math.Truncate(box.Y1), Math.Truncate(box.X2), Math.Truncate(box.Y2));

    /// <summary>
    /// A crop window as the extra columns write it, <c>x1,y1,side</c> in frame pixels: with the crop's size it maps
    /// the row's boxes back to the frame (<see cref="CropMapping.ToImage"/>), for checks and for users of the set.
    /// </summary>
    public static string WindowText(CropMapping map) => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{map.X1},{map.Y1},{map.Side}");

    private CropDraw DrawCrop(Box box, DeterministicRandom random)
    {
        double factor = random.Uniform(_options.MinScale, _options.MaxScale);
        int side = SampleTarget.Side(box, factor);
        double dx = random.Uniform(-_options.MaxShift * side, _options.MaxShift * side);
        double dy = random.Uniform(-_options.MaxShift * side, _options.MaxShift * side);
        return new CropDraw(factor, dx, dy, side);
    }

    /// <summary>sample_target's check: the crop side <c>ceil(sqrt(w*h) * factor)</c> is at least 1 for a factor of 2 or more, i.e. the box is finite with positive area.</summary>
    private static bool Croppable(Box box) => box.IsFinite && box.W * box.H > 0;

    private static TargetCrop Crop(ImageFrame frame, Box box, CropDraw d, int size) => SampleTarget.Crop(frame, box, Window(box, d.Factor, d.Dx, d.Dy, size));

    private static double SideOf(BoxXyxy b) => Math.Sqrt(Math.Max(0, b.Width) * Math.Max(0, b.Height));
}
