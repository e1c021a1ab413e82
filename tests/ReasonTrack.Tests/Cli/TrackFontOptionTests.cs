namespace ReasonTrack.Tests.Cli;

/// <summary>
/// <c>track --font</c> (issue 13 item 3): the annotated video's labels come from a font file (the bundled Skia has no
/// fontconfig); a missing or unreadable one is one clean error before any tracking, and no results are written.
/// </summary>
public sealed class TrackFontOptionTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("rt-font-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void A_missing_font_file_fails_cleanly_before_tracking()
    {
        string font = Path.Combine(_dir, "no-such-font.ttf");
        var o = CliRunner.Run("track", "--example", "--out", Path.Combine(_dir, "out"), "--font", font).ShouldFailCleanly();
        o.Stderr.ShouldContain(font);
        o.Stderr.ShouldContain("not found");
        Directory.Exists(Path.Combine(_dir, "out")).ShouldBeFalse(o.Stdout);
    }

    [Fact]
    public void A_file_that_is_not_a_font_fails_cleanly()
    {
        string font = Path.Combine(_dir, "bad.ttf");
        File.WriteAllText(font, "not a font");
        var o = CliRunner.Run("track", "--example", "--out", Path.Combine(_dir, "out"), "--font", font).ShouldFailCleanly();
        o.Stderr.ShouldContain("not a font");
    }
}
