namespace ReasonTrack.Trackers;

/// <summary>
/// The optional capability of a tracker that reads a text description of its target (vision-language trackers such as
/// DUTrack, which takes the text at <c>initialize</c> as <c>info['class']</c> and reads the attribute <c>descript</c>
/// on every later frame: seed-facts 9.1). The frame loop calls <see cref="SetText"/> before <see cref="ITracker.Initialize"/>
/// with the initial description, and again before the <see cref="ITracker.Update"/> of the first frame a new
/// description is in force on (for ReasoningTrack's refiner: the frame after the check frame). Trackers without the
/// capability never see descriptions.
/// </summary>
public interface ITextTracker : ITracker
{
    /// <summary>The description in force from the next <see cref="ITracker.Initialize"/> or <see cref="ITracker.Update"/> on; null when there is none.</summary>
    void SetText(string? text);
}
