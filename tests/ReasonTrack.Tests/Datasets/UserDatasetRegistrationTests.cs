using ReasonTrack.Datasets;

namespace ReasonTrack.Tests.Datasets;

/// <summary>A loader written by user code, registered into the process-wide <see cref="DatasetRegistry"/> (names unique to this class).</summary>
public class UserDatasetRegistrationTests
{
    private sealed class EmptyLoader(string key) : IDatasetLoader
    {
        public string Key => key;
        public string Description => "test loader: no sequences";
        public Dataset Load(string root, DatasetLoadOptions? options = null) => new(key, "User dataset", root, []);
    }

    private static readonly Lazy<bool> Registered = new(() =>
    {
        DatasetRegistry.Register(new EmptyLoader("user-empty-dataset"), ["ued"]);
        return true;
    });

    [Fact]
    public void A_registered_user_loader_is_listed_after_the_built_ins_and_loads_by_key_or_alias()
    {
        _ = Registered.Value;
        var keys = DatasetRegistry.All.Select(l => l.Key).ToList();
        keys.Take(7).ShouldBe(["lasot", "tnllt", "tnl2k", "otb", "got10k-val", "vot", "folder"]);
        keys.ShouldContain("user-empty-dataset");
        DatasetRegistry.Get("UED").Load("/nowhere").Key.ShouldBe("user-empty-dataset");
        DatasetRegistry.Get("User-Empty-Dataset").ShouldBeOfType<EmptyLoader>();
    }

    [Theory]
    [InlineData("user-empty-dataset", "user-empty-dataset")]
    [InlineData("lasot", "lasot")]
    [InlineData("GOT10K", "got10k-val")]
    public void A_key_already_taken_is_refused_naming_both(string key, string holder)
    {
        _ = Registered.Value;
        var e = Should.Throw<ReasonTrackException>(() => DatasetRegistry.Register(new EmptyLoader(key)));
        e.Message.ShouldContain($"'{key}'");
        e.Message.ShouldContain($"already taken by dataset '{holder}'");
    }
}
