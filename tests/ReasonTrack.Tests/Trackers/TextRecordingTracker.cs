using ReasonTrack.Geometry;
using ReasonTrack.Media;
using ReasonTrack.Trackers;

namespace ReasonTrack.Tests.Trackers;

/// <summary>
/// A tracker that reads text (<see cref="ITextTracker"/>) and records, for every frame it tracks, the description it
/// holds at that moment (as DUTrack reads its <c>descript</c> attribute in the forward pass), every
/// <see cref="SetText"/> call with the frame it preceded, and every initialization with the text it carried. Its boxes
/// come from <paramref name="boxAt"/> (0-based frame index), so a test knows them in advance.
/// </summary>
internal sealed class TextRecordingTracker(Func<int, Box> boxAt) : ITextTracker
{
    private readonly Dictionary<int, string?> _heldAt = [];
    private int _lastFrame = -1;

    public string Name => "text-recording";

    /// <summary>The description held now (what the next initialize or update uses).</summary>
    public string? Held { get; private set; }

    /// <summary>Every SetText call: the last frame tracked before it (-1: before the first) and the text.</summary>
    public List<(int AfterFrame, string? Text)> SetTextCalls { get; } = [];

    /// <summary>Every initialization: frame, box and the description held when it ran.</summary>
    public List<(int Frame, Box Box, string? Text)> Initializations { get; } = [];

    /// <summary>
    /// The description held while each frame was tracked, frame 0 (its initialize) first; a frame that was both
    /// updated and then re-initialized (a corrected box) keeps what its update used.
    /// </summary>
    public IReadOnlyList<string?> HeldPerFrame => Enumerable.Range(0, _heldAt.Count)
        .Select(i => _heldAt.TryGetValue(i, out var t) ? t : throw new InvalidOperationException($"frame {i} was never tracked")).ToList();

    public void SetText(string? text)
    {
        SetTextCalls.Add((_lastFrame, text));
        Held = text;
    }

    public void Initialize(ImageFrame frame, Box box)
    {
        Initializations.Add((frame.Index, box, Held));
        _heldAt.TryAdd(frame.Index, Held);
        _lastFrame = frame.Index;
    }

    public TrackResult Update(ImageFrame frame)
    {
        _heldAt.Add(frame.Index, Held);
        _lastFrame = frame.Index;
        return new TrackResult(boxAt(frame.Index), 1, true);
    }

    public void Dispose() { }
}
