namespace ReasonTrack.Reasoning.Vlm;

/// <summary>How <see cref="ReplayChatClient"/> picks the recorded reply for a request.</summary>
public enum ReplayMatching
{
    /// <summary>The n-th request gets the n-th record, whatever it asks.</summary>
    InOrder,

    /// <summary>A request gets the next unused record with the same request hash (same model, messages, images and sampling).</summary>
    ByRequestHash,
}
