using System.Diagnostics;
using System.Text.Json;
using ReasonTrack.Geometry;
using ReasonTrack.Media;
using ReasonTrack.Trackers;
using ReasonTrack.Trackers.External;

namespace ReasonTrack.Tests.Trackers.External;

/// <summary>
/// Issue 12 item 2: python/reasontrack_adapter.py's PytrackingAdapter gives a pytracking-style tracker what that
/// family expects (seed-facts 9.1): HxWx3 uint8 RGB images (gray repeated to 3 channels; BGR on request),
/// <c>info['init_bbox']</c>, <c>info['init_nlp']</c> and DUTrack's <c>info['class']</c> at initialize, the attribute
/// <c>descript</c> for a later description; and forwards <c>best_score</c> and a mask. Needs numpy (skips without).
/// </summary>
public sealed class PytrackingAdapterTests
{
    private static readonly Box Start = new(100, 80, 40, 30);

    private static string RequireNumpy()
    {
        string python = ExternalChildren.RequirePython();
        var psi = new ProcessStartInfo(python) { RedirectStandardError = true, UseShellExecute = false };
        psi.ArgumentList.Add("-c");
        psi.ArgumentList.Add("import numpy");
        using var p = Process.Start(psi)!;
        p.StandardError.ReadToEnd();
        p.WaitForExit(60_000);
        if (p.ExitCode != 0) Assert.Skip($"{python} has no numpy (Debian python3-numpy: ./setup.sh --peers installs it)");
        return python;
    }

    private static ImageFrame Frame(int index, PixelFormat format)
    {
        var f = new ImageFrame(8, 6, format) { Index = index };
        for (int i = 0; i < f.Pixels.Length; i++) f.Pixels[i] = (byte)(i * 7 + index);
        return f;
    }

    private static List<JsonElement> Probe(PixelFormat format, string color, Action<ExternalTracker> drive)
    {
        RequireNumpy();
        string log = Path.Combine(Path.GetTempPath(), $"rt-probe-{Guid.NewGuid():N}.jsonl");
        try
        {
            using (var t = new ExternalTracker(ExternalChildren.Options("pytracking_probe_adapter.py", log, color))) drive(t);
            return File.ReadAllLines(log).Select(l => JsonDocument.Parse(l).RootElement.Clone()).ToList();
        }
        finally
        {
            File.Delete(log);
        }
    }

    private static int[] Ints(JsonElement e) => e.EnumerateArray().Select(v => v.GetInt32()).ToArray();

    [Fact]
    public void Rgb_frames_arrive_as_rgb_images_and_the_description_as_init_nlp_class_then_descript()
    {
        TrackResult second = default;
        ReasonTrack.Geometry.Masks.Mask? mask = null;
        var calls = Probe(PixelFormat.Rgb24, "rgb", t =>
        {
            t.SetText("a red car");
            t.Initialize(Frame(0, PixelFormat.Rgb24), Start);
            t.Update(Frame(1, PixelFormat.Rgb24));
            t.SetText("the red car behind the bus");
            second = t.Update(Frame(2, PixelFormat.Rgb24));
            mask = t.LastMask;
        });
        calls.Count.ShouldBe(3);
        var init = calls[0];
        Ints(init.GetProperty("shape")).ShouldBe([6, 8, 3]);
        init.GetProperty("dtype").GetString().ShouldBe("uint8");
        Ints(init.GetProperty("px")).ShouldBe([0, 7, 14]); // bytes 0, 1, 2 of frame 0: R, G, B
        var info = init.GetProperty("info");
        info.GetProperty("init_bbox").EnumerateArray().Select(v => v.GetDouble()).ShouldBe([100.0, 80, 40, 30]);
        info.GetProperty("init_nlp").GetString().ShouldBe("a red car");
        info.GetProperty("class").GetString().ShouldBe("a red car");
        calls[1].GetProperty("descript").ValueKind.ShouldBe(JsonValueKind.Null); // initialize's text is info, not yet descript
        Ints(calls[1].GetProperty("px")).ShouldBe([1, 8, 15]);
        calls[2].GetProperty("descript").GetString().ShouldBe("the red car behind the bus");
        second.ShouldBe(new TrackResult(new Box(1, 2, 3, 4), 0.25, true));
        mask.ShouldNotBeNull();
        mask.Runs.ToArray().ShouldBe([8 + 2, 3, 6 * 8 - 13]);
        mask.ToDense().Select((v, i) => (v, i)).Where(p => p.v == 1).Select(p => p.i).ShouldBe([10, 11, 12]);
    }

    [Fact]
    public void Gray_frames_become_three_equal_channels_and_bgr_reverses_the_order()
    {
        var gray = Probe(PixelFormat.Gray8, "rgb", t => { t.Initialize(Frame(0, PixelFormat.Gray8), Start); t.Update(Frame(3, PixelFormat.Gray8)); });
        Ints(gray[1].GetProperty("shape")).ShouldBe([6, 8, 3]);
        Ints(gray[1].GetProperty("px")).ShouldBe([3, 3, 3]);
        gray[0].GetProperty("info").TryGetProperty("init_nlp", out _).ShouldBeFalse(); // no description, no key
        var bgr = Probe(PixelFormat.Rgb24, "bgr", t => { t.Initialize(Frame(0, PixelFormat.Rgb24), Start); t.Update(Frame(1, PixelFormat.Rgb24)); });
        Ints(bgr[1].GetProperty("px")).ShouldBe([15, 8, 1]);
    }
}
