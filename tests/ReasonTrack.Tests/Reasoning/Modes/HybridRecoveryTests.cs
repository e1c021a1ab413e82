using System.Text.Json;
using ReasonTrack.Geometry;
using ReasonTrack.Media;
using ReasonTrack.Reasoning.Logging;
using ReasonTrack.Reasoning.Modes;
using ReasonTrack.Reasoning.Prompts;
using ReasonTrack.Reasoning.Scheduling;
using ReasonTrack.Trackers;

namespace ReasonTrack.Tests.Reasoning.Modes;

/// <summary>
/// A hybrid run (default tracker + VPTracker re-localization + description refiner) on a real sequence: the visual
/// tracker is made to lose the target at frame 41 (it reports "lost" on a decoy box until someone re-initializes
/// it); the scripted model, asked with the red rectangle around the last sure box, answers where the target really
/// is, and tracking resumes on it. The same sabotage without a reasoner never recovers.
/// </summary>
public class HybridRecoveryTests
{
    private const int LossFrame = 40; // 0-based
    private static readonly Box Decoy = new(250, 150, 40, 40);

    /// <summary>Wraps a tracker; from <see cref="LossFrame"/> on it reports the decoy box, not found, until re-initialized.</summary>
    private sealed class SabotagedTracker(ITracker inner) : ITracker
    {
        private bool _lost;
        private bool _done;
        public string Name => inner.Name;

        public void Initialize(ImageFrame frame, Box box)
        {
            _lost = false;
            inner.Initialize(frame, box);
        }

        public TrackResult Update(ImageFrame frame)
        {
            if (frame.Index == LossFrame && !_done) { _lost = true; _done = true; }
            return _lost ? new TrackResult(Decoy, 0.05, false) : inner.Update(frame);
        }

        public void Dispose() => inner.Dispose();
    }

    [Fact]
    public async Task Recovers_the_target_after_a_simulated_loss_and_uses_the_refined_description()
    {
        var ct = TestContext.Current.CancellationToken;
        var (frames, gt) = ModeFixtures.Frames("Car4", 80);
        await using var server = await FakeVlmServer.StartAsync("hybrid-vlm", ct);
        var askedRelocation = new List<string>();
        server.Responder = request =>
        {
            var messages = request.Root.GetProperty("messages");
            if (messages[0].GetProperty("role").GetString() == "system")
                return FakeReply.Text("<think>The car drives on under the bridge.</think><d>yes</d><answer>a white car under a bridge</answer>");
            // VPTracker: answer the ground truth of the frame the loss happened on (sync mode asks on that frame).
            askedRelocation.Add(ModeFixtures.UserParts(request)[2].Text!);
            var g = gt[LossFrame];
            return FakeReply.Text($"```json\n{{\"visible\": \"yes\", \"bbox\": [{g.X}, {g.Y}, {g.X + g.W}, {g.Y + g.H}]}}\n```");
        };
        using var client = ModeFixtures.Client(server, "hybrid-vlm");

        TrackingOutcome Run(bool reasoning, ReasoningLog log)
        {
            var reasoners = reasoning
                ? new IFrameReasoner[]
                {
                    new VpTrackerReasoner(client, new VpTrackerOptions { Role = VpTrackerRole.Relocator }),
                    new DescriptionRefiner(client, DescriptionStrategy.Initial, new UpdateTriggerOptions { Motion = false, Interval = 30 }),
                }
                : [];
            var session = new ReasoningSession { Tracker = new SabotagedTracker(TrackerRegistry.Create("default")), Reasoners = reasoners, Schedule = ScheduleMode.Sync, Log = log };
            return session.Run(new InMemoryFrameSource("Car4", frames), gt[0], "a white car", cancellation: ct);
        }

        using var none = new ReasoningLog(null);
        var alone = Run(false, none);
        using var log = new ReasoningLog(null);
        var hybrid = Run(true, log);

        double MeanIou(TrackingOutcome o) => Enumerable.Range(LossFrame + 1, frames.Count - LossFrame - 1).Average(i => Overlap.Iou(o.Boxes[i], gt[i]));
        double before = Enumerable.Range(1, LossFrame - 1).Average(i => Overlap.Iou(hybrid.Boxes[i], gt[i]));
        TestContext.Current.TestOutputHelper?.WriteLine($"mean IoU frames 2-{LossFrame}: {before:0.000}; after the loss: alone {MeanIou(alone):0.000}, hybrid {MeanIou(hybrid):0.000}");
        before.ShouldBeGreaterThan(0.6);
        MeanIou(alone).ShouldBeLessThan(0.05);
        MeanIou(hybrid).ShouldBeGreaterThan(0.6);
        hybrid.Found[LossFrame].ShouldBeTrue();
        hybrid.Boxes[LossFrame].ShouldBe(gt[LossFrame]);

        var relocations = log.Records.Where(r => r.Mode == "vptracker").ToList();
        relocations.Count.ShouldBe(1); // found at once: the tracker never reported lost again
        (relocations[0].Frame, relocations[0].Trigger, relocations[0].Status, relocations[0].AppliedAtFrame).ShouldBe((LossFrame + 1, "lost", "ok", LossFrame + 1));
        // The refiner asked about frame 31 (the interval, 0-based 30), in force from frame 32, and its text is what VPTracker was given.
        (log.Records.First(r => r.Mode == "reasoningtrack").Frame, log.Records.First(r => r.Mode == "reasoningtrack").AppliedAtFrame).ShouldBe((31, (int?)32));
        askedRelocation.Single().ShouldContain("<ref>a white car under a bridge</ref>");
    }
}
