namespace ReasonTrack.Evaluation.Protocols;

/// <summary>What the <c>got10k</c> protocol does with a NaN overlap on a counted frame (frame 2 on, cover &gt; 0).</summary>
public enum Got10kNanPolicy
{
    /// <summary>
    /// An error naming the file and line of the first such row. got10k-toolkit's own rule yields no number: its IoU
    /// is NaN, <c>np.mean</c> makes AO NaN, while SR (<c>ious &gt; 0.5</c>) counts the frame as a miss.
    /// </summary>
    Error,

    /// <summary>Count such frames as overlap 0 (a miss for AO, SR and the success curve), with a warning.</summary>
    ZeroOverlap,
}
