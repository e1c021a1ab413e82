using System.Globalization;
using System.Text;
using ReasonTrack.Geometry;
using ReasonTrack.IO;

namespace ReasonTrack.Results;

/// <summary>
/// Writes one tracker's boxes for one sequence in a chosen layout, atomically (a temporary file in the same folder
/// renamed over the target), so that an interrupted run never leaves a half-written result that a resume would
/// take for finished.
/// </summary>
public static class ResultWriter
{
    /// <summary>
    /// The path the result of <paramref name="sequence"/> goes to under <paramref name="root"/> for a layout:
    /// plain and VPTracker <c>root/seq.txt</c>; pytracking <c>root/tracker/param/seq.txt</c> (param "default");
    /// Matlab <c>root/Tracker_tracking_result/seq.txt</c>; GOT-10k <c>root/seq/seq_001.txt</c>.
    /// </summary>
    public static string PathFor(ResultLayout layout, string root, string tracker, string sequence, int run = 1) => layout switch
    {
        ResultLayout.Pytracking => Path.Combine(root, tracker, "default", sequence + ".txt"),
        ResultLayout.MatlabToolkit => Path.Combine(root, tracker + "_tracking_result", sequence + ".txt"),
        ResultLayout.Got10k => Path.Combine(root, sequence, $"{sequence}_{run:000}.txt"),
        _ => Path.Combine(root, sequence + ".txt"),
    };

    /// <summary>Formats boxes as the layout's files hold them.</summary>
    public static string Format(ResultLayout layout, IReadOnlyList<Box> boxes)
    {
        var sb = new StringBuilder(boxes.Count * 24);
        foreach (var b in boxes)
        {
            sb.Append(layout switch
            {
                // pytracking writes np.savetxt(fmt='%d', delimiter='\t').
                ResultLayout.Pytracking => BoxText.Format(b, "\t", integers: true, nanText: "nan"),
                ResultLayout.VpTracker => BoxText.Format(b, ", "),
                _ => BoxText.Format(b, ","),
            });
            sb.Append('\n');
        }
        return sb.ToString();
    }

    /// <summary>Writes the boxes (and, if given, per-frame times in seconds) atomically; returns the box file's path.</summary>
    public static string Write(ResultLayout layout, string root, string tracker, string sequence, IReadOnlyList<Box> boxes, IReadOnlyList<double>? times = null)
    {
        string path = PathFor(layout, root, tracker, sequence);
        AtomicFile.WriteAllText(path, Format(layout, boxes));
        if (times is not null)
        {
            string timePath = Path.Combine(Path.GetDirectoryName(path)!, sequence + "_time.txt");
            var sb = new StringBuilder(times.Count * 12);
            foreach (var t in times) sb.Append(t.ToString("R", CultureInfo.InvariantCulture)).Append('\n');
            AtomicFile.WriteAllText(timePath, sb.ToString());
        }
        return path;
    }
}
