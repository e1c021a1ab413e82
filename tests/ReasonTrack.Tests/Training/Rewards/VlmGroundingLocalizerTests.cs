using System.Text.Json;
using ReasonTrack.Geometry;
using ReasonTrack.Reasoning.Vlm;
using ReasonTrack.Tests.Reasoning;
using ReasonTrack.Training.Rewards;

namespace ReasonTrack.Tests.Training.Rewards;

/// <summary>
/// The judge's VLM localizer against the scripted OpenAI-compatible server, on the real ReasoningTrack frame pair
/// (TNLLT JE_Assian_ship_v01; frame 2 is 640x360, stored as PNG bytes despite its .jpg name).
/// </summary>
public class VlmGroundingLocalizerTests
{
    private static string Frame2() => SharedData.Require("data/reasoningtrack-sample/img2.jpg");

    private static async Task<(TargetLocation Location, FakeRequest Request)> LocateAsync(string model, CoordinateConvention convention, string reply)
    {
        var ct = TestContext.Current.CancellationToken;
        string frame2 = Frame2();
        await using var server = await FakeVlmServer.StartAsync(model, ct);
        server.Enqueue(FakeReply.Text(reply));
        using var client = new OpenAiCompatibleChatClient(new VlmClientOptions { BaseUrl = server.BaseUrl, Model = model, MaxRetries = 0 });
        var localizer = new VlmGroundingLocalizer(client, convention);
        var location = await localizer.LocateAsync(new TargetLocalizationRequest(null, null, frame2, "the wooden ship on the river"), ct);
        server.Requests.Count.ShouldBe(1);
        return (location, server.Requests[0]);
    }

    [Fact]
    public async Task Sends_frame_2_with_the_grounding_prompt_and_r1track_sampling()
    {
        var (location, request) = await LocateAsync("fake-vlm", CoordinateConvention.AbsoluteAsSent,
            "```json\n[{\"bbox_2d\": [130, 62, 388, 287], \"label\": \"ship\"}]\n```");

        var root = request.Root;
        root.GetProperty("temperature").GetDouble().ShouldBe(0);
        root.GetProperty("top_p").GetDouble().ShouldBe(0.5);
        root.GetProperty("top_k").GetInt32().ShouldBe(20);
        root.GetProperty("max_tokens").GetInt32().ShouldBe(512);
        var messages = root.GetProperty("messages");
        messages.GetArrayLength().ShouldBe(1); // no system message
        var parts = messages[0].GetProperty("content").EnumerateArray().ToList();
        parts.Select(p => p.GetProperty("type").GetString()).ShouldBe(["image_url", "text"]);
        parts[1].GetProperty("text").GetString().ShouldBe("Please return the coordinates of the wooden ship on the river in JSON format.");

        // The file's own bytes, labelled with their real type.
        var image = request.Images().Single();
        image.DeclaredMime.ShouldBe("image/png");
        image.Bytes.ShouldBe(File.ReadAllBytes(Frame2()));
        (image.Header!.Value.Width, image.Header!.Value.Height).ShouldBe((640, 360));

        // As sent: corners are frame pixels. xywh = (130, 62, 388-130, 287-62).
        location.Box.ShouldBe(new Box(130, 62, 258, 225));
    }

    [Fact]
    public async Task Maps_normalized_coordinates_to_frame_pixels()
    {
        // 0..1000 on a 640x360 frame: x = 500 -> 320, 1000 -> 640; y = 250 -> 90, 750 -> 270.
        var (location, _) = await LocateAsync("qwen3-vl-4b", CoordinateConvention.Normalized1000, "[{\"bbox_2d\": [500, 250, 1000, 750]}]");
        var b = location.Box!.Value;
        b.X.ShouldBe(320, 1e-9);
        b.Y.ShouldBe(90, 1e-9);
        b.W.ShouldBe(320, 1e-9);
        b.H.ShouldBe(180, 1e-9);
    }

    [Fact]
    public async Task Maps_qwen25_smart_resize_pixels_to_frame_pixels()
    {
        // Qwen2.5-VL sees 640x360 as round(640/28)*28 = 23*28 = 644 by round(360/28)*28 = 13*28 = 364, so its full-frame
        // box [0, 0, 644, 364] is the whole 640x360 frame.
        var (location, _) = await LocateAsync("qwen2.5-vl-3b", CoordinateConvention.Qwen25Absolute, "[{\"bbox_2d\": [0, 0, 644, 364]}]");
        var b = location.Box!.Value;
        b.X.ShouldBe(0, 1e-9);
        b.Y.ShouldBe(0, 1e-9);
        b.W.ShouldBe(640, 1e-9);
        b.H.ShouldBe(360, 1e-9);
    }

    [Fact]
    public async Task A_reply_without_a_box_is_no_box_with_a_note()
    {
        var (location, _) = await LocateAsync("fake-vlm", CoordinateConvention.AbsoluteAsSent, "I cannot find a ship.");
        location.Box.ShouldBeNull();
        location.Note.ShouldNotBeNullOrEmpty();
        location.RawReply.ShouldBe("I cannot find a ship.");
    }

    [Fact]
    public async Task A_missing_frame_is_a_data_error_naming_it()
    {
        using var client = new OpenAiCompatibleChatClient(new VlmClientOptions { BaseUrl = new Uri("http://127.0.0.1:9/v1"), Model = "m", MaxRetries = 0 });
        var localizer = new VlmGroundingLocalizer(client, CoordinateConvention.AbsoluteAsSent);
        string missing = Path.Combine(Path.GetTempPath(), "reasontrack-no-such-frame.jpg");
        var e = await Should.ThrowAsync<ReasonTrack.IO.DataFormatException>(() =>
            localizer.LocateAsync(new TargetLocalizationRequest(null, null, missing, "ship"), TestContext.Current.CancellationToken));
        e.FilePath.ShouldBe(missing);
    }
}
