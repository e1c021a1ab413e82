using System.Diagnostics;
using ReasonTrack.Geometry;
using ReasonTrack.Media;
using ReasonTrack.Reasoning.Logging;
using ReasonTrack.Reasoning.Scheduling;
using ReasonTrack.Trackers;

namespace ReasonTrack.Reasoning.Modes;

/// <summary>
/// The frame loop with reasoning: the visual tracker runs on every frame; reasoners decide when to ask the model;
/// the scheduler runs the calls (blocking in sync mode, in the background in realtime mode); answers are applied
/// when they arrive — a new description, or a corrected box the tracker is re-initialized on — and every call is
/// logged. The description in force at each frame is recorded.
/// <para>
/// Per frame: answers of <see cref="AnswerTiming.NextFrame"/> reasoners are applied first, then the visual tracker
/// runs, then every reasoner considers the frame (sync: its call runs now), then answers of
/// <see cref="AnswerTiming.SameFrame"/> reasoners are applied (a corrected box replaces this frame's result). The
/// description recorded for a frame (<see cref="Descriptions"/>) is the one in force while the tracker ran on it.
/// </para>
/// <para>
/// A <see cref="Tracker"/> that reads text (<see cref="ITextTracker"/>) is given the description in force before its
/// first initialize and again before the update of the first frame a new one is in force on (the refiner's answer about
/// check frame k: before frame k+1 is tracked, in sync mode as released; in realtime mode the first frame tracked after
/// the answer arrived), only when it changes; a re-initialization on a corrected box keeps the text it holds. What it
/// was given is exactly what <see cref="Descriptions"/> records for the frame.
/// </para>
/// </summary>
public sealed class ReasoningSession
{
    /// <summary>The visual tracker run on every frame (the <c>identity</c> tracker when the VLM itself tracks).</summary>
    public required ITracker Tracker { get; init; }

    public required IReadOnlyList<IFrameReasoner> Reasoners { get; init; }
    public required ScheduleMode Schedule { get; init; }
    public ReasoningLog Log { get; init; } = new(null);

    /// <summary>Finds the target on the first frame when <see cref="Run"/> is given no box.</summary>
    public ITargetGrounder? Grounder { get; init; }

    /// <summary>How long the end of a sequence waits for calls still running before cancelling them.</summary>
    public TimeSpan FinishTimeout { get; init; } = TimeSpan.FromSeconds(30);

    private int _answered;
    private int _errors;

    /// <summary>How the model calls of the last <see cref="Run"/> ended (see <see cref="ReasoningCallCounts"/>).</summary>
    public ReasoningCallCounts Calls => new(Volatile.Read(ref _answered), Volatile.Read(ref _errors));

    /// <summary>
    /// Called when a model call finishes, with the 0-based frame it was asked about, the reasoner's mode and whether it
    /// gave an answer (false: an error), as soon as the frame loop can apply it (the first frame that starts after this
    /// call does). In realtime mode it runs on the thread the call finished on, not the loop's: keep it quick and never
    /// block in it. For live displays and for tests that must know an answer is in before the loop goes on.
    /// </summary>
    public Action<int, string, bool>? AnswerArrived { get; init; }

    /// <summary>Clock of the end-of-sequence wait and of the schedulers (latencies); tests pass a fake one.</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>
    /// Descriptions in force per frame, filled by <see cref="Run"/>: entry i is the text in force while the visual
    /// tracker ran on frame i (0-based), so a ReasoningTrack update asked on check frame k shows from entry k+1.
    /// </summary>
    public List<string?> Descriptions { get; } = [];

