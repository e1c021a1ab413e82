using System.Diagnostics;
using System.Globalization;

namespace ReasonTrack.Cli.Commands;

/// <summary>
/// <c>REASONTRACK_TIMINGS=1</c> (ours, a diagnostic): each command phase's wall and CPU milliseconds on stderr, the first
/// line counted from the process's start (runtime start-up and assembly loading included), so that a slow command says
/// where its time went (<c>reasontrack eval</c>: start-up, command line, dataset, result listing, evaluation, table,
/// reports). Off, it costs one environment read per process.
/// </summary>
internal static class PhaseClock
{
    private static readonly bool Enabled = Environment.GetEnvironmentVariable("REASONTRACK_TIMINGS") == "1";
    private static DateTime _lastWall;
    private static TimeSpan _lastCpu;

    /// <summary>Ends the phase called <paramref name="name"/> (the first call: everything since the process started).</summary>
    public static void Lap(string name)
    {
        if (!Enabled) return;
        using var p = Process.GetCurrentProcess();
        var now = DateTime.Now;
        var cpu = p.TotalProcessorTime;
        if (_lastWall == default) _lastWall = p.StartTime;
        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"timing: {name,-28} {(now - _lastWall).TotalMilliseconds,7:0.0} ms wall {(cpu - _lastCpu).TotalMilliseconds,7:0.0} ms CPU"));
        _lastWall = now;
        _lastCpu = cpu;
    }

    /// <summary>The garbage collector's share: collections per generation, pause time, bytes allocated, peak working set.</summary>
    public static void Memory()
    {
        if (!Enabled) return;
        using var p = Process.GetCurrentProcess();
        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"timing: GC {GC.CollectionCount(0)}/{GC.CollectionCount(1)}/{GC.CollectionCount(2)} collections (gen 0/1/2), {GC.GetTotalPauseDuration().TotalMilliseconds:0.0} ms paused, " +
            $"{GC.GetTotalAllocatedBytes() / 1e6:0.0} MB allocated, peak working set {p.PeakWorkingSet64 / 1e6:0} MB"));
    }
}
