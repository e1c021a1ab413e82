using ReasonTrack.Datasets;
using ReasonTrack.Reasoning.Modes;
using ReasonTrack.Reasoning.Scheduling;
using ReasonTrack.Runs;

namespace ReasonTrack.Tests.Runs;

/// <summary>The configuration record and the model-failure policy, without the CLI.</summary>
public sealed class RunConfigurationRecordTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("rt-runrec-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private RunOptions Options(string tracker = "default", ReasoningSetupOptions? setup = null, params (string, string)[] settings) => new()
    {
        Dataset = new Dataset("otb", "OTB", _dir, []),
        TrackerKey = tracker,
        Settings = settings.ToDictionary(s => s.Item1, s => s.Item2),
        OutputDirectory = _dir,
        ResultName = "x",
        Reasoning = setup is null ? null : new RunReasoning(setup, null!, null, false),
    };

    [Fact]
    public void Aliases_and_setting_spellings_resolve_to_one_configuration_and_the_record_round_trips()
    {
        var a = RunConfiguration.For(Options("default", null, ("found-threshold", "0.4")), null);
        var b = RunConfiguration.For(Options("dcf"), null);
        a.Differences(b).ShouldBeEmpty(); // alias "default" = dcf; found-threshold=0.4 is the default spelled differently
        a.Write(_dir);
        RunConfiguration.Read(_dir)!.Differences(a).ShouldBeEmpty();
        File.ReadAllText(Path.Combine(_dir, RunConfiguration.FileName)).ShouldNotContain("url");
    }

    [Fact]
    public void Reasoning_choices_are_part_of_the_configuration()
    {
        var setup = new ReasoningSetupOptions { Kind = ReasonerKind.ReasoningTrack, Model = "ReasoningTrack-3B" };
        var sync = RunConfiguration.For(Options(setup: setup), null);
        var realtime = RunConfiguration.For(Options(setup: setup with { Schedule = ScheduleMode.Realtime, Model = "ReasoningTrack-7B" }), null);
        sync.Differences(realtime).ShouldBe(["model: \"ReasoningTrack-3B\" -> \"ReasoningTrack-7B\"", "schedule: \"sync\" -> \"realtime\""]);
        RunConfiguration.For(Options(), null).Differences(sync).ShouldContain(d => d.StartsWith("reasoner: (none) -> \"reasoningtrack\"", StringComparison.Ordinal));
    }

    [Fact]
    public void The_r1track_border_rule_is_recorded_so_results_made_under_the_other_rule_are_not_resumed_over()
    {
        var setup = new ReasoningSetupOptions { Kind = ReasonerKind.R1Track, Model = "R1-Track-3B" };
        var released = RunConfiguration.For(Options(setup: setup), null);
        released.RejectBorderBoxes.ShouldBe(false);
        var pre0680 = RunConfiguration.For(Options(setup: setup with { RejectBorderBoxes = true }), null);
        released.Differences(pre0680).ShouldBe(["reject_border_boxes: false -> true"]);
        // Other modes have no border rule to record.
        RunConfiguration.For(Options(setup: setup with { Kind = ReasonerKind.VpTracker }), null).RejectBorderBoxes.ShouldBeNull();
    }

    [Theory]
    [InlineData(0, 0, false)] // no calls: nothing to judge
    [InlineData(0, 3, true)] // never answered
    [InlineData(1, 1, false)] // half: not more than half
    [InlineData(2, 3, true)] // 60 %
    [InlineData(9, 1, false)]
    public void The_default_policy_fails_a_sequence_the_model_never_answered_or_mostly_failed(int answered, int errors, bool failed)
    {
        (VlmFailurePolicy.Default.Judge(new ReasoningCallCounts(answered, errors)) is not null).ShouldBe(failed);
        new VlmFailurePolicy { Allow = true }.Judge(new ReasoningCallCounts(answered, errors)).ShouldBeNull();
    }
}
