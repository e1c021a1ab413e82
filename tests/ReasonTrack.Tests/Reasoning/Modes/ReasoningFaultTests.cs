using ReasonTrack.Media;
using ReasonTrack.Geometry;
using ReasonTrack.Reasoning.Logging;
using ReasonTrack.Reasoning.Parsing;
using ReasonTrack.Reasoning.Modes;
using ReasonTrack.Reasoning.Prompts;
using ReasonTrack.Reasoning.Scheduling;
using ReasonTrack.Trackers;

using ReasonTrack.Tests.Timing;

namespace ReasonTrack.Tests.Reasoning.Modes;

/// <summary>
/// Every fault a model or a server can produce, at session level on real frames (Car4): the first call gets the
/// fault, the next call a good reply. Each case shows that every frame still gets a box, the log records what
/// happened to the faulty call, and the good reply after it is applied (nothing is stuck). Faults a parser meets run
/// under both parsings: released (the default: exactly the released rules, so the reply is refused and the previous
/// state kept) and tolerant (repaired, and the repair noted).
/// </summary>
public class ReasoningFaultTests
{
    private const string GoodBox = "[100,110,200,190]";
    private const string GoodVp = "```json\n{\"visible\": \"yes\", \"bbox\": [72, 50, 180, 140]}\n```";
    private const string GoodRefine = "<think>fine</think><d>yes</d><answer>a white car (second call)</answer>";

    private static readonly string[] ParserFaults =
    [
        "missing-tags", "repeated-tags", "tags-in-another-order", "whitespace-and-case-variants",
        "json-in-fence-with-trailing-text", "wrong-number-of-coordinates", "coordinates-outside-the-image", "swapped-corners",
        "empty-reply", "cut-off-by-max-tokens", "non-utf8-text",
    ];

    private static readonly string[] TransportFaults = ["http-500", "http-429-then-retry", "timeout", "dropped-connection", "never-answers", "garbage-body"];

    public static TheoryData<string, ReplyParsing> Cases()
    {
        var data = new TheoryData<string, ReplyParsing>();
        foreach (var f in ParserFaults) { data.Add(f, ReplyParsing.Released); data.Add(f, ReplyParsing.Tolerant); }
        foreach (var f in TransportFaults) data.Add(f, ReplyParsing.Released);
        return data;
    }

