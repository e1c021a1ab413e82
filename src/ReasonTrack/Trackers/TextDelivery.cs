namespace ReasonTrack.Trackers;

/// <summary>
/// Hands descriptions to a tracker that reads text (<see cref="ITextTracker"/>): once before its first
/// <see cref="ITracker.Initialize"/> (even when there is no description: null), then only when the text changes. The
/// tracker holds the text it was last given, so a later re-initialization (a corrected box) carries it without a call.
/// A visual-only tracker never sees anything.
/// </summary>
internal sealed class TextDelivery(ITracker tracker)
{
    private readonly ITextTracker? _target = tracker as ITextTracker;
    private bool _delivered;
    private string? _held;

    /// <summary>True when the tracker reads text.</summary>
    public bool ReadsText => _target is not null;

    /// <summary>Makes <paramref name="text"/> the tracker's description from its next initialize or update on.</summary>
    public void Deliver(string? text)
    {
        if (_target is null || (_delivered && string.Equals(_held, text, StringComparison.Ordinal))) return;
        _target.SetText(text);
        _held = text;
        _delivered = true;
    }
}
