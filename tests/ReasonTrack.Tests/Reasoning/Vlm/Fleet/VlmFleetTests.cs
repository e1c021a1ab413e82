using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.Extensions.AI;
using ReasonTrack.Reasoning.Vlm;
using ReasonTrack.Reasoning.Vlm.Fleet;
using ReasonTrack.Tests.Timing;

namespace ReasonTrack.Tests.Reasoning.Vlm.Fleet;

/// <summary>
/// <see cref="VlmFleet"/> over real loopback HTTP to several <see cref="FakeVlmServer"/>s. Which server a request goes
/// to is steered with gates (replies held until the test releases them), never with delays; cool-downs and latency
/// figures run on a <see cref="WatchedClock"/>.
/// </summary>
public sealed class VlmFleetTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static List<ChatMessage> Hello() => [new(ChatRole.User, "hello")];

    /// <summary>Endpoint client settings: no retries (a failure reaches the fleet at once), a generous hang guard.</summary>
    private static VlmClientOptions Client(Uri url) => new()
    {
        BaseUrl = url,
        Model = "test-model",
        ApiKeyEnvironmentVariable = "REASONTRACK_TEST_UNSET_" + Guid.NewGuid().ToString("N"),
        MaxRetries = 0,
        RequestTimeout = TimeSpan.FromSeconds(60),
    };

    private static VlmFleet Fleet(IEnumerable<(FakeVlmServer Server, int Max)> endpoints, WatchedClock clock, ConcurrentQueue<string>? log = null, TimeSpan? coolDown = null) =>
        VlmFleet.Create(Client(new Uri("http://127.0.0.1:1/v1")), endpoints.Select(e => new VlmEndpoint(e.Server.BaseUrl, e.Max)).ToList(),
            new VlmFleetOptions { Time = clock, CoolDown = coolDown ?? TimeSpan.FromSeconds(30), Log = log is null ? null : log.Enqueue });

    private static TaskCompletionSource Gate() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    private static async Task<(FakeVlmServer A, FakeVlmServer B, FakeVlmServer C)> ThreeAsync()
    {
        var a = await FakeVlmServer.StartAsync(cancellationToken: Ct);
        var b = await FakeVlmServer.StartAsync(cancellationToken: Ct);
        var c = await FakeVlmServer.StartAsync(cancellationToken: Ct);
        return (a, b, c);
    }

    [Fact]
    public async Task Each_request_goes_to_the_endpoint_with_fewest_in_flight_within_its_limit_and_waits_when_all_are_full()
    {
        var (a, b, c) = await ThreeAsync();
        await using var da = a;
        await using var db = b;
        await using var dc = c;
        var (ga, gb, gc) = (Gate(), Gate(), Gate());
        a.DefaultReply = FakeReply.Text("A").Until(ga.Task);
        b.DefaultReply = FakeReply.Text("B").Until(gb.Task);
        c.DefaultReply = FakeReply.Text("C").Until(gc.Task);
        using var fleet = Fleet([(a, 2), (b, 1), (c, 3)], new WatchedClock());

        var calls = new List<Task<ChatResponse>>();
        // Expected (in flight A/B/C before each request; fewest wins, ties to the earlier endpoint, full ones skipped):
        // 0/0/0 -> A, 1/0/0 -> B, 1/1/0 -> C, 1/1/1 -> A, 2(full)/1(full)/1 -> C, 2/1/2 -> C.
        (int A, int B, int C)[] expected = [(1, 0, 0), (1, 1, 0), (1, 1, 1), (2, 1, 1), (2, 1, 2), (2, 1, 3)];
        foreach (var want in expected)
        {
            calls.Add(fleet.GetResponseAsync(Hello(), cancellationToken: Ct));
            WatchedClock.Until(() => a.Requests.Count + b.Requests.Count + c.Requests.Count == calls.Count, $"request {calls.Count} reaches a server");
            (a.Requests.Count, b.Requests.Count, c.Requests.Count).ShouldBe(want, $"after request {calls.Count}");
        }

        // Every endpoint is full: the seventh waits in the fleet and reaches no server.
        var seventh = fleet.GetResponseAsync(Hello(), cancellationToken: Ct);
        seventh.IsCompleted.ShouldBeFalse();
        (a.Requests.Count + b.Requests.Count + c.Requests.Count).ShouldBe(6);
        fleet.Stats().Endpoints.Select(e => e.MaxInFlight).ShouldBe([2, 1, 3]);

        // B's one request is answered: its slot is the only free one, so the seventh goes there.
        gb.SetResult();
        (await seventh.WaitAsync(WatchedClock.HangGuard, Ct)).Text.ShouldBe("B");
        b.Requests.Count.ShouldBe(2);
        ga.SetResult();
        gc.SetResult();
        var replies = await Task.WhenAll(calls).WaitAsync(WatchedClock.HangGuard, Ct);
        replies.Select(r => r.Text).ShouldBe(["A", "B", "C", "A", "C", "C"]);
        a.MaxConcurrentRequests.ShouldBe(2);
        b.MaxConcurrentRequests.ShouldBe(1);
        c.MaxConcurrentRequests.ShouldBe(3);
        var stats = fleet.Stats();
        stats.Endpoints.Select(e => (e.Requests, e.Answered, e.Errors)).ShouldBe([(2L, 2L, 0L), (2L, 2L, 0L), (3L, 3L, 0L)]);
        stats.ResentRequests.ShouldBe(0);
    }

    [Fact]
    public async Task A_server_killed_mid_run_loses_no_request_its_requests_are_answered_by_the_others_and_logged()
    {
        var (a, b, c) = await ThreeAsync();
        await using var da = a;
        await using var db = b;
        await using var dc = c;
        var (ga, gc) = (Gate(), Gate());
        a.DefaultReply = FakeReply.Text("A").Until(ga.Task);
        b.DefaultReply = FakeReply.Hang(); // B holds what it gets until it is killed
        c.DefaultReply = FakeReply.Text("C").Until(gc.Task);
        var log = new ConcurrentQueue<string>();
        using var fleet = Fleet([(a, 2), (b, 2), (c, 2)], new WatchedClock(), log);

        var first = Enumerable.Range(0, 6).Select(_ => fleet.GetResponseAsync(Hello(), cancellationToken: Ct)).ToList();
        WatchedClock.Until(() => a.InFlight == 2 && b.InFlight == 2 && c.InFlight == 2, "two requests held at each server");
        await b.KillAsync();
        // B's two requests fail (connection reset) and wait for A or C; nothing is answered by B.
        WatchedClock.Until(() => fleet.Stats().Endpoints[1].Errors == 2, "B's two requests failed");
        fleet.Stats().ResentRequests.ShouldBe(0); // A and C are full: the two wait for a slot
        ga.SetResult();
        gc.SetResult();
        var later = Enumerable.Range(0, 6).Select(_ => fleet.GetResponseAsync(Hello(), cancellationToken: Ct)).ToList();
        var replies = await Task.WhenAll(first.Concat(later)).WaitAsync(WatchedClock.HangGuard, Ct);

        replies.Length.ShouldBe(12);
        replies.ShouldAllBe(r => r.Text == "A" || r.Text == "C");
        (a.Requests.Count + c.Requests.Count).ShouldBe(12); // each request answered exactly once by the others
        b.Requests.Count.ShouldBe(2); // killed B was never tried again within its cool-down
        var stats = fleet.Stats();
        stats.Endpoints[1].ShouldSatisfyAllConditions(e => e.Errors.ShouldBe(2), e => e.Answered.ShouldBe(0), e => e.Healthy.ShouldBeFalse());
        stats.FailedRequests.ShouldBe(0);
        stats.ResentRequests.ShouldBe(2);
        string bName = b.BaseUrl.ToString();
        log.ShouldContain(l => l.Contains(bName + ": left out for 30 s"));
        log.Count(l => l.Contains("request re-sent to ") && l.EndsWith($"after failing at {bName}", StringComparison.Ordinal)).ShouldBe(2);
        stats.Events.ShouldBe(log.ToArray());
    }

    [Fact]
    public async Task A_failed_endpoint_is_left_out_for_its_cool_down_on_the_fleet_clock_and_then_readmitted()
    {
        await using var a = await FakeVlmServer.StartAsync(cancellationToken: Ct);
        await using var b = await FakeVlmServer.StartAsync(cancellationToken: Ct);
        a.Enqueue(FakeReply.Text("A warm"), FakeReply.Status(503));
        a.DefaultReply = FakeReply.Text("A");
        b.DefaultReply = FakeReply.Text("B");
        var clock = new WatchedClock();
        var log = new ConcurrentQueue<string>();
        using var fleet = Fleet([(a, 4), (b, 4)], clock, log, TimeSpan.FromSeconds(30));

        (await fleet.GetResponseAsync(Hello(), cancellationToken: Ct)).Text.ShouldBe("A warm"); // ties go to A
        (await fleet.GetResponseAsync(Hello(), cancellationToken: Ct)).Text.ShouldBe("B");      // A answered 503: re-sent to B
        a.Requests.Count.ShouldBe(2);
        clock.WaitForTimers(1, due => due == TimeSpan.FromSeconds(30));

        clock.Advance(TimeSpan.FromSeconds(29.999));
        (await fleet.GetResponseAsync(Hello(), cancellationToken: Ct)).Text.ShouldBe("B"); // A still cooling down
        a.Requests.Count.ShouldBe(2);
        fleet.Stats().Endpoints[0].Healthy.ShouldBeFalse();

        clock.Advance(TimeSpan.FromMilliseconds(1));
        (await fleet.GetResponseAsync(Hello(), cancellationToken: Ct)).Text.ShouldBe("A"); // re-admitted
        a.Requests.Count.ShouldBe(3);
        var s = fleet.Stats().Endpoints[0];
        (s.Requests, s.Answered, s.Errors, s.Healthy).ShouldBe((3L, 2L, 1L, true));
        log.ShouldContain(l => l.Contains(a.BaseUrl + ": cool-down over"));
        log.ShouldContain(l => l.Contains(a.BaseUrl + ": answered again, healthy"));
    }

    [Fact]
    public async Task A_request_waiting_for_a_full_endpoint_takes_one_whose_cool_down_ends()
    {
        await using var a = await FakeVlmServer.StartAsync(cancellationToken: Ct);
        await using var b = await FakeVlmServer.StartAsync(cancellationToken: Ct);
        var gb = Gate();
        a.Enqueue(FakeReply.Status(500));
        a.DefaultReply = FakeReply.Text("A");
        b.DefaultReply = FakeReply.Text("B").Until(gb.Task);
        var clock = new WatchedClock();
        using var fleet = Fleet([(a, 1), (b, 1)], clock);

        var held = fleet.GetResponseAsync(Hello(), cancellationToken: Ct); // A fails, re-sent to B and held there
        WatchedClock.Until(() => b.InFlight == 1, "the re-sent request held at B");
        var waiting = fleet.GetResponseAsync(Hello(), cancellationToken: Ct); // A cooling down, B full: waits
        waiting.IsCompleted.ShouldBeFalse();
        clock.Advance(TimeSpan.FromSeconds(30));
        (await waiting.WaitAsync(WatchedClock.HangGuard, Ct)).Text.ShouldBe("A");
        gb.SetResult();
        (await held.WaitAsync(WatchedClock.HangGuard, Ct)).Text.ShouldBe("B");
    }

    [Fact]
    public async Task Every_endpoint_unreachable_at_the_first_call_fails_fast_naming_them_all_without_credentials()
    {
        var gone = await FakeVlmServer.StartAsync(cancellationToken: Ct);
        var goneUrl = new UriBuilder(gone.BaseUrl) { UserName = "user", Password = "secret2" }.Uri;
        await gone.DisposeAsync();
        using var fleet = VlmFleet.Create(Client(new Uri("http://127.0.0.1:1/v1")) with { MaxRetries = 3 },
            [new VlmEndpoint(new Uri("http://user:secret@127.0.0.1:1/v1")), new VlmEndpoint(goneUrl)], new VlmFleetOptions { Time = new WatchedClock() });

        var e = await Should.ThrowAsync<VlmRequestException>(() => fleet.GetResponseAsync(Hello(), cancellationToken: Ct));

        e.IsUnreachable.ShouldBeTrue(); // a run stops on it at once, as with one server
        e.Attempts.ShouldBe(2);
        e.Message.ShouldContain("no VLM endpoint of the fleet could answer");
        e.Message.ShouldContain("http://127.0.0.1:1/v1");
        e.Message.ShouldContain($"http://127.0.0.1:{gone.BaseUrl.Port}/v1");
        e.Message.ShouldNotContain("secret");
        fleet.EndpointNames.ShouldAllBe(n => !n.Contains("secret"));
        fleet.Stats().FailedRequests.ShouldBe(1);
    }

    [Fact]
    public async Task When_all_endpoints_fail_the_request_fails_naming_each_and_later_calls_fail_while_all_cool_down()
    {
        await using var a = await FakeVlmServer.StartAsync(cancellationToken: Ct);
        await using var b = await FakeVlmServer.StartAsync(cancellationToken: Ct);
        a.Enqueue(FakeReply.Text("warm"));
        b.Enqueue(FakeReply.Text("warm"));
        a.DefaultReply = FakeReply.Status(502, "{\"error\":{\"message\":\"bad gateway A\"}}");
        b.DefaultReply = FakeReply.Status(500, "{\"error\":{\"message\":\"oom B\"}}");
        using var fleet = Fleet([(a, 1), (b, 1)], new WatchedClock());
        await fleet.GetResponseAsync(Hello(), cancellationToken: Ct);
        await fleet.GetResponseAsync(Hello(), cancellationToken: Ct);

        var e = await Should.ThrowAsync<VlmRequestException>(() => fleet.GetResponseAsync(Hello(), cancellationToken: Ct));
        e.IsUnreachable.ShouldBeFalse(); // both answered before: a run goes on (the failure policy judges the sequence)
        e.Message.ShouldContain($"{a.BaseUrl} (cooling down");
        e.Message.ShouldContain("bad gateway A");
        e.Message.ShouldContain($"{b.BaseUrl} (cooling down");
        e.Message.ShouldContain("oom B");

        int sent = a.Requests.Count + b.Requests.Count;
        var again = await Should.ThrowAsync<VlmRequestException>(() => fleet.GetResponseAsync(Hello(), cancellationToken: Ct));
        again.Message.ShouldContain("no VLM endpoint of the fleet could answer");
        (a.Requests.Count + b.Requests.Count).ShouldBe(sent); // nothing sent while every endpoint cools down
        fleet.Stats().FailedRequests.ShouldBe(2);
    }

    [Fact]
    public async Task A_client_error_is_the_requests_own_it_is_not_resent_and_the_endpoint_stays_healthy()
    {
        await using var a = await FakeVlmServer.StartAsync(cancellationToken: Ct);
        await using var b = await FakeVlmServer.StartAsync(cancellationToken: Ct);
        a.Enqueue(FakeReply.Status(400, "{\"error\":{\"message\":\"max_tokens too large\"}}"));
        a.DefaultReply = FakeReply.Text("A");
        b.DefaultReply = FakeReply.Text("B");
        using var fleet = Fleet([(a, 1), (b, 1)], new WatchedClock());

        var e = await Should.ThrowAsync<VlmRequestException>(() => fleet.GetResponseAsync(Hello(), cancellationToken: Ct));
        e.StatusCode.ShouldBe(System.Net.HttpStatusCode.BadRequest);
        b.Requests.Count.ShouldBe(0);
        (await fleet.GetResponseAsync(Hello(), cancellationToken: Ct)).Text.ShouldBe("A");
        var s = fleet.Stats();
        (s.Endpoints[0].Errors, s.Endpoints[0].Healthy, s.ResentRequests, s.FailedRequests).ShouldBe((1L, true, 0L, 1L));
    }

    [Fact]
    public async Task Mean_latency_is_measured_on_the_fleet_clock_and_written_with_named_figures()
    {
        await using var a = await FakeVlmServer.StartAsync(cancellationToken: Ct);
        var release = Gate();
        a.Enqueue(FakeReply.Text("slow").Until(release.Task));
        a.DefaultReply = FakeReply.Text("fast");
        var clock = new WatchedClock();
        using var fleet = Fleet([(a, 2)], clock);

        var slow = fleet.GetResponseAsync(Hello(), cancellationToken: Ct);
        WatchedClock.Until(() => a.InFlight == 1, "the request held at the server");
        clock.Advance(TimeSpan.FromSeconds(5));
        release.SetResult();
        await slow.WaitAsync(WatchedClock.HangGuard, Ct);
        await fleet.GetResponseAsync(Hello(), cancellationToken: Ct); // 0 s on the fake clock

        fleet.Stats().Endpoints[0].MeanLatencyMs.ShouldBe(2500); // (5000 + 0) / 2
        string dir = Directory.CreateTempSubdirectory("rt-fleet-").FullName;
        try
        {
            string path = fleet.Stats().WriteTo(dir);
            Path.GetFileName(path).ShouldBe("vlm-fleet.json");
            using var doc = JsonDocument.Parse(File.ReadAllText(path));
            var e = doc.RootElement.GetProperty("endpoints")[0];
            e.GetProperty("endpoint").GetString().ShouldBe(a.BaseUrl.ToString());
            e.GetProperty("requests").GetInt64().ShouldBe(2);
            e.GetProperty("errors").GetInt64().ShouldBe(0);
            e.GetProperty("mean_latency_ms").GetDouble().ShouldBe(2500);
            doc.RootElement.GetProperty("resent_requests").GetInt64().ShouldBe(0);
            fleet.Stats().Describe()[0].ShouldContain("2 requests, 2 answered, 0 errors, mean latency 2500.0 ms");
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public async Task A_stream_that_fails_before_its_first_update_is_resent()
    {
        await using var a = await FakeVlmServer.StartAsync(cancellationToken: Ct);
        await using var b = await FakeVlmServer.StartAsync(cancellationToken: Ct);
        a.Enqueue(FakeReply.Status(503));
        b.DefaultReply = FakeReply.Text("streamed from B");
        using var fleet = Fleet([(a, 1), (b, 1)], new WatchedClock());

        var text = new System.Text.StringBuilder();
        await foreach (var u in fleet.GetStreamingResponseAsync(Hello(), cancellationToken: Ct)) text.Append(u.Text);

        text.ToString().ShouldBe("streamed from B");
        fleet.Stats().ResentRequests.ShouldBe(1);
        fleet.Stats().Endpoints.Select(e => e.Answered).ShouldBe([0L, 1L]);
    }

    [Fact]
    public async Task A_recording_holds_what_the_caller_got_an_attempt_resent_elsewhere_is_left_out()
    {
        await using var a = await FakeVlmServer.StartAsync(cancellationToken: Ct);
        await using var b = await FakeVlmServer.StartAsync(cancellationToken: Ct);
        a.Enqueue(FakeReply.Status(503));
        a.DefaultReply = FakeReply.Status(500);
        b.Enqueue(FakeReply.Text("from B"));
        b.DefaultReply = FakeReply.Status(502, "{\"error\":{\"message\":\"B down\"}}");
        string dir = Directory.CreateTempSubdirectory("rt-fleetrec-").FullName;
        try
        {
            string path = Path.Combine(dir, "calls.jsonl");
            using (var recorder = new VlmRecorder(path))
            using (var fleet = VlmFleet.Create(Client(a.BaseUrl), [new VlmEndpoint(a.BaseUrl, 1), new VlmEndpoint(b.BaseUrl, 1)],
                       new VlmFleetOptions { Time = new WatchedClock(), CoolDown = TimeSpan.Zero }, recorder))
            {
                (await fleet.GetResponseAsync(Hello(), cancellationToken: Ct)).Text.ShouldBe("from B"); // A 503, re-sent to B
                await Should.ThrowAsync<VlmRequestException>(() => fleet.GetResponseAsync(Hello(), cancellationToken: Ct)); // A 500, B 502: all down
            }
            var records = VlmRecorder.ReadAll(path);
            records.Count.ShouldBe(2);
            records[0].ReplyText.ShouldBe("from B");
            records[0].Error.ShouldBeNull();
            records[1].Error.ShouldNotBeNull().ShouldContain("B down"); // the call's last attempt
            (a.Requests.Count, b.Requests.Count).ShouldBe((2, 2));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
