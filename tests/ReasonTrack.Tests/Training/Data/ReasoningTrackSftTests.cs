using System.Text.Json;
using ReasonTrack.Reasoning.Prompts;
using ReasonTrack.Reasoning.Vlm;
using ReasonTrack.Tests.Datasets;
using ReasonTrack.Tests.Reasoning;
using ReasonTrack.Training.Data;

namespace ReasonTrack.Tests.Training.Data;

/// <summary>
/// ReasoningTrack SFT rows through a real HTTP teacher (the scripted OpenAI-compatible server and the library's
/// client): what the teacher is asked, the alpaca layout of accepted replies, and that rejected replies stay out.
/// </summary>
public class ReasoningTrackSftTests
{
    [Fact]
    public async Task Accepted_teacher_replies_become_alpaca_rows_and_rejected_ones_are_skipped()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var server = await FakeVlmServer.StartAsync("teacher-7b", ct);
        const string yes = "<think>The box moved left.</think><d>yes</d> <answer>a white box on the left</answer>";
        const string no = "<think>Same.</think><d>no</d><answer>a white box</answer>";
        // Rejected: no tags at all (format 0), and all three tags but answer before d (format 1, strict 0).
        const string outOfOrder = "<think>Same.</think><answer>a white box</answer><d>no</d>";
        server.Enqueue(FakeReply.Text(yes), FakeReply.Text("I think it is a box."), FakeReply.Text(no), FakeReply.Text(outOfOrder));
        using var client = new OpenAiCompatibleChatClient(new VlmClientOptions { BaseUrl = server.BaseUrl, Model = "teacher-7b", MaxRetries = 0 });
        using var tmp = new TempTree();
        var ds = SyntheticVideos.Create(2, 30);
        var options = new MakeDataOptions
        {
            Recipe = TrainingRecipe.ReasoningTrack, Rows = ReasoningTrackRows.Sft, Teacher = "teacher-7b", Interval = 5, PairsPerVideo = 2,
            Format = "llamafactory-alpaca", Seed = 1,
        };
        var result = TrainingSetBuilder.Build(options, new MakeDataRun
        {
            Dataset = ds, OutputFolder = tmp.Root, LoadFrames = SyntheticVideos.Loader(ds), Cancellation = ct,
            Teacher = new TeacherModel(client, new StrictFormatReplyCheck()),
        });

        result.Failures.ShouldBeEmpty();
        server.Requests.Count.ShouldBe(4);
        result.Summary.Pairs.ShouldBe(2);
        result.Summary.Skipped.Sum(r => r.Count).ShouldBe(2);
        result.Summary.Skipped.ShouldAllBe(r => r.Reason.StartsWith("pair: teacher reply rejected by reasoningtrack-strict", StringComparison.Ordinal));
        result.Summary.DecisionYes.ShouldBe(1);
        result.Summary.DecisionNo.ShouldBe(1);

