namespace ReasonTrack.Training.Data;

/// <summary>
/// What was drawn for one written pair, kept beside the rows so the summary (distributions of scale factor, shift
/// and box size, yes/no and inside/outside balance) can be rebuilt from the finished parts of any run, resumed or
/// merged, without re-reading images. Fields a recipe does not draw stay null.
/// </summary>
public sealed record PairDraw
{
    /// <summary>Crop factors (R1-Track: template, search) or the outline scale (VPTracker).</summary>
    public IReadOnlyList<double> Scales { get; init; } = [];

    /// <summary>Centre shifts as fractions of the crop side, dx and dy per crop (R1-Track).</summary>
    public IReadOnlyList<double> Shifts { get; init; } = [];

    /// <summary>Target sizes <c>sqrt(w*h)</c> in the pixels of the image the model sees, per image with a target.</summary>
    public IReadOnlyList<double> BoxSizes { get; init; } = [];

    /// <summary>Output side in pixels (R1-Track crops).</summary>
    public int? OutputSize { get; init; }

    /// <summary>Target visible in the search image (VPTracker's <c>visible</c>).</summary>
    public bool? Visible { get; init; }

    /// <summary>Target box wholly inside the red outline (VPTracker, visible targets).</summary>
    public bool? InsideOutline { get; init; }

    /// <summary>ReasoningTrack SFT: the teacher decided to update the description (<c>&lt;d&gt;yes&lt;/d&gt;</c>, read by the inference parser).</summary>
    public bool? UpdateDecision { get; init; }

    /// <summary>The written answer box reaches outside the image the model sees (R1-Track crops are not clipped).</summary>
    public bool? AnswerOutsideImage { get; init; }
}
