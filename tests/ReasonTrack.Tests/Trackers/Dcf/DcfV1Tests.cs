using ReasonTrack.Media;
using ReasonTrack.Media.Synthetic;
using ReasonTrack.Trackers;
using ReasonTrack.Trackers.Dcf;

namespace ReasonTrack.Tests.Trackers.Dcf;

/// <summary>The previous default stays available as <c>dcf-v1</c> and differs from today's default only by its preset.</summary>
public class DcfV1Tests
{
    [Fact]
    public void Dcf_v1_is_registered_with_the_previous_defaults()
    {
        var factory = TrackerRegistry.Get("dcf-v1");
        factory.Name.ShouldBe("dcf-v1");
        factory.Aliases.ShouldBeEmpty();
        factory.Settings.Single(s => s.Name == "histogram-merge").Default.ShouldBe("0");
        factory.Settings.Single(s => s.Name == "scales").Default.ShouldBe("17");
        var current = TrackerRegistry.Get("default");
        current.Name.ShouldBe("dcf");
        current.Settings.Single(s => s.Name == "histogram-merge").Default.ShouldBe("0.3");
        current.Settings.Single(s => s.Name == "scales").Default.ShouldBe("33");
        using var tracker = TrackerRegistry.Create("dcf-v1");
        tracker.Name.ShouldBe("dcf-v1");
        // The listed defaults are what Parse gives (both presets).
        DcfOptions.Parse(new Dictionary<string, string>(), DcfOptions.V1).ShouldBe(DcfOptions.V1);
        DcfOptions.Parse(new Dictionary<string, string> { ["histogram-merge"] = "0.5" }, DcfOptions.V1).HistogramMerge.ShouldBe(0.5);
        DcfOptions.V1.Scales.ShouldBe(17);
        DcfOptions.V1.HistogramMerge.ShouldBe(0);
    }

    /// <summary>
    /// dcf-v1 is the tracker as it was before issue 15: the same boxes as the default with the colour response and
    /// the 33 scales switched off by settings, and different boxes from today's default on a colour sequence.
    /// </summary>
    [Fact]
    public void Dcf_v1_equals_the_default_with_histograms_off_and_17_scales()
    {
        var seq = new SyntheticSequence(new SyntheticSequenceOptions { Width = 240, Height = 180, Frames = 60, TargetWidth = 36, TargetHeight = 28, Occlusion = null });
        var v1 = Replay(TrackerRegistry.Create("dcf-v1"), seq);
        var off = Replay(TrackerRegistry.Create("dcf", new Dictionary<string, string> { ["histogram-merge"] = "0", ["scales"] = "17" }), seq);
        var current = Replay(TrackerRegistry.Create("dcf"), seq);
        off.ShouldBe(v1);
        current.ShouldNotBe(v1);
    }

    private static string[] Replay(ITracker tracker, SyntheticSequence seq)
    {
        using (tracker)
        {
            using var frame = new ImageFrame(seq.Options.Width, seq.Options.Height, seq.Options.Format);
            seq.Render(0, frame);
            tracker.Initialize(frame, seq.GroundTruth[0]);
            var boxes = new string[seq.Options.Frames];
            for (int i = 1; i < boxes.Length; i++)
            {
                seq.Render(i, frame);
                boxes[i] = tracker.Update(frame).Box.ToString();
            }
            return boxes;
        }
    }
}
