namespace ReasonTrack.Media;

/// <summary>Chroma resolution of a colour JPEG.</summary>
public enum JpegSubsampling
{
    /// <summary>Chroma at half resolution both ways: the usual choice, smallest files.</summary>
    Yuv420,

    /// <summary>Chroma at full resolution: sharper colour edges (thin red prompt rectangles), larger files.</summary>
    Yuv444,

    /// <summary>Chroma at half resolution horizontally only.</summary>
    Yuv422,
}
