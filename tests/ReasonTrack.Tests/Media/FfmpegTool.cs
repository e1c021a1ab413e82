using System.Diagnostics;

namespace ReasonTrack.Tests.Media;

/// <summary>
/// Runs ffmpeg directly (independently of the code under test) to make fixtures and to decode files as a reference.
/// Tests needing it skip when it is not installed.
/// </summary>
internal static class FfmpegTool
{
    private static readonly Lazy<string?> PathLazy = new(() =>
    {
        foreach (string dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            string p = Path.Combine(dir, "ffmpeg");
            if (File.Exists(p)) return p;
        }
        return null;
    });

    public static string Require()
    {
        if (PathLazy.Value is null) Assert.Skip("ffmpeg not installed: install it with sudo apt-get install ffmpeg (or ./setup.sh)");
        return PathLazy.Value;
    }

    /// <summary>Runs ffmpeg with the arguments and returns stdout; fails the test on a non-zero exit.</summary>
    public static byte[] Run(params string[] args)
    {
        var psi = new ProcessStartInfo(Require())
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        psi.ArgumentList.Add("-hide_banner");
        psi.ArgumentList.Add("-loglevel");
        psi.ArgumentList.Add("error");
        foreach (string a in args) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi)!;
        var err = p.StandardError.ReadToEndAsync();
        using var ms = new MemoryStream();
        p.StandardOutput.BaseStream.CopyTo(ms);
        p.WaitForExit();
        if (p.ExitCode != 0) throw new InvalidOperationException($"ffmpeg {string.Join(' ', args)} failed: {err.Result}");
        return ms.ToArray();
    }

    /// <summary>Decodes one image or the first frames of a video to raw pixels (gray or rgb24).</summary>
    public static byte[] Decode(string path, string pixFmt) => Run("-i", path, "-f", "rawvideo", "-pix_fmt", pixFmt, "-");

    public static double Psnr(ReadOnlySpan<byte> a, ReadOnlySpan<byte> b)
    {
        a.Length.ShouldBe(b.Length);
        double se = 0;
        for (int i = 0; i < a.Length; i++) { double d = a[i] - b[i]; se += d * d; }
        double mse = se / a.Length;
        return mse == 0 ? double.PositiveInfinity : 10 * Math.Log10(255.0 * 255.0 / mse);
    }
}
