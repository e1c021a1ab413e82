using System.Globalization;
using ReasonTrack.Tests.Media;
using ReasonTrack.Tests.Reasoning;

namespace ReasonTrack.Tests.Runs.Referring;

/// <summary>
/// The scripted model of the referring tests: an OpenAI-compatible reply in the Qwen grounding format computed from
/// the request itself. <see cref="Perfect"/> finds the disc the instruction names (red or blue) in the image that was
/// sent (PNG, decoded by the test's own decoder) and answers its tight box, on the first frame and on any rethink;
/// <see cref="Wrong"/> always answers a box on the empty top-left background.
/// </summary>
internal static class ScriptedGrounding
{
    public static FakeReply? Perfect(FakeRequest request)
    {
        bool red = request.Body.Contains("the red ball", StringComparison.Ordinal);
        bool blue = request.Body.Contains("the blue ball", StringComparison.Ordinal);
        if (red == blue) return FakeReply.Status(400, "{\"error\":{\"message\":\"no known instruction\"}}");
        using var frame = PngTestDecoder.Decode(request.Images()[0].Bytes);
        int x0 = int.MaxValue, y0 = int.MaxValue, x1 = -1, y1 = -1;
        for (int y = 0; y < frame.Height; y++)
        {
            var row = frame.Row(y);
            for (int x = 0; x < frame.Width; x++)
            {
                byte r = row[3 * x], g = row[3 * x + 1], b = row[3 * x + 2];
                bool hit = red ? r > 160 && g < 100 && b < 100 : b > 160 && r < 100 && g < 130;
                if (!hit) continue;
                x0 = Math.Min(x0, x); x1 = Math.Max(x1, x); y0 = Math.Min(y0, y); y1 = Math.Max(y1, y);
            }
        }
        if (x1 < 0) return FakeReply.Text("I cannot see it.");
        return Box(x0, y0, x1 + 1, y1 + 1, red ? "red ball" : "blue ball");
    }

    public static FakeReply? Wrong(FakeRequest request) => Box(2, 2, 30, 30, "ball");

    private static FakeReply Box(int x1, int y1, int x2, int y2, string label) =>
        FakeReply.Text(string.Create(CultureInfo.InvariantCulture, $"The instruction names the {label}.\n```json\n[{{\"bbox_2d\": [{x1}, {y1}, {x2}, {y2}], \"label\": \"{label}\"}}]\n```"));
}
