namespace ReasonTrack.Runs.Referring;

/// <summary>
/// Which object keeps a pixel that two objects' masks both cover when a video's objects are merged into one DAVIS
/// label map (a PNG holds one id per pixel).
/// </summary>
public enum MaskOverlapRule
{
    /// <summary>
    /// The lower object id wins. ReferFormer's rule for binary masks (<c>inference_davis.py</c>: <c>torch.argmax</c> over
    /// [background 0.1, object 1, ..., object N] after thresholding at 0.5, whose first maximum is the lowest id when
    /// scores are equal, as binary masks' are). Default.
    /// </summary>
    LowerIdWins,

    /// <summary>The higher object id wins (ours: what <see cref="Results.Masks.SequenceMasks.ToLabelMap"/> paints).</summary>
    HigherIdWins,
}
