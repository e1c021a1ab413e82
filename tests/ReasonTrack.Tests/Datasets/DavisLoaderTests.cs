using System.Text.Json;
using ReasonTrack.Datasets;
using ReasonTrack.Datasets.Davis;
using ReasonTrack.IO;

namespace ReasonTrack.Tests.Datasets;

/// <summary>The DAVIS 2017 loader on ../shared/golden/davis/inputs (expected values from the golden JSON and README).</summary>
public sealed class DavisLoaderTests
{
    private static string Root => SharedData.Require(Path.Combine("golden", "davis", "inputs", "DAVIS"));

    [Fact]
    public void SequencesFollowTheListOrderWithTheToolkitsObjectCountsAndFrameIds()
    {
        var set = ((IMaskDatasetLoader)DatasetRegistry.Get("davis2017")).LoadMasks(Root);
        using var golden = JsonDocument.Parse(File.ReadAllBytes(SharedData.Require("golden/davis/outputs/near_perfect.json")));
        var expected = golden.RootElement.GetProperty("sequences").EnumerateArray().ToList();
        Assert.Equal("val", set.Set);
        Assert.Equal(expected.Select(s => s.GetProperty("name").GetString()), set.Sequences.Select(s => s.Name));
        for (int i = 0; i < expected.Count; i++)
        {
            var s = set.Sequences[i];
            Assert.Equal(expected[i].GetProperty("num_objects").GetInt32(), s.ObjectCount);
            Assert.Equal(expected[i].GetProperty("width").GetInt32(), s.Width);
            Assert.Equal(expected[i].GetProperty("height").GetInt32(), s.Height);
            Assert.Equal(expected[i].GetProperty("gt_frames").EnumerateArray().Select(x => x.GetString()), s.FrameIds);
        }
    }

    [Fact]
    public void BoxViewHasOneSequencePerObjectKeyedAsTheToolkit()
    {
        var ds = DatasetRegistry.Get("davis2017").Load(Root);
        Assert.Equal("davis2017", ds.DefaultProtocol);
        Assert.Equal(10, ds.Sequences.Count);  // 3 + 2 + 3 + 2 objects (README table)
        Assert.Equal("synth-ellipses_1", ds.Sequences[0].Name);
        // synth-odd id 2 appears from frame 4 (README): absent in frames 0-3.
        var odd2 = ds.Find("synth-odd_2")!;
        Assert.True(odd2.Absent![0] && odd2.Absent[3] && !odd2.Absent[4]);
        Assert.Equal(20, ds.Sequences[0].Frames.Count);
    }

    [Fact]
    public void AMissingSetListIsAnErrorNamingIt()
    {
        var e = Assert.Throws<DataFormatException>(() => new DavisLoader().LoadMasks(Root, new DatasetLoadOptions { Split = "test-dev" }));
        Assert.EndsWith(Path.Combine("ImageSets", "2017", "test-dev.txt"), e.FilePath);
    }
}
