using System.Diagnostics;

namespace ReasonTrack.Tests;

/// <summary>
/// Runs a Python reference (Debian's /usr/bin/python3 with numpy, Pillow, cv2, skimage) for tests that compare
/// against it; <see cref="Require"/> skips the test with a clear message when the interpreter or a module is missing.
/// </summary>
internal static class PythonReference
{
    public const string Interpreter = "/usr/bin/python3";

    /// <summary>Skips unless /usr/bin/python3 imports every module in <paramref name="modules"/>.</summary>
    public static void Require(params string[] modules)
    {
        if (!File.Exists(Interpreter)) Assert.Skip($"{Interpreter} not found; this test compares with Python ({string.Join(", ", modules)})");
        var (code, _, err) = Run($"import {string.Join(", ", modules)}", null);
        if (code != 0) Assert.Skip($"{Interpreter} cannot import {string.Join(", ", modules)}: {err.Trim()}");
    }

    /// <summary>Runs <paramref name="script"/> with <paramref name="args"/>; returns exit code, stdout, stderr.</summary>
    public static (int Code, string Stdout, string Stderr) Run(string script, IReadOnlyList<string>? args)
    {
        var psi = new ProcessStartInfo(Interpreter) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        psi.ArgumentList.Add("-c");
        psi.ArgumentList.Add(script);
        foreach (var a in args ?? []) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        string stderr = p.StandardError.ReadToEnd();
        p.WaitForExit();
        return (p.ExitCode, stdout.Result, stderr);
    }
}
