using ReasonTrack.Geometry;
using ReasonTrack.Media;
using ReasonTrack.Trackers;

namespace ReasonTrack.Tests.Trackers;

/// <summary>
/// A tracker written by user code, registered into the process-wide <see cref="TrackerRegistry"/>. Names are unique to
/// this test class (the registry is shared by every test in the process). The CLI runs as a child process in tests, so
/// a registration made here cannot reach it: the library path (by name, as the CLI resolves it) is what is tested.
/// </summary>
public class UserTrackerRegistrationTests
{
    private sealed class OffsetTracker(double dx) : ITracker
    {
        private Box _box;
        public string Name => "user-offset";
        public void Initialize(ImageFrame frame, Box box) => _box = box;
        public TrackResult Update(ImageFrame frame) => new(_box = _box with { X = _box.X + dx }, 1, true);
        public void Dispose() { }
    }

    private sealed class OffsetFactory(string name, params string[] aliases) : ITrackerFactory
    {
        public string Name => name;
        public IReadOnlyList<string> Aliases => aliases;
        public string Description => "test tracker: moves the box right by dx per frame";
        public IReadOnlyList<TrackerSetting> Settings { get; } = [new("step_x", "1", "pixels per frame")];

        public ITracker Create(IReadOnlyDictionary<string, string> settings, TrackerContext context) =>
            new OffsetTracker(double.Parse(settings.GetValueOrDefault("step_x", "1"), System.Globalization.CultureInfo.InvariantCulture));
    }

    private static readonly Lazy<bool> Registered = new(() =>
    {
        TrackerRegistry.Register(new OffsetFactory("user-offset-tracker", "uot"));
        return true;
    });

    [Fact]
    public void A_registered_user_tracker_is_listed_after_the_built_ins_and_created_by_name()
    {
        _ = Registered.Value;
        var names = TrackerRegistry.All.Select(f => f.Name).ToList();
        names.Take(7).ShouldBe(["dcf", "nanotrack-v2", "nanotrack-v3", "nanotrack-v1", "identity", "external", "dcf-v1"]); // dcf-v1: the previous default (issue 15)
        names.ShouldContain("user-offset-tracker");
        TrackerRegistry.Get("UOT").Name.ShouldBe("user-offset-tracker");

        // settings are matched ignoring '-' versus '_' as for built-ins
        using var tracker = TrackerRegistry.Create("User-Offset-Tracker", new Dictionary<string, string> { ["step-x"] = "2.5" });
        using var frame = new ImageFrame(4, 4, PixelFormat.Gray8);
        tracker.Initialize(frame, new Box(10, 20, 30, 40));
        tracker.Update(frame).Box.ShouldBe(new Box(12.5, 20, 30, 40));
        tracker.Update(frame).Box.ShouldBe(new Box(15, 20, 30, 40));
    }

    [Theory]
    [InlineData("user-offset-tracker")]
    [InlineData("dcf")]
    [InlineData("DEFAULT")]
    [InlineData("nanotrack")]
    public void A_name_already_taken_is_refused_naming_both(string name)
    {
        _ = Registered.Value;
        var e = Should.Throw<ReasonTrackException>(() => TrackerRegistry.Register(new OffsetFactory(name)));
        e.Message.ShouldContain($"'{name}'");
        e.Message.ShouldContain("already taken by tracker '" + TrackerRegistry.Get(name).Name + "'");
        TrackerRegistry.All.Count(f => f.Name.Equals(name, StringComparison.OrdinalIgnoreCase)).ShouldBeLessThanOrEqualTo(1);
    }

    [Fact]
    public void The_built_in_entries_carry_their_factories_names_and_aliases()
    {
        foreach (var entry in TrackerRegistry.Registry.Entries.Take(7))
        {
            entry.Value.Name.ShouldBe(entry.Name);
            entry.Value.Aliases.ShouldBe(entry.Aliases);
        }
    }
}
