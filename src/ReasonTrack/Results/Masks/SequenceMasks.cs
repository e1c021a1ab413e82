using ReasonTrack.Geometry.Masks;

namespace ReasonTrack.Results.Masks;

/// <summary>
/// One sequence's mask results (or ground truth): for each frame, a run-length <see cref="Mask"/> per object id. An
/// object with no mask in a frame is absent there (an empty mask and no mask mean the same to every writer and to the
/// DAVIS evaluation). All masks share one image size. Object ids are positive; DAVIS PNGs hold 1..254 (255 is void).
/// </summary>
public sealed class SequenceMasks
{
    private readonly List<SortedDictionary<int, Mask>> _frames = [];

    public SequenceMasks(int width, int height)
    {
        if (width <= 0 || height <= 0) throw new ArgumentOutOfRangeException(nameof(width), $"Mask size {width}x{height} is not positive.");
        Width = width;
        Height = height;
    }

    public int Width { get; }

    public int Height { get; }

    /// <summary>Frames known so far (one past the highest frame given a mask or <see cref="EnsureFrames"/>).</summary>
    public int FrameCount => _frames.Count;

    /// <summary>Makes sure frames 0..count-1 exist (frames with no object are valid: nothing was segmented there).</summary>
    public void EnsureFrames(int count)
    {
        while (_frames.Count < count) _frames.Add([]);
    }

    /// <summary>Sets (or replaces) the mask of object <paramref name="objectId"/> in <paramref name="frame"/>.</summary>
    public void Set(int frame, int objectId, Mask mask)
    {
        ArgumentNullException.ThrowIfNull(mask);
        ArgumentOutOfRangeException.ThrowIfNegative(frame);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(objectId);
        if (mask.Width != Width || mask.Height != Height)
            throw new ArgumentException($"Mask is {mask.Width}x{mask.Height}, the sequence's masks are {Width}x{Height}.", nameof(mask));
        EnsureFrames(frame + 1);
        _frames[frame][objectId] = mask;
    }

    /// <summary>The object's mask in the frame, or null when it has none there.</summary>
    public Mask? Get(int frame, int objectId) =>
        frame >= 0 && frame < _frames.Count && _frames[frame].TryGetValue(objectId, out var m) ? m : null;

    /// <summary>The object's mask in the frame, or an empty mask.</summary>
    public Mask GetOrEmpty(int frame, int objectId) => Get(frame, objectId) ?? Mask.Empty(Width, Height);

    /// <summary>The objects of one frame, ascending id.</summary>
    public IReadOnlyDictionary<int, Mask> ObjectsIn(int frame) =>
        frame >= 0 && frame < _frames.Count ? _frames[frame] : new SortedDictionary<int, Mask>();

    /// <summary>Every object id that has a mask in some frame, ascending.</summary>
    public IReadOnlyList<int> ObjectIds()
    {
        var ids = new SortedSet<int>();
        foreach (var f in _frames) ids.UnionWith(f.Keys);
        return [.. ids];
    }

    /// <summary>
    /// The frame as a label map, objects painted in ascending id (a higher id covers a lower one where masks overlap;
    /// ours: a DAVIS PNG cannot hold overlaps). Ids above 255 cannot be represented and throw.
    /// </summary>
    public LabelMap ToLabelMap(int frame)
    {
        var map = new LabelMap(Width, Height);
        foreach (var (id, mask) in ObjectsIn(frame))
        {
            if (id > 255) throw new ArgumentOutOfRangeException(nameof(frame), $"Object id {id} does not fit a label map (1..255).");
            map.Paint(mask, (byte)id);
        }
        return map;
    }

    /// <summary>Adds a frame's label map: every non-zero label becomes that object's mask (255 included; callers drop void).</summary>
    public void SetFrame(int frame, LabelMap labels, bool includeVoid = false)
    {
        ArgumentNullException.ThrowIfNull(labels);
        EnsureFrames(frame + 1);
        _frames[frame].Clear();
        foreach (byte id in labels.PresentLabels())
        {
            if (id == LabelMap.Void && !includeVoid) continue;
            Set(frame, id, labels.MaskOf(id));
        }
    }
}
