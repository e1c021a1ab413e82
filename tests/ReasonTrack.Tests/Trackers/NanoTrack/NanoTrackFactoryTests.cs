using ReasonTrack.Tests.Interop;
using ReasonTrack.Trackers;
using ReasonTrack.Trackers.NanoTrack;

namespace ReasonTrack.Tests.Trackers.NanoTrack;

public sealed class NanoTrackFactoryTests
{
    private static readonly Dictionary<string, string> NoSettings = [];

    [Fact]
    public void NamesAndPublishedDefaults()
    {
        NanoTrackFactory.All.Select(f => f.Name).ShouldBe(["nanotrack-v2", "nanotrack-v3", "nanotrack-v1"]);
        NanoTrackFactory.All[0].Aliases.ShouldBe(["nanotrack"]);
        NanoTrackFactory.All[1].Aliases.ShouldBeEmpty();
        // seed-facts 8 / each version's config.yaml
        var v3 = new NanoTrackFactory(NanoTrackVersion.V3).ParseOptions(NoSettings, new TrackerContext());
        (v3.WindowInfluence, v3.PenaltyK, v3.LearningRate).ShouldBe((0.455, 0.138, 0.348));
        var v2 = new NanoTrackFactory(NanoTrackVersion.V2).ParseOptions(NoSettings, new TrackerContext());
        (v2.WindowInfluence, v2.PenaltyK, v2.LearningRate, v2.Threads, v2.FoundThreshold).ShouldBe((0.490, 0.150, 0.385, 1, 0.3));
    }

    [Fact]
    public void SettingsOverrideAndBadOnesAreNamed()
    {
        var f = new NanoTrackFactory(NanoTrackVersion.V2);
        var o = f.ParseOptions(new Dictionary<string, string> { ["threads"] = "2", ["window-influence"] = "0.4", ["penalty-k"] = "0.2", ["lr"] = "0.3", ["found-threshold"] = "0.5" }, new TrackerContext());
        (o.Threads, o.WindowInfluence, o.PenaltyK, o.LearningRate, o.FoundThreshold).ShouldBe((2, 0.4, 0.2, 0.3, 0.5));
        Should.Throw<InvalidSettingException>(() => f.ParseOptions(new Dictionary<string, string> { ["speed"] = "1" }, new TrackerContext())).Message.ShouldContain("speed");
        Should.Throw<InvalidSettingException>(() => f.ParseOptions(new Dictionary<string, string> { ["lr"] = "x" }, new TrackerContext())).Message.ShouldContain("lr");
        Should.Throw<InvalidSettingException>(() => f.ParseOptions(new Dictionary<string, string> { ["window-influence"] = "1.5" }, new TrackerContext())).Message.ShouldContain("window-influence");
    }

    [Fact]
    public void MissingModelsSayWhereToPutThem()
    {
        string empty = Directory.CreateTempSubdirectory("reasontrack-nomodels-").FullName;
        try
        {
            var e = Should.Throw<FileNotFoundException>(() =>
                new NanoTrackFactory(NanoTrackVersion.V3).Create(NoSettings, new TrackerContext { ModelDirectory = empty }));
            e.Message.ShouldContain(empty);
            e.Message.ShouldContain("nanotrack_backbone");
            e.Message.ShouldContain("REASONTRACK_MODELS");
            e.Message.ShouldContain("nanotrack/v3");
        }
        finally
        {
            Directory.Delete(empty, true);
        }
    }

    [Fact]
    public void CreatesATrackerFromAModelDirectoryHoldingVersionFolders()
    {
        string models = Path.GetDirectoryName(SharedData.Require("models/nanotrack/v3"))!;
        OrtTestSupport.RequireEnvironment().Dispose();
        using var tracker = new NanoTrackFactory(NanoTrackVersion.V3).Create(NoSettings, new TrackerContext { ModelDirectory = models });
        tracker.Name.ShouldBe("nanotrack-v3");
        ((NanoTrackTracker)tracker).ScoreSize.ShouldBe(15); // v3's config: TRACK.OUTPUT_SIZE 15
    }

    [Fact]
    public void ABadLibraryPathInTheContextIsReported()
    {
        SharedData.Require("models/nanotrack/v2");
        var e = Should.Throw<ReasonTrack.Interop.OnnxRuntime.OnnxRuntimeException>(() =>
            new NanoTrackFactory(NanoTrackVersion.V2).Create(NoSettings, new TrackerContext { OnnxRuntimeLibrary = "/nonexistent/libonnxruntime.so.1" }));
        e.Message.ShouldContain("/nonexistent/libonnxruntime.so.1");
        e.Message.ShouldContain("setup.sh");
    }
}
