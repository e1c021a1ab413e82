namespace ReasonTrack.Trackers.External;

/// <summary>
/// A segmentation mask from an external tracker, run-length encoded as in docs/tracker-protocol.md: row-major,
/// alternating runs of 0 and 1 pixels starting with 0 (the first run may be empty). Ours: carried through the bridge
/// but not yet written to results.
/// </summary>
public sealed record ExternalMask(int Width, int Height, int[] Counts)
{
    /// <summary>The mask as one byte per pixel (0 or 1), row-major.</summary>
    public byte[] Decode()
    {
        var m = new byte[checked(Width * Height)];
        int p = 0;
        for (int i = 0; i < Counts.Length; i++)
        {
            if ((i & 1) == 1) m.AsSpan(p, Counts[i]).Fill(1);
            p += Counts[i];
        }
        return m;
    }
}
