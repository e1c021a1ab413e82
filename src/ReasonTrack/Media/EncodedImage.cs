namespace ReasonTrack.Media;

/// <summary>
/// An image as it goes into a request: the bytes, the MIME type the data URL declares (which may differ from what the
/// bytes are: ReasoningTrack's released client labels PNG files <c>image/jpeg</c>), and what was actually done, in
/// words for the reasoning log (e.g. <c>file 00715.png as image/jpeg</c>, <c>jpeg q95 4:2:0</c>,
/// <c>png (fallback: no source file)</c>).
/// </summary>
public sealed record EncodedImage(byte[] Bytes, string MediaType, string Description);
