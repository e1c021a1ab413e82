using System.Diagnostics;

namespace ReasonTrack.Tests.Cli;

/// <summary>Runs the real reasontrack CLI (the built ReasonTrack.Cli.dll) as a child process.</summary>
internal static class CliRunner
{
    public sealed record Outcome(int ExitCode, string Stdout, string Stderr);

    public static Outcome Run(params string[] args) => RunWith(new Dictionary<string, string?>(), args);

    /// <summary>Runs the CLI with environment variables changed for the child (null removes one).</summary>
    public static Outcome RunWith(IReadOnlyDictionary<string, string?> environment, params string[] args)
    {
        string dll = Path.Combine(AppContext.BaseDirectory, "ReasonTrack.Cli.dll");
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        psi.ArgumentList.Add(dll);
        foreach (var a in args) psi.ArgumentList.Add(a);
        psi.Environment["NO_COLOR"] = "1";
        foreach (var (name, value) in environment)
            if (value is null) psi.Environment.Remove(name);
            else psi.Environment[name] = value;
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit(120_000)) { p.Kill(true); throw new TimeoutException("reasontrack " + string.Join(' ', args)); }
        return new Outcome(p.ExitCode, stdout.Result, stderr.Result);
    }

    /// <summary>
    /// Starts the CLI as a child process now and returns its outcome when it exits: several started one after another
    /// run at the same time (shards into one folder). Waits up to ten minutes (a loaded machine), as a hang guard only.
    /// </summary>
    public static Task<Outcome> Start(params string[] args)
    {
        string dll = Path.Combine(AppContext.BaseDirectory, "ReasonTrack.Cli.dll");
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        psi.ArgumentList.Add(dll);
        foreach (var a in args) psi.ArgumentList.Add(a);
        psi.Environment["NO_COLOR"] = "1";
        var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        return Task.Run(async () =>
        {
            using (p)
            {
                using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(10));
                try
                {
                    await p.WaitForExitAsync(cts.Token);
                }
                catch (OperationCanceledException)
                {
                    p.Kill(true);
                    throw new TimeoutException("reasontrack " + string.Join(' ', args));
                }
                return new Outcome(p.ExitCode, await stdout, await stderr);
            }
        });
    }

    /// <summary>Bad input: exit code 2, an 'error:' first line, and never a stack trace.</summary>
    public static Outcome ShouldFailCleanly(this Outcome o)
    {
        o.ExitCode.ShouldBe(2, o.Stdout + o.Stderr);
        o.Stderr.ShouldStartWith("error: ");
        o.Stderr.ShouldNotContain("   at ");
        o.Stderr.ShouldNotContain("Exception");
        return o;
    }
}
