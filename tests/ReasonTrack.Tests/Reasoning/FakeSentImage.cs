using ReasonTrack.Media;

namespace ReasonTrack.Tests.Reasoning;

/// <summary>An image found in a recorded request: the MIME the data URL declared, the decoded bytes and their header (null if unreadable).</summary>
public sealed record FakeSentImage(string DeclaredMime, byte[] Bytes, ImageHeader? Header);
