namespace ReasonTrack.Media;

/// <summary>How an image is turned into the bytes of a request (see <see cref="ImageEncoding"/>).</summary>
public enum ImageEncodingKind
{
    /// <summary>The frame file's own bytes, unchanged (ReasoningTrack's released client, <c>Evaluation/i2d.py</c>).</summary>
    FileBytes,

    /// <summary>JPEG (<see cref="JpegEncoder"/>, SkiaSharp's libjpeg-turbo) at a quality and chroma subsampling.</summary>
    Jpeg,

    /// <summary>Lossless PNG (<see cref="PngEncoder"/>): the model gets exactly the pixels.</summary>
    Png,
}
