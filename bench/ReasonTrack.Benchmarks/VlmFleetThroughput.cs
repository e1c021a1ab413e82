using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.AI;
using ReasonTrack.Reasoning.Vlm;
using ReasonTrack.Reasoning.Vlm.Fleet;
using ReasonTrack.Tests.Reasoning;

namespace ReasonTrack.Benchmarks;

/// <summary>
/// <c>vlm-fleet [requests] [workers] [max per endpoint]</c>: a fixed workload of chat requests from concurrent workers
/// (as <c>run --jobs N</c> in sync mode: each worker has one call in flight) through <see cref="VlmFleet"/> over real
/// loopback HTTP to three scripted servers answering after 50, 200 and 800 ms, against the 800 ms server alone (same
/// per-endpoint limit); then the fleet again with the 200 ms server killed halfway (requests it holds have their
/// connections reset, new ones are refused), counting requests lost. Endpoint clients use the CLI's defaults
/// (3 retries with backoff from 500 ms, 30 s cool-down). Real delays: a measurement, never a test.
/// </summary>
internal static class VlmFleetThroughput
{
    public static async Task<int> RunAsync(string[] args)
    {
        int requests = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 60;
        int workers = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 6;
        int max = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 2;
        double[] latenciesMs = [50, 200, 800];

        var servers = new List<FakeVlmServer>();
        try
        {
            foreach (double ms in latenciesMs)
            {
                var s = await FakeVlmServer.StartAsync("fleet-bench");
                s.DefaultReply = FakeReply.Text(string.Create(CultureInfo.InvariantCulture, $"answer after {ms} ms")).After(TimeSpan.FromMilliseconds(ms));
                servers.Add(s);
            }
            var template = new VlmClientOptions { BaseUrl = servers[0].BaseUrl, Model = "fleet-bench" };
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"workload: {requests} requests from {workers} concurrent workers; scripted servers answering after {string.Join(", ", latenciesMs)} ms; at most {max} requests in flight per endpoint"));

            // Warm-up (JIT, connections), not timed.
            using (var warm = VlmFleet.Create(template, servers.Select(s => new VlmEndpoint(s.BaseUrl, max)).ToList()))
                await Workload(warm, workers, workers, null);

            double alone;
            using (var slowest = VlmFleet.Create(template, [new VlmEndpoint(servers[2].BaseUrl, max)]))
            {
                var r = await Workload(slowest, requests, workers, null);
                alone = r.Seconds;
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  800 ms server alone: {r.Seconds,7:0.00} s wall ({requests / r.Seconds:0.0} requests/s), {r.Answered} answered, {r.Lost} lost"));
            }
            using (var fleet = VlmFleet.Create(template, servers.Select(s => new VlmEndpoint(s.BaseUrl, max)).ToList()))
            {
                var r = await Workload(fleet, requests, workers, null);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  fleet of three:      {r.Seconds,7:0.00} s wall ({requests / r.Seconds:0.0} requests/s), {r.Answered} answered, {r.Lost} lost: {alone / r.Seconds:0.0}x faster than the 800 ms server alone"));
                foreach (string line in fleet.Stats().Describe()) Console.WriteLine("    " + line);
            }

            var log = new List<string>();
            using (var fleet = VlmFleet.Create(template, servers.Select(s => new VlmEndpoint(s.BaseUrl, max)).ToList(), new VlmFleetOptions { Log = l => { lock (log) log.Add(l); } }))
            {
                var victim = servers[1];
                var r = await Workload(fleet, requests, workers, (answered) =>
                {
                    if (answered == requests / 2) _ = victim.KillAsync().AsTask();
                });
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  fleet, 200 ms server killed after {requests / 2} answers: {r.Seconds:0.00} s wall, {r.Answered} of {requests} answered, {r.Lost} lost"));
                foreach (string line in fleet.Stats().Describe()) Console.WriteLine("    " + line);
                lock (log) foreach (string line in log) Console.WriteLine("    log: " + line);
            }
            return 0;
        }
        finally
        {
            foreach (var s in servers) await s.DisposeAsync();
        }
    }

    /// <summary><paramref name="requests"/> calls shared among <paramref name="workers"/> loops, each with one call in flight.</summary>
    private static async Task<(double Seconds, int Answered, int Lost)> Workload(IChatClient client, int requests, int workers, Action<int>? onAnswered)
    {
        int next = -1, answered = 0, lost = 0;
        var clock = Stopwatch.StartNew();
        var loops = Enumerable.Range(0, workers).Select(_ => Task.Run(async () =>
        {
            while (Interlocked.Increment(ref next) < requests)
            {
                try
                {
                    await client.GetResponseAsync([new ChatMessage(ChatRole.User, "where is the target?")]);
                    int done = Interlocked.Increment(ref answered);
                    onAnswered?.Invoke(done);
                }
                catch (VlmRequestException e)
                {
                    Interlocked.Increment(ref lost);
                    Console.WriteLine("    lost: " + e.Message);
                }
            }
        })).ToList();
        await Task.WhenAll(loops);
        return (clock.Elapsed.TotalSeconds, answered, lost);
    }
}
