namespace ReasonTrack.Tests.Cli;

/// <summary>Issue 11 item 18 (vptracker): the help names the released file each VPTracker rule comes from.</summary>
public class VpTrackerHelpTests
{
    [Theory]
    [InlineData("track")]
    [InlineData("run")]
    public void Help_names_the_released_VPTracker_files(string command)
    {
        var o = CliRunner.Run(command, "--help");
        o.ExitCode.ShouldBe(0, o.Stderr);
        string help = string.Join(" ", o.Stdout.Split((char[])[' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries));
        foreach (string file in new[] { "evaluation/infer_tracking_qwen_vlt_crop_absent.py", "ms-swift/swift/llm/template/base.py", "_draw_bbox", "sample_target", "evaluation/tnllt_dataset.py", "infer.sh" })
            help.ShouldContain(file);
        help.ShouldContain("--language-reading");
    }
}
