using System.Security.Cryptography;
using ReasonTrack.Media;
using ReasonTrack.Reasoning.Modes;
using ReasonTrack.Reasoning.Prompts;
using ReasonTrack.Reasoning.Vlm;
using ReasonTrack.Tests.Reasoning.Modes;

namespace ReasonTrack.Tests.Reasoning.Vlm;

/// <summary>
/// Recording and replay with issue 11's requests: VPTracker's interleaved content list with PNG images, and PNG bytes
/// labelled image/jpeg (ReasoningTrack's released label). The recording keeps each part's type, digest and declared
/// MIME; replay by request hash finds them, and the label is part of the hash.
/// </summary>
public sealed class RecordReplayEncodingTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("rt-vlm-replay-enc-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task Interleaved_png_requests_and_jpeg_labelled_png_record_and_replay_by_hash()
    {
        var ct = TestContext.Current.CancellationToken;
        string path = Path.Combine(_dir, "calls.jsonl");
        using var template = ImageEncodingPerModeTests.Pattern(30, 20, 0);
        using var search = ImageEncodingPerModeTests.Pattern(60, 40, 1);
        var vp = PromptSender.ToMessages(VpTrackerPrompts.Build(template, search, "a square"), ImageEncoding.Png).Messages;
        byte[] png = PngEncoder.Encode(search);
        var labelledJpeg = VlmTestImages.TwoImagesAndText(png, png, "a square"); // PNG bytes declared image/jpeg
        await using (var server = await FakeVlmServer.StartAsync(cancellationToken: ct))
        {
            server.Enqueue(FakeReply.Text("vp reply"), FakeReply.Text("rt reply"));
            using var recorder = new VlmRecorder(path);
            using var client = new OpenAiCompatibleChatClient(new VlmClientOptions { BaseUrl = server.BaseUrl, Model = "m" }, recorder);
            await client.GetResponseAsync(vp, cancellationToken: ct);
            await client.GetResponseAsync(labelledJpeg, cancellationToken: ct);
        }

        var records = VlmRecorder.ReadAll(path);
        var vpParts = records[0].Messages[^1].Parts;
        vpParts.Select(p => p.Type).ShouldBe(["text", "image", "text", "image", "text"]);
        vpParts.Where(p => p.Type == "image").ShouldAllBe(p => p.MediaType == "image/png");
        vpParts[3].Sha256.ShouldBe(Convert.ToHexStringLower(SHA256.HashData(png)));
        records[1].Messages[^1].Parts.Where(p => p.Type == "image").ShouldAllBe(p => p.MediaType == "image/jpeg");

        using var replay = new ReplayChatClient(path, ReplayMatching.ByRequestHash);
        (await replay.GetResponseAsync(labelledJpeg, cancellationToken: ct)).Text.ShouldBe("rt reply");
        (await replay.GetResponseAsync(vp, cancellationToken: ct)).Text.ShouldBe("vp reply");
        // The same bytes declared image/png are another request.
        using var replay2 = new ReplayChatClient(path, ReplayMatching.ByRequestHash);
        var relabelled = VlmTestImages.TwoImagesAndText(png, png, "a square");
        relabelled[1] = new Microsoft.Extensions.AI.ChatMessage(Microsoft.Extensions.AI.ChatRole.User,
            [new Microsoft.Extensions.AI.DataContent(png, "image/png"), new Microsoft.Extensions.AI.DataContent(png, "image/png"), new Microsoft.Extensions.AI.TextContent("a square")]);
        await Should.ThrowAsync<ReasonTrackException>(() => replay2.GetResponseAsync(relabelled, cancellationToken: ct));
    }
}
