using ReasonTrack.Cli.Commands;
using ReasonTrack.Reasoning.Modes;

namespace ReasonTrack.Tests.Cli;

/// <summary>
/// Issue 12 item 6: the library's messages name option properties, never CLI flags; the CLI rewrites them into its
/// flags before printing. Expected CLI texts are the flags this CLI defines (src/ReasonTrack.Cli), written by hand.
/// </summary>
public class CliVocabularyTests
{
    private static string LibraryMessage(ReasonerKind kind, bool hasBox, string? description, string? instruction = null) =>
        Should.Throw<ReasonTrackException>(() => ReasoningSetup.Validate(
            new ReasoningSetupOptions { Kind = kind, Model = "m", Instruction = instruction }, hasBox, description)).Message;

    [Theory]
    [InlineData(ReasonerKind.ReasoningTrack, true, "ReasoningSetupOptions.Kind = ReasoningTrack", "--reasoner reasoningtrack refines a description: give --text (or use a dataset with a language file)")]
    [InlineData(ReasonerKind.VpTracker, true, "ReasoningSetupOptions.Kind = VpTracker", "--reasoner vptracker needs the target's description: give --text")]
    [InlineData(ReasonerKind.Hybrid, true, "ReasoningSetupOptions.Kind = Hybrid", "--reasoner hybrid re-localizes with VPTracker")]
    [InlineData(ReasonerKind.Instruction, true, "ReasoningSetupOptions.Instruction", "--reasoner instruction needs --instruction \"...\"")]
    [InlineData(ReasonerKind.R1Track, false, "give an initial box, or a target description", "no initial box: give --init x,y,w,h, or --text")]
    public void Reasoning_setup_messages_name_properties_and_the_cli_names_flags(ReasonerKind kind, bool hasBox, string library, string cli)
    {
        string message = LibraryMessage(kind, hasBox, description: null);
        message.ShouldContain(library);
        message.ShouldNotContain("--");
        CliVocabulary.ForCli(message).ShouldContain(cli);
    }

    [Theory]
    [InlineData("no results to evaluate: give at least one results folder", "no results to evaluate: give at least one --results folder")]
    [InlineData("(the official toolkits stop on a missing file; set EvaluationOptions.Missing = SkipSequence to evaluate only the sequences every tracker has)",
        "(the official toolkits stop on a missing file; use --allow-missing to evaluate only the sequences every tracker has)")]
    [InlineData("use MakeDataOptions.Format = easyr1 (or easyr1-jsonl), or MakeDataOptions.Prompt = Current|Legacy5k for supervised formats",
        "use --format easyr1 (or easyr1-jsonl), or --prompt current|5k for supervised formats")]
    [InlineData("the reasoningtrack-judge reward needs a localizer (RewardScorerOptions.Localizer)", "the reasoningtrack-judge reward needs a localizer (a VLM: --vlm-url and --model)")]
    [InlineData("VlmClientOptions.BaseUrl must be an absolute http(s) address ending in /v1, got x", "--vlm-url must be an absolute http(s) address ending in /v1, got x")]
    [InlineData("an unrelated message keeps its words", "an unrelated message keeps its words")]
    [InlineData("ReasoningSetupOptions.Kind = NoSuchKind stays", "ReasoningSetupOptions.Kind = NoSuchKind stays")]
    public void The_cli_rewrites_library_vocabulary_into_flags(string library, string cli) =>
        CliVocabulary.ForCli(library).ShouldBe(cli);

    [Fact]
    public void A_session_without_a_box_or_a_grounder_names_what_to_give()
    {
        string library = "no initial box and nothing to ground the target with: give an initial box, a target description or ReasoningSetupOptions.Instruction";
        CliVocabulary.ForCli(library).ShouldBe("no initial box and nothing to ground the target with: give --init, --text or --instruction");
    }
}
