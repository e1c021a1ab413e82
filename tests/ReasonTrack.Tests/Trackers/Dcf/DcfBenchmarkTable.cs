using System.Globalization;
using System.Text;
using ReasonTrack.Trackers.Dcf;

namespace ReasonTrack.Tests.Trackers.Dcf;

/// <summary>
/// Prints per-sequence AUC (OTB rule) and frames/s of Update calls for the dcf tracker on the 10 shared sequences,
/// the same table bench/peers/opencv_trackers.py prints for OpenCV's CSRT and KCF. Run with
/// <c>--filter-method "*DcfBenchmarkTable*"</c> and read the output (also written to TestResults).
/// </summary>
public class DcfBenchmarkTable(ITestOutputHelper output)
{
    public static readonly string[] Sequences =
        ["Car4", "Couple", "Crossing", "Diving", "Dog", "Football1", "KiteSurf", "bag", "uav_wakeboard7", "votlt_yamaha_first530"];

    [Fact]
    public void Prints_auc_and_speed_on_all_shared_sequences()
    {
        var sb = new StringBuilder();
        sb.AppendLine(CultureInfo.InvariantCulture, $"{"sequence",-24}{"frames",7}{"AUC",8}{"fps",9}{"found%",8}");
        double sumAuc = 0;
        long totalFrames = 0;
        double totalSeconds = 0;
        foreach (var name in Sequences)
        {
            var seq = FfmpegFrames.Load(name);
            using var tracker = new DcfTracker();
            var run = TrackingRun.Replay(tracker, seq);
            double found = run.Results.Skip(1).Count(r => r.Found) / (double)(run.Results.Length - 1);
            sb.AppendLine(CultureInfo.InvariantCulture, $"{name,-24}{seq.Frames.Length,7}{run.Auc,8:F3}{run.FramesPerSecond,9:F1}{found * 100,8:F1}");
            sumAuc += run.Auc;
            totalFrames += seq.Frames.Length - 1;
            totalSeconds += (seq.Frames.Length - 1) / run.FramesPerSecond;
            run.Auc.ShouldBeInRange(0, 1);
        }
        sb.AppendLine(CultureInfo.InvariantCulture, $"{"mean",-24}{"",7}{sumAuc / Sequences.Length,8:F3}{totalFrames / totalSeconds,9:F1}");
        output.WriteLine(sb.ToString());
        string? path = Environment.GetEnvironmentVariable("DCF_TABLE_OUT");
        if (!string.IsNullOrEmpty(path)) File.WriteAllText(path, sb.ToString());
    }
}
