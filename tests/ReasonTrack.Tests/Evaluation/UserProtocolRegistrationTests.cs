using ReasonTrack.Evaluation;
using ReasonTrack.Evaluation.Protocols;

namespace ReasonTrack.Tests.Evaluation;

/// <summary>A protocol registered by user code into the process-wide <see cref="ProtocolRegistry"/> (names unique to this class).</summary>
public class UserProtocolRegistrationTests
{
    private static readonly List<string?> DatasetKeysSeen = [];

    private static readonly Lazy<bool> Registered = new(() =>
    {
        ProtocolRegistry.Register("user-otb-like", datasetKey =>
        {
            lock (DatasetKeysSeen) DatasetKeysSeen.Add(datasetKey);
            return new OtbProtocol();
        }, ["uol"]);
        return true;
    });

    [Fact]
    public void A_registered_user_protocol_is_listed_after_the_built_ins_and_built_per_dataset()
    {
        _ = Registered.Value;
        ProtocolRegistry.Keys.Take(6).ShouldBe(["lasot-matlab", "tnllt-matlab", "tnl2k-matlab", "otb", "pytracking", "got10k"]);
        ProtocolRegistry.Keys.ShouldContain("user-otb-like");
        IEvaluationProtocol a = ProtocolRegistry.Get("UOL", "my-dataset");
        IEvaluationProtocol b = ProtocolRegistry.Get("user-otb-like");
        a.ShouldBeOfType<OtbProtocol>();
        b.ShouldNotBeSameAs(a);
        lock (DatasetKeysSeen) DatasetKeysSeen.ShouldContain("my-dataset");
    }

    [Theory]
    [InlineData("user-otb-like", "user-otb-like")]
    [InlineData("OTB", "otb")]
    [InlineData("uol", "user-otb-like")]
    public void A_key_already_taken_is_refused_naming_both(string key, string holder)
    {
        _ = Registered.Value;
        var e = Should.Throw<ReasonTrackException>(() => ProtocolRegistry.Register(key, _ => new OtbProtocol()));
        e.Message.ShouldContain($"'{key}'");
        e.Message.ShouldContain($"already taken by protocol '{holder}'");
    }

    [Fact]
    public void The_pytracking_protocol_still_gets_the_dataset_key()
    {
        var p = ProtocolRegistry.Get("pytracking", "lasot").ShouldBeOfType<PytrackingProtocol>();
        ProtocolRegistry.Get("pytracking").ShouldBeOfType<PytrackingProtocol>().ShouldNotBeSameAs(p);
    }
}
