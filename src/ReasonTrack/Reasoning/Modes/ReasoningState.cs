using ReasonTrack.Geometry;

namespace ReasonTrack.Reasoning.Modes;

/// <summary>
/// What reasoning has decided so far, shared by the frame loop and the reasoners: the description in force, and a
/// box a reasoner wants the tracker to jump to (re-localization) on the next frame.
/// </summary>
public sealed class ReasoningState
{
    public ReasoningState(string? initialDescription) => InitialDescription = Description = initialDescription;

    /// <summary>The text the user gave (or the dataset's language file).</summary>
    public string? InitialDescription { get; }

    /// <summary>The description in force now (written per frame to <c>&lt;name&gt;_descriptions.txt</c>).</summary>
    public string? Description { get; set; }

    /// <summary>A box to re-initialize the tracker on at the next frame, set by a re-localizing reasoner.</summary>
    public Box? Relocate { get; set; }

    /// <summary>0-based frame of the last description update (ReasoningTrack's <c>his</c> frame).</summary>
    public int LastUpdateFrame { get; set; }
}
