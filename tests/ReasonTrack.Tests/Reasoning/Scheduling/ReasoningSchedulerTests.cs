using System.Diagnostics;
using ReasonTrack.Reasoning.Scheduling;

namespace ReasonTrack.Tests.Reasoning.Scheduling;

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
    public void Realtime_never_blocks_and_a_newer_request_supersedes_the_waiting_one()
    {
        var release = new TaskCompletionSource();
        var superseded = new List<int>();
        using var s = new ReasoningScheduler<int>(ScheduleMode.Realtime) { OnSuperseded = (f, _, _) => superseded.Add(f) };
        var sw = Stopwatch.StartNew();
        s.Submit(1, "t", async _ => { await release.Task; return 1; });
        s.Submit(2, "t", _ => Task.FromResult(2));
        s.Submit(3, "t", _ => Task.FromResult(3));
        s.Submit(4, "t", _ => Task.FromResult(4));
        sw.ElapsedMilliseconds.ShouldBeLessThan(200); // the loop went on while call 1 was still running
        s.Drain().ShouldBeEmpty();
        s.Superseded.ShouldBe(2);
        superseded.ShouldBe([2, 3]);

        release.SetResult();
        var done = s.Finish(TimeSpan.FromSeconds(5));
        done.Select(c => (c.Frame, c.Result)).ShouldBe([(1, 1), (4, 4)]);
        s.Completed.ShouldBe(2);
        s.Submitted.ShouldBe(4);
    }

    [Fact]
    public void Realtime_work_does_not_run_on_the_callers_thread()
    {
        int caller = Environment.CurrentManagedThreadId, worker = -1;
        using var s = new ReasoningScheduler<int>(ScheduleMode.Realtime);
        s.Submit(1, "t", _ => { worker = Environment.CurrentManagedThreadId; Thread.Sleep(50); return Task.FromResult(1); });
        s.Finish(TimeSpan.FromSeconds(5)).Count.ShouldBe(1);
        worker.ShouldNotBe(caller);
    }

    [Fact]
    public void Finish_cancels_a_call_that_never_answers_and_records_why()
    {
        using var s = new ReasoningScheduler<int>(ScheduleMode.Realtime);
        s.Submit(7, "lost", async ct => { await Task.Delay(Timeout.Infinite, ct); return 0; });
        var sw = Stopwatch.StartNew();
        var done = s.Finish(TimeSpan.FromMilliseconds(200));
        sw.ElapsedMilliseconds.ShouldBeLessThan(3000);
        done.Single().Frame.ShouldBe(7);
        done.Single().Error.ShouldBeAssignableTo<OperationCanceledException>();
    }
}
