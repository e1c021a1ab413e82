namespace ReasonTrack.Reasoning.Scheduling;

/// <summary>
/// Runs reasoning calls for a frame loop in <see cref="ScheduleMode.Sync"/> or <see cref="ScheduleMode.Realtime"/>
/// mode. The frame loop submits work and, once per frame, drains what has completed; in realtime mode nothing here
/// ever blocks the caller except <see cref="Finish"/> at the end of a sequence.
/// </summary>
public sealed class ReasoningScheduler<T> : IDisposable
{
    private readonly object _gate = new();
    private readonly List<ReasoningCompletion<T>> _completed = [];
    private readonly CancellationTokenSource _stop = new();
    private (int Frame, string Trigger, Func<CancellationToken, Task<T>> Work, string? Source)? _pending;
    private Task? _running;

    public ReasoningScheduler(ScheduleMode mode) => Mode = mode;

    public ScheduleMode Mode { get; }

    /// <summary>Calls asked for.</summary>
    public int Submitted { get; private set; }

    /// <summary>Calls replaced in the pending slot by a newer one before they started (realtime only).</summary>
    public int Superseded { get; private set; }

    /// <summary>Calls that ran to an answer or an error.</summary>
    public int Completed { get; private set; }

    /// <summary>True while a call is running or waiting.</summary>
    public bool Busy { get { lock (_gate) return _running is not null || _pending is not null; } }

    /// <summary>
    /// The clock for call latencies and the <see cref="Finish"/> deadline; tests pass a fake one so that nothing depends
    /// on how fast the machine is.
    /// </summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>Called with every superseded request (frame, trigger, source), so it can be logged.</summary>
    public Action<int, string, string?>? OnSuperseded { get; init; }

    /// <summary>
    /// Called with every call that finished (an answer or an error) once <see cref="Drain"/> can return it: in realtime
    /// mode on the thread the call finished on, not the frame loop's, so it must be quick and must not block. For live
    /// displays ("answer about frame k arrived after 1.2 s") and for tests that need to know an answer is in.
    /// </summary>
    public Action<ReasoningCompletion<T>>? OnCompleted { get; init; }

    /// <summary>
    /// Asks for a reasoning call about <paramref name="frame"/>. Sync: runs it now and returns when it is done.
    /// Realtime: starts it if nothing runs, otherwise puts it in the pending slot (replacing a waiting one).
    /// </summary>
    public void Submit(int frame, string trigger, Func<CancellationToken, Task<T>> work, string? source = null)
    {
        Submitted++;
        if (Mode == ScheduleMode.Sync)
        {
            var started = Time.GetTimestamp();
            ReasoningCompletion<T> c;
            try
            {
                var result = work(_stop.Token).GetAwaiter().GetResult();
                c = new(frame, trigger, result, null, Time.GetElapsedTime(started), source);
            }
            catch (Exception e) when (e is not OperationCanceledException || !_stop.IsCancellationRequested)
            {
                c = new(frame, trigger, default, e, Time.GetElapsedTime(started), source);
            }
            lock (_gate) { _completed.Add(c); Completed++; }
            OnCompleted?.Invoke(c);
            return;
        }

        lock (_gate)
        {
            if (_running is null)
            {
                _running = RunAsync(frame, trigger, work, source);
                return;
            }
            if (_pending is { } old)
            {
                Superseded++;
                OnSuperseded?.Invoke(old.Frame, old.Trigger, old.Source);
            }
            _pending = (frame, trigger, work, source);
        }
    }

    private async Task RunAsync(int frame, string trigger, Func<CancellationToken, Task<T>> work, string? source)
    {
        // Leave the caller's thread at once: the frame loop must not run any part of the work. On the thread pool, not
        // through the caller's SynchronizationContext (Task.Yield would queue there): a loop whose context is busy or
        // blocked must not keep its reasoning calls from starting.
        await Task.CompletedTask.ConfigureAwait(ConfigureAwaitOptions.ForceYielding);
        while (true)
        {
            var started = Time.GetTimestamp();
            ReasoningCompletion<T> c;
            try
            {
                var result = await work(_stop.Token).ConfigureAwait(false);
                c = new(frame, trigger, result, null, Time.GetElapsedTime(started), source);
            }
            catch (Exception e)
            {
                c = new(frame, trigger, default, e, Time.GetElapsedTime(started), source);
            }
            bool more = false;
            lock (_gate)
            {
                _completed.Add(c);
                Completed++;
                if (_pending is { } next && !_stop.IsCancellationRequested)
                {
                    _pending = null;
                    (frame, trigger, work, source) = next;
                    more = true;
                }
                else _running = null;
            }
            OnCompleted?.Invoke(c);
            if (!more) return;
        }
    }

    /// <summary>Completions since the last call, in the order they finished.</summary>
    public IReadOnlyList<ReasoningCompletion<T>> Drain()
    {
        lock (_gate)
        {
            if (_completed.Count == 0) return [];
            var list = _completed.ToArray();
            _completed.Clear();
            return list;
        }
    }

    /// <summary>
    /// End of the sequence: waits up to <paramref name="timeout"/> for the running and pending calls so that their
    /// answers are logged, then cancels whatever is still running. Returns the last completions. The deadline is read
    /// from <see cref="Time"/>: with a fake clock that nobody advances, only an idle scheduler ends the wait.
    /// </summary>
    public IReadOnlyList<ReasoningCompletion<T>> Finish(TimeSpan timeout)
    {
        var deadline = Time.GetUtcNow() + timeout;
        while (Busy && Time.GetUtcNow() < deadline) Thread.Sleep(5);
        if (Busy)
        {
            _stop.Cancel();
            Task? running;
            lock (_gate) running = _running;
            try { running?.Wait(TimeSpan.FromSeconds(5)); } catch (AggregateException) { /* the cancellation is recorded as the call's error */ }
            lock (_gate)
            {
                // A request still waiting never ran: it is returned as cancelled so that nothing goes unaccounted for.
                if (_pending is { } p)
                {
                    _pending = null;
                    _completed.Add(new(p.Frame, p.Trigger, default, new OperationCanceledException("not started before the end of the sequence"), TimeSpan.Zero, p.Source));
                    Completed++;
                }
            }
        }
        return Drain();
    }

    public void Dispose()
    {
        _stop.Cancel();
        _stop.Dispose();
    }
}
