namespace ReasonTrack.Tests;

/// <summary>
/// Measures allocations of a steady-state loop on this thread. Tiered JIT recompiles hot methods at unpredictable
/// moments and that allocates, so one window can show bytes that are not the code's own; a per-call allocation,
/// though, shows in every window. Hence: several windows, and the smallest is the code's steady state.
/// </summary>
public static class AllocationProbe
{
    public static long SteadyStateBytes(Action call, int callsPerWindow = 10, int windows = 8)
    {
        long best = long.MaxValue;
        for (int w = 0; w < windows; w++)
        {
            long before = GC.GetAllocatedBytesForCurrentThread();
            for (int i = 0; i < callsPerWindow; i++) call();
            best = Math.Min(best, GC.GetAllocatedBytesForCurrentThread() - before);
        }
        return best;
    }
}
