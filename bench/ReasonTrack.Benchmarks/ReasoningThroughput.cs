using System.Globalization;
using ReasonTrack.Datasets;
using ReasonTrack.Media;
using ReasonTrack.Reasoning.Logging;
using ReasonTrack.Reasoning.Modes;
using ReasonTrack.Reasoning.Prompts;
using ReasonTrack.Reasoning.Scheduling;
using ReasonTrack.Reasoning.Vlm;
using ReasonTrack.Tests.Reasoning;
using ReasonTrack.Trackers;

namespace ReasonTrack.Benchmarks;

/// <summary>
/// <c>reasoning-fps [sequence] [latency seconds] [tracker]</c>: frames/s of a tracker alone, with the ReasoningTrack
/// refiner in realtime mode (released motion trigger), and in sync mode (interval u = 100), through the real HTTP
/// client against a scripted OpenAI-compatible server on 127.0.0.1 that answers each request after the latency.
/// Frames are decoded once beforehand, so the figures are tracking work only. Each figure is the best of three runs.
/// </summary>
internal static class ReasoningThroughput
{
    private const string Reply = "<think>The car is further away now.</think><d>yes</d><answer>a white car on the road</answer>";

    public static async Task<int> RunAsync(string[] args)
    {
        string sequence = args.Length > 0 ? args[0] : "Car4";
        double latency = args.Length > 1 ? double.Parse(args[1], CultureInfo.InvariantCulture) : 1.5;
        string tracker = args.Length > 2 ? args[2] : "default";
        var ds = DatasetRegistry.Get("otb").Load(SharedPaths.Require(Path.Combine("data", "sequences")), new DatasetLoadOptions { Sequences = [sequence], ListFrames = true });
        var s = ds.Sequences[0];
        var frames = new List<ImageFrame>();
        using (var source = FfmpegFrameSource.FromImages(s.Frames.Take(s.Length), new FrameSourceOptions { Format = PixelFormat.Rgb24 }))
            foreach (var f in source.ReadFrames())
                using (f) frames.Add(f.Clone());

        await using var server = await FakeVlmServer.StartAsync("reasoningtrack-3b");
        server.DefaultReply = FakeReply.Text(Reply).After(TimeSpan.FromSeconds(latency));
        using var client = new OpenAiCompatibleChatClient(new VlmClientOptions { BaseUrl = server.BaseUrl, Model = "reasoningtrack-3b" });

        double Alone()
        {
            using var t = TrackerRegistry.Create(tracker);
            return SequenceTracking.Run(t, new InMemoryFrameSource(sequence, frames), s.GroundTruth[0]).TrackingFramesPerSecond;
        }

        (double Fps, int Calls) With(ScheduleMode mode, UpdateTriggerOptions triggers)
        {
            using var log = new ReasoningLog(null);
            var session = new ReasoningSession
            {
                Tracker = TrackerRegistry.Create(tracker),
                Reasoners = [new DescriptionRefiner(client, DescriptionStrategy.Initial, triggers)],
                Schedule = mode,
                Log = log,
                FinishTimeout = TimeSpan.FromSeconds(latency * 3),
            };
            var o = session.Run(new InMemoryFrameSource(sequence, frames), s.GroundTruth[0], "a white car");
            return (o.TrackingFramesPerSecond, log.Records.Count(r => r.Status != "superseded"));
        }

        double alone = 0, realtime = 0;
        int realtimeCalls = 0;
        for (int i = 0; i < 3; i++)
        {
            alone = Math.Max(alone, Alone());
            var r = With(ScheduleMode.Realtime, UpdateTriggerOptions.Released);
            if (r.Fps > realtime) (realtime, realtimeCalls) = r;
        }
        var sync = With(ScheduleMode.Sync, new UpdateTriggerOptions { Motion = false, Interval = 100 });
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{sequence}, {frames.Count} frames ({frames[0].Width}x{frames[0].Height}), tracker {tracker}, scripted model latency {latency} s, best of 3:"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  tracker alone                         {alone,7:0.0} frames/s"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  realtime reasoning (motion trigger)   {realtime,7:0.0} frames/s  ({realtime / alone:P1} of alone; {realtimeCalls} calls made)"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  sync reasoning (interval u = 100)     {sync.Fps,7:0.0} frames/s  ({sync.Calls} calls, one run)"));
        return 0;
    }
}
