using System.Collections.Concurrent;
using System.ComponentModel;
using System.Diagnostics;
using ReasonTrack.IO;

namespace ReasonTrack.Media;

/// <summary>Finding and starting the ffmpeg/ffprobe executables (always with an argument list, never a shell string).</summary>
internal static class Ffmpeg
{
    public const string EnvironmentVariable = "REASONTRACK_FFMPEG";
    public const string InstallHint = "install it with: sudo apt-get install ffmpeg (or ./setup.sh)";

    private static readonly ConcurrentDictionary<string, string> EncoderLists = new();

    /// <summary>The ffmpeg executable to run: the configured path, the environment override, or ffmpeg on PATH.</summary>
    public static string Locate(string? configured)
    {
        string? chosen = configured ?? Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(chosen))
        {
            string? found = Resolve(chosen);
            return found ?? throw new FfmpegNotFoundException($"ffmpeg was not found at '{chosen}'; {InstallHint}");
        }
        return Resolve("ffmpeg") ?? throw new FfmpegNotFoundException($"ffmpeg was not found on PATH; {InstallHint}");
    }

    /// <summary>ffprobe beside the given ffmpeg (they ship together), else on PATH.</summary>
    public static string LocateProbe(string ffmpeg)
    {
        string? dir = Path.GetDirectoryName(ffmpeg);
        string exe = OperatingSystem.IsWindows() ? "ffprobe.exe" : "ffprobe";
        if (!string.IsNullOrEmpty(dir) && File.Exists(Path.Combine(dir, exe))) return Path.Combine(dir, exe);
        return Resolve("ffprobe") ?? throw new FfmpegNotFoundException($"ffprobe was not found beside {ffmpeg} nor on PATH; {InstallHint}");
    }

    /// <summary>A path with a folder must exist as given; a bare name is searched on PATH.</summary>
    private static string? Resolve(string name)
    {
        if (name.Contains(Path.DirectorySeparatorChar) || name.Contains(Path.AltDirectorySeparatorChar))
            return File.Exists(name) ? Path.GetFullPath(name) : null;
        string[] names = OperatingSystem.IsWindows() && !name.EndsWith(".exe", StringComparison.OrdinalIgnoreCase) ? [name + ".exe", name] : [name];
        foreach (string dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            foreach (string n in names)
            {
                string p = Path.Combine(dir, n);
                if (File.Exists(p)) return p;
            }
        }
        return null;
    }

    /// <summary>Starts a process with redirected stdout/stderr (and stdin when asked); stderr drains into <paramref name="tail"/>.</summary>
    public static Process Start(string exe, IEnumerable<string> args, bool redirectStdin, StderrTail tail)
    {
        var psi = new ProcessStartInfo(exe)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = redirectStdin,
            UseShellExecute = false,
            CreateNoWindow = true,
        };
        foreach (string a in args) psi.ArgumentList.Add(a);
        Process p;
        try
        {
            p = Process.Start(psi) ?? throw new FfmpegNotFoundException($"{exe} could not be started; {InstallHint}");
        }
        catch (Win32Exception e)
        {
            throw new FfmpegNotFoundException($"{exe} could not be started ({e.Message}); {InstallHint}");
        }
        tail.Attach(p);
        return p;
    }

    /// <summary>Runs to completion and returns stdout; a non-zero exit is reported with stderr.</summary>
    public static (int ExitCode, string Stdout, string Stderr) Run(string exe, IEnumerable<string> args, TimeSpan timeout)
    {
        var tail = new StderrTail();
        using var p = Start(exe, args, redirectStdin: false, tail);
        string stdout = p.StandardOutput.ReadToEnd();
        if (!p.WaitForExit(timeout))
        {
            TryKill(p);
            return (-1, stdout, $"timed out after {timeout.TotalSeconds:0} s");
        }
        return (p.ExitCode, stdout, tail.Text());
    }

    /// <summary>True when this ffmpeg build has the named encoder (libx264 is optional in many builds).</summary>
    public static bool HasEncoder(string ffmpeg, string encoder)
    {
        string list = EncoderLists.GetOrAdd(ffmpeg, exe => Run(exe, ["-hide_banner", "-encoders"], TimeSpan.FromSeconds(30)).Stdout);
        foreach (string line in list.Split('\n'))
        {
            string[] parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length >= 2 && parts[1] == encoder) return true;
        }
        return false;
    }

    public static void TryKill(Process p)
    {
        try { if (!p.HasExited) p.Kill(entireProcessTree: true); }
        catch (InvalidOperationException) { /* already gone */ }
        catch (Win32Exception) { /* already gone */ }
    }
}
