using System.Text.Json;
using ReasonTrack.IO;
using ReasonTrack.Reports.Html;

namespace ReasonTrack.Tests.Reports.Html;

public sealed class ReasoningTimelineTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("rt-timeline-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Only_thumbnails_named_as_the_run_names_them_and_present_are_kept()
    {
        string run = Path.Combine(_dir, "run", "default");
        Directory.CreateDirectory(Path.Combine(run, "vlm-thumbnails"));
        Directory.CreateDirectory(Path.Combine(_dir, "run", "vlm-thumbnails"));
        string good = "0123456789abcdef.jpg";
        File.WriteAllBytes(Path.Combine(run, "vlm-thumbnails", good), [0xFF, 0xD8]);
        File.WriteAllBytes(Path.Combine(_dir, "run", "vlm-thumbnails", "fedcba9876543210.jpg"), [0xFF, 0xD8]);
        File.WriteAllText(Path.Combine(_dir, "secret.jpg"), "x");
        var thumbs = new[]
        {
            "vlm-thumbnails/" + good,              // kept
            "../vlm-thumbnails/fedcba9876543210.jpg", // kept: the pytracking layout's log sits below the run folder
            "vlm-thumbnails/0000000000000000.jpg", // missing: dropped
            "../../secret.jpg",                    // not a thumbnail name: dropped
            "javascript:alert(1)//0123456789abcdef.jpg",
            "/etc/passwd",
            "vlm-thumbnails/0123456789ABCDEF.jpg",  // upper case is not how the run names them
        };
        string log = Path.Combine(run, "Car4_reasoning.jsonl");
        File.WriteAllText(log, JsonSerializer.Serialize(new { frame = 11, applied_at_frame = 12, mode = "reasoningtrack", trigger = "interval", status = "ok", image_thumbnails = thumbs }) + "\n\n");
        File.WriteAllText(Path.Combine(run, "Car4_descriptions.txt"), "a\na\nb\n");

        var tl = ReasoningTimeline.Beside(run, "Car4")!;
        tl.Calls.Single().ImageThumbnails.ShouldBe([good, "fedcba9876543210.jpg"]);
        tl.Calls[0].AppliedAtFrame.ShouldBe(12);
        tl.Thumbnails.Keys.Order(StringComparer.Ordinal).ShouldBe(["0123456789abcdef.jpg", "fedcba9876543210.jpg"]);
        tl.Descriptions.ShouldBe(["a", "a", "b"]);
        ReasoningTimeline.Beside(run, "Dog").ShouldBeNull();
    }

    [Fact]
    public void A_line_that_is_not_a_record_is_an_error_naming_the_file_and_line()
    {
        string log = Path.Combine(_dir, "x_reasoning.jsonl");
        File.WriteAllText(log, "{\"frame\":1,\"mode\":\"m\",\"trigger\":\"t\",\"status\":\"ok\"}\n{oops\n");
        var e = Should.Throw<DataFormatException>(() => ReasoningTimeline.Read(log, null));
        e.Message.ShouldContain(log + ":2");
    }
}
