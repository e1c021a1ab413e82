using System.Runtime.Intrinsics;
using ReasonTrack.Geometry;
using ReasonTrack.Geometry.Masks;
using ReasonTrack.IO;
using ReasonTrack.Results.Masks;

namespace ReasonTrack.Datasets.Davis;

/// <summary>
/// One DAVIS sequence: its frames (JPEGs), its ground-truth label maps (palette PNGs, 0 background, 1..N objects, 255
/// void) and the frame ids (the PNG names without extension). The annotations are read on demand
/// (<see cref="ReadAnnotation"/>), not held: a sequence of 80 frames at 854x480 is 33 MB of labels.
/// <para>Why not <see cref="Sequence"/>: that type is one target's boxes, read eagerly; a DAVIS sequence is several
/// objects in one label map per frame, with void pixels, and the object count is a property of frame 0. The box view
/// (<see cref="DavisLoader.Load"/>) derives one box <see cref="Sequence"/> per object from this type.</para>
/// </summary>
public sealed class DavisSequence
{
    public DavisSequence(string name, ImageSize size, IReadOnlyList<string> frameIds, IReadOnlyList<string> annotationPaths,
        IReadOnlyList<string> imagePaths, int objectCount)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (frameIds.Count != annotationPaths.Count) throw new ArgumentException("One frame id per annotation file is required.", nameof(frameIds));
        Name = name;
        Size = size;
        FrameIds = frameIds;
        AnnotationPaths = annotationPaths;
        ImagePaths = imagePaths;
        ObjectCount = objectCount;
    }

    /// <summary>The sequence name as the set's list spells it (the folder name).</summary>
    public string Name { get; }

    /// <summary>Frame size (that of the first annotation).</summary>
    public ImageSize Size { get; }

    public int Width => Size.Width;

    public int Height => Size.Height;

    /// <summary>Frame ids in the toolkit's order: the annotation PNGs sorted by name, without extension.</summary>
    public IReadOnlyList<string> FrameIds { get; }

    /// <summary>The annotation PNG of each frame id.</summary>
    public IReadOnlyList<string> AnnotationPaths { get; }

    /// <summary>The JPEG frames, sorted by name (the toolkit only checks that there is at least one).</summary>
    public IReadOnlyList<string> ImagePaths { get; }

    /// <summary>Number of objects: the highest id of annotation frame 0 after void (255) is set to 0 (davis.py:93-97).</summary>
    public int ObjectCount { get; }

    public int FrameCount => FrameIds.Count;

    /// <summary>The annotation of frame <paramref name="index"/> (255 = void kept).</summary>
    /// <exception cref="DataFormatException">A broken PNG, or one of another size than frame 0, naming the file.</exception>
    public LabelMap ReadAnnotation(int index)
    {
        var map = DavisPngFolder.ReadLabels(AnnotationPaths[index]);
        if (map.Width != Width || map.Height != Height)
            throw new DataFormatException(AnnotationPaths[index], $"annotation is {map.Width}x{map.Height}, frame 0 is {Width}x{Height}");
        return map;
    }

    /// <summary>The highest object id of a label map other than void: the toolkit's object count of a frame.</summary>
    public static int MaxObjectId(ReadOnlySpan<byte> labels) => MaxValues(labels).NonVoid;

    /// <summary>The highest value of a label map, void (255) included: the toolkit's object count of a result frame.</summary>
    public static int MaxObjectIdOrVoid(ReadOnlySpan<byte> labels) => MaxValues(labels).All;

    /// <summary>One vectorised pass: the highest value, and the highest value other than 255.</summary>
    private static (int All, int NonVoid) MaxValues(ReadOnlySpan<byte> labels)
    {
        int i = 0, all = 0, nonVoid = 0;
        if (Vector256.IsHardwareAccelerated && labels.Length >= 32)
        {
            var vAll = Vector256<byte>.Zero;
            var vNon = Vector256<byte>.Zero;
            var vVoid = Vector256.Create(LabelMap.Void);
            for (; i + 32 <= labels.Length; i += 32)
            {
                var v = Vector256.Create(labels.Slice(i, 32));
                vAll = Vector256.Max(vAll, v);
                vNon = Vector256.Max(vNon, Vector256.AndNot(v, Vector256.Equals(v, vVoid)));
            }
            for (int l = 0; l < 32; l++) { all = Math.Max(all, vAll[l]); nonVoid = Math.Max(nonVoid, vNon[l]); }
        }
        for (; i < labels.Length; i++)
        {
            byte b = labels[i];
            if (b > all) all = b;
            if (b != LabelMap.Void && b > nonVoid) nonVoid = b;
        }
        return (all, nonVoid);
    }

    public override string ToString() => $"{Name} ({FrameCount} frames, {ObjectCount} objects, {Width}x{Height})";
}
