namespace ReasonTrack.Media;

/// <summary>
/// No font could be loaded for frame labels (<see cref="AnnotationOptions.FontFile"/>): the named file is missing or
/// not a font, or none was named and DejaVu Sans is at none of <see cref="AnnotationOptions.SystemFontFiles"/>.
/// </summary>
public sealed class FontNotFoundException : InvalidSettingException
{
    public FontNotFoundException(string message) : base(nameof(AnnotationOptions.FontFile), message) { }
}
