using ReasonTrack.Trackers;

namespace ReasonTrack.Tests.Trackers;

/// <summary>
/// Issue 12 item 6: the reasoning side files have one writer. Their names sit beside the boxes (whatever layout put the
/// boxes there), the log is only visible under its real name once published, and the descriptions file has one line
/// per frame with line breaks flattened.
/// </summary>
public sealed class ReasoningOutputsTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("rt-reasonout-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void The_files_are_named_after_the_sequence_beside_the_box_file()
    {
        var o = ReasoningOutputs.Beside(Path.Combine(_dir, "dcf", "default", "bike-1.txt"), "bike-1");
        o.LogPath.ShouldBe(Path.Combine(_dir, "dcf", "default", "bike-1_reasoning.jsonl"));
        o.DescriptionsPath.ShouldBe(Path.Combine(_dir, "dcf", "default", "bike-1_descriptions.txt"));
        Path.GetDirectoryName(o.LogTemporaryPath).ShouldBe(o.Directory);
        Path.GetFileName(o.LogTemporaryPath).ShouldStartWith(".");
        o.LogTemporaryPath.ShouldBe(o.LogTemporaryPath); // stable: written to and published from the same file
        ReasoningOutputs.Beside(o.LogPath, "bike-1").LogTemporaryPath.ShouldNotBe(o.LogTemporaryPath); // two writers never share one
    }

    [Fact]
    public void The_log_appears_under_its_name_only_when_published_and_both_files_make_the_sequence_complete()
    {
        var o = ReasoningOutputs.Beside(Path.Combine(_dir, "out", "seq.txt"), "seq");
        o.CreateDirectory();
        File.WriteAllText(o.LogTemporaryPath, "{\"status\":\"ok\"}\n");
        File.Exists(o.LogPath).ShouldBeFalse();
        o.Exist.ShouldBeFalse();

        o.PublishLog();
        File.ReadAllText(o.LogPath).ShouldBe("{\"status\":\"ok\"}\n");
        File.Exists(o.LogTemporaryPath).ShouldBeFalse();
        o.Exist.ShouldBeFalse(); // descriptions still missing

        o.WriteDescriptions(["a red car", null, "two\nlines\r\nhere"]);
        File.ReadAllText(o.DescriptionsPath).ShouldBe("a red car\n\ntwo lines  here\n");
        o.Exist.ShouldBeTrue();
        Directory.GetFiles(o.Directory).Select(Path.GetFileName).Order(StringComparer.Ordinal).ShouldBe(["seq_descriptions.txt", "seq_reasoning.jsonl"]);
    }
}
