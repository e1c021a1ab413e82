using System.Net;
using System.Security.Cryptography;
using Microsoft.Extensions.AI;
using ReasonTrack.Reasoning.Vlm;

namespace ReasonTrack.Tests.Reasoning.Vlm;

public sealed class RecordReplayTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("rt-vlm-replay-").FullName;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task Recorded_calls_replay_with_the_same_replies_in_order_and_by_request_hash()
    {
        string path = Path.Combine(_dir, "calls.jsonl");
        string variable = "REASONTRACK_TEST_KEY_" + Guid.NewGuid().ToString("N");
        const string key = "sk-recording-must-not-contain-this";
        Environment.SetEnvironmentVariable(variable, key);
        byte[] frameA = VlmTestImages.Jpeg(40, 30, 10), frameB = VlmTestImages.Jpeg(40, 30, 200);
        var askA = VlmTestImages.TwoImagesAndText(frameA, frameB, "a ship");
        var askB = VlmTestImages.TwoImagesAndText(frameB, frameA, "a boat");
        var askC = VlmTestImages.TwoImagesAndText(frameA, frameA, "a raft");
        var sampling = new ChatOptions { Temperature = 0f, MaxOutputTokens = 64 };
        var original = new List<ChatResponse>();
        try
        {
            await using var server = await FakeVlmServer.StartAsync(cancellationToken: Ct);
            server.Enqueue(FakeReply.Text("<d>no</d><answer>a ship</answer>"), FakeReply.Text("<think>cut", "length"),
                FakeReply.Status(400, "{\"error\":{\"message\":\"bad image\"}}"));
            var options = new VlmClientOptions { BaseUrl = server.BaseUrl, Model = "rec-model", ApiKeyEnvironmentVariable = variable };
            using var recorder = new VlmRecorder(path);
            using var client = new OpenAiCompatibleChatClient(options, recorder);
            original.Add(await client.GetResponseAsync(askA, sampling, Ct));
            original.Add(await client.GetResponseAsync(askB, sampling, Ct));
            await Should.ThrowAsync<VlmRequestException>(() => client.GetResponseAsync(askC, sampling, Ct));
        }
        finally
        {
            Environment.SetEnvironmentVariable(variable, null);
        }

        string text = await File.ReadAllTextAsync(path, Ct);
        text.ShouldNotContain(key);
        text.ShouldNotContain(Convert.ToBase64String(frameA)[..40]); // images are digests, not data
        var records = VlmRecorder.ReadAll(path);
        records.Count.ShouldBe(3);
        var imageA = records[0].Messages[1].Parts[0];
        imageA.Sha256.ShouldBe(Convert.ToHexStringLower(SHA256.HashData(frameA)));
        imageA.MediaType.ShouldBe("image/jpeg");
        imageA.Bytes.ShouldBe(frameA.Length);
        records[0].Messages[1].Parts[2].Text.ShouldBe("a ship");
        records[0].Sampling!["max_tokens"]!.GetValue<int>().ShouldBe(64);
        records[1].FinishReason.ShouldBe("length");
        records[2].StatusCode.ShouldBe(400);
        records[2].Error.ShouldNotBeNull().ShouldContain("bad image");

        using (var inOrder = new ReplayChatClient(path))
        {
            (await inOrder.GetResponseAsync(askC, sampling, Ct)).Text.ShouldBe(original[0].Text); // order wins, not content
            var second = await inOrder.GetResponseAsync(askA, sampling, Ct);
            second.Text.ShouldBe(original[1].Text);
            second.FinishReason.ShouldBe(ChatFinishReason.Length);
            var replayedFailure = await Should.ThrowAsync<VlmRequestException>(() => inOrder.GetResponseAsync(askB, sampling, Ct));
            replayedFailure.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
            await Should.ThrowAsync<ReasonTrackException>(() => inOrder.GetResponseAsync(askA, sampling, Ct));
        }

        using var byHash = new ReplayChatClient(path, ReplayMatching.ByRequestHash);
        (await byHash.GetResponseAsync(askB, sampling, Ct)).Text.ShouldBe(original[1].Text);
        var streamed = await byHash.GetStreamingResponseAsync(askA, sampling, Ct).ToChatResponseAsync(Ct);
        streamed.Text.ShouldBe(original[0].Text);
        // Different sampling is a different request.
        await Should.ThrowAsync<ReasonTrackException>(() => byHash.GetResponseAsync(askA, new ChatOptions { Temperature = 1f }, Ct));
        await Should.ThrowAsync<VlmRequestException>(() => byHash.GetResponseAsync(askC, sampling, Ct));
        byHash.Remaining.ShouldBe(0);
    }
}
