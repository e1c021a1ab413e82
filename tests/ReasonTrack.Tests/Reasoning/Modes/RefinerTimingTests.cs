using ReasonTrack.Geometry;
using ReasonTrack.Media;
using ReasonTrack.Reasoning.Logging;
using ReasonTrack.Reasoning.Modes;
using ReasonTrack.Reasoning.Prompts;
using ReasonTrack.Reasoning.Scheduling;
using ReasonTrack.Reasoning.Vlm;
using ReasonTrack.Tests.Media;
using ReasonTrack.Trackers;

namespace ReasonTrack.Tests.Reasoning.Modes;

/// <summary>
/// Issue 11 item 5: ReasoningTrack's timing as released (<c>Evaluation/dutrack.py</c> ~178-311). The 0-based
/// <c>frame_id</c> is checked after tracking when it is a multiple of 10; on a positive check the call is made while
/// frame k+1 is tracked with image 2 = the check frame k, image 1 = the frame of the previous update, <c>his</c> = the
/// box of frame k, and frame k+1 is already tracked with the new text. Frames are uniform grey with a level that
/// names the frame, so the test decodes each sent image (ffmpeg, independently of our encoders) and reads which frame
/// it is; the visual tracker is scripted so that the boxes, hence the triggers, are known in advance.
/// </summary>
public class RefinerTimingTests
{
    private const int Frames = 45;
    private static byte Level(int frame) => (byte)(20 + 5 * frame);

    /// <summary>
    /// Boxes per 0-based frame: the box shrinks at 15 (area ratio 0.9 &lt; 0.95, seen by the check at 20), moves by
    /// 10 px at 25 (more than 64/32, seen at 30), moves again at 31. The check at 40 fires only when <c>his</c> is the
    /// box of check frame 30 (the released rule); with <c>his</c> = frame 31's box (before the fix) it does not.
    /// </summary>
    internal static Box BoxAt(int frame) => frame switch
    {
        < 15 => new Box(10, 10, 20, 20),
        < 25 => new Box(10, 10, 20, 18),
        < 31 => new Box(20, 10, 20, 18),
        _ => new Box(30, 10, 20, 18),
    };

    [Fact]
    public async Task Image_2_is_the_check_frame_his_is_its_box_and_the_new_text_tracks_the_next_frame()
    {
        var ct = TestContext.Current.CancellationToken;
        FfmpegTool.Require();
        var frames = Enumerable.Range(0, Frames).Select(i =>
        {
            var f = new ImageFrame(64, 48, PixelFormat.Rgb24);
            f.Data.AsSpan().Fill(Level(i));
            return f;
        }).ToList();
        await using var server = await FakeVlmServer.StartAsync("reasoningtrack-3b", ct);
        server.Enqueue(
            FakeReply.Text("<think>a</think><d>yes</d><answer>text A</answer>"),
            FakeReply.Text("<think>b</think><d>yes</d><answer>text B</answer>"),
            FakeReply.Text("<think>c</think><d>no</d><answer>whatever</answer>"));
        using var client = new OpenAiCompatibleChatClient(new VlmClientOptions { BaseUrl = server.BaseUrl, Model = "reasoningtrack-3b", MaxRetries = 0 });
        using var log = new ReasoningLog(null);
        var session = SyncRefinerSession(client, log);

        session.Run(new InMemoryFrameSource("marked", frames), BoxAt(0), "the initial text", cancellation: ct);

        // Released: checks at 0-based 20, 30, 40 fire; the pairs are (previous update, check frame).
        server.Requests.Count.ShouldBe(3);
        server.Requests.Select(r => r.Images().Select(SentFrame).ToArray()).ShouldBe([[0, 20], [20, 30], [30, 40]]);
        // The log names the check frame (1-based) and the first frame tracked with the answer.
        log.Records.Select(r => (r.Frame, r.AppliedAtFrame, r.Trigger)).ShouldBe([(21, 22, "areachange"), (31, 32, "displacement"), (41, 42, "displacement")]);
        // Entry i = the description in force while frame i was tracked: new from the frame after the check frame.
        session.Descriptions.Count.ShouldBe(Frames);
        session.Descriptions[20].ShouldBe("the initial text");
        session.Descriptions[21].ShouldBe("text A");
        session.Descriptions[30].ShouldBe("text A");
        session.Descriptions[31].ShouldBe("text B");
        session.Descriptions[40].ShouldBe("text B");
        session.Descriptions[41].ShouldBe("the initial text"); // d = no: the initial text again
    }

    /// <summary>A trigger on the last frame: the answer arrives (sync) but no frame is left to track with it.</summary>
    [Fact]
    public async Task An_answer_about_the_last_frame_is_logged_stale_and_changes_no_recorded_description()
    {
        var ct = TestContext.Current.CancellationToken;
        var frames = Enumerable.Range(0, 21).Select(_ => new ImageFrame(64, 48, PixelFormat.Rgb24)).ToList();
        await using var server = await FakeVlmServer.StartAsync("reasoningtrack-3b", ct);
        server.Enqueue(FakeReply.Text("<think>a</think><d>yes</d><answer>text A</answer>"));
        using var client = new OpenAiCompatibleChatClient(new VlmClientOptions { BaseUrl = server.BaseUrl, Model = "reasoningtrack-3b", MaxRetries = 0 });
        using var log = new ReasoningLog(null);
        var session = SyncRefinerSession(client, log);

        session.Run(new InMemoryFrameSource("short", frames), BoxAt(0), "the initial text", cancellation: ct);

        server.Requests.Count.ShouldBe(1);
        log.Records.Select(r => (r.Frame, r.AppliedAtFrame, r.Status)).ShouldBe([(21, (int?)null, "stale")]);
        session.Descriptions.ShouldAllBe(d => d == "the initial text");
    }

    /// <summary>The scripted tracker with the released refiner (initial strategy), sync schedule.</summary>
    private static ReasoningSession SyncRefinerSession(OpenAiCompatibleChatClient client, ReasoningLog log) => new()
    {
        Tracker = new ScriptedTracker(),
        Reasoners = [new DescriptionRefiner(client, DescriptionStrategy.Initial)],
        Schedule = ScheduleMode.Sync,
        Log = log,
    };

    /// <summary>The frame a sent image shows, read from its decoded grey level.</summary>
    private static int SentFrame(FakeSentImage image)
    {
        string path = Path.Combine(Path.GetTempPath(), $"rt-timing-{Guid.NewGuid():N}.img");
        try
        {
            File.WriteAllBytes(path, image.Bytes);
            byte[] gray = FfmpegTool.Decode(path, "gray");
            double mean = gray.Average(b => (double)b);
            return (int)Math.Round((mean - 20) / 5);
        }
        finally
        {
            File.Delete(path);
        }
    }

    private sealed class ScriptedTracker : ITracker
    {
        public string Name => "scripted";
        public void Initialize(ImageFrame frame, Box box) { }
        public TrackResult Update(ImageFrame frame) => new(BoxAt(frame.Index), 1, true);
        public void Dispose() { }
    }
}
