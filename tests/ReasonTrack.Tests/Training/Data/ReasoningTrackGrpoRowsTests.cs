using System.Text.Json;
using ReasonTrack.Reasoning.Prompts;
using ReasonTrack.Tests.Datasets;
using ReasonTrack.Training.Data;

namespace ReasonTrack.Tests.Training.Data;

/// <summary>
/// Issue 11 item 10: the released GRPO rows hold prefix + description in <c>problem</c>; the format-prompt template
/// (<c>ReasoningTrack/Reinforcement Learning/examples/format_prompt/LTracking_format.jinja</c>, selected by
/// <c>examples/config.yaml</c> <c>data.format_prompt</c>) adds one space and the system prompt; the reward reads
/// <c>problem[88:]</c> as the description (<c>examples/reward_function/track.py</c> ~138, 162).
/// </summary>
public class ReasoningTrackGrpoRowsTests
{
    // Typed from the seed facts (section 2 / 9.1), not from our constants.
    private const string Prefix = "<image><image>response based on the system prompts, the initial language description is ";

    [Fact]
    public void Problem_is_the_prefix_and_the_description_only()
    {
        const string description = "the wooden ship on the river";
        string problem = ReasoningTrackPrompts.GrpoProblem(description);
        problem.ShouldBe(Prefix + "the wooden ship on the river");
        problem[88..].ShouldBe(description);
        problem.ShouldNotContain("You are a visual tracking assistant");
    }

    [Fact]
    public void The_template_written_beside_the_rows_renders_prefix_description_space_system_prompt()
    {
        using var tmp = new TempTree();
        var ds = SyntheticVideos.Create(2, 20);
        TrainingSetBuilder.Build(new MakeDataOptions { Recipe = TrainingRecipe.ReasoningTrack, Seed = 3, PairsPerVideo = 2, Interval = 7 }, new MakeDataRun
        {
            Dataset = ds, OutputFolder = tmp.Root, LoadFrames = SyntheticVideos.Loader(ds), Cancellation = TestContext.Current.CancellationToken,
        });

        string template = File.ReadAllText(Path.Combine(tmp.Root, "LTracking_format.jinja"));
        // The released file is one line without a final newline: "{{ content | trim }} " + the system prompt.
        template.ShouldBe("{{ content | trim }} " + ReasoningTrackPrompts.SystemPrompt);
        var rows = ParquetTable.RowsAsJson(Path.Combine(tmp.Root, "train.parquet")); // easyr1 (the default) is Parquet
        rows.Count.ShouldBe(4);
        foreach (var row in rows)
        {
            string problem = row.GetProperty("problem").GetString()!;
            problem.ShouldBe(Prefix + "a white box");
            problem[88..].ShouldBe("a white box");
            // Rendering as Jinja2 does: the one expression replaced by the value with Python's strip().
            string rendered = template.Replace("{{ content | trim }}", problem.Trim(), StringComparison.Ordinal);
            rendered.ShouldBe(Prefix + "a white box " + ReasoningTrackPrompts.SystemPrompt);
            ReasoningTrackFormatPrompt.Render(problem).ShouldBe(rendered);
        }
    }
}
