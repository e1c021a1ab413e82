using ReasonTrack.Datasets;
using ReasonTrack.Geometry;
using ReasonTrack.Media;
using ReasonTrack.Tests.Datasets;
using ReasonTrack.Training.Data;

namespace ReasonTrack.Tests.Training.Data;

/// <summary>
/// R1-Track's two frame samplings, through the sampler itself (no output format involved). The released recipe's
/// properties come from generation_data/sampling_data.py: random.sample(list(zip(image_paths, bboxes)), 2) over every
/// frame, no absence check, one pair per video (num_images = 2), resolution = 336, a video that raises dropped.
/// </summary>
public class R1TrackSamplingTests
{
    private static readonly ImageSize Size = SyntheticVideos.Size;

    /// <summary>GOT-10k-like videos: every frame has a box, every odd frame is flagged absent.</summary>
    private static List<TrainingVideo> Videos(int count, int frames, Func<int, int, Box>? box = null)
    {
        var list = new List<TrainingVideo>();
        for (int v = 0; v < count; v++)
        {
            var gt = Enumerable.Range(0, frames).Select(f => box?.Invoke(v, f) ?? new Box(20 + f, 30 + v, 18, 14)).ToArray();
            var absent = Enumerable.Range(0, frames).Select(f => f % 2 == 1).ToArray();
            string name = $"got-{v:D2}";
            var paths = Enumerable.Range(1, frames).Select(i => $"/nonexistent/{name}/{i:D8}.jpg").ToList();
            list.Add(new TrainingVideo(new Sequence(name, gt, () => paths) { Absent = absent, Resolution = Size }, v, Size));
        }
        return list;
    }

    private static VideoPart Sample(MakeDataOptions options, TrainingVideo video, TrainingImageStore store) =>
        new R1TrackSampler(options).Sample(video, DeterministicRandom.ForVideo(options.Seed, video.Name),
            indices => indices.Distinct().ToDictionary(i => i, i => SyntheticVideos.Paint(Size, video.Box(i))), store);

    [Fact]
    public void Released_sampling_writes_one_336_px_pair_per_video_and_draws_frames_whose_target_is_absent()
    {
        using var tmp = new TempTree();
        var store = new TrainingImageStore(tmp.Root, ImageFileFormat.Png);
        var options = new MakeDataOptions { Recipe = TrainingRecipe.R1Track, Sampling = R1TrackSampling.Released, Seed = 3 };
        options.Validate();
        var videos = Videos(24, 12);
        int absentDrawn = 0;
        foreach (var video in videos)
        {
            var part = Sample(options, video, store);
            part.Skipped.ShouldBeEmpty();
            part.Samples.Count.ShouldBe(1); // num_images = 2: one pair
            var frames = part.Samples[0].Extra.Single(c => c.Name == "frames").Value.Split(',').Select(int.Parse).ToArray();
            frames.Length.ShouldBe(2);
            frames[0].ShouldNotBe(frames[1]); // random.sample draws without replacement
            absentDrawn += frames.Count(f => !video.Sequence.IsVisible(f));
            foreach (string image in part.Samples[0].Images)
            {
                ImageHeader.TryRead(File.ReadAllBytes(Path.Combine(tmp.Root, image)), out var h).ShouldBeTrue();
                (h.Width, h.Height).ShouldBe((336, 336));
            }
            part.Draws.Single().OutputSize.ShouldBe(336);
        }
        // Half the frames are flagged absent: 48 draws all missing them has probability 2^-48.
        absentDrawn.ShouldBeGreaterThan(0);

        // The default (ours) never draws them.
        var usable = options with { Sampling = R1TrackSampling.UsableFrames, PairsPerVideo = 4 };
        foreach (var video in videos)
            foreach (var s in Sample(usable, video, store).Samples)
                s.Extra.Single(c => c.Name == "frames").Value.Split(',').Select(int.Parse).ShouldAllBe(f => video.Sequence.IsVisible(f));
    }

    [Fact]
    public void Released_sampling_drops_a_video_whose_drawn_box_has_no_area_and_says_so()
    {
        using var tmp = new TempTree();
        var store = new TrainingImageStore(tmp.Root, ImageFileFormat.Png);
        var options = new MakeDataOptions { Recipe = TrainingRecipe.R1Track, Sampling = R1TrackSampling.Released };
        // Every box is 0 wide: crop_sz = ceil(sqrt(0) * factor) = 0 < 1 -> sample_target raises ValueError -> the
        // bare except drops the video (silently in the script; here with a reason).
        var video = Videos(1, 5, (_, f) => new Box(10 + f, 10, 0, 12))[0];
        var part = Sample(options, video, store);
        part.Samples.ShouldBeEmpty();
        part.Skipped.Single().ShouldContain("dropped as generation_data/sampling_data.py drops it");
    }

    [Theory]
    [InlineData(448, 1)]
    [InlineData(336, 2)]
    public void Released_sampling_refuses_other_sizes_and_more_pairs(int size, int pairs)
    {
        var options = new MakeDataOptions { Recipe = TrainingRecipe.R1Track, Sampling = R1TrackSampling.Released, Sizes = [size], PairsPerVideo = pairs };
        Should.Throw<InvalidSettingException>(options.Validate).Message.ShouldContain("sampling_data.py");
    }
}
