namespace ReasonTrack.Segmentation;

/// <summary>Settings of <see cref="ColourSegmenter"/> (all ours; chosen a priori, not tuned on any evaluation data).</summary>
public sealed record ColourSegmenterOptions
{
    /// <summary>Histogram bins per colour channel (a power of two, 2..64; the joint RGB histogram has this cubed).</summary>
    public int BinsPerChannel { get; init; } = 16;

    /// <summary>The background ring around the box: the box grown on each side by this fraction of its width (left/right) and height (top/bottom).</summary>
    public double BackgroundMargin { get; init; } = 0.5;

    /// <summary>A pixel is target when P(target | colour) exceeds this (equal priors; histograms normalized to their pixel counts).</summary>
    public double Threshold { get; init; } = 0.5;

    /// <summary>
    /// Weight of the current frame in the colour model: 1 = a model from this frame's box and ring only; less keeps an
    /// exponential memory of earlier frames (<c>model = (1 - rate) * model + rate * this frame</c>, each normalized).
    /// </summary>
    public double ModelUpdateRate { get; init; } = 1;

    /// <summary>Keep only the largest 4-connected target region inside the box.</summary>
    public bool LargestComponent { get; init; } = true;

    /// <summary>Fill background regions inside the box that do not touch the box's border.</summary>
    public bool FillHoles { get; init; } = true;

    /// <summary>When the target region covers less than this fraction of the box, the box itself is the mask (the colour model found nothing it can trust).</summary>
    public double MinFill { get; init; } = 0.05;

    internal void Validate()
    {
        if (BinsPerChannel < 2 || BinsPerChannel > 64 || (BinsPerChannel & (BinsPerChannel - 1)) != 0)
            throw new InvalidSettingException(nameof(BinsPerChannel), $"ColourSegmenterOptions.BinsPerChannel must be a power of two in 2..64, got {BinsPerChannel}");
        if (!(BackgroundMargin > 0 && BackgroundMargin <= 10))
            throw new InvalidSettingException(nameof(BackgroundMargin), $"ColourSegmenterOptions.BackgroundMargin must be in (0, 10], got {BackgroundMargin}");
        if (!(Threshold > 0 && Threshold < 1))
            throw new InvalidSettingException(nameof(Threshold), $"ColourSegmenterOptions.Threshold must be in (0, 1), got {Threshold}");
        if (!(ModelUpdateRate > 0 && ModelUpdateRate <= 1))
            throw new InvalidSettingException(nameof(ModelUpdateRate), $"ColourSegmenterOptions.ModelUpdateRate must be in (0, 1], got {ModelUpdateRate}");
        if (!(MinFill >= 0 && MinFill <= 1))
            throw new InvalidSettingException(nameof(MinFill), $"ColourSegmenterOptions.MinFill must be in [0, 1], got {MinFill}");
    }
}
