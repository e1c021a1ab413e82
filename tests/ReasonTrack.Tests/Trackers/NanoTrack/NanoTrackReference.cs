using System.Globalization;
using System.IO.Compression;
using System.Text;
using ReasonTrack.Geometry;
using ReasonTrack.Media;
using ReasonTrack.Trackers;
using ReasonTrack.Trackers.NanoTrack;

namespace ReasonTrack.Tests.Trackers.NanoTrack;

/// <summary>
/// Per-frame NanoTrack results on the shared sequences as a stored regression reference
/// (<c>TestData/nanotrack-reference.txt.gz</c>; its README says which implementation and commit produced it). Frames are
/// decoded as the dataset runner decodes them (ffmpeg, Rgb24, default decode), the tracker is initialised on row 0's
/// ground truth and updated on every later row; one line per update: x y w h score, 6 decimals.
/// </summary>
public static class NanoTrackReference
{
    public const string FileName = "nanotrack-reference.txt.gz";

    public static string FilePath => Path.Combine(SharedData.RepoRoot, "tests", "ReasonTrack.Tests", "Trackers", "NanoTrack", "TestData", FileName);

    /// <summary>Runs <paramref name="version"/> (published settings, 1 thread) over one shared sequence.</summary>
    public static List<TrackResult> Run(NanoTrackVersion version, string sequence)
    {
        var seq = SequenceData.Load(sequence);
        using var tracker = new NanoTrackTracker(NanoTrackOptions.ForVersion(version));
        using var source = FfmpegFrameSource.FromImages(seq.Frames, new FrameSourceOptions { Format = PixelFormat.Rgb24 });
        var results = new List<TrackResult>(seq.Frames.Count);
        int i = 0;
        foreach (var frame in source.ReadFrames())
            using (frame)
            {
                if (frame.Status != FrameStatus.Ok) throw new InvalidDataException($"{frame.Origin} could not be decoded");
                if (i == 0) tracker.Initialize(frame, seq.GroundTruth[0]);
                else results.Add(tracker.Update(frame));
                i++;
            }
        if (i != seq.Frames.Count) throw new InvalidDataException($"{sequence}: decoded {i} of {seq.Frames.Count} frames");
        return results;
    }

    public static void Write(string path, IEnumerable<(NanoTrackVersion Version, string Sequence, List<TrackResult> Results)> runs, string header)
    {
        using var file = File.Create(path);
        using var gz = new GZipStream(file, CompressionLevel.SmallestSize);
        using var w = new StreamWriter(gz, new UTF8Encoding(false)) { NewLine = "\n" };
        foreach (string line in header.Split('\n')) w.WriteLine("# " + line);
        foreach (var (version, sequence, results) in runs)
        {
            w.WriteLine(string.Create(CultureInfo.InvariantCulture, $"v{(int)version} {sequence} {results.Count}"));
            foreach (var r in results)
                w.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{r.Box.X:F6} {r.Box.Y:F6} {r.Box.W:F6} {r.Box.H:F6} {r.Score:F6}"));
        }
    }

    /// <summary>The stored runs, keyed "vN Sequence".</summary>
    public static Dictionary<string, List<(Box Box, double Score)>> Read(string path)
    {
        var runs = new Dictionary<string, List<(Box, double)>>(StringComparer.Ordinal);
        using var file = File.OpenRead(path);
        using var gz = new GZipStream(file, CompressionMode.Decompress);
        using var r = new StreamReader(gz);
        List<(Box, double)>? current = null;
        int lineNo = 0;
        while (r.ReadLine() is { } line)
        {
            lineNo++;
            if (line.StartsWith('#') || line.Length == 0) continue;
            var f = line.Split(' ');
            if (f.Length == 3)
            {
                current = new List<(Box, double)>(int.Parse(f[2], CultureInfo.InvariantCulture));
                runs.Add(f[0] + " " + f[1], current);
                continue;
            }
            if (f.Length != 5 || current is null) throw new InvalidDataException($"{path}:{lineNo}: unexpected line '{line}'");
            double D(int k) => double.Parse(f[k], CultureInfo.InvariantCulture);
            current.Add((new Box(D(0), D(1), D(2), D(3)), D(4)));
        }
        return runs;
    }
}
