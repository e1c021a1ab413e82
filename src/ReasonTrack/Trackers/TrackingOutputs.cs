using System.Globalization;
using System.Text;
using ReasonTrack.IO;
using ReasonTrack.Results;

namespace ReasonTrack.Trackers;

/// <summary>
/// Writes a tracking outcome beside the results: the boxes in a chosen result layout, and
/// <c>&lt;name&gt;_scores.txt</c>, <c>&lt;name&gt;_time.txt</c> (seconds of tracking work per frame), each atomically.
/// </summary>
public static class TrackingOutputs
{
    public static string Write(TrackingOutcome outcome, string outDir, ResultLayout layout = ResultLayout.Plain, string? trackerName = null)
    {
        string path = ResultWriter.Write(layout, outDir, trackerName ?? outcome.Tracker, outcome.Sequence, outcome.Boxes, outcome.Times);
        string dir = Path.GetDirectoryName(path)!;
        var sb = new StringBuilder(outcome.Frames * 10);
        foreach (var s in outcome.Scores) sb.Append(double.IsNaN(s) ? "nan" : s.ToString("0.######", CultureInfo.InvariantCulture)).Append('\n');
        AtomicFile.WriteAllText(Path.Combine(dir, outcome.Sequence + "_scores.txt"), sb.ToString());
        return path;
    }
}
