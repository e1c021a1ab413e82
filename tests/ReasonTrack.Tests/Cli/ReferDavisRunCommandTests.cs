using System.Globalization;
using System.Text.RegularExpressions;
using ReasonTrack.Tests.Media;
using ReasonTrack.Tests.Reasoning;
using ReasonTrack.Tests.Runs.Referring;

namespace ReasonTrack.Tests.Cli;

/// <summary>
/// <c>reasontrack run -d refer-davis17 --reasoner instruction --segmenter colour</c> end to end (issue 16 "done when"):
/// the CLI as a child process, a scripted OpenAI-compatible server on loopback answering the grounding, the
/// weights-free colour segmenter, DAVIS label maps written and scored, J&amp;F printed under davis2017.
/// </summary>
public sealed partial class ReferDavisRunCommandTests : IDisposable
{
    private readonly string _out = Directory.CreateTempSubdirectory("rt-refcli-").FullName;

    public void Dispose() => Directory.Delete(_out, recursive: true);

    [GeneratedRegex(@"^J&F-Mean (\d+\.\d) \(davis2017\)$", RegexOptions.Multiline)]
    private static partial Regex JAndF();

    [GeneratedRegex(@"^J&F-Mean \S+  J-Mean (\d+\.\d)  J-Recall (\d+\.\d)  ", RegexOptions.Multiline)]
    private static partial Regex Global();

    private static double Percent(Match m, int group) => double.Parse(m.Groups[group].Value, CultureInfo.InvariantCulture) / 100;

    [Fact]
    public async Task Instruction_mode_with_the_colour_segmenter_prints_JF_above_what_any_box_could_score()
    {
        FfmpegTool.Require();
        var ct = TestContext.Current.CancellationToken;
        using var seq = new ReferDavisSequence();
        await using var server = await FakeVlmServer.StartAsync("Qwen2.5-VL-7B-Instruct", ct);
        server.Responder = ScriptedGrounding.Perfect;

        var run = await Task.Run(() => CliRunner.Run("run", "-d", "refer-davis17", "-a", seq.Root, "-o", _out, "--reasoner", "instruction",
            "--model", "Qwen2.5-VL-7B-Instruct", "--vlm-url", server.BaseUrl.ToString(), "--segmenter", "colour", "--image-encoding", "png"), ct);

        run.ExitCode.ShouldBe(0, run.Stdout + run.Stderr);
        var jf = JAndF().Match(run.Stdout);
        jf.Success.ShouldBeTrue(run.Stdout);
        var global = Global().Match(run.Stdout);
        global.Success.ShouldBeTrue(run.Stdout);
        double j = Percent(global, 1);
        // The colour model recovers the discs themselves: better than the best box-shaped mask could do on either disc.
        j.ShouldBeGreaterThan(Math.Max(seq.BestBoxJ(1), seq.BestBoxJ(2)));
        Percent(global, 2).ShouldBe(1.0); // every scored frame of both objects above J = 0.5
        run.Stdout.ShouldContain("balls_1 \"the red ball\": J-Mean ");
        run.Stdout.ShouldContain("balls_2 \"the blue ball\": J-Mean ");
        File.Exists(Path.Combine(_out, "default-instruction", "masks", "balls", "00011.png")).ShouldBeTrue();
        File.Exists(Path.Combine(_out, "default-instruction", "boxes", "balls_1_reasoning.jsonl")).ShouldBeTrue();

        // Resumed: nothing tracked again, no model call, the same figures printed.
        int calls = server.Requests.Count;
        var again = await Task.Run(() => CliRunner.Run("run", "-d", "refer-davis17", "-a", seq.Root, "-o", _out, "--reasoner", "instruction",
            "--model", "Qwen2.5-VL-7B-Instruct", "--vlm-url", server.BaseUrl.ToString(), "--segmenter", "colour", "--image-encoding", "png"), ct);
        again.ExitCode.ShouldBe(0, again.Stderr);
        again.Stdout.ShouldContain("1 already done, 0 to run");
        server.Requests.Count.ShouldBe(calls);
        JAndF().Match(again.Stdout).Value.ShouldBe(jf.Value);
    }

    [Fact]
    public void Options_that_do_not_apply_are_refused_with_exit_code_2()
    {
        using var seq = new ReferDavisSequence();
        var instruction = CliRunner.Run("run", "-d", "refer-davis17", "-a", seq.Root, "-o", _out, "--reasoner", "instruction", "--model", "m", "--instruction", "x", "--segmenter", "box");
        instruction.ExitCode.ShouldBe(2);
        instruction.Stderr.ShouldContain("--instruction does not apply to refer-davis17: each object's expression is its instruction");
        var expressions = CliRunner.Run("run", "-d", "otb", "-a", seq.Root, "-o", _out, "--expressions", "annot2");
        expressions.ExitCode.ShouldBe(2);
        expressions.Stderr.ShouldContain("--expressions only applies to the referring benchmarks");
        File.WriteAllText(Path.Combine(seq.Root, "davis_text_annotations", "Davis17_annot1.txt"), "balls 1 \"the red ball\"\nballs x \"the blue ball\"\n");
        var bad = CliRunner.Run("run", "-d", "refer-davis17", "-a", seq.Root, "-o", _out, "--segmenter", "box");
        bad.ExitCode.ShouldBe(2);
        bad.Stderr.ShouldContain("Davis17_annot1.txt:2: object id 'x' of video balls is not an integer 1..254");
    }
}
