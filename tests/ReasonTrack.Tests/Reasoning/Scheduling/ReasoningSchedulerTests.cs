using ReasonTrack.Reasoning.Scheduling;
using ReasonTrack.Tests.Timing;

namespace ReasonTrack.Tests.Reasoning.Scheduling;

/// <summary>
/// The scheduler's behaviour without any dependence on speed: calls are held by tasks the test completes, latencies
/// and the Finish deadline are read from a fake clock. The only real-time bound is <see cref="WatchedClock.HangGuard"/>.
/// </summary>
public class ReasoningSchedulerTests
{
    [Fact]
    public void Sync_completes_each_call_before_returning_and_keeps_errors()
    {
        using var s = new ReasoningScheduler<string>(ScheduleMode.Sync);
        s.Submit(1, "interval", _ => Task.FromResult("a"));
        s.Submit(2, "motion", _ => throw new InvalidOperationException("model said nothing"));
        var done = s.Drain();
        done.Select(c => c.Frame).ShouldBe([1, 2]);
        done[0].Result.ShouldBe("a");
        done[1].Error.ShouldBeOfType<InvalidOperationException>();
        s.Drain().ShouldBeEmpty();
    }

    [Fact]
    public async Task Realtime_never_blocks_and_a_newer_request_supersedes_the_waiting_one()
    {
        var release = new TaskCompletionSource();
        var superseded = new List<int>();
        using var s = new ReasoningScheduler<int>(ScheduleMode.Realtime) { OnSuperseded = (f, _, _) => superseded.Add(f) };
        // Call 1 cannot finish before the release below: the submits returning at all is the proof that the loop
        // went on while it was running (a blocking Submit would hang here, and the guard would fail the test).
        var submits = Task.Run(() =>
        {
            s.Submit(1, "t", async _ => { await release.Task; return 1; });
            s.Submit(2, "t", _ => Task.FromResult(2));
            s.Submit(3, "t", _ => Task.FromResult(3));
            s.Submit(4, "t", _ => Task.FromResult(4));
        }, TestContext.Current.CancellationToken);
        await submits.WaitAsync(WatchedClock.HangGuard, TestContext.Current.CancellationToken); // TimeoutException: Submit blocked on a running call
        s.Drain().ShouldBeEmpty();
        s.Superseded.ShouldBe(2);
        superseded.ShouldBe([2, 3]);

        release.SetResult();
        var done = s.Finish(WatchedClock.HangGuard);
        done.Select(c => (c.Frame, c.Result)).ShouldBe([(1, 1), (4, 4)]);
        s.Completed.ShouldBe(2);
        s.Submitted.ShouldBe(4);
    }

    /// <summary>
    /// OnCompleted reports every call that ran (answer or error) once Drain can return it, including the waiting call
    /// that ran after the first; a superseded request never ran and is not reported.
    /// </summary>
    [Fact]
    public void Realtime_reports_each_finished_call_once_it_can_be_drained()
    {
        var release = new TaskCompletionSource();
        var reported = new System.Collections.Concurrent.ConcurrentQueue<(int Frame, bool Drainable, bool Failed)>();
        ReasoningScheduler<int>? s = null;
        using var scheduler = new ReasoningScheduler<int>(ScheduleMode.Realtime)
        {
            // Drain from inside the callback would take the completion away from the loop; Completed shows it is in.
            OnCompleted = c => reported.Enqueue((c.Frame, s!.Completed > reported.Count, c.Error is not null)),
        };
        s = scheduler;
        s.Submit(1, "t", async _ => { await release.Task; return 1; });
        s.Submit(2, "t", _ => Task.FromResult(2));
        s.Submit(3, "t", _ => throw new InvalidOperationException("no answer"));
        reported.ShouldBeEmpty();
        release.SetResult();
        WatchedClock.Until(() => reported.Count == 2, "two completions reported");
        var done = s.Finish(WatchedClock.HangGuard);
        done.Select(c => c.Frame).ShouldBe([1, 3]);
        reported.ShouldBe([(1, true, false), (3, true, true)]);
        s.Superseded.ShouldBe(1);
    }

    [Fact]
    public void Realtime_work_does_not_run_on_the_callers_thread()
    {
        int caller = Environment.CurrentManagedThreadId, worker = -1;
        using var s = new ReasoningScheduler<int>(ScheduleMode.Realtime);
        s.Submit(1, "t", _ => { worker = Environment.CurrentManagedThreadId; return Task.FromResult(1); });
        s.Finish(WatchedClock.HangGuard).Count.ShouldBe(1);
        worker.ShouldNotBe(caller);
    }

    [Fact]
    public async Task Latency_is_measured_on_the_schedulers_clock()
    {
        var clock = new WatchedClock();
        // Continuations asynchronous: the test must not go on (and block in Finish) inside the work's own call stack.
        var release = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var s = new ReasoningScheduler<int>(ScheduleMode.Realtime) { Time = clock };
        s.Submit(1, "t", _ => { started.SetResult(); return release.Task; });
        await started.Task.WaitAsync(WatchedClock.HangGuard, TestContext.Current.CancellationToken);
        clock.Advance(TimeSpan.FromSeconds(1.5));
        release.SetResult(1);
        s.Finish(WatchedClock.HangGuard).Single().Latency.ShouldBe(TimeSpan.FromSeconds(1.5));
    }

    [Fact]
    public void Finish_cancels_a_call_that_never_answers_and_records_why()
    {
        var clock = new WatchedClock();
        using var s = new ReasoningScheduler<int>(ScheduleMode.Realtime) { Time = clock };
        s.Submit(7, "lost", async ct => { await Task.Delay(Timeout.Infinite, ct); return 0; });
        s.Submit(8, "waiting", _ => Task.FromResult(8));
        // The deadline is on the fake clock, which moves 1 s each time it is read: Finish gives up after 30 readings
        // whatever the machine's speed.
        clock.AutoAdvanceAmount = TimeSpan.FromSeconds(1);
        var before = clock.GetUtcNow();
        var done = s.Finish(TimeSpan.FromSeconds(30));
        (clock.GetUtcNow() - before).ShouldBeGreaterThanOrEqualTo(TimeSpan.FromSeconds(30));
        done.Select(c => c.Frame).ShouldBe([7, 8]);
        done.ShouldAllBe(c => c.Error is OperationCanceledException);
    }
}
