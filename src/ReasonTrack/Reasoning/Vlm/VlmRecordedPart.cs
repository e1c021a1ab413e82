namespace ReasonTrack.Reasoning.Vlm;

/// <summary>
/// One content part of a recorded request message. Images are kept as digest, MIME and size only: enough to tell which
/// frame was sent and to match a replay, without making recordings as large as the videos.
/// </summary>
/// <param name="Type"><c>text</c> or <c>image</c>.</param>
/// <param name="Text">The text of a text part.</param>
/// <param name="Sha256">Lower-case hex SHA-256 of the encoded image bytes (or of the URL for a remote image).</param>
/// <param name="MediaType">MIME type the image was sent as.</param>
/// <param name="Bytes">Encoded image size in bytes.</param>
/// <param name="Url">Address of an image referenced by URL instead of inlined.</param>
public sealed record VlmRecordedPart(string Type, string? Text = null, string? Sha256 = null, string? MediaType = null, int? Bytes = null, string? Url = null);
