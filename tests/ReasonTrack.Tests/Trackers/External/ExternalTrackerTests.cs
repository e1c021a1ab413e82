using Microsoft.Extensions.Time.Testing;
using ReasonTrack.Geometry;
using ReasonTrack.Media;
using ReasonTrack.Trackers;
using ReasonTrack.Trackers.External;

namespace ReasonTrack.Tests.Trackers.External;

/// <summary>
/// Issue 12 item 1: the external tracker against real Python children speaking docs/tracker-protocol.md. Expected
/// boxes come from the children's documented behaviour (faulty_adapter.py 'ok': the initial box shifted right by the
/// 1-based frame number), never from the bridge's own output.
/// </summary>
public sealed class ExternalTrackerTests
{
    private static readonly Box Start = new(100, 80, 40, 30);

    private static ImageFrame Frame(int index, int width = 64, int height = 48, PixelFormat format = PixelFormat.Rgb24)
    {
        var f = new ImageFrame(width, height, format) { Index = index };
        for (int i = 0; i < f.Pixels.Length; i++) f.Pixels[i] = (byte)(i * 7 + index);
        return f;
    }

    [Fact]
    public void The_noop_child_answers_the_initial_box_on_every_frame_and_names_itself()
    {
        using var t = new ExternalTracker(ExternalChildren.Options("noop_adapter.py"));
        t.Initialize(Frame(0, 640, 480), Start);
        for (int k = 1; k < 5; k++) t.Update(Frame(k, 640, 480)).ShouldBe(new TrackResult(Start, 1, true));
        t.ChildName.ShouldBe("noop");
    }

    [Theory]
    [InlineData(PixelFormat.Rgb24)]
    [InlineData(PixelFormat.Gray8)]
    public void Boxes_scores_and_found_come_from_the_child_frame_by_frame(PixelFormat format)
    {
        using var t = new ExternalTracker(ExternalChildren.Options("faulty_adapter.py", "ok", "0"));
        t.Initialize(Frame(0, format: format), Start);
        for (int k = 1; k < 6; k++)
            t.Update(Frame(k, format: format)).ShouldBe(new TrackResult(Start with { X = Start.X + k + 1 }, 0.5, true));
    }

    [Fact]
    public void Descriptions_reach_the_child_at_init_and_from_the_frame_they_are_set_before()
    {
        string log = Path.Combine(Path.GetTempPath(), $"rt-text-{Guid.NewGuid():N}.txt");
        try
        {
            using (var t = new ExternalTracker(ExternalChildren.Options("faulty_adapter.py", "ok", "0", "--log", log)))
            {
                t.SetText("a red car");
                t.Initialize(Frame(0), Start);
                t.Update(Frame(1));
                t.Update(Frame(2));
                t.SetText("the red car, now \"partly\" hidden: ünïcode");
                t.Update(Frame(3));
                t.Update(Frame(4));
                t.SetText(null);
                t.Update(Frame(5));
            }
            File.ReadAllLines(log).ShouldBe(["1 a red car", "2 a red car", "3 a red car", "4 the red car, now \"partly\" hidden: ünïcode", "5 the red car, now \"partly\" hidden: ünïcode", "6 -"]);
        }
        finally
        {
            File.Delete(log);
        }
    }

    [Fact]
    public void A_second_init_restarts_the_child_on_the_new_box_with_the_description_in_force()
    {
        // The reasoning session re-initializes its tracker on a box the VLM found (hybrid mode): the same child is told
        // init again, and the description it holds survives (faulty_adapter.py takes the text from each init).
        string log = Path.Combine(Path.GetTempPath(), $"rt-reinit-{Guid.NewGuid():N}.txt");
        try
        {
            var moved = new Box(10, 20, 30, 40);
            using (var t = new ExternalTracker(ExternalChildren.Options("faulty_adapter.py", "ok", "0", "--log", log)))
            {
                t.SetText("a red car");
                t.Initialize(Frame(0), Start);
                t.Update(Frame(1)).Box.ShouldBe(Start with { X = Start.X + 2 });
                t.Initialize(Frame(2), moved);
                t.Update(Frame(3)).Box.ShouldBe(moved with { X = moved.X + 4 });
            }
            File.ReadAllLines(log).ShouldBe(["1 a red car", "2 a red car", "3 a red car", "4 a red car"]);
        }
        finally
        {
            File.Delete(log);
        }
    }

    [Fact]
    public void A_child_that_exits_mid_sequence_fails_with_its_exit_code_and_last_stderr_lines()
    {
        using var t = new ExternalTracker(ExternalChildren.Options("faulty_adapter.py", "crash", "3"));
        t.Initialize(Frame(0), Start);
        t.Update(Frame(1));
        var e = Should.Throw<ExternalTrackerException>(() => t.Update(Frame(2)));
        e.Message.ShouldContain("exited with code 3 during update of frame 3");
        e.Message.ShouldContain("faulty_adapter: line one before trouble");
        e.Message.ShouldContain("faulty_adapter: crash at frame 3");
        e.StderrTail.ShouldContain("crash at frame 3");
        // Broken for good: the next call says the same, it does not hang or restart the child.
        Should.Throw<ExternalTrackerException>(() => t.Update(Frame(3))).Message.ShouldContain("exited with code 3");
    }