    /// <summary>
    /// Tracks <paramref name="source"/> from <paramref name="initialBox"/>, or, when it is null, from the box
    /// <see cref="Grounder"/> finds on the first frame (an error naming the reply's problem when it finds none).
    /// </summary>
    public TrackingOutcome Run(IFrameSource source, Box? initialBox, string? description, Action<ImageFrame, TrackResult>? observe = null,
        IProgress<int>? progress = null, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        if (initialBox is null && Grounder is null)
            throw new ReasonTrackException("no initial box and nothing to ground the target with: give an initial box, a target description or ReasoningSetupOptions.Instruction");
        var state = new ReasoningState(description);
        Descriptions.Clear();
        _answered = _errors = 0;
        // One scheduler per reasoner: each has its own running call and waiting slot, so a re-localizer asking while
        // the target is lost never supersedes the refiner's waiting request (and the other way round).
        var schedulers = Reasoners.Select(_ => new ReasoningScheduler<(IFrameReasoner Reasoner, ReasoningAnswer Answer)>(Schedule)
        {
            Time = Time,
            OnCompleted = AnswerArrived is { } arrived ? c => arrived(c.Frame, c.Source ?? "?", c.Error is null) : null,
            OnSuperseded = (frame, trigger, mode) => Log.Write(new ReasoningLogRecord { Frame = frame + 1, Mode = mode ?? "?", Trigger = trigger, Status = "superseded" }),
        }).ToList();
        try
        {
            var wrapped = new ReasoningTracker(Tracker, this, schedulers, state);
            var outcome = SequenceTracking.Run(wrapped, source, frame => initialBox ?? Ground(frame, state, source.Name, cancellation), observe, progress, cancellation);
            // Answers that arrive after the last frame can no longer be applied: logged as stale.
            var deadline = Time.GetUtcNow() + FinishTimeout;
            foreach (var scheduler in schedulers)
                foreach (var c in scheduler.Finish(deadline - Time.GetUtcNow() > TimeSpan.Zero ? deadline - Time.GetUtcNow() : TimeSpan.Zero))
                    Record(c, appliedAt: null, c.Error is null ? "stale" : null);
            // Frames the loop could not read at the end were never shown to the reasoners: the description carries over.
            while (Descriptions.Count < outcome.Frames) Descriptions.Add(state.Description);
            return outcome;
        }
        finally
        {
            foreach (var scheduler in schedulers) scheduler.Dispose();
        }
    }

    private Box Ground(ImageFrame frame, ReasoningState state, string sequence, CancellationToken cancellation)
    {
        var grounder = Grounder!;
        long started = Stopwatch.GetTimestamp();
        ReasoningAnswer? answer = null;
        Exception? error = null;
        try
        {
            answer = grounder.GroundAsync(frame, state, cancellation).GetAwaiter().GetResult();
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellation.IsCancellationRequested)
        {
            error = e;
        }
        Record(new ReasoningCompletion<(IFrameReasoner, ReasoningAnswer)>(frame.Index, "init", (null!, answer!), error, Stopwatch.GetElapsedTime(started)),
            error is null && answer?.Box is not null ? frame.Index : null, mode: grounder.Mode);
        if (error is Vlm.VlmRequestException { IsUnreachable: true } unreachable) throw unreachable;
        if (error is not null)
            throw new ReasonTrackException($"{sequence}: grounding the target on frame 1 failed: {error.Message}", error);
        if (answer?.Box is not { } box)
            throw new ReasonTrackException($"{sequence}: grounding found no target on frame 1 ({answer?.ParseNote ?? "no box in the reply"}); the reply is in the reasoning log");
        return box;
    }

    private void Record(ReasoningCompletion<(IFrameReasoner Reasoner, ReasoningAnswer Answer)> c, int? appliedAt, string? statusOverride = null, string? mode = null)
    {
        var (reasoner, answer) = c.Result;
        if (c.Error is null) Interlocked.Increment(ref _answered);
        else if (c.Error is not OperationCanceledException) Interlocked.Increment(ref _errors);
        Log.Write(new ReasoningLogRecord
        {
            Frame = c.Frame + 1,
            AppliedAtFrame = appliedAt is null ? null : appliedAt + 1,
            Mode = mode ?? reasoner?.Mode ?? c.Source ?? "?",
            Trigger = c.Trigger,
            Status = c.Error is not null ? "error" : statusOverride ?? answer?.Status ?? "ok",
            Images = answer?.Images ?? [],
            ImageEncodings = answer?.ImageEncodings ?? [],
            ImageThumbnails = answer?.ImageThumbnails ?? [],
            PromptHash = answer?.PromptHash,
            RawReply = answer?.RawReply,
            Decision = answer?.Decision,
            Description = answer?.Description,
            Box = answer?.Box is { } b ? BoxText.Format(b, ",") : null,
            LatencyMs = Math.Round(c.Latency.TotalMilliseconds, 1),
            Error = c.Error is null ? null : $"{c.Error.GetType().Name}: {c.Error.Message}",
            ParseNote = answer?.ParseNote,
        });
    }

