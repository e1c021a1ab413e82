namespace ReasonTrack.Media;

/// <summary>
/// How <see cref="FrameAnnotator"/> writes text on frames. The native Skia library we ship is the one without
/// fontconfig (<c>SkiaSharp.NativeAssets.Linux.NoDependencies</c>), so there is no system font lookup: the font is a
/// file, named here or found at one of <see cref="SystemFontFiles"/> (DejaVu Sans, Debian's <c>fonts-dejavu-core</c>,
/// which <c>setup.sh</c> installs). Nothing is searched relative to the program or the working directory.
/// </summary>
public sealed record AnnotationOptions
{
    /// <summary>
    /// A TrueType/OpenType font file for labels. Null: the first of <see cref="SystemFontFiles"/> that exists; when
    /// none does, <see cref="FrameAnnotator"/> refuses with <see cref="FontNotFoundException"/> (no silent fallback).
    /// </summary>
    public string? FontFile { get; init; }

    /// <summary>Text size in pixels (Skia's text size: the em square), 13 by default (readable on 480p frames).</summary>
    public float FontSize { get; init; } = 13;

    /// <summary>Pixels between a label's text and the edge of its filled box.</summary>
    public int LabelMargin { get; init; } = 2;

    /// <summary>
    /// Where DejaVu Sans is installed by the usual Linux distributions, tried in order when <see cref="FontFile"/> is
    /// null: Debian and Ubuntu (<c>fonts-dejavu-core</c>), Arch, Fedora (two layouts).
    /// </summary>
    public static IReadOnlyList<string> SystemFontFiles { get; } =
    [
        "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
        "/usr/share/fonts/TTF/DejaVuSans.ttf",
        "/usr/share/fonts/dejavu-sans-fonts/DejaVuSans.ttf",
        "/usr/share/fonts/dejavu/DejaVuSans.ttf",
    ];

    public static AnnotationOptions Default { get; } = new();

    /// <summary>The font file to load: <see cref="FontFile"/>, or the first existing <see cref="SystemFontFiles"/> entry; null when none exists.</summary>
    public string? ResolveFontFile() => FontFile ?? SystemFontFiles.FirstOrDefault(File.Exists);
}
