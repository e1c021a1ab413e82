using ReasonTrack.Trackers.NanoTrack;

namespace ReasonTrack.Tests.Trackers.NanoTrack;

/// <summary>
/// NanoTrack v1-v3 on every shared sequence against the stored reference (<see cref="NanoTrackReference"/>): the boxes
/// of the implementation that produced it (see TestData/README.md) within 1e-4 px on every frame.
/// </summary>
public sealed class NanoTrackRegressionTests
{
    private const double TolerancePx = 1e-4;

    [Theory]
    [InlineData(NanoTrackVersion.V1)]
    [InlineData(NanoTrackVersion.V2)]
    [InlineData(NanoTrackVersion.V3)]
    public void BoxesMatchTheStoredReferenceOnEverySharedSequence(NanoTrackVersion version)
    {
        SharedData.Require("models/nanotrack/v" + (int)version);
        SharedData.Require("data/sequences");
        var reference = NanoTrackReference.Read(NanoTrackReference.FilePath);
        double worst = 0;
        int frames = 0;
        foreach (string sequence in SequenceData.All)
        {
            var expected = reference[$"v{(int)version} {sequence}"];
            var actual = NanoTrackReference.Run(version, sequence);
            actual.Count.ShouldBe(expected.Count, sequence);
            for (int i = 0; i < actual.Count; i++)
            {
                var (e, a) = (expected[i].Box, actual[i].Box);
                double d = Math.Max(Math.Max(Math.Abs(a.X - e.X), Math.Abs(a.Y - e.Y)), Math.Max(Math.Abs(a.W - e.W), Math.Abs(a.H - e.H)));
                d.ShouldBeLessThanOrEqualTo(TolerancePx, $"v{(int)version} {sequence} frame {i + 2} (row {i + 1}): {a} vs stored {e}");
                worst = Math.Max(worst, d);
            }
            frames += actual.Count;
        }
        TestContext.Current.TestOutputHelper?.WriteLine($"v{(int)version}: {frames} frames, largest box difference {worst:E2} px (stored values have 6 decimals)");
    }

    /// <summary>Writes the reference (run explicitly, on the implementation to be recorded; see TestData/README.md).</summary>
    [Fact(Explicit = true)]
    public void WriteReference()
    {
        SharedData.Require("data/sequences");
        var runs = new List<(NanoTrackVersion, string, List<ReasonTrack.Trackers.TrackResult>)>();
        foreach (var version in new[] { NanoTrackVersion.V1, NanoTrackVersion.V2, NanoTrackVersion.V3 })
            foreach (string sequence in SequenceData.All)
                runs.Add((version, sequence, NanoTrackReference.Run(version, sequence)));
        using var probe = new NanoTrackTracker(NanoTrackOptions.ForVersion(NanoTrackVersion.V2));
        NanoTrackReference.Write(NanoTrackReference.FilePath, runs,
            $"NanoTrack per-frame results (x y w h score), written by NanoTrackRegressionTests.WriteReference\n{probe.RuntimeDescription}");
    }
}
