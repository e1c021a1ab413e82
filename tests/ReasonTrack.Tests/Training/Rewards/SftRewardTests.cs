using System.Text.Json;
using System.Text.RegularExpressions;
using ReasonTrack.Reasoning.Parsing;
using ReasonTrack.Training.Rewards;

namespace ReasonTrack.Tests.Training.Rewards;

/// <summary>
/// ReasoningTrack's format and strict rewards on the 997 real SFT outputs, against a second implementation written
/// out here from the seed facts' patterns (not the library's constants). The totals were also established with
/// Python's <c>re</c> (the released code's engine) once, outside the test: format 996, strict 996, strict d yes 699 /
/// no 297, and 103 for format without DOTALL.
/// </summary>
public class SftRewardTests
{
    private const RegexOptions DotAll = RegexOptions.Singleline | RegexOptions.CultureInvariant;

    private static List<(string File, int Index, string Output)> Outputs()
    {
        string dir = SharedData.Require("data/reasoningtrack-sft");
        var list = new List<(string, int, string)>();
        foreach (string f in Directory.GetFiles(dir, "*.json").Order(StringComparer.Ordinal))
        {
            using var doc = JsonDocument.Parse(File.ReadAllText(f));
            int i = 0;
            foreach (var s in doc.RootElement.EnumerateArray()) list.Add((Path.GetFileName(f), i++, s.GetProperty("output").GetString()!));
        }
        return list;
    }

    // The reference: each seed-facts pattern typed out again.
    private static string Normalised(string reply) => Regex.Replace(reply, @"\s*(<|>|/)\s*", "$1");

    private static bool ReferenceFormat(string reply, RegexOptions options)
    {
        string t = Normalised(reply);
        return Regex.IsMatch(t, "<think>.*?</think>", options) && Regex.IsMatch(t, "<answer>.*?</answer>", options) && Regex.IsMatch(t, "<d>.*?</d>", options);
    }

    private static string? ReferenceStrictD(string reply)
    {
        var m = Regex.Match(Normalised(reply), "<think>.*?</think>.*?<d>(.*?)</d>.*?<answer>.*?</answer>", DotAll);
        return m.Success ? m.Groups[1].Value.Trim().ToLowerInvariant() : null;
    }

    [Fact]
    public void Format_and_strict_agree_with_the_reference_on_every_output()
    {
        var outputs = Outputs();
        outputs.Count.ShouldBe(997);
        int format = 0, strict = 0, yes = 0, no = 0, noMatch = 0;
        foreach (var (file, index, output) in outputs)
        {
            var s = ReasoningTrackReward.ScoreText(output);
            bool refFormat = ReferenceFormat(output, DotAll);
            string? refD = ReferenceStrictD(output);
            bool refStrict = refD is "yes" or "no";
            s.Format.ShouldBe(refFormat ? 1 : 0, $"{file}[{index}]");
            s.Strict.ShouldBe(refStrict ? 1 : 0, $"{file}[{index}]");
            s.Decision.ShouldBe(refD, $"{file}[{index}]");
            format += s.Format;
            strict += s.Strict;
            if (refD == "yes") yes++;
            else if (refD == "no") no++;
            else if (refD is null) noMatch++;
        }
        // The same figures Python's re gives.
        (format, strict, yes, no, noMatch).ShouldBe((996, 996, 699, 297, 1));
    }

    [Fact]
    public void Without_dot_matching_newline_most_real_outputs_would_fail_format()
    {
        // Why the rewards use DOTALL: every output has multi-line reasoning. Python's re without DOTALL: 103.
        Outputs().Count(o => ReferenceFormat(o.Output, RegexOptions.CultureInvariant)).ShouldBe(103);
    }

    [Fact]
    public void The_output_without_an_answer_fails_both_and_the_inference_parser_keeps_the_text()
    {
        var found = Outputs().Where(o => !o.Output.Contains("</answer>", StringComparison.Ordinal)).ToList();
        found.Count.ShouldBe(1);
        string output = found[0].Output;

        var s = ReasoningTrackReward.ScoreText(output);
        (s.Format, s.Strict, s.Decision, s.Answer).ShouldBe((0, 0, (string?)null, (string?)null));

        var released = ReasoningTrackReply.Parse(output, ReplyParsing.Released);
        released.D.ShouldBe("yes");
        released.Answer.ShouldBe(ReasoningTrackReply.DefaultAnswer);
        released.Decision("initial text").ShouldBe("initial text");
    }

    [Fact]
    public void The_output_with_d_tags_inside_its_reasoning_is_yes_for_the_reward_and_empty_for_the_tracker()
    {
        // Located by content: its reasoning (before the first </think>) holds both "<d></d>" and "<d>yes</d>".
        var found = Outputs().Where(o =>
        {
            int end = o.Output.IndexOf("</think>", StringComparison.Ordinal);
            string think = end < 0 ? o.Output : o.Output[..end];
            return think.Contains("<d></d>", StringComparison.Ordinal) && think.Contains("<d>yes</d>", StringComparison.Ordinal);
        }).ToList();
        found.Count.ShouldBe(1);
        string output = found[0].Output;

        // The strict reward: first <d> after </think> is the real decision.
        var s = ReasoningTrackReward.ScoreText(output);
        s.Strict.ShouldBe(1);
        s.Decision.ShouldBe("yes");
        s.Answer.ShouldBe("book held lower by a man");

        // The inference parser: first <d> anywhere is the empty one in the reasoning, so no update.
        var released = ReasoningTrackReply.Parse(output, ReplyParsing.Released);
        released.D.ShouldBe("");
        released.WantsUpdate.ShouldBeFalse();
    }

    [Fact]
    public void Reward_and_inference_decisions_differ_exactly_where_the_reasoning_mentions_d_tags_first()
    {
        // Released inference d (first <d> anywhere, trimmed, not lower-cased) against the strict reward's d. They differ
        // on 4 outputs: the one without an answer (no strict match) and 3 whose reasoning has a <d> before the real one
        // that does not close on a yes/no (the empty "<d></d>", and two "<d> tags" mentions).
        var differ = Outputs().Where(o => ReasoningTrackReply.Parse(o.Output, ReplyParsing.Released).D != ReasoningTrackReward.ScoreText(o.Output).Decision).ToList();
        differ.Count.ShouldBe(4);
        differ.Count(o => ReasoningTrackReward.ScoreText(o.Output).Decision is null).ShouldBe(1);
        foreach (var (file, index, output) in differ.Where(o => ReasoningTrackReward.ScoreText(o.Output).Decision is not null))
        {
            int firstD = output.IndexOf("<d>", StringComparison.Ordinal);
            firstD.ShouldBeLessThan(output.IndexOf("</think>", StringComparison.Ordinal), $"{file}[{index}]");
        }
    }
}
