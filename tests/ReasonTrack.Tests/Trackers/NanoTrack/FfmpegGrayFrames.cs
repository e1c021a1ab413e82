using System.Diagnostics;
using ReasonTrack.Media;

namespace ReasonTrack.Tests.Trackers.NanoTrack;

/// <summary>
/// Test-only JPEG decoding through the ffmpeg command line (the project's frame source is being written elsewhere):
/// <c>ffmpeg -i &lt;jpg&gt; -f rawvideo -pix_fmt gray -</c>, or for a whole sequence the same through ffmpeg's concat
/// demuxer in one process, because starting ffmpeg per frame costs ~100 ms here. Skips the test when ffmpeg is missing.
/// </summary>
public static class FfmpegGrayFrames
{
    private static readonly Lazy<bool> Available = new(() =>
    {
        try
        {
            using var p = Process.Start(new ProcessStartInfo("ffmpeg") { ArgumentList = { "-version" }, RedirectStandardOutput = true, RedirectStandardError = true });
            if (p is null) return false;
            p.StandardOutput.ReadToEnd();
            p.WaitForExit();
            return p.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    });

    public static void RequireFfmpeg()
    {
        if (!Available.Value) Assert.Skip("ffmpeg not found on PATH (install it with ./setup.sh --media); this test decodes JPEG frames with it");
    }

    /// <summary>One JPEG, as the brief's command line decodes it.</summary>
    public static ImageFrame Decode(string jpg)
    {
        RequireFfmpeg();
        var (w, h) = JpegSize(jpg);
        byte[] raw = Run(["-v", "error", "-i", jpg, "-f", "rawvideo", "-pix_fmt", "gray", "-"], w * h);
        return new ImageFrame(w, h, PixelFormat.Gray8, raw) { Origin = jpg };
    }

    /// <summary>Many JPEGs of one size, decoded by one ffmpeg process.</summary>
    public static List<ImageFrame> DecodeAll(IReadOnlyList<string> jpgs)
    {
        RequireFfmpeg();
        var (w, h) = JpegSize(jpgs[0]);
        string list = Path.Combine(Path.GetTempPath(), $"reasontrack-frames-{Guid.NewGuid():N}.txt");
        File.WriteAllLines(list, jpgs.Select(j => "file '" + j.Replace("'", "'\\''") + "'"));
        try
        {
            int frameBytes = w * h;
            byte[] raw = Run(["-v", "error", "-f", "concat", "-safe", "0", "-i", list, "-fps_mode", "passthrough", "-f", "rawvideo", "-pix_fmt", "gray", "-"], frameBytes * jpgs.Count);
            var frames = new List<ImageFrame>(jpgs.Count);
            for (int i = 0; i < jpgs.Count; i++)
                frames.Add(new ImageFrame(w, h, PixelFormat.Gray8, raw.AsSpan(i * frameBytes, frameBytes).ToArray()) { Index = i, Origin = jpgs[i] });
            return frames;
        }
        finally
        {
            File.Delete(list);
        }
    }

    private static byte[] Run(string[] args, int expectedBytes)
    {
        var psi = new ProcessStartInfo("ffmpeg") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (string a in args) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi) ?? throw new InvalidOperationException("cannot start ffmpeg");
        var errors = p.StandardError.ReadToEndAsync();
        using var ms = new MemoryStream(expectedBytes);
        p.StandardOutput.BaseStream.CopyTo(ms);
        p.WaitForExit();
        if (p.ExitCode != 0 || ms.Length != expectedBytes)
            throw new InvalidOperationException($"ffmpeg {string.Join(' ', args)} gave {ms.Length} bytes (expected {expectedBytes}), exit {p.ExitCode}: {errors.Result}");
        return ms.ToArray();
    }

    /// <summary>Width and height from the JPEG's start-of-frame marker (SOF0..SOF15 except DHT, JPG, DAC).</summary>
    public static (int Width, int Height) JpegSize(string path)
    {
        byte[] b = File.ReadAllBytes(path);
        int i = 2;
        while (i + 9 < b.Length)
        {
            if (b[i] != 0xFF) { i++; continue; }
            byte marker = b[i + 1];
            if (marker == 0xFF) { i++; continue; }
            int len = (b[i + 2] << 8) | b[i + 3];
            if (marker is >= 0xC0 and <= 0xCF && marker is not (0xC4 or 0xC8 or 0xCC))
                return ((b[i + 7] << 8) | b[i + 8], (b[i + 5] << 8) | b[i + 6]);
            i += 2 + len;
        }
        throw new InvalidDataException($"no JPEG start-of-frame marker in {path}");
    }
}
