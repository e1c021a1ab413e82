using ReasonTrack.Geometry;
using ReasonTrack.Media;
using ReasonTrack.Reasoning.Vlm;
using ReasonTrack.Tests.Trackers;

namespace ReasonTrack.Tests.Reasoning.Modes;

/// <summary>Real frames and a client for the mode tests.</summary>
internal static class ModeFixtures
{
    /// <summary>The first <paramref name="count"/> frames of a real sequence (grey, 360x240 for Car4) and its ground truth.</summary>
    public static (List<ImageFrame> Frames, Box[] GroundTruth) Frames(string sequence, int count)
    {
        var s = RealSequences.Annotations(sequence);
        var frames = RealSequences.Decode(s.Frames.Take(Math.Min(count, s.Length)).ToList(), out _, out _);
        return (frames, s.GroundTruth);
    }

    /// <summary>
    /// A client of <paramref name="server"/>. The default per-attempt timeout (60 s) only guards against a hang; tests
    /// of timeouts pass a fake <paramref name="time"/> and advance it past <paramref name="timeout"/>.
    /// </summary>
    public static OpenAiCompatibleChatClient Client(FakeVlmServer server, string model, int retries = 0, TimeSpan? timeout = null, TimeProvider? time = null) =>
        new(new VlmClientOptions
        {
            BaseUrl = server.BaseUrl,
            Model = model,
            MaxRetries = retries,
            InitialBackoff = TimeSpan.FromMilliseconds(10),
            RequestTimeout = timeout ?? TimeSpan.FromSeconds(60),
            Time = time ?? TimeProvider.System,
        });

    /// <summary>The user turn's parts of a recorded request: (type, text or null).</summary>
    public static List<(string Type, string? Text)> UserParts(FakeRequest request)
    {
        var messages = request.Root.GetProperty("messages");
        var user = messages[messages.GetArrayLength() - 1];
        return user.GetProperty("content").EnumerateArray()
            .Select(p => (p.GetProperty("type").GetString()!, p.TryGetProperty("text", out var t) ? t.GetString() : null)).ToList();
    }
}
