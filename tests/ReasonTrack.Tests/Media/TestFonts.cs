using ReasonTrack.Media;

namespace ReasonTrack.Tests.Media;

/// <summary>The label font for tests: DejaVu Sans where the system has it (Debian's fonts-dejavu-core), else the test is skipped.</summary>
internal static class TestFonts
{
    public static string Require()
    {
        string? font = AnnotationOptions.Default.ResolveFontFile();
        if (font is null) Assert.Skip("no DejaVu Sans at " + string.Join(", ", AnnotationOptions.SystemFontFiles) + " (Debian: apt-get install fonts-dejavu-core; ./setup.sh installs it)");
        return font;
    }

    public static FrameAnnotator Annotator(AnnotationOptions? options = null)
    {
        Require();
        return new FrameAnnotator(options);
    }
}