    [Fact]
    public async Task A_child_that_never_answers_times_out_on_the_injected_clock_and_is_stopped()
    {
        var clock = new FakeTimeProvider();
        var options = ExternalChildren.Options("faulty_adapter.py", "hang", "3") with { Timeout = TimeSpan.FromSeconds(30), TimeProvider = clock };
        using var t = new ExternalTracker(options);
        t.Initialize(Frame(0), Start);
        t.Update(Frame(1));
        var hung = Task.Run(() => t.Update(Frame(2)), TestContext.Current.CancellationToken);
        // The child never answers: only moving the fake clock past the timeout ends the call (no wall-clock threshold).
        while (!hung.IsCompleted)
        {
            clock.Advance(TimeSpan.FromSeconds(31));
            await Task.WhenAny(hung, Task.Delay(20, TestContext.Current.CancellationToken));
        }
        var e = await Should.ThrowAsync<ExternalTrackerException>(hung);
        e.Message.ShouldContain("did not answer update of frame 3 within 30 s");
        e.Message.ShouldContain("faulty_adapter: hang at frame 3");
    }

    [Theory]
    [InlineData("garbage", "replied garbage to update of frame 3: not valid JSON", "Traceback? this is not JSON")]
    [InlineData("error", "reported an error in update of frame 3: RuntimeError: the model ran out of memory", "faulty_adapter: error at frame 3")]
    public void A_child_that_replies_something_else_fails_the_call_with_what_it_said(string mode, string expected, string alsoExpected)
    {
        using var t = new ExternalTracker(ExternalChildren.Options("faulty_adapter.py", mode, "3"));
        t.Initialize(Frame(0), Start);
        t.Update(Frame(1));
        var e = Should.Throw<ExternalTrackerException>(() => t.Update(Frame(2)));
        e.Message.ShouldContain(expected);
        e.Message.ShouldContain(alsoExpected);
    }

    [Fact]
    public void A_child_of_another_protocol_version_is_refused_at_hello()
    {
        using var t = new ExternalTracker(ExternalChildren.Options("faulty_adapter.py", "version", "0"));
        Should.Throw<ExternalTrackerException>(() => t.Initialize(Frame(0), Start)).Message.ShouldContain("speaks protocol version 99; this ReasonTrack speaks version 1");
    }

    [Fact]
    public void A_command_that_cannot_start_is_a_user_facing_error_naming_the_options()
    {
        using var t = new ExternalTracker(new ExternalTrackerOptions { Command = ["/nonexistent/tracker-binary"] });
        var e = Should.Throw<ExternalTrackerException>(() => t.Initialize(Frame(0), Start));
        e.Message.ShouldContain("cannot be started");
        e.Message.ShouldContain("Command");
        UserFacingErrors.IsUserFacing(e).ShouldBeTrue();
    }

    [Fact]
    public void The_registry_creates_it_from_settings_and_does_not_start_the_child_until_initialize()
    {
        // A probe tracker (DatasetRunner.Prepare creates one to check settings) must not start a child.
        using var t = TrackerRegistry.Create("external", new Dictionary<string, string> { ["command"] = "/nonexistent/never-started --x", ["Startup-Timeout"] = "5" });
        t.ShouldBeOfType<ExternalTracker>().ChildName.ShouldBeNull();
        Should.Throw<InvalidSettingException>(() => TrackerRegistry.Create("external", new Dictionary<string, string>())).Message.ShouldContain("needs the setting command");
        Should.Throw<InvalidSettingException>(() => TrackerRegistry.Create("external", new Dictionary<string, string> { ["command"] = "x", ["bogus"] = "1" })).Message.ShouldContain("no setting 'bogus'");
        Should.Throw<InvalidSettingException>(() => TrackerRegistry.Create("external", new Dictionary<string, string> { ["command"] = "x", ["timeout"] = "0" }));
    }

    [Fact]
    public void Settings_become_typed_options()
    {
        var o = ExternalTrackerFactory.OptionsFrom(new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["command"] = "my_adapter.py --checkpoint 'ckpt dir/m.pth' \"a b\" c\\ d",
            ["interpreter"] = "/usr/bin/python3",
            ["workdir"] = "/tmp",
            ["timeout"] = "2.5",
            ["startup-timeout"] = "10",
            ["stderr-lines"] = "5",
        });
        o.Command.ShouldBe(["my_adapter.py", "--checkpoint", "ckpt dir/m.pth", "a b", "c d"]);
        o.StartLine().Program.ShouldBe("/usr/bin/python3");
        o.StartLine().Arguments.ShouldBe(o.Command);
        (o.WorkingDirectory, o.Timeout, o.StartupTimeout, o.StderrLines).ShouldBe(("/tmp", TimeSpan.FromSeconds(2.5), TimeSpan.FromSeconds(10), 5));
        Should.Throw<InvalidSettingException>(() => CommandWords.Split("python3 'unclosed"));
    }
}
