using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using ReasonTrack.Geometry;
using ReasonTrack.Media;

namespace ReasonTrack.Tests.Trackers.Dcf;

/// <summary>A decoded shared sequence: gray frames and ground truth (NaN rows = target absent).</summary>
public sealed record DecodedSequence(string Name, int Width, int Height, byte[][] Frames, Box[] GroundTruth)
{
    public ImageFrame Frame(int i) => new(Width, Height, PixelFormat.Gray8, Frames[i]) { Index = i };
}

/// <summary>
/// Test-only JPEG decoding through the ffmpeg command line (<c>-f rawvideo -pix_fmt gray</c>), one process per
/// sequence; the real frame source is written elsewhere. Decoded sequences are cached for the test process, since
/// several test classes replay the same frames. Skips the calling test when ffmpeg/ffprobe are not installed.
/// </summary>
public static class FfmpegFrames
{
    private static readonly ConcurrentDictionary<string, Lazy<DecodedSequence>> Cache = new();

    public static DecodedSequence Load(string sequence)
    {
        string dir = SharedData.Require(Path.Combine("data", "sequences", sequence));
        RequireTool("ffmpeg");
        RequireTool("ffprobe");
        return Cache.GetOrAdd(dir, d => new Lazy<DecodedSequence>(() => Decode(sequence, d))).Value;
    }

    private static void RequireTool(string tool)
    {
        bool found = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':')
            .Any(p => p.Length > 0 && File.Exists(Path.Combine(p, tool)));
        if (!found) Assert.Skip($"{tool} is not installed; this test decodes JPEG frames with it");
    }

    private static DecodedSequence Decode(string name, string dir)
    {
        string[] names = File.ReadAllLines(Path.Combine(dir, "frames.txt")).Where(l => l.Trim().Length > 0).Select(l => l.Trim()).ToArray();
        var gt = File.ReadAllLines(Path.Combine(dir, "groundtruth_rect.txt")).Where(l => l.Trim().Length > 0).Select(ParseBox).ToArray();
        if (gt.Length != names.Length) throw new InvalidDataException($"{dir}: {gt.Length} boxes for {names.Length} frames");
        string first = Path.Combine(dir, "img", names[0]);
        string size = Run("ffprobe", ["-v", "error", "-select_streams", "v:0", "-show_entries", "stream=width,height", "-of", "csv=p=0", first], out _).Trim();
        var wh = size.Split(',');
        int w = int.Parse(wh[0], CultureInfo.InvariantCulture), h = int.Parse(wh[1], CultureInfo.InvariantCulture);

        // One ffmpeg for the whole run when the names are a numbered sequence (they are in the shared data).
        string stem = Path.GetFileNameWithoutExtension(names[0]);
        string ext = Path.GetExtension(names[0]);
        int start = int.Parse(stem, CultureInfo.InvariantCulture);
        bool consecutive = names.Select((n, i) => n == (start + i).ToString(CultureInfo.InvariantCulture).PadLeft(stem.Length, '0') + ext).All(b => b);
        byte[][] frames;
        int frameBytes = w * h;
        if (consecutive)
        {
            string pattern = Path.Combine(dir, "img", $"%0{stem.Length}d{ext}");
            Run("ffmpeg", ["-v", "error", "-start_number", start.ToString(CultureInfo.InvariantCulture), "-i", pattern,
                "-frames:v", names.Length.ToString(CultureInfo.InvariantCulture), "-f", "rawvideo", "-pix_fmt", "gray", "-"], out byte[] raw);
            if (raw.Length != frameBytes * names.Length)
                throw new InvalidDataException($"ffmpeg gave {raw.Length} bytes for {names.Length} frames of {w}x{h} in {dir}");
            frames = Enumerable.Range(0, names.Length).Select(i => raw.AsSpan(i * frameBytes, frameBytes).ToArray()).ToArray();
        }
        else
        {
            frames = names.Select(n =>
            {
                Run("ffmpeg", ["-v", "error", "-i", Path.Combine(dir, "img", n), "-f", "rawvideo", "-pix_fmt", "gray", "-"], out byte[] raw);
                return raw;
            }).ToArray();
        }
        return new DecodedSequence(name, w, h, frames, gt);
    }

    private static Box ParseBox(string line)
    {
        var p = line.Split([',', '\t', ' '], StringSplitOptions.RemoveEmptyEntries)
            .Select(s => double.Parse(s, NumberStyles.Float, CultureInfo.InvariantCulture)).ToArray();
        return new Box(p[0], p[1], p[2], p[3]);
    }

    private static string Run(string tool, string[] args, out byte[] stdout)
    {
        var psi = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi) ?? throw new InvalidOperationException($"cannot start {tool}");
        var errTask = p.StandardError.ReadToEndAsync();
        using var ms = new MemoryStream();
        p.StandardOutput.BaseStream.CopyTo(ms);
        p.WaitForExit();
        string err = errTask.Result;
        if (p.ExitCode != 0) throw new InvalidOperationException($"{tool} failed ({p.ExitCode}): {err}");
        stdout = ms.ToArray();
        return System.Text.Encoding.UTF8.GetString(stdout);
    }
}