        // The teacher sees what the student will: both frames, then the SFT instruction and the description.
        var request = server.Requests[0].Root;
        request.TryGetProperty("temperature", out _).ShouldBeFalse();
        var parts = request.GetProperty("messages")[0].GetProperty("content").EnumerateArray().ToList();
        parts.Select(p => p.GetProperty("type").GetString()).ShouldBe(["image_url", "image_url", "text"]);
        parts[2].GetProperty("text").GetString().ShouldBe(ReasoningTrackPrompts.SftInstructionWithDecision + "\na white box"); // the default instruction
        server.Requests[0].Images().ShouldAllBe(i => i.Header!.Value.Width == SyntheticVideos.Size.Width);

        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(tmp.Root, "train.json")));
        var rows = doc.RootElement.EnumerateArray().ToList();
        rows.Count.ShouldBe(2);
        rows[0].GetProperty("instruction").GetString().ShouldBe(ReasoningTrackPrompts.SftInstructionWithDecision);
        rows[0].GetProperty("input").GetString().ShouldBe("<image><image>a white box");
        rows.Select(r => r.GetProperty("output").GetString()).ShouldBe([yes, no]);
        rows[0].GetProperty("images").GetArrayLength().ShouldBe(2);
        File.ReadAllText(Path.Combine(tmp.Root, "make-data.json")).ShouldContain("\"teacher\": \"teacher-7b\"");
    }

    /// <summary>
    /// Issue 11 item 12: both released instructions, the multi-line one with &lt;d&gt; by default (797 of the 997
    /// released rows), each exactly the text the released rows carry (read from the shared copy of the released files).
    /// </summary>
    [Theory]
    [InlineData(null, "sft_dataset_GOT-10k.json")]
    [InlineData(ReasoningTrackSftInstruction.MultiLine, "sft_dataset_lasot.json")]
    [InlineData(ReasoningTrackSftInstruction.OneLine, "sft_dataset_TNLLT.json")]
    public async Task The_rows_carry_the_instruction_of_the_released_rows(ReasoningTrackSftInstruction? choice, string releasedFile)
    {
        var ct = TestContext.Current.CancellationToken;
        string sftDir = SharedData.Require("data/reasoningtrack-sft");
        var released = Directory.GetFiles(sftDir, "sft_dataset_*.json").ToDictionary(f => Path.GetFileName(f), f =>
            JsonDocument.Parse(File.ReadAllText(f)).RootElement.EnumerateArray().Select(e => e.GetProperty("instruction").GetString()!).ToList());
        string expected = released[releasedFile].Distinct().ShouldHaveSingleItem();
        // The default is the majority's: every released row outside the TNLLT file carries it.
        string majority = released.Where(kv => kv.Key != "sft_dataset_TNLLT.json").SelectMany(kv => kv.Value).Distinct().ShouldHaveSingleItem();
        released.Where(kv => kv.Key != "sft_dataset_TNLLT.json").Sum(kv => kv.Value.Count).ShouldBe(797);
        released["sft_dataset_TNLLT.json"].Count.ShouldBe(200);
        if (choice is null) expected.ShouldBe(majority);

        await using var server = await FakeVlmServer.StartAsync("teacher-7b", ct);
        server.DefaultReply = FakeReply.Text("<think>Same.</think><d>no</d><answer>a white box</answer>");
        using var client = new OpenAiCompatibleChatClient(new VlmClientOptions { BaseUrl = server.BaseUrl, Model = "teacher-7b", MaxRetries = 0 });
        using var tmp = new TempTree();
        var ds = SyntheticVideos.Create(1, 30);
        var options = new MakeDataOptions
        {
            Recipe = TrainingRecipe.ReasoningTrack, Rows = ReasoningTrackRows.Sft, Teacher = "teacher-7b", Interval = 5, PairsPerVideo = 1,
            Format = "llamafactory-alpaca", Seed = 1, SftInstruction = choice,
        };
        TrainingSetBuilder.Build(options, new MakeDataRun
        {
            Dataset = ds, OutputFolder = tmp.Root, LoadFrames = SyntheticVideos.Loader(ds), Cancellation = ct,
            Teacher = new TeacherModel(client, new StrictFormatReplyCheck()),
        }).Failures.ShouldBeEmpty();

        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(tmp.Root, "train.json")));
        doc.RootElement.EnumerateArray().Single().GetProperty("instruction").GetString().ShouldBe(expected);
        server.Requests.Single().Root.GetProperty("messages")[0].GetProperty("content")[2].GetProperty("text").GetString().ShouldBe(expected + "\na white box");
    }

    [Fact]
    public void Sft_rows_without_a_teacher_are_refused()
    {
        var options = new MakeDataOptions { Recipe = TrainingRecipe.ReasoningTrack, Rows = ReasoningTrackRows.Sft };
        Should.Throw<ReasonTrackException>(() => new ReasoningTrackSampler(options)).Message.ShouldContain("teacher");
    }
}
