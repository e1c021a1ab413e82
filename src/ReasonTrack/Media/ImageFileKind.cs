namespace ReasonTrack.Media;

/// <summary>Image file formats an image sequence may hold (recognised by signature, not by extension).</summary>
public enum ImageFileKind
{
    Unknown,
    Jpeg,
    Png,
    Bmp,
}