    private static (string Mode, FakeReply Fault) Script(string name) => name switch
    {
        "missing-tags" => ("reasoningtrack", FakeReply.Text("<think>The car looks the same.</think>")),
        "repeated-tags" => ("reasoningtrack", FakeReply.Text("<think>a</think><d>yes</d><answer>a white car in shadow</answer><d>no</d><answer>something else</answer>")),
        "tags-in-another-order" => ("reasoningtrack", FakeReply.Text("<answer>a white car in shadow</answer><d>yes</d><think>it entered the shadow</think>")),
        "whitespace-and-case-variants" => ("reasoningtrack", FakeReply.Text("<THINK> x </THINK>\n< d > Yes </ d >\n<Answer>  a white car in shadow </Answer>")),
        "json-in-fence-with-trailing-text" => ("vptracker", FakeReply.Text("Sure!\n```json\n{\"visible\": \"yes\", \"bbox\": [80, 52, 190, 142]}\n```\nHope this helps.")),
        "wrong-number-of-coordinates" => ("vptracker", FakeReply.Text("```json\n{\"visible\": \"yes\", \"bbox\": [80, 52, 190]}\n```")),
        "coordinates-outside-the-image" => ("vptracker", FakeReply.Text("```json\n{\"visible\": \"yes\", \"bbox\": [300, 10, 400, 100]}\n```")),
        "swapped-corners" => ("vptracker", FakeReply.Text("```json\n{\"visible\": \"yes\", \"bbox\": [190, 142, 80, 52]}\n```")),
        "empty-reply" => ("r1track", FakeReply.Text("")),
        "cut-off-by-max-tokens" => ("r1track", FakeReply.Text("[100, 110, 2", finishReason: "length")),
        "non-utf8-text" => ("r1track", FakeReply.Raw([.. "{\"choices\":[{\"message\":{\"role\":\"assistant\",\"content\":\"[100,110,200,190] "u8, 0xFF, 0xC3, .. "\"},\"finish_reason\":\"stop\"}]}"u8])),
        "http-500" => ("r1track", FakeReply.Status(500)),
        "http-429-then-retry" => ("r1track", FakeReply.Status(429)),
        "timeout" => ("r1track", FakeReply.Text(GoodBox).Until(new TaskCompletionSource().Task)), // a model that answers, but not in time
        "dropped-connection" => ("r1track", FakeReply.Drop()),
        "never-answers" => ("r1track", FakeReply.Hang()),
        "garbage-body" => ("r1track", FakeReply.Garbage()),
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Tracking_continues_and_the_log_records_the_fault(string fault, ReplyParsing parsing)
    {
        bool released = parsing == ReplyParsing.Released;
        var ct = TestContext.Current.CancellationToken;
        var (mode, reply) = Script(fault);
        var (frames, gt) = ModeFixtures.Frames("Car4", mode == "reasoningtrack" ? 6 : 3);
        await using var server = await FakeVlmServer.StartAsync("fault-vlm", ct);
        server.Enqueue(reply);
        if (fault == "http-429-then-retry") server.Enqueue(FakeReply.Text(GoodBox)); // the retry of the first call
        server.DefaultReply = FakeReply.Text(mode switch { "reasoningtrack" => GoodRefine, "vptracker" => GoodVp, _ => GoodBox });
        // One retry, so a 429 is retried. A slow or silent server is given up on when the per-attempt timeout passes on a
        // fake clock, advanced once the request has reached the server; every other case has only the 60 s hang guard.
        bool timesOut = fault is "timeout" or "never-answers";
        var clock = new WatchedClock();
        var attemptLimit = TimeSpan.FromSeconds(30);
        using var client = ModeFixtures.Client(server, "fault-vlm", retries: fault == "http-429-then-retry" ? 1 : 0,
            timeout: timesOut ? attemptLimit : null, time: timesOut ? clock : null);
        var expire = !timesOut ? Task.CompletedTask : Task.Run(() =>
        {
            WatchedClock.Until(() => server.Requests.Count >= 1, "the first request reaches the server");
            clock.WaitForTimers(1, due => due == attemptLimit);
            clock.Advance(attemptLimit);
        }, ct);
        using var log = new ReasoningLog(null);
        IFrameReasoner reasoner = mode switch
        {
            "reasoningtrack" => new DescriptionRefiner(client, DescriptionStrategy.Initial, new UpdateTriggerOptions { Motion = false, Interval = 2 }, parsing: parsing), // asks on 2 and 4, in force from 3 and 5
            "vptracker" => new VpTrackerReasoner(client, new VpTrackerOptions { Parsing = parsing }),
            _ => new R1TrackReasoner(client, new R1TrackOptions { Parsing = parsing }),
        };
        var session = new ReasoningSession
        {
            Tracker = TrackerRegistry.Create(mode == "reasoningtrack" ? "default" : "identity"),
            Reasoners = [reasoner],
            Schedule = ScheduleMode.Sync,
            Log = log,
        };

        var outcome = session.Run(new InMemoryFrameSource("Car4", frames), gt[0], "a white car", cancellation: ct);
        await expire;

        // Every frame has a finite box, and the calls are all in the log, the last one a success.
        outcome.Frames.ShouldBe(frames.Count);
        outcome.Boxes.ShouldAllBe(b => b.IsFinite && b.W > 0 && b.H > 0);
        var records = log.Records;
        records.Count.ShouldBe(2, string.Join("\n", records));
        var faulty = records[0];
        records.ShouldAllBe(r => r.Mode == mode); // known even when the call failed
        records[1].Status.ShouldBe("ok");
        TestContext.Current.TestOutputHelper?.WriteLine($"{fault} ({parsing}): status {faulty.Status}, decision {faulty.Decision}, note {faulty.ParseNote}, error {faulty.Error}");

        switch (fault)
        {
            case "missing-tags":
                (faulty.Status, faulty.Decision).ShouldBe(("fallback", "d=no")); // released defaults: d = no, the initial text stays
                faulty.ParseNote.ShouldNotBeNull();
                session.Descriptions[3].ShouldBe("a white car");
                break;
            case "repeated-tags" or "tags-in-another-order":
                faulty.Decision.ShouldBe("d=yes"); // the first match of each tag, wherever it is
                session.Descriptions[3].ShouldBe("a white car in shadow");
                break;
            case "whitespace-and-case-variants":
                faulty.ParseNote.ShouldNotBeNull();
                faulty.RawReply!.ShouldContain("< d > Yes </ d >");
                // Released: <d>(.*?)</d> is case- and space-exact, so no decision is found and d defaults to no.
                // Tolerant: the tags and 'Yes' are recognised, and the repair is noted.
                session.Descriptions[3].ShouldBe(released ? "a white car" : "a white car in shadow");
                break;
            case "json-in-fence-with-trailing-text":
                faulty.Status.ShouldBe("ok");
                outcome.Boxes[1].ShouldBe(new Box(80, 52, 110, 90));
                break;
            case "wrong-number-of-coordinates":
                faulty.Status.ShouldBe("fallback");
                outcome.Boxes[1].ShouldBe(gt[0]); // the previous box is kept
                break;
            case "coordinates-outside-the-image" when released:
                faulty.Status.ShouldBe("fallback"); // seed facts: a value beyond the image is rejected
                outcome.Boxes[1].ShouldBe(gt[0]); // and the previous box kept
                break;
            case "coordinates-outside-the-image":
                faulty.Status.ShouldBe("ok");
                faulty.ParseNote!.ShouldContain("clipped");
                outcome.Boxes[1].ShouldBe(new Box(300, 10, 60, 90)); // x2 400 clipped to the 360 px width
                break;
            case "swapped-corners" when released:
                faulty.Status.ShouldBe("fallback"); // seed facts: x2 < x1 or y2 < y1 is rejected
                outcome.Boxes[1].ShouldBe(gt[0]);
                break;
            case "swapped-corners":
                faulty.ParseNote!.ShouldContain("swapped");
                outcome.Boxes[1].ShouldBe(new Box(80, 52, 110, 90));
                break;
            case "empty-reply":
                (faulty.Status, faulty.RawReply).ShouldBe(("fallback", ""));
                outcome.Scores[1].ShouldBe(0);
                break;
            case "cut-off-by-max-tokens":
                faulty.Status.ShouldBe("fallback");
                faulty.ParseNote!.ShouldContain("cut off at the token limit");
                break;
            case "non-utf8-text":
                faulty.RawReply!.ShouldContain('\uFFFD'); // decoded leniently
                // Released: the whole reply must be the JSON list, and the stray characters make it not; tolerant reads the list.
                faulty.Status.ShouldBe(released ? "fallback" : "ok");
                outcome.Scores[1].ShouldBe(released ? 0 : 1);
                break;
            case "http-429-then-retry":
                faulty.Status.ShouldBe("ok");
                server.Requests.Count.ShouldBe(3); // 429, its retry, the second frame's call
                break;
            default: // HTTP errors, timeouts, dropped or silent connections, a body that is not JSON
                faulty.Status.ShouldBe("error");
                faulty.Error.ShouldNotBeNull();
                outcome.Boxes[1].ShouldBe(gt[0]); // nothing answered: the identity tracker holds the last box
                break;
        }
    }
}
