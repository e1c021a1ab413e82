using System.Diagnostics;
using ReasonTrack.Trackers.External;

namespace ReasonTrack.Tests.Trackers.External;

/// <summary>
/// The Python children of the external-tracker tests (copied beside the test assembly under External/) and the
/// interpreter that runs them: /usr/bin/python3 when present (Debian's, which has cv2 when setup.sh --peers ran),
/// else python3 on PATH. The no-op and faulty children need only the standard library; CSRT needs cv2.
/// </summary>
internal static class ExternalChildren
{
    private static readonly Lazy<string?> PythonLazy = new(() => Probe(File.Exists("/usr/bin/python3") ? "/usr/bin/python3" : "python3", "import json") ? (File.Exists("/usr/bin/python3") ? "/usr/bin/python3" : "python3") : null);
    private static readonly Lazy<bool> Cv2Lazy = new(() => Python is { } p && Probe(p, "import cv2, numpy; cv2.TrackerCSRT_create if hasattr(cv2, 'TrackerCSRT_create') else cv2.legacy.TrackerCSRT_create"));

    public static string Directory => Path.Combine(AppContext.BaseDirectory, "External");

    public static string Script(string name) => Path.Combine(Directory, name);

    public static string? Python => PythonLazy.Value;

    /// <summary>The interpreter; skips the test when there is no python3.</summary>
    public static string RequirePython() => Python ?? throw SkipException("python3 not found (the external-tracker tests run Python children)");

    private static readonly Lazy<bool> NumpyLazy = new(() => Python is { } p && Probe(p, "import numpy"));

    /// <summary>The interpreter with numpy; skips the test when numpy is missing.</summary>
    public static string RequireNumpy()
    {
        string p = RequirePython();
        if (!NumpyLazy.Value) Assert.Skip($"{p} has no numpy (Debian python3-numpy: ./setup.sh --peers installs it)");
        return p;
    }

    /// <summary>The interpreter with cv2 (CSRT); skips the test when cv2 is missing.</summary>
    public static string RequireCv2()
    {
        string p = RequirePython();
        if (!Cv2Lazy.Value) Assert.Skip($"{p} has no cv2 with CSRT (Debian python3-opencv: ./setup.sh --peers installs it)");
        return p;
    }

    public static ExternalTrackerOptions Options(string script, params string[] args) => new()
    {
        Interpreter = RequirePython(),
        Command = [Script(script), .. args],
        Timeout = TimeSpan.FromSeconds(60),
        StartupTimeout = TimeSpan.FromSeconds(60),
    };

    private static Exception SkipException(string why)
    {
        Assert.Skip(why);
        return new InvalidOperationException(why);
    }

    private static bool Probe(string python, string code)
    {
        try
        {
            var psi = new ProcessStartInfo(python) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
            psi.ArgumentList.Add("-c");
            psi.ArgumentList.Add(code);
            using var p = Process.Start(psi)!;
            p.StandardOutput.ReadToEnd();
            p.StandardError.ReadToEnd();
            return p.WaitForExit(60_000) && p.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }
}
