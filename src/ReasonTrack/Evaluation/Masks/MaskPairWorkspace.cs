using ReasonTrack.Geometry.Masks;

namespace ReasonTrack.Evaluation.Masks;

/// <summary>
/// Reusable buffers for scoring one result mask against one ground-truth mask of a fixed size and tolerance: the two
/// masks, their boundaries, the void plane and the dilation rows. One per thread; scoring a pair allocates nothing.
/// </summary>
internal sealed class MaskPairWorkspace
{
    private readonly BitPlane _result, _gt, _resultBoundary, _gtBoundary, _void;
    private readonly DiskDilation _dilation;
    private bool _hasVoid;

    public MaskPairWorkspace(int width, int height, int boundPix)
    {
        Width = width;
        Height = height;
        BoundPix = boundPix;
        _result = new BitPlane(width, height);
        _gt = new BitPlane(width, height);
        _resultBoundary = new BitPlane(width, height);
        _gtBoundary = new BitPlane(width, height);
        _void = new BitPlane(width, height);
        _dilation = new DiskDilation(width, height, boundPix);
    }

    public int Width { get; }

    public int Height { get; }

    public int BoundPix { get; }

    public int FootprintPixels => _dilation.FootprintPixels;

    public bool Fits(int width, int height, int boundPix) => Width == width && Height == height && BoundPix == boundPix;

    /// <summary>Sets the void pixels (label 255 of the ground truth) that the scoring excludes, or none when <paramref name="excludeVoid"/> is false.</summary>
    public void SetVoid(ReadOnlySpan<byte> gtLabels, bool excludeVoid)
    {
        _hasVoid = excludeVoid;
        if (excludeVoid) _void.Load(gtLabels, Geometry.Masks.LabelMap.Void); else _void.Clear();
    }

    /// <summary>Sets the void pixels to exclude (null: none).</summary>
    public void SetVoid(Mask? voidMask)
    {
        _hasVoid = voidMask is not null;
        if (voidMask is not null) _void.Load(voidMask); else _void.Clear();
    }

    /// <summary>Scores object <paramref name="id"/> of two label maps (raster order, this workspace's size).</summary>
    public DavisFrameCounts Score(ReadOnlySpan<byte> resultLabels, ReadOnlySpan<byte> gtLabels, byte id)
    {
        _result.Load(resultLabels, id);
        _gt.Load(gtLabels, id);
        return Score();
    }

    /// <summary>Scores two run-length masks.</summary>
    public DavisFrameCounts Score(Mask result, Mask gt)
    {
        _result.Load(result);
        _gt.Load(gt);
        return Score();
    }

    private DavisFrameCounts Score()
    {
        long inter, union;
        if (_hasVoid)
        {
            // The toolkit's (unused in semi-supervised) void path: void pixels are left out of J, and out of both
            // masks before their boundaries are taken for F (metrics.py db_eval_iou / f_measure with void_pixels).
            _result.AndNot(_void);
            _gt.AndNot(_void);
        }
        inter = _result.AndCount(_gt);
        union = _result.PopCount() + _gt.PopCount() - inter;
        BoundaryMap.Compute(_result, _resultBoundary);
        BoundaryMap.Compute(_gt, _gtBoundary);
        long nFg = _resultBoundary.PopCount(), nGt = _gtBoundary.PopCount();
        long fgMatch = nFg > 0 && nGt > 0 ? _dilation.CountWithin(_resultBoundary, _gtBoundary) : 0;
        long gtMatch = nFg > 0 && nGt > 0 ? _dilation.CountWithin(_gtBoundary, _resultBoundary) : 0;
        return new DavisFrameCounts(inter, union, nFg, nGt, fgMatch, gtMatch);
    }

    /// <summary>The boundary pixel count of a mask as the toolkit's <c>_seg2bmap</c> gives it.</summary>
    public long BoundaryPixels(Mask mask)
    {
        _result.Load(mask);
        BoundaryMap.Compute(_result, _resultBoundary);
        return _resultBoundary.PopCount();
    }
}