    /// <summary>
    /// Wraps the visual tracker so that the standard loop (timing, unreadable frames, outputs) drives reasoning too.
    /// Reasoning time is inside the measured update time, so sync mode's frames/s include the model's latency.
    /// </summary>
    private sealed class ReasoningTracker(ITracker inner, ReasoningSession session, IReadOnlyList<ReasoningScheduler<(IFrameReasoner, ReasoningAnswer)>> schedulers, ReasoningState state) : ITracker
    {
        // The description reaches a text-reading tracker through here only (see the session's remarks).
        private readonly TextDelivery _text = new(inner);

        public string Name => inner.Name;

        public void Initialize(ImageFrame frame, Box box)
        {
            _text.Deliver(state.Description);
            inner.Initialize(frame, box);
            Step(frame, new TrackResult(box, 1, true), state.Description, state.Description);
        }

        public TrackResult Update(ImageFrame frame)
        {
            string? before = state.Description;
            // Answers due before tracking (ReasoningTrack's refiner, asked on the check frame k): in force for the
            // tracking of this frame, as the released tracker uses the refined text in the forward pass of frame k+1.
            ApplyCompleted(frame.Index, AnswerTiming.NextFrame);
            string? used = state.Description;
            _text.Deliver(used);
            return Step(frame, inner.Update(frame), before, used);
        }

        /// <param name="before">The description in force before this frame (carried by frames the loop could not read).</param>
        /// <param name="used">The description in force while the visual tracker ran on this frame: the one recorded for it.</param>
        private TrackResult Step(ImageFrame frame, TrackResult result, string? before, string? used)
        {
            // Frames the loop could not read were never shown here: they carry the description in force before this one.
            while (session.Descriptions.Count < frame.Index) session.Descriptions.Add(before);
            state.Frame = frame.Index;
            state.Current = result;
            Consider(frame, result);
            ApplyCompleted(frame.Index, AnswerTiming.SameFrame);
            if (state.Correction is { } corrected)
            {
                // A reasoner placed the target (VLM-as-tracker, re-localization, rethink): report its box for this
                // frame and restart the visual tracker there, so that the next frame searches around it.
                state.Correction = null;
                if (corrected.Found && corrected.Box.IsFinite && corrected.Box.W >= 1 && corrected.Box.H >= 1)
                {
                    // The restart carries the description in force (the tracker keeps it; given here only if it changed).
                    _text.Deliver(state.Description);
                    inner.Initialize(frame, corrected.Box);
                }
                result = corrected;
            }
            // The description the tracker used on this frame; an answer folded in after tracking counts from the next frame.
            session.Descriptions.Add(used);
            return result;
        }

        private void Consider(ImageFrame frame, TrackResult result)
        {
            for (int i = 0; i < session.Reasoners.Count; i++)
            {
                var reasoner = session.Reasoners[i];
                var request = reasoner.Consider(frame.Index, frame, result, state);
                if (request is null) continue;
                schedulers[i].Submit(frame.Index, request.Trigger, async ct => (reasoner, await request.Work(ct).ConfigureAwait(false)), reasoner.Mode);
            }
        }

        private void ApplyCompleted(int frame, AnswerTiming timing)
        {
            for (int i = 0; i < schedulers.Count; i++)
                if (session.Reasoners[i].Timing == timing) ApplyCompleted(frame, schedulers[i]);
        }

        private void ApplyCompleted(int frame, ReasoningScheduler<(IFrameReasoner, ReasoningAnswer)> scheduler)
        {
            foreach (var c in scheduler.Drain())
            {
                if (c.Error is not null)
                {
                    session.Record(c, appliedAt: null);
                    // Fail fast: the server was never reachable (wrong address, not running). Every further frame
                    // would fail the same way, so the sequence stops here and the error names the address.
                    if (c.Error is Vlm.VlmRequestException { IsUnreachable: true } unreachable) throw unreachable;
                    continue;
                }
                var (reasoner, answer) = c.Result;
                var use = reasoner.Apply(answer, c.Frame, frame, state);
                session.Record(c, use == AnswerUse.Applied ? frame : null, use switch { AnswerUse.Applied => null, AnswerUse.Rejected => "rejected", _ => "stale" });
            }
        }

        public void Dispose() => inner.Dispose();
    }
}
