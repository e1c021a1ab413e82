using Microsoft.Extensions.AI;
using ReasonTrack.Reasoning.Logging;
using ReasonTrack.Reasoning.Vlm;

namespace ReasonTrack.Tests.Reasoning.Logging;

/// <summary>Issue 10 item 8: replies stored in the reasoning log and the VLM recording have a size bound.</summary>
public sealed class StoredReplyBoundTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("rt-reply-bound-").FullName;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Reasoning_log_caps_a_5_MB_reply_and_records_the_original_length()
    {
        string path = Path.Combine(_dir, "seq_reasoning.jsonl");
        string huge = new('x', 5_000_000);
        using (var log = new ReasoningLog(path))
        {
            for (int f = 1; f <= 20; f++)
                log.Write(new ReasoningLogRecord { Frame = f, Mode = "reasoningtrack", Trigger = "interval", Status = "fallback", RawReply = huge });
            log.Records[0].ReplyTruncated.ShouldBe(true);
            log.Records[0].ReplyLength.ShouldBe(5_000_000);
            log.Records[0].RawReply!.Length.ShouldBe(65536);
        }
        long size = new FileInfo(path).Length;
        size.ShouldBeLessThan(20L * (65536 + 1024)); // was 20 x 5 MB = 100 MB
        string first = File.ReadLines(path).First();
        first.ShouldContain("\"reply_truncated\":true");
        first.ShouldContain("\"reply_length\":5000000");
    }

    [Fact]
    public void Reasoning_log_keeps_a_short_reply_whole_and_unmarked()
    {
        using var log = new ReasoningLog(null, maxStoredReplyChars: 10);
        log.Write(new ReasoningLogRecord { Frame = 1, Mode = "r1track", Trigger = "init", Status = "ok", RawReply = "0123456789" });
        log.Write(new ReasoningLogRecord { Frame = 2, Mode = "r1track", Trigger = "init", Status = "ok", RawReply = "0123456789A" });
        log.Records[0].ReplyTruncated.ShouldBeNull();
        log.Records[0].ReplyLength.ShouldBeNull();
        log.Records[1].RawReply.ShouldBe("0123456789");
        log.Records[1].ReplyLength.ShouldBe(11);
    }

    [Fact]
    public async Task Recorder_caps_a_long_reply_and_replay_refuses_the_truncated_call()
    {
        string path = Path.Combine(_dir, "calls.jsonl");
        string huge = new('y', 200_000);
        await using (var server = await FakeVlmServer.StartAsync(cancellationToken: Ct))
        {
            server.Enqueue(FakeReply.Text(huge), FakeReply.Text("short"));
            using var recorder = new VlmRecorder(path, maxStoredReplyChars: 1000);
            using var client = new OpenAiCompatibleChatClient(new VlmClientOptions { BaseUrl = server.BaseUrl, Model = "m" }, recorder);
            (await client.GetResponseAsync([new ChatMessage(ChatRole.User, "a")], cancellationToken: Ct)).Text.Length.ShouldBe(200_000);
            (await client.GetResponseAsync([new ChatMessage(ChatRole.User, "b")], cancellationToken: Ct)).Text.ShouldBe("short");
        }
        var records = VlmRecorder.ReadAll(path);
        records[0].ReplyText!.Length.ShouldBe(1000);
        records[0].ReplyTruncated.ShouldBe(true);
        records[0].ReplyLength.ShouldBe(200_000);
        records[1].ReplyTruncated.ShouldBeNull();
        new FileInfo(path).Length.ShouldBeLessThan(10_000);

        using var replay = new ReplayChatClient(path);
        var e = await Should.ThrowAsync<ReasonTrackException>(() => replay.GetResponseAsync([new ChatMessage(ChatRole.User, "a")], cancellationToken: Ct));
        e.Message.ShouldContain("cut to 1000 of 200000");
        (await replay.GetResponseAsync([new ChatMessage(ChatRole.User, "b")], cancellationToken: Ct)).Text.ShouldBe("short");
    }

    [Fact]
    public void Default_bound_is_64_Ki_characters_on_both_writers()
    {
        using var log = new ReasoningLog(null);
        log.MaxStoredReplyChars.ShouldBe(65536);
        using var recorder = new VlmRecorder(Path.Combine(_dir, "r.jsonl"));
        recorder.MaxStoredReplyChars.ShouldBe(65536);
    }
}
