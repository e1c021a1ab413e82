using ReasonTrack.Geometry;
using ReasonTrack.Media;
using ReasonTrack.Reasoning.Logging;
using ReasonTrack.Reasoning.Scheduling;
using ReasonTrack.Trackers;

namespace ReasonTrack.Reasoning.Modes;

/// <summary>
/// The frame loop with reasoning: the visual tracker runs on every frame; reasoners decide when to ask the model;
/// the scheduler runs the calls (blocking in sync mode, in the background in realtime mode); answers are applied
/// when they arrive — a new description, or a box the tracker is re-initialized on — and every call is logged.
/// The description in force at each frame is recorded.
/// </summary>
public sealed class ReasoningSession
{
    public required ITracker Tracker { get; init; }
    public required IReadOnlyList<IFrameReasoner> Reasoners { get; init; }
    public required ScheduleMode Schedule { get; init; }
    public ReasoningLog Log { get; init; } = new(null);

    /// <summary>How long the end of a sequence waits for calls still running before cancelling them.</summary>
    public TimeSpan FinishTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Descriptions in force per frame, filled by <see cref="Run"/>.</summary>
    public List<string?> Descriptions { get; } = [];

    public TrackingOutcome Run(IFrameSource source, Box initialBox, string? description, Action<ImageFrame, TrackResult>? observe = null,
        CancellationToken cancellation = default)
    {
        var state = new ReasoningState(description);
        using var scheduler = new ReasoningScheduler<(IFrameReasoner Reasoner, ReasoningAnswer Answer)>(Schedule)
        {
            OnSuperseded = (frame, trigger) => Log.Write(new ReasoningLogRecord { Frame = frame + 1, Mode = "?", Trigger = trigger, Status = "superseded" }),
        };
        var wrapped = new ReasoningTracker(Tracker, this, scheduler, state);
        var outcome = SequenceTracking.Run(wrapped, source, initialBox, observe, cancellation: cancellation);
        foreach (var c in scheduler.Finish(FinishTimeout)) Record(c, appliedAt: null);
        return outcome;
    }

    private void Record(ReasoningCompletion<(IFrameReasoner Reasoner, ReasoningAnswer Answer)> c, int? appliedAt, string? statusOverride = null)
    {
        var (reasoner, answer) = c.Result;
        Log.Write(new ReasoningLogRecord
        {
            Frame = c.Frame + 1,
            AppliedAtFrame = appliedAt is null ? null : appliedAt + 1,
            Mode = reasoner?.Mode ?? "?",
            Trigger = c.Trigger,
            Status = c.Error is not null ? "error" : statusOverride ?? answer?.Status ?? "ok",
            Images = answer?.Images ?? [],
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
    private sealed class ReasoningTracker(ITracker inner, ReasoningSession session, ReasoningScheduler<(IFrameReasoner, ReasoningAnswer)> scheduler, ReasoningState state) : ITracker
    {
        private int _frame;

        public string Name => inner.Name;

        public void Initialize(ImageFrame frame, Box box)
        {
            _frame = 0;
            inner.Initialize(frame, box);
            Consider(frame, new TrackResult(box, 1, true));
            ApplyCompleted();
            session.Descriptions.Add(state.Description);
        }

        public TrackResult Update(ImageFrame frame)
        {
            _frame = frame.Index;
            if (state.Relocate is { } target)
            {
                // A reasoner found the target elsewhere: restart the visual tracker there.
                inner.Initialize(frame, target);
                state.Relocate = null;
            }
            var result = inner.Update(frame);
            Consider(frame, result);
            ApplyCompleted();
            session.Descriptions.Add(state.Description);
            return result;
        }

        private void Consider(ImageFrame frame, TrackResult result)
        {
            foreach (var r in session.Reasoners)
            {
                var request = r.Consider(frame.Index, frame, result, state);
                if (request is null) continue;
                var reasoner = r;
                scheduler.Submit(frame.Index, request.Trigger, async ct => (reasoner, await request.Work(ct).ConfigureAwait(false)));
            }
        }

        private void ApplyCompleted()
        {
            foreach (var c in scheduler.Drain())
            {
                if (c.Error is not null) { session.Record(c, appliedAt: null); continue; }
                var (reasoner, answer) = c.Result;
                bool applied = reasoner.Apply(answer, c.Frame, _frame, state);
                session.Record(c, applied ? _frame : null, applied ? null : "stale");
            }
        }

        public void Dispose() => inner.Dispose();
    }

    /// <summary>Writes the description in force at each frame, one line per frame (empty when none).</summary>
    public static void WriteDescriptions(string path, IReadOnlyList<string?> descriptions) =>
        IO.AtomicFile.WriteAllText(path, string.Concat(descriptions.Select(d => (d ?? "").Replace('\n', ' ') + "\n")));
}
