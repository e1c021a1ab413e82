using ReasonTrack.Naming;

namespace ReasonTrack.Tests.Naming;

public class RegistryTests
{
    private sealed class Thing(string label)
    {
        public string Label { get; } = label;
    }

    [Fact]
    public void Lookup_ignores_case_and_blanks_and_answers_to_aliases()
    {
        var r = new Registry<Thing>("thing", "thing");
        r.Register("alpha", new Thing("a"), ["first", "A1"]);
        r.Get("ALPHA").Label.ShouldBe("a");
        r.Get(" first ").Label.ShouldBe("a");
        r.Get("a1").Label.ShouldBe("a");
        r.GetEntry("First").Name.ShouldBe("alpha");
    }

    [Fact]
    public void Listing_keeps_registration_order()
    {
        var r = new Registry<Thing>("thing", "thing");
        foreach (var n in new[] { "zeta", "alpha", "mu" }) r.Register(n, new Thing(n));
        r.Names.ShouldBe(["zeta", "alpha", "mu"]);
        r.All.Select(t => t.Label).ShouldBe(["zeta", "alpha", "mu"]);
    }

    [Theory]
    [InlineData("alpha", null)]
    [InlineData("ALPHA", null)]
    [InlineData("beta", "first")]
    [InlineData("first", null)]
    [InlineData("beta", "Alpha")]
    public void A_taken_name_or_alias_is_refused_naming_both(string name, string? alias)
    {
        var r = new Registry<Thing>("thing", "thing");
        r.Register("alpha", new Thing("a"), ["first"]);
        var e = Should.Throw<ReasonTrackException>(() => r.Register(name, new Thing("b"), alias is null ? null : [alias]));
        e.ShouldNotBeOfType<InvalidSettingException>();
        e.Message.ShouldContain($"'{name}'");
        e.Message.ShouldContain("'alpha'");
        r.Names.ShouldBe(["alpha"]);
        r.Get("first").Label.ShouldBe("a");
    }

    [Fact]
    public void An_entry_naming_itself_twice_or_a_blank_name_is_refused()
    {
        var r = new Registry<Thing>("thing", "thing");
        Should.Throw<ReasonTrackException>(() => r.Register("alpha", new Thing("a"), ["Alpha"])).Message.ShouldContain("twice");
        Should.Throw<ReasonTrackException>(() => r.Register(" ", new Thing("a")));
        r.Names.ShouldBeEmpty();
    }

    [Fact]
    public void An_unknown_name_is_an_invalid_setting_listing_the_known_ones_with_aliases()
    {
        var r = new Registry<Thing>("thing", "widget");
        r.Register("alpha", new Thing("a"), ["first"]);
        r.Register("beta", new Thing("b"));
        var e = Should.Throw<InvalidSettingException>(() => r.Get("gamma"));
        e.Setting.ShouldBe("widget");
        e.Message.ShouldBe("unknown thing 'gamma'; known: alpha (first), beta");
        r.TryGet("gamma", out _).ShouldBeFalse();
        r.TryGet(null, out _).ShouldBeFalse();
    }

    [Fact]
    public void Values_are_created_once_on_first_use_only()
    {
        var r = new Registry<Thing>("thing", "thing");
        int created = 0;
        r.Register("lazy", [], () => { created++; return new Thing("l"); });
        r.Names.ShouldBe(["lazy"]);
        created.ShouldBe(0);
        var first = r.Get("lazy");
        r.Get("LAZY").ShouldBeSameAs(first);
        created.ShouldBe(1);
    }

    [Fact]
    public void Concurrent_registrations_of_one_name_admit_exactly_one()
    {
        var r = new Registry<Thing>("thing", "thing");
        using var gate = new Barrier(8);
        int refused = 0;
        var threads = Enumerable.Range(0, 8).Select(i => new Thread(() =>
        {
            gate.SignalAndWait();
            for (int n = 0; n < 50; n++)
            {
                try { r.Register("name-" + n, new Thing(i.ToString())); }
                catch (ReasonTrackException) { Interlocked.Increment(ref refused); }
            }
        })).ToList();
        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());
        r.Names.Count.ShouldBe(50);
        r.Names.Distinct(StringComparer.OrdinalIgnoreCase).Count().ShouldBe(50);
        refused.ShouldBe(7 * 50);
    }
}
