using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.AI;
using ReasonTrack.Media;
using ReasonTrack.Reasoning.Vlm;
using ReasonTrack.Tests.Timing;

namespace ReasonTrack.Tests.Reasoning.Vlm;

/// <summary>The client against <see cref="FakeVlmServer"/> over real loopback HTTP.</summary>
public class OpenAiCompatibleChatClientTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>
    /// Fast retries on the real clock for the tests that only count attempts; the per-attempt timeout is a generous
    /// hang guard (a loaded machine must not turn a slow loopback answer into a timeout). Tests of backoff amounts,
    /// Retry-After and timeouts use <see cref="Clocked"/>. The key variable is unique and unset.
    /// </summary>
    private static VlmClientOptions Options(FakeVlmServer server) => new()
    {
        BaseUrl = server.BaseUrl,
        Model = "test-model",
        ApiKeyEnvironmentVariable = "REASONTRACK_TEST_UNSET_" + Guid.NewGuid().ToString("N"),
        InitialBackoff = TimeSpan.FromMilliseconds(10),
        MaxBackoff = TimeSpan.FromMilliseconds(40),
        RequestTimeout = TimeSpan.FromSeconds(60),
    };

    /// <summary>Options on a fake clock: waits end only when the test advances it (the hour-long timeout never does unless asked).</summary>
    private static VlmClientOptions Clocked(FakeVlmServer server, WatchedClock clock) => Options(server) with { Time = clock, RequestTimeout = TimeSpan.FromHours(1) };

    /// <summary>The waits of the retry loop (the hour-long per-attempt timeouts left out).</summary>
    private static bool IsBackoff(TimeSpan due) => due < TimeSpan.FromHours(1);

    private static List<ChatMessage> Hello() => [new(ChatRole.User, "hello")];

    [Fact]
    public async Task Request_carries_model_messages_in_order_and_images_with_their_true_mime_and_nothing_unset()
    {
        await using var server = await FakeVlmServer.StartAsync(cancellationToken: Ct);
        server.Enqueue(FakeReply.Text("<d>no</d>"));
        using var client = new OpenAiCompatibleChatClient(Options(server));
        byte[] jpeg = VlmTestImages.Jpeg(64, 48), png = VlmTestImages.Png(32, 24);
        // The PNG is deliberately declared as JPEG: ReasoningTrack's released client labels everything jpeg, and the
        // image encoding, not the client, decides the label (issue 11 item 4), so the declared label is kept.
        var messages = VlmTestImages.TwoImagesAndText(jpeg, png, "the wooden ship on the river", system: "SYSTEM PROMPT");

        await client.GetResponseAsync(messages, cancellationToken: Ct);

        var request = server.Requests.ShouldHaveSingleItem();
        request.Path.ShouldBe("/v1/chat/completions");
        var root = request.Root;
        root.EnumerateObject().Select(p => p.Name).ShouldBe(["model", "messages"]);
        root.GetProperty("model").GetString().ShouldBe("test-model");
        var sent = root.GetProperty("messages").EnumerateArray().ToList();
        sent.Count.ShouldBe(2);
        sent[0].GetProperty("role").GetString().ShouldBe("system");
        sent[0].GetProperty("content").GetString().ShouldBe("SYSTEM PROMPT");
        sent[1].GetProperty("role").GetString().ShouldBe("user");
        var parts = sent[1].GetProperty("content").EnumerateArray().ToList();
        parts.Select(p => p.GetProperty("type").GetString()).ShouldBe(["image_url", "image_url", "text"]);
        parts[2].GetProperty("text").GetString().ShouldBe("the wooden ship on the river");
        var images = request.Images();
        images.Count.ShouldBe(2);
        images[0].DeclaredMime.ShouldBe("image/jpeg");
        images[0].Header.ShouldBe(new ImageHeader(ImageFileKind.Jpeg, 64, 48));
        images[0].Bytes.ShouldBe(jpeg);
        images[1].DeclaredMime.ShouldBe("image/jpeg");
        images[1].Header.ShouldBe(new ImageHeader(ImageFileKind.Png, 32, 24));
        images[1].Bytes.ShouldBe(png);
        request.Headers["content-type"].ShouldStartWith("application/json");
    }

    [Fact]
    public async Task Sampling_fields_are_sent_under_vllm_names_only_when_set()
    {
        await using var server = await FakeVlmServer.StartAsync(cancellationToken: Ct);
        server.DefaultReply = FakeReply.Text("[1,2,3,4]");
        using var client = new OpenAiCompatibleChatClient(Options(server) with { TopK = 7, RepetitionPenalty = 1.1 });

        var r1Track = new ChatOptions
        {
            Temperature = 0f,
            TopP = 0.5f,
            MaxOutputTokens = 512,
            StopSequences = ["</answer>"],
            Seed = 42,
            AdditionalProperties = new() { ["top_k"] = 20, ["repetition_penalty"] = 1.05 },
        };
        await client.GetResponseAsync(Hello(), r1Track, Ct);
        await client.GetResponseAsync(Hello(), new ChatOptions { TopK = 3 }, Ct);
        await client.GetResponseAsync(Hello(), null, Ct);

        var first = server.Requests[0].Root;
        first.GetProperty("temperature").GetDouble().ShouldBe(0);
        first.GetProperty("top_p").GetDouble().ShouldBe(0.5);
        first.GetProperty("max_tokens").GetInt32().ShouldBe(512);
        first.GetProperty("stop").EnumerateArray().Select(e => e.GetString()).ShouldBe(["</answer>"]);
        first.GetProperty("seed").GetInt64().ShouldBe(42);
        first.GetProperty("top_k").GetInt32().ShouldBe(20);
        first.GetProperty("repetition_penalty").GetDouble().ShouldBe(1.05);
        server.Requests[0].Has("max_completion_tokens").ShouldBeFalse();
        server.Requests[0].Has("stream").ShouldBeFalse();

        var second = server.Requests[1];
        second.Root.GetProperty("top_k").GetInt32().ShouldBe(3);             // ChatOptions.TopK beats the client default
        second.Root.GetProperty("repetition_penalty").GetDouble().ShouldBe(1.1); // client default
        second.Has("temperature").ShouldBeFalse();
        second.Has("max_tokens").ShouldBeFalse();

        var third = server.Requests[2];
        third.Root.GetProperty("top_k").GetInt32().ShouldBe(7);
        third.Root.EnumerateObject().Select(p => p.Name).ShouldBe(["model", "messages", "top_k", "repetition_penalty"]);
    }

    [Fact]
    public async Task Api_key_comes_from_the_named_environment_variable_as_bearer_and_EMPTY_when_unset()
    {
        await using var server = await FakeVlmServer.StartAsync(cancellationToken: Ct);
        server.DefaultReply = FakeReply.Text("ok");
        string variable = "REASONTRACK_TEST_KEY_" + Guid.NewGuid().ToString("N");
        const string key = "sk-test-do-not-leak-4711";
        Environment.SetEnvironmentVariable(variable, key);
        try
        {
            server.ExpectedApiKey = key;
            using (var client = new OpenAiCompatibleChatClient(Options(server) with { ApiKeyEnvironmentVariable = variable }))
                await client.GetResponseAsync(Hello(), cancellationToken: Ct);
            server.ExpectedApiKey = "EMPTY";
            using (var client = new OpenAiCompatibleChatClient(Options(server)))
                await client.GetResponseAsync(Hello(), cancellationToken: Ct);
        }
        finally
        {
            Environment.SetEnvironmentVariable(variable, null);
        }

        server.Requests.Count.ShouldBe(2);
        server.Requests.ShouldAllBe(r => r.HasAuthorization && r.AuthorizationMatches == true);
        server.Requests.ShouldAllBe(r => !r.Headers.Values.Any(v => v.Contains(key)) && !r.Body.Contains(key));
    }

    [Fact]
    public async Task Retries_500_and_429_then_succeeds()
    {
        await using var server = await FakeVlmServer.StartAsync(cancellationToken: Ct);
        server.Enqueue(FakeReply.Status(500), FakeReply.Status(429), FakeReply.Text("third time lucky"));
        using var client = new OpenAiCompatibleChatClient(Options(server));

        var response = await client.GetResponseAsync(Hello(), cancellationToken: Ct);

        response.Text.ShouldBe("third time lucky");
        server.Requests.Count.ShouldBe(3);
        server.Requests.Select(r => r.Body).Distinct().Count().ShouldBe(1); // the same body every attempt
    }

    [Fact]
    public async Task Gives_up_after_max_retries_with_status_attempts_and_body_excerpt()
    {
        await using var server = await FakeVlmServer.StartAsync(cancellationToken: Ct);
        server.DefaultReply = FakeReply.Status(503, "{\"error\":{\"message\":\"model is still loading\"}}");
        using var client = new OpenAiCompatibleChatClient(Options(server) with { MaxRetries = 2 });

        var e = await Should.ThrowAsync<VlmRequestException>(() => client.GetResponseAsync(Hello(), cancellationToken: Ct));

        e.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        e.Attempts.ShouldBe(3);
        e.WasRetried.ShouldBeTrue();
        e.BodyExcerpt.ShouldNotBeNull().ShouldContain("model is still loading");
        server.Requests.Count.ShouldBe(3);
    }

    [Fact]
    public async Task A_client_error_is_not_retried()
    {
        await using var server = await FakeVlmServer.StartAsync(cancellationToken: Ct);
        server.Enqueue(FakeReply.Status(400, "{\"error\":{\"message\":\"max_tokens too large\"}}"), FakeReply.Text("never reached"));
        using var client = new OpenAiCompatibleChatClient(Options(server));

        var e = await Should.ThrowAsync<VlmRequestException>(() => client.GetResponseAsync(Hello(), cancellationToken: Ct));

        e.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        e.WasRetried.ShouldBeFalse();
        server.Requests.Count.ShouldBe(1);
    }

    [Fact]
    public async Task Backoff_doubles_from_the_initial_value_up_to_the_cap_with_jitter_between_half_and_all_of_it()
    {
        await using var server = await FakeVlmServer.StartAsync(cancellationToken: Ct);
        server.Enqueue(FakeReply.Status(503), FakeReply.Status(500), FakeReply.Status(429), FakeReply.Status(502), FakeReply.Text("fifth"));
        var clock = new WatchedClock();
        using var client = new OpenAiCompatibleChatClient(Clocked(server, clock) with
        {
            MaxRetries = 4, InitialBackoff = TimeSpan.FromSeconds(1), MaxBackoff = TimeSpan.FromSeconds(3),
        });

        var call = client.GetResponseAsync(Hello(), cancellationToken: Ct);
        double[] expected = [1, 2, 3, 3]; // 1 s * 2^n, capped at 3 s
        for (int n = 0; n < expected.Length; n++)
        {
            var due = clock.WaitForTimers(n + 1, IsBackoff)[n];
            due.TotalSeconds.ShouldBeInRange(expected[n] * 0.5, expected[n], $"backoff before retry {n + 1}");
            server.Requests.Count.ShouldBe(n + 1); // no retry before the backoff has passed
            clock.Advance(due);
        }

        (await call.WaitAsync(WatchedClock.HangGuard, Ct)).Text.ShouldBe("fifth");
        server.Requests.Count.ShouldBe(5);
    }

    [Fact]
    public async Task Retry_after_is_honoured_and_capped()
    {
        await using var server = await FakeVlmServer.StartAsync(cancellationToken: Ct);
        server.Enqueue(FakeReply.Status(429, retryAfter: TimeSpan.FromSeconds(1)), FakeReply.Text("waited"),
            FakeReply.Status(429, retryAfter: TimeSpan.FromSeconds(100)), FakeReply.Text("capped"));
        var clock = new WatchedClock();
        using var client = new OpenAiCompatibleChatClient(Clocked(server, clock) with { MaxRetryAfter = TimeSpan.FromSeconds(3) });

        var first = client.GetResponseAsync(Hello(), cancellationToken: Ct);
        // Backoff alone would be 5-10 ms; the server asked for 1 s.
        clock.WaitForTimers(1, IsBackoff).ShouldBe([TimeSpan.FromSeconds(1)]);
        clock.Advance(TimeSpan.FromMilliseconds(999));
        server.Requests.Count.ShouldBe(1);
        first.IsCompleted.ShouldBeFalse();
        clock.Advance(TimeSpan.FromMilliseconds(1));
        (await first.WaitAsync(WatchedClock.HangGuard, Ct)).Text.ShouldBe("waited");

        var second = client.GetResponseAsync(Hello(), cancellationToken: Ct);
        clock.WaitForTimers(2, IsBackoff)[1].ShouldBe(TimeSpan.FromSeconds(3)); // 100 s asked, MaxRetryAfter 3 s
        clock.Advance(TimeSpan.FromSeconds(3));
        (await second.WaitAsync(WatchedClock.HangGuard, Ct)).Text.ShouldBe("capped");
        server.Requests.Count.ShouldBe(4);
    }

    [Fact]
    public async Task A_never_answering_server_times_out_with_a_clear_exception()
    {
        await using var server = await FakeVlmServer.StartAsync(cancellationToken: Ct);
        server.DefaultReply = FakeReply.Hang();
        var clock = new WatchedClock();
        using var client = new OpenAiCompatibleChatClient(Clocked(server, clock) with { RequestTimeout = TimeSpan.FromSeconds(30) });

        var call = client.GetResponseAsync(Hello(), cancellationToken: Ct);
        clock.WaitForTimers(1, due => due == TimeSpan.FromSeconds(30));
        WatchedClock.Until(() => server.Requests.Count == 1, "the request reaches the server");
        clock.Advance(TimeSpan.FromSeconds(29.999));
        call.IsCompleted.ShouldBeFalse();
        clock.Advance(TimeSpan.FromMilliseconds(1));
        var e = await Should.ThrowAsync<VlmRequestException>(() => call.WaitAsync(WatchedClock.HangGuard, Ct));

        e.IsTimeout.ShouldBeTrue();
        e.StatusCode.ShouldBeNull();
        e.Message.ShouldContain("did not answer within");
        server.Requests.Count.ShouldBe(1); // a timeout is not retried
    }

    [Fact]
    public async Task Cancellation_stops_a_hanging_request_and_a_pending_backoff()
    {
        await using var server = await FakeVlmServer.StartAsync(cancellationToken: Ct);
        server.Enqueue(FakeReply.Hang(), FakeReply.Status(429, retryAfter: TimeSpan.FromSeconds(30)));
        var clock = new WatchedClock();
        using var client = new OpenAiCompatibleChatClient(Clocked(server, clock) with { MaxRetryAfter = TimeSpan.FromSeconds(60) });

        using (var cts = CancellationTokenSource.CreateLinkedTokenSource(Ct))
        {
            var call = client.GetResponseAsync(Hello(), cancellationToken: cts.Token);
            WatchedClock.Until(() => server.Requests.Count == 1, "the hanging request reaches the server");
            await cts.CancelAsync();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call.WaitAsync(WatchedClock.HangGuard, Ct));
        }
        using (var cts = CancellationTokenSource.CreateLinkedTokenSource(Ct))
        {
            var call = client.GetResponseAsync(Hello(), cancellationToken: cts.Token);
            clock.WaitForTimers(1, IsBackoff).ShouldBe([TimeSpan.FromSeconds(30)]); // now in the Retry-After wait
            await cts.CancelAsync();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call.WaitAsync(WatchedClock.HangGuard, Ct));
        }
        server.Requests.Count.ShouldBe(2); // the backoff was not cut short into a retry
    }

    [Fact]
    public async Task A_dropped_connection_is_retried_and_then_reported_clearly()
    {
        await using var server = await FakeVlmServer.StartAsync(cancellationToken: Ct);
        server.Enqueue(FakeReply.Drop(), FakeReply.Text("after the drop"), FakeReply.Drop(), FakeReply.Drop());
        using var client = new OpenAiCompatibleChatClient(Options(server) with { MaxRetries = 1 });

        (await client.GetResponseAsync(Hello(), cancellationToken: Ct)).Text.ShouldBe("after the drop");
        var e = await Should.ThrowAsync<VlmRequestException>(() => client.GetResponseAsync(Hello(), cancellationToken: Ct));

        e.StatusCode.ShouldBeNull();
        e.Attempts.ShouldBe(2);
        (e.InnerException is HttpRequestException or IOException).ShouldBeTrue();
        server.Requests.Count.ShouldBe(4);
    }

    [Fact]
    public async Task A_garbage_body_is_a_clear_error_and_not_retried()
    {
        await using var server = await FakeVlmServer.StartAsync(cancellationToken: Ct);
        server.Enqueue(FakeReply.Garbage(), FakeReply.Text("never reached"));
        using var client = new OpenAiCompatibleChatClient(Options(server));

        var e = await Should.ThrowAsync<VlmRequestException>(() => client.GetResponseAsync(Hello(), cancellationToken: Ct));

        e.Message.ShouldContain("not valid JSON");
        e.StatusCode.ShouldBe(HttpStatusCode.OK);
        e.BodyExcerpt.ShouldNotBeNull().ShouldStartWith("<html");
        server.Requests.Count.ShouldBe(1);
    }

    [Fact]
    public async Task Invalid_utf8_in_the_reply_is_decoded_leniently_and_empty_choices_give_an_empty_reply()
    {
        await using var server = await FakeVlmServer.StartAsync(cancellationToken: Ct);
        byte[] body = [.. "{\"choices\":[{\"message\":{\"role\":\"assistant\",\"content\":\"ship "u8, 0xFF, 0xC3, .. " river\"},\"finish_reason\":\"stop\"}]}"u8];
        server.Enqueue(FakeReply.Raw(body), FakeReply.Raw("{\"id\":\"x\",\"choices\":[]}"u8.ToArray()));
        using var client = new OpenAiCompatibleChatClient(Options(server));

        var lenient = await client.GetResponseAsync(Hello(), cancellationToken: Ct);
        var empty = await client.GetResponseAsync(Hello(), cancellationToken: Ct);

        lenient.Text.ShouldStartWith("ship \uFFFD");
        lenient.Text.ShouldEndWith(" river");
        lenient.FinishReason.ShouldBe(ChatFinishReason.Stop);
        empty.Text.ShouldBe("");
        empty.FinishReason.ShouldBeNull();
    }

    [Fact]
    public async Task Finish_reason_length_and_usage_are_surfaced()
    {
        await using var server = await FakeVlmServer.StartAsync(cancellationToken: Ct);
        server.Enqueue(FakeReply.Text("<think>and then the ship", "length", promptTokens: 1234, completionTokens: 512),
            FakeReply.Text("<think>cut again", "length"));
        using var client = new OpenAiCompatibleChatClient(Options(server));

        var response = await client.GetResponseAsync(Hello(), new ChatOptions { MaxOutputTokens = 512 }, Ct);
        var streamed = await client.GetStreamingResponseAsync(Hello(), new ChatOptions { MaxOutputTokens = 512 }, Ct).ToChatResponseAsync(Ct);

        response.FinishReason.ShouldBe(ChatFinishReason.Length);
        response.Usage.ShouldNotBeNull();
        response.Usage.InputTokenCount.ShouldBe(1234);
        response.Usage.OutputTokenCount.ShouldBe(512);
        streamed.FinishReason.ShouldBe(ChatFinishReason.Length);
        streamed.Text.ShouldBe("<think>cut again");
    }

    [Fact]
    public async Task Streaming_assembles_the_full_text()
    {
        await using var server = await FakeVlmServer.StartAsync(cancellationToken: Ct);
        string[] chunks = ["<think>Okay, ", "let's see.</think>", "<d>no</d>", "<answer>a ship</answer>"];
        server.Enqueue(FakeReply.Stream(chunks));
        using var client = new OpenAiCompatibleChatClient(Options(server));

        var updates = new List<ChatResponseUpdate>();
        await foreach (var u in client.GetStreamingResponseAsync(Hello(), cancellationToken: Ct)) updates.Add(u);

        string.Concat(updates.Select(u => u.Text)).ShouldBe("<think>Okay, let's see.</think><d>no</d><answer>a ship</answer>");
        updates.Count(u => u.Text.Length > 0).ShouldBe(4);
        updates.Last().FinishReason.ShouldBe(ChatFinishReason.Stop);
        server.Requests.ShouldHaveSingleItem().IsStream.ShouldBeTrue();
        server.Requests[0].Headers["accept"].ShouldContain("text/event-stream");
    }

    [Fact]
    public async Task A_stream_broken_off_midway_is_a_clear_error()
    {
        await using var server = await FakeVlmServer.StartAsync(cancellationToken: Ct);
        var halfRead = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        server.Enqueue(FakeReply.Stream(["a", "b", "c", "d"], dropMidStream: true, dropWhen: halfRead.Task));
        using var client = new OpenAiCompatibleChatClient(Options(server));

        var received = new StringBuilder();
        var e = await Should.ThrowAsync<VlmRequestException>(async () =>
        {
            await foreach (var u in client.GetStreamingResponseAsync(Hello(), cancellationToken: Ct))
            {
                received.Append(u.Text);
                if (received.ToString() == "ab") halfRead.TrySetResult(); // now the server drops the connection
            }
        });

        received.ToString().ShouldBe("ab");
        e.Message.ShouldContain("broke off");
    }

    [Fact]
    public async Task Concurrent_requests_are_limited()
    {
        await using var server = await FakeVlmServer.StartAsync(cancellationToken: Ct);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        server.DefaultReply = FakeReply.Text("slow").Until(release.Task);
        using var client = new OpenAiCompatibleChatClient(Options(server) with { MaxConcurrentRequests = 2 });

        var calls = Enumerable.Range(0, 6).Select(_ => client.GetResponseAsync(Hello(), cancellationToken: Ct)).ToList();
        // Two requests are held by the server at once (neither can finish before the release).
        WatchedClock.Until(() => server.Requests.Count == 2, "two requests held by the server");
        server.InFlight.ShouldBe(2);
        release.SetResult();
        var replies = await Task.WhenAll(calls).WaitAsync(WatchedClock.HangGuard, Ct);

        replies.ShouldAllBe(r => r.Text == "slow");
        server.Requests.Count.ShouldBe(6);
        server.MaxConcurrentRequests.ShouldBe(2);
    }

    [Fact]
    public async Task The_fake_server_lists_its_model()
    {
        await using var server = await FakeVlmServer.StartAsync("Qwen2.5-VL-3B-Instruct", Ct);
        using var http = new HttpClient();
        string json = await http.GetStringAsync(new Uri(server.BaseUrl + "/models"), Ct);
        using var doc = JsonDocument.Parse(json);
        doc.RootElement.GetProperty("data")[0].GetProperty("id").GetString().ShouldBe("Qwen2.5-VL-3B-Instruct");
        server.BaseUrl.Host.ShouldBe("127.0.0.1");
    }

    [Fact]
    public async Task A_refused_connection_before_any_answer_is_not_retried_and_names_the_address_without_credentials()
    {
        var options = new VlmClientOptions
        {
            BaseUrl = new Uri("http://user:secret@127.0.0.1:1/v1"),
            Model = "test-model",
            ApiKeyEnvironmentVariable = "REASONTRACK_TEST_UNSET_" + Guid.NewGuid().ToString("N"),
            MaxRetries = 3,
        };
        using var client = new OpenAiCompatibleChatClient(options);
        var e = await Should.ThrowAsync<VlmRequestException>(() => client.GetResponseAsync(Hello(), cancellationToken: Ct));
        e.Attempts.ShouldBe(1);
        e.IsUnreachable.ShouldBeTrue();
        e.Message.ShouldContain("http://127.0.0.1:1/v1/chat/completions");
        e.Message.ShouldNotContain("secret");
    }

    [Fact]
    public async Task A_refused_connection_after_the_server_answered_once_is_retried()
    {
        var server = await FakeVlmServer.StartAsync(cancellationToken: Ct);
        server.Enqueue(FakeReply.Text("ok"));
        using var client = new OpenAiCompatibleChatClient(Options(server) with { MaxRetries = 2 });
        (await client.GetResponseAsync(Hello(), cancellationToken: Ct)).Text.ShouldBe("ok");
        await server.DisposeAsync(); // the server goes away (a restart): now connections are refused
        var e = await Should.ThrowAsync<VlmRequestException>(() => client.GetResponseAsync(Hello(), cancellationToken: Ct));
        e.IsUnreachable.ShouldBeFalse();
        e.Attempts.ShouldBe(3);
    }
}
