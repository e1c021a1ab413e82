using ReasonTrack.Geometry;
using ReasonTrack.Media;
using ReasonTrack.Reasoning.Crops;
using ReasonTrack.Reasoning.Prompts;

namespace ReasonTrack.Tests.Reasoning;

public class PromptTextTests
{
    private static void ShouldBeSameText(string actual, string expected)
    {
        // Report the first differing character, which is what a typo looks like.
        int n = Math.Min(actual.Length, expected.Length), i = 0;
        while (i < n && actual[i] == expected[i]) i++;
        if (i < n || actual.Length != expected.Length)
            Assert.Fail($"texts differ at {i} (lengths {actual.Length} vs {expected.Length}): ours '{Ctx(actual, i)}' vs reference '{Ctx(expected, i)}'");
    }

    private static string Ctx(string s, int i) => s.Substring(Math.Max(0, i - 20), Math.Min(s.Length, i + 20) - Math.Max(0, i - 20)).Replace("\n", "\\n");

    [Fact]
    public void ReasoningTrack_system_prompt_is_the_reference_text() =>
        ShouldBeSameText(ReasoningTrackPrompts.SystemPrompt, SeedFacts.BlockAfter("System prompt (exact):"));

    [Fact]
    public void ReasoningTrack_sft_instruction_is_the_reference_text() =>
        ShouldBeSameText(ReasoningTrackPrompts.SftInstruction, SeedFacts.BlockAfter("Instruction used for SFT (exact):"));

    [Fact]
    public void Grpo_prefix_is_the_reference_text_and_88_characters()
    {
        ReasoningTrackPrompts.GrpoProblemPrefix.Length.ShouldBe(88);
        ShouldBeSameText(ReasoningTrackPrompts.GrpoProblemPrefix, SeedFacts.Between("user turn = `", "`"));
        ReasoningTrackPrompts.GrpoProblem("a ship").ShouldBe(ReasoningTrackPrompts.GrpoProblemPrefix + "a ship"); // the template adds the system prompt
    }

    [Fact]
    public void R1Track_prompts_are_the_reference_texts_with_real_newlines()
    {
        ShouldBeSameText(R1TrackPrompts.InferencePrompt, SeedFacts.Unescape(SeedFacts.BlockAfter("Inference prompt (exact;")));
        ShouldBeSameText(R1TrackPrompts.ThinkPrefix, SeedFacts.Unescape(SeedFacts.BlockAfter("Think mode prepends")));
        ShouldBeSameText(R1TrackPrompts.LegacyPrompt5k, SeedFacts.Between("Older 5k models: `", "`"));
        ShouldBeSameText(R1TrackPrompts.GroundingPromptTemplate, SeedFacts.Between("Text init prompt: `", "`"));
        R1TrackPrompts.InferencePrompt.Count(c => c == '\n').ShouldBe(3);
        R1TrackPrompts.InferencePrompt.ShouldNotContain("\\n");
    }

    [Fact]
    public void VpTracker_prompt_is_the_reference_text_with_real_newlines()
    {
        ShouldBeSameText(VpTrackerPrompts.InferencePromptTemplate, SeedFacts.Unescape(SeedFacts.BlockAfter("Prompt at inference (exact;")));
        VpTrackerPrompts.Prompt("the red car").ShouldContain("<ref>the red car</ref>.\n\nThen");
    }

    [Fact]
    public void R1Track_prompt_writes_the_truncated_template_box_without_spaces()
    {
        var box = new BoxXyxy(126.9, 126.2, 210.99, 210.0);
        string p = R1TrackPrompts.Prompt(box, think: false);
        p.ShouldContain("marked by bounding box [126,126,210,210] in <image_1>");
        p.ShouldNotContain(R1TrackPrompts.BoxFlag);
        string t = R1TrackPrompts.Prompt(box, think: true);
        t.ShouldBe(R1TrackPrompts.ThinkPrefix + " " + p);
        t.ShouldStartWith("You FIRST think");
        R1TrackPrompts.Prompt(box, think: false, legacy5k: true)
            .ShouldBe("Please identify the target specified by the bounding box [126,126,210,210] in the first image and locate it in the second image. Return the coordinates in [x_min,y_min,x_max,y_max] format.");
        R1TrackPrompts.GroundingPrompt("the wooden ship").ShouldBe("Please return the coordinates of the wooden ship in JSON format.");
    }

    [Fact]
    public void Requests_carry_parts_in_the_released_order_and_sampling()
    {
        using var a = new ImageFrame(8, 8, PixelFormat.Rgb24);
        using var b = new ImageFrame(8, 8, PixelFormat.Rgb24);
        var rt = ReasoningTrackPrompts.Build(a, b, "a ship");
        rt.System.ShouldBe(ReasoningTrackPrompts.SystemPrompt);
        rt.User.Count.ShouldBe(3);
        rt.User[0].Image.ShouldBeSameAs(a);
        rt.User[1].Image.ShouldBeSameAs(b);
        rt.User[2].Text.ShouldBe("a ship");
        rt.Sampling.ShouldBe(new SamplingParameters(null, null, null, null));

        var template = new TargetCrop(a, new CropMapping(0, 0, 8, 8), new BoxXyxy(1, 2, 3, 4));
        var r1 = R1TrackPrompts.Build(template, b, think: false);
        r1.System.ShouldBeNull();
        r1.User[0].Image.ShouldBeSameAs(a);
        r1.User[1].Image.ShouldBeSameAs(b);
        r1.User[2].Text!.ShouldContain("[1,2,3,4]");
        r1.Sampling.ShouldBe(new SamplingParameters(0, 0.5, 20, 512));

        // R1-Track and ReasoningTrack send [image, image, text] as released (R1-Track's text keeps its literal
        // "<image> <image>" start: infer_script/r1track.py sends self.prompt verbatim after the two image_url parts).
        r1.User.Select(p => p.IsImage).ShouldBe([true, true, false]);
        r1.User[2].Text!.ShouldStartWith("<image> <image>Given two images");
        // VPTracker: each image in place of its <image> tag (issue 11 item 2).
        var vp = VpTrackerPrompts.Build(a, b, "x");
        vp.User.Select(p => p.IsImage).ShouldBe([false, true, false, true, false]);
        vp.User[1].Image.ShouldBeSameAs(a);
        vp.User[3].Image.ShouldBeSameAs(b);
        vp.Sampling.ShouldBe(new SamplingParameters(Temperature: 0, MaxTokens: 1024));
    }

    [Fact]
    public void Instruction_prompt_asks_for_the_grounding_format_our_parser_reads()
    {
        string p = InstructionPrompts.GroundingPrompt("who will win the race?");
        p.ShouldContain("Instruction: who will win the race?\n");
        p.ShouldContain("\"bbox_2d\"");
        // The example in the prompt is itself readable by the parser once numbers are filled in.
        var example = p[p.IndexOf("```json", StringComparison.Ordinal)..].Replace("x1, y1, x2, y2", "1, 2, 3, 4");
        ReasonTrack.Reasoning.Parsing.GroundingReply.Parse(example).First!.Value.Box.ShouldBe(new BoxXyxy(1, 2, 3, 4));
    }

    [Fact]
    public void Vp_results_are_written_with_comma_and_space() =>
        VpTrackerPrompts.FormatResult(new Box(1.5, 2, 30, 40.25)).ShouldBe("1.5, 2, 30, 40.25");
}
