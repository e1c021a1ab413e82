using ReasonTrack.Geometry;
using ReasonTrack.Trackers;

namespace ReasonTrack.Reasoning.Modes;

/// <summary>
/// What reasoning has decided so far, shared by the frame loop and the reasoners: the description in force, the
/// tracker's result on the current frame, and a correction a reasoner wants reported for the current frame.
/// </summary>
public sealed class ReasoningState
{
    public ReasoningState(string? initialDescription) => InitialDescription = Description = initialDescription;

    /// <summary>The text the user gave (or the dataset's language file).</summary>
    public string? InitialDescription { get; }

    /// <summary>The description in force now (written per frame to <c>&lt;name&gt;_descriptions.txt</c>).</summary>
    public string? Description { get; set; }

    /// <summary>
    /// A result that replaces the visual tracker's on the current frame, set by a reasoner's Apply (a VLM-as-tracker
    /// box, a re-localization, a rethink). When <see cref="TrackResult.Found"/> is true the visual tracker is
    /// re-initialized on it at once; a not-found correction only changes what is reported.
    /// </summary>
    public TrackResult? Correction { get; set; }

    /// <summary>The result reported for the current frame so far (the visual tracker's, before any correction).</summary>
    public TrackResult Current { get; internal set; }

    /// <summary>0-based index of the current frame.</summary>
    public int Frame { get; internal set; }

    /// <summary>0-based frame of the last description update (ReasoningTrack's <c>his</c> frame).</summary>
    public int LastUpdateFrame { get; set; }
}
