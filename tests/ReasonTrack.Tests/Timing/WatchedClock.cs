using Microsoft.Extensions.Time.Testing;

namespace ReasonTrack.Tests.Timing;

/// <summary>
/// A <see cref="FakeTimeProvider"/> (time moves only when the test calls Advance) that also records the due time of
/// every timer created on it, so a test can wait until the code under test has started a wait (a backoff, a timeout)
/// before advancing, and check how long that wait was. Nothing here depends on how fast the machine is; the only real
/// time involved is <see cref="HangGuard"/>, which fails a test that would otherwise never end.
/// </summary>
public sealed class WatchedClock : FakeTimeProvider
{
    private readonly object _gate = new();
    private readonly List<TimeSpan> _timers = [];

    /// <summary>Generous real-time bound on waiting for the code under test; only a hang ever reaches it.</summary>
    public static readonly TimeSpan HangGuard = TimeSpan.FromSeconds(60);

    /// <summary>Due times of the timers created so far, in creation order.</summary>
    public IReadOnlyList<TimeSpan> Timers { get { lock (_gate) return _timers.ToArray(); } }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = base.CreateTimer(callback, state, dueTime, period);
        lock (_gate)
        {
            _timers.Add(dueTime);
            Monitor.PulseAll(_gate);
        }
        return timer;
    }

    /// <summary>
    /// Blocks until at least <paramref name="count"/> timers matching <paramref name="match"/> exist and returns their
    /// due times; fails the test after <see cref="HangGuard"/> of real time.
    /// </summary>
    public IReadOnlyList<TimeSpan> WaitForTimers(int count, Func<TimeSpan, bool> match)
    {
        var until = DateTime.UtcNow + HangGuard;
        lock (_gate)
        {
            while (true)
            {
                var found = _timers.Where(match).ToList();
                if (found.Count >= count) return found;
                var left = until - DateTime.UtcNow;
                if (left <= TimeSpan.Zero)
                    throw new TimeoutException($"expected {count} matching timers within {HangGuard.TotalSeconds:0} s, saw [{string.Join(", ", _timers)}]");
                Monitor.Wait(_gate, left);
            }
        }
    }

    /// <summary>Waits (real time, bounded by <see cref="HangGuard"/>) until <paramref name="condition"/> holds.</summary>
    public static void Until(Func<bool> condition, string what)
    {
        var until = DateTime.UtcNow + HangGuard;
        while (!condition())
        {
            if (DateTime.UtcNow > until) throw new TimeoutException($"{what}: not reached within {HangGuard.TotalSeconds:0} s");
            Thread.Sleep(2);
        }
    }
}
