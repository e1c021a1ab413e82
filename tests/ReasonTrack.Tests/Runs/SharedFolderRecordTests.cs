using ReasonTrack.Datasets;
using ReasonTrack.Runs;

namespace ReasonTrack.Tests.Runs;

/// <summary>
/// Shards into one folder, the race made deterministic (issue 12 item 5): two runners both prepared before either
/// recorded anything (so both found no record, as two shards started at the same moment do), then run one after the
/// other. The first configuration recorded wins; an identical one is accepted and the record left as written.
/// </summary>
public sealed class SharedFolderRecordTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("rt-shardrec-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private RunOptions Shard(string tracker, int index)
    {
        if (!File.Exists("/usr/bin/ffmpeg") && Environment.GetEnvironmentVariable("REASONTRACK_FFMPEG") is null)
            Assert.Skip("ffmpeg not installed (./setup.sh installs it)");
        string root = SharedData.Require("data/sequences");
        var ds = DatasetRegistry.Get("otb").Load(root, new DatasetLoadOptions { Sequences = ["Football1", "KiteSurf"], ListFrames = true });
        return new RunOptions { Dataset = ds, TrackerKey = tracker, OutputDirectory = _dir, ResultName = tracker, ShardIndex = index, ShardCount = 2 };
    }

    [Fact]
    public void Two_shards_that_both_found_no_record_the_second_with_another_configuration_is_refused_before_writing()
    {
        var a = DatasetRunner.Prepare(Shard("default", 0));
        var b = DatasetRunner.Prepare(Shard("identity", 1));
        File.Exists(Path.Combine(_dir, RunConfiguration.FileName)).ShouldBeFalse(); // both prepared over an empty folder

        a.Run().Failures.ShouldBeEmpty();
        var refused = Should.Throw<RunConfigurationMismatchException>(() => b.Run());
        refused.Message.ShouldContain("tracker: \"dcf\" -> \"identity\"");
        refused.Existing!.Tracker.ShouldBe("dcf");
        refused.Requested.Tracker.ShouldBe("identity");
        RunConfiguration.Read(_dir)!.Tracker.ShouldBe("dcf"); // the record was not replaced
        File.Exists(Path.Combine(_dir, "KiteSurf.txt")).ShouldBeFalse(); // the refused shard tracked nothing
        File.Exists(Path.Combine(_dir, "Football1.txt")).ShouldBeTrue();
    }

    [Fact]
    public void An_identical_configuration_recorded_by_another_shard_is_accepted_and_its_record_left_as_written()
    {
        var a = DatasetRunner.Prepare(Shard("default", 0));
        var b = DatasetRunner.Prepare(Shard("default", 1));
        // Another shard (an older ReasonTrack: the version is recorded, not compared) recorded the folder first.
        (a.Configuration with { ReasonTrackVersion = "0.0-other-shard" }).TryCreate(_dir).ShouldBeTrue();
        byte[] recorded = File.ReadAllBytes(Path.Combine(_dir, RunConfiguration.FileName));

        a.Run().Failures.ShouldBeEmpty();
        b.Run().Failures.ShouldBeEmpty();
        File.ReadAllBytes(Path.Combine(_dir, RunConfiguration.FileName)).ShouldBe(recorded);
        File.Exists(Path.Combine(_dir, "Football1.txt")).ShouldBeTrue();
        File.Exists(Path.Combine(_dir, "KiteSurf.txt")).ShouldBeTrue();
    }
}
