using System.Text.Json;
using ReasonTrack.Reasoning.Parsing;
using ReasonTrack.Reasoning.Prompts;

namespace ReasonTrack.Tests.Reasoning;

/// <summary>
/// The 997 real SFT samples. Expected counts were established with Python's <c>re</c> (the released parser's own
/// engine), independently of this code: d = yes 698, no 296, something else 3; one output lacks a closed answer.
/// </summary>
public class SftDataTests
{
    private static List<(string File, int Index, string Instruction, string Input, string Output)> Samples()
    {
        string dir = SharedData.Require("data/reasoningtrack-sft");
        var list = new List<(string, int, string, string, string)>();
        foreach (string f in Directory.GetFiles(dir, "*.json").Order(StringComparer.Ordinal))
        {
            using var doc = JsonDocument.Parse(File.ReadAllText(f));
            int i = 0;
            foreach (var s in doc.RootElement.EnumerateArray())
                list.Add((Path.GetFileName(f), i++, s.GetProperty("instruction").GetString()!, s.GetProperty("input").GetString()!, s.GetProperty("output").GetString()!));
        }
        return list;
    }

    [Theory]
    [InlineData(ReplyParsing.Released)]
    [InlineData(ReplyParsing.Tolerant)]
    public void All_outputs_parse_with_the_released_counts(ReplyParsing mode)
    {
        var samples = Samples();
        samples.Count.ShouldBe(997);
        int yes = 0, no = 0, other = 0, noAnswer = 0;
        foreach (var s in samples)
        {
            var r = ReasoningTrackReply.Parse(s.Output, mode);
            if (r.D == "yes") yes++;
            else if (r.D == "no") no++;
            else other++;
            if (r.Report.Has(ParseIssue.TagMissing) || r.Report.Has(ParseIssue.TagUnterminated)) noAnswer++;
            r.Think.ShouldNotBe(ReasoningTrackReply.DefaultThink);
        }
        (yes, no, other, noAnswer).ShouldBe((698, 296, 3, 1));
    }

    [Fact]
    public void Tolerant_parsing_decides_like_the_released_parser_on_every_real_output()
    {
        int updates = 0;
        foreach (var s in Samples())
        {
            string initial = s.Input[ReasoningTrackPrompts.SftImagePlaceholders.Length..];
            var released = ReasoningTrackReply.Parse(s.Output, ReplyParsing.Released);
            var tolerant = ReasoningTrackReply.Parse(s.Output, ReplyParsing.Tolerant);
            tolerant.Decision(initial).ShouldBe(released.Decision(initial), $"{s.File}[{s.Index}]");
            if (released.WantsUpdate) updates++;
        }
        // 698 say yes; the cut-off one has no answer, so 697 replace the description.
        updates.ShouldBe(697);
    }

    [Fact]
    public void Instructions_and_inputs_match_the_prompt_constants()
    {
        // The TNLLT file uses the seed facts' instruction; the four others a multi-line variant that asks for <d>.
        foreach (var s in Samples())
        {
            s.Instruction.ShouldBe(s.File == "sft_dataset_TNLLT.json" ? ReasoningTrackPrompts.SftInstruction : ReasoningTrackPrompts.SftInstructionWithDecision);
            s.Input.ShouldStartWith(ReasoningTrackPrompts.SftImagePlaceholders);
            ReasoningTrackPrompts.SftInput(s.Input[ReasoningTrackPrompts.SftImagePlaceholders.Length..]).ShouldBe(s.Input);
        }
    }

    [Theory]
    [InlineData(ReplyParsing.Released)]
    [InlineData(ReplyParsing.Tolerant)]
    public void An_empty_d_inside_think_wins_over_the_real_yes(ReplyParsing mode)
    {
        // The sample whose reasoning says 'putting "yes" or "no" in <d></d>' before its real <d>yes</d>.
        var s = Samples().Single(x => x.Output.Contains("<d></d>", StringComparison.Ordinal));
        s.Input.ShouldBe("<image><image>book held by a man");
        s.Output.ShouldContain("</think><d>yes</d>");
        var r = ReasoningTrackReply.Parse(s.Output, mode);
        r.D.ShouldBe("");
        r.Answer.ShouldBe("book held lower by a man");
        r.WantsUpdate.ShouldBeFalse();
        r.Decision("book held by a man").ShouldBe("book held by a man");
        r.Report.Has(ParseIssue.DecisionNotYesNo).ShouldBeTrue();
    }

    [Fact]
    public void The_output_cut_before_answer_closes_keeps_the_initial_text()
    {
        var s = Samples().Single(x => !x.Output.Contains("</answer>", StringComparison.Ordinal));
        var released = ReasoningTrackReply.Parse(s.Output, ReplyParsing.Released);
        released.D.ShouldBe("yes");
        released.Answer.ShouldBe(ReasoningTrackReply.DefaultAnswer);
        released.Decision("initial").ShouldBe("initial");
        var tolerant = ReasoningTrackReply.Parse(s.Output);
        tolerant.Decision("initial").ShouldBe("initial");
        tolerant.Report.Outcome.ShouldBe(ParseOutcome.Fallback);
        tolerant.Report.Has(ParseIssue.TagUnterminated).ShouldBeTrue();
    }

    [Fact]
    public void Readme_example_a_ship_keeps_the_text()
    {
        string reply = "<think>Okay, let's see. The initial text is \"a ship\". I need to check if this needs updating based on the two frames provided.\nThe ship is still a ship.</think>\n<d>no</d>\n<answer>a ship</answer>";
        var r = ReasoningTrackReply.Parse(reply);
        r.D.ShouldBe("no");
        r.Answer.ShouldBe("a ship");
        r.Think.ShouldStartWith("Okay, let's see. The initial text is \"a ship\".");
        r.Decision("a ship").ShouldBe("a ship");
        r.WantsUpdate.ShouldBeFalse();
        r.Report.Outcome.ShouldBe(ParseOutcome.Ok);
    }
}
