using System.Diagnostics;
using System.Globalization;
using ReasonTrack.Geometry;
using ReasonTrack.Media;
using ReasonTrack.Trackers.External;

namespace ReasonTrack.Tests.Trackers.External;

/// <summary>
/// Issue 12, done-when: a tracker no one here wrote (OpenCV's CSRT from Debian's python3-opencv), served by
/// csrt_adapter.py over the shipped adapter, gives the same boxes frame by frame as cv2 run directly
/// (csrt_reference.py) on the same decoded frames. The frames are decoded once here; the reference reads the very
/// same bytes from a raw file, so any difference is the bridge's (colour order, layout, a lost or reordered frame).
/// Skips without ../shared, ffmpeg or cv2.
/// </summary>
public sealed class CsrtThroughBridgeTests
{
    private const int Frames = 60;

    [Theory]
    [InlineData("Football1")]
    [InlineData("KiteSurf")]
    [InlineData("Crossing")]
    public void Csrt_through_the_bridge_gives_the_boxes_of_cv2_run_directly(string sequence)
    {
        string python = ExternalChildren.RequireCv2();
        string dir = SharedData.Require(Path.Combine("data", "sequences", sequence));
        if (!File.Exists("/usr/bin/ffmpeg") && Environment.GetEnvironmentVariable("REASONTRACK_FFMPEG") is null)
            Assert.Skip("ffmpeg not installed (./setup.sh installs it)");
        var files = Directory.GetFiles(Path.Combine(dir, "img")).Order(StringComparer.Ordinal).Take(Frames).ToList();
        var first = File.ReadLines(Path.Combine(dir, "groundtruth_rect.txt")).First()
            .Split([',', ' ', '\t'], StringSplitOptions.RemoveEmptyEntries).Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray();
        var start = new Box(first[0], first[1], first[2], first[3]);

        string raw = Path.Combine(Path.GetTempPath(), $"rt-csrt-{Guid.NewGuid():N}.raw");
        var bridged = new List<Box>();
        int width = 0, height = 0;
        try
        {
            using (var tracker = new ExternalTracker(ExternalChildren.Options("csrt_adapter.py") with { Interpreter = python }))
            using (var source = FfmpegFrameSource.FromImages(files, new FrameSourceOptions { Name = sequence, Format = PixelFormat.Rgb24 }))
            using (var rawOut = File.Create(raw))
            {
                foreach (var frame in source.ReadFrames(TestContext.Current.CancellationToken))
                {
                    using (frame)
                    {
                        rawOut.Write(frame.Pixels);
                        if (width == 0) { (width, height) = (frame.Width, frame.Height); tracker.Initialize(frame, start); }
                        else bridged.Add(tracker.Update(frame).Box);
                    }
                }
            }
            bridged.Count.ShouldBe(Frames - 1);
            var direct = Reference(python, raw, width, height, start);
            direct.Count.ShouldBe(Frames - 1);
            for (int k = 0; k < direct.Count; k++)
                bridged[k].ShouldBe(direct[k], $"{sequence} frame {k + 2}");
            // CSRT moves: the comparison is not between two copies of the initial box.
            direct.Distinct().Count().ShouldBeGreaterThan(1);
        }
        finally
        {
            File.Delete(raw);
        }
    }

    private static List<Box> Reference(string python, string raw, int width, int height, Box start)
    {
        var psi = new ProcessStartInfo(python) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in new[] { ExternalChildren.Script("csrt_reference.py"), raw, $"{width}", $"{height}", $"{Frames}" }) psi.ArgumentList.Add(a);
        foreach (var v in new[] { start.X, start.Y, start.W, start.H }) psi.ArgumentList.Add(v.ToString("R", CultureInfo.InvariantCulture));
        using var p = Process.Start(psi)!;
        var err = p.StandardError.ReadToEndAsync();
        string output = p.StandardOutput.ReadToEnd();
        p.WaitForExit(300_000).ShouldBeTrue();
        p.ExitCode.ShouldBe(0, err.Result);
        return output.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => l.Split(' ').Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray())
            .Select(v => new Box(v[0], v[1], v[2], v[3])).ToList();
    }
}
