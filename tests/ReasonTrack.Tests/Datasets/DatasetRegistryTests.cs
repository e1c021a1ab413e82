using ReasonTrack.Datasets;
using ReasonTrack.Datasets.Got10k;
using ReasonTrack.Datasets.Vot;

namespace ReasonTrack.Tests.Datasets;

public class DatasetRegistryTests
{
    [Fact]
    public void All_holds_one_loader_per_key()
    {
        DatasetRegistry.All.Select(l => l.Key).Take(7).ShouldBe(["lasot", "tnllt", "tnl2k", "otb", "got10k-val", "vot", "folder"]);
        DatasetRegistry.All.ShouldAllBe(l => !string.IsNullOrWhiteSpace(l.Description));
    }

    [Theory]
    [InlineData("lasot")]
    [InlineData("LaSOT")]
    [InlineData("TNL2K")]
    [InlineData("got10k-val")]
    [InlineData("GOT10K")]
    public void Get_is_case_insensitive_and_knows_the_got10k_alias(string key)
    {
        var loader = DatasetRegistry.Get(key);
        loader.Key.ShouldBe(key.Equals("got10k", StringComparison.OrdinalIgnoreCase) ? "got10k-val" : key.ToLowerInvariant());
        if (key.StartsWith("got", StringComparison.OrdinalIgnoreCase)) loader.ShouldBeOfType<Got10kLoader>();
    }

    [Fact]
    public void An_unknown_key_lists_the_valid_ones()
    {
        var e = Should.Throw<InvalidSettingException>(() => DatasetRegistry.Get("lasott"));
        e.Message.ShouldContain("lasott");
        foreach (var l in DatasetRegistry.All) e.Message.ShouldContain(l.Key);
    }

    [Theory]
    [InlineData("Car4", "otb")]
    [InlineData("Couple", "otb")]
    [InlineData("Crossing", "otb")]
    [InlineData("Diving", "otb")]
    [InlineData("Dog", "otb")]
    [InlineData("Football1", "otb")]
    [InlineData("KiteSurf", "otb")]
    [InlineData("uav_wakeboard7", "otb")]
    [InlineData("bag", "vot")]
    [InlineData("votlt_yamaha_first530", "vot")]
    public void Each_real_sequence_loads_through_its_loader(string name, string key)
    {
        string folder = SharedData.Require(Path.Combine("data/sequences", name));
        var s = DatasetRegistry.Get(key).Load(folder).Sequences.Single();
        string[] frames = File.ReadAllLines(Path.Combine(folder, "frames.txt")).Where(l => l.Trim().Length > 0).ToArray();
        s.Name.ShouldBe(name);
        s.Length.ShouldBe(frames.Length);
        s.Frames.Select(Path.GetFileName).ShouldBe(frames);
        File.Exists(s.Frames[^1]).ShouldBeTrue();
        if (key == "vot") DatasetRegistry.Get(key).ShouldBeOfType<VotLoader>();
    }
}
