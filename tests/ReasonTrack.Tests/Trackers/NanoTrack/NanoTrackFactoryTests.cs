using ReasonTrack.Onnx;
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
    public void LongTermSettingsApplyOnlyToOurs()
    {
        var f = new NanoTrackFactory(NanoTrackVersion.V2);
        f.ParseOptions(NoSettings, new TrackerContext()).LongTerm.ShouldBeNull("released is the default");
        var o = f.ParseOptions(new Dictionary<string, string> { ["long-term"] = "ours", ["reacquire-margin"] = "0.25", ["local-gate"] = "0.4" }, new TrackerContext());
        o.LongTerm!.ReacquireMargin.ShouldBe(0.25);
        o.LongTerm.LocalGate.ShouldBe(0.4);
        var e = Should.Throw<InvalidSettingException>(() => f.ParseOptions(new Dictionary<string, string> { ["local-gate"] = "0.4" }, new TrackerContext()));
        e.Message.ShouldContain("'local-gate' applies only with long-term=ours");
        Should.Throw<InvalidSettingException>(() => f.ParseOptions(new Dictionary<string, string> { ["long-term"] = "ours", ["reacquire-margin"] = "2" }, new TrackerContext()))
            .Message.ShouldContain("reacquire-margin");
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
        using var tracker = new NanoTrackFactory(NanoTrackVersion.V3).Create(NoSettings, new TrackerContext { ModelDirectory = models });
        tracker.Name.ShouldBe("nanotrack-v3");
        ((NanoTrackTracker)tracker).ScoreSize.ShouldBe(15); // v3's config: TRACK.OUTPUT_SIZE 15
    }

    [Theory]
    [InlineData("cpu", OnnxDeviceKind.Cpu, 0)]
    [InlineData("cuda", OnnxDeviceKind.Cuda, 0)]
    [InlineData("cuda:1", OnnxDeviceKind.Cuda, 1)]
    [InlineData("CUDA:12", OnnxDeviceKind.Cuda, 12)]
    public void DeviceSettingIsParsed(string value, OnnxDeviceKind kind, int index)
    {
        var o = new NanoTrackFactory(NanoTrackVersion.V2).ParseOptions(new Dictionary<string, string> { ["device"] = value }, new TrackerContext());
        o.Device.ShouldBe(new OnnxDevice(kind, index));
    }

    [Fact]
    public void DeviceDefaultsToTheCpu()
    {
        new NanoTrackFactory(NanoTrackVersion.V3).ParseOptions(NoSettings, new TrackerContext()).Device.ShouldBe(OnnxDevice.Cpu);
        new NanoTrackFactory(NanoTrackVersion.V2).Settings.Single(s => s.Name == "device").Default.ShouldBe("cpu");
    }

    [Theory]
    [InlineData("gpu")]
    [InlineData("cuda:")]
    [InlineData("cuda:-1")]
    [InlineData("cuda:x")]
    [InlineData("cuda:1:2")]
    [InlineData(" cuda")]
    [InlineData("cuda:99999999999")]
    [InlineData("")]
    public void BadDeviceValuesAreInvalidSettingsNamingTheSetting(string value)
    {
        var e = Should.Throw<InvalidSettingException>(() =>
            new NanoTrackFactory(NanoTrackVersion.V2).ParseOptions(new Dictionary<string, string> { ["device"] = value }, new TrackerContext()));
        e.Message.ShouldContain("nanotrack-v2");
        e.Message.ShouldContain("'device'");
        e.Message.ShouldContain($"'{value}'");
        e.Message.ShouldContain("cuda:N");
    }

    [Fact]
    public void CudaOnThisCpuBuildFailsNamingTheBuildFlavourAndNeverRunsOnTheCpu()
    {
        // This checkout builds the CPU package (OnnxRuntimeFlavor=cpu, the default): asking for CUDA must fail when
        // the tracker is created, with one error naming the build flavour and the GPU package, not give a tracker
        // that quietly runs on the CPU.
        SharedData.Require("models/nanotrack/v2");
        if (OnnxSessionFactory.BuildFlavor != "cpu") Assert.Skip("this test is about the CPU build; this build is " + OnnxSessionFactory.BuildFlavor);
        var e = Should.Throw<OnnxDeviceUnavailableException>(() =>
            new NanoTrackFactory(NanoTrackVersion.V2).Create(new Dictionary<string, string> { ["device"] = "cuda:0" }, new TrackerContext()));
        e.Missing.ShouldBe(OnnxMissingComponent.GpuBuild);
        e.Device.ShouldBe(OnnxDevice.Cuda(0));
        e.Message.ShouldContain("cuda:0");
        e.Message.ShouldContain("OnnxRuntimeFlavor=cpu");
        e.Message.ShouldContain("Microsoft.ML.OnnxRuntime.Gpu.Linux");
        e.Message.ShouldContain("CUDA 13");
        e.Message.ShouldContain("Nothing was run on the CPU instead");
    }
}
