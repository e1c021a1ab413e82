namespace ReasonTrack.Training.Data;

/// <summary>
/// What a data set holds, computed from its parts (so it describes the whole set, resumed and merged runs included,
/// and a merged set's summary equals the unsharded one's): rows written, what was skipped and why, and the
/// distributions of what was drawn. Fields that do not apply to a recipe are null.
/// </summary>
public sealed record TrainingSetSummary
{
    public int Videos { get; init; }

    public int VideosWithRows { get; init; }

    public int Pairs { get; init; }

    /// <summary>Reasons in ordinal order, each with its count (a reason starting with <c>video:</c> counts videos).</summary>
    public IReadOnlyList<ReasonCount> Skipped { get; init; } = [];

    /// <summary>R1-Track crop factors (template and search) or VPTracker outline scales.</summary>
    public ValueDistribution? Scale { get; init; }

    /// <summary>R1-Track centre shifts as fractions of the crop side (dx and dy of both crops).</summary>
    public ValueDistribution? Shift { get; init; }

    /// <summary>Target sizes <c>sqrt(w*h)</c> in the pixels of the images the model sees.</summary>
    public ValueDistribution? BoxSize { get; init; }

    /// <summary>Pairs per output size (R1-Track).</summary>
    public IReadOnlyList<ReasonCount> OutputSizes { get; init; } = [];

    /// <summary>VPTracker answers "yes" / "no".</summary>
    public int? VisibleYes { get; init; }

    public int? VisibleNo { get; init; }

    /// <summary>VPTracker visible targets inside / outside the red outline.</summary>
    public int? InsideOutline { get; init; }

    public int? OutsideOutline { get; init; }

    /// <summary>ReasoningTrack SFT replies deciding to update (<c>d = yes</c>) / to keep the description.</summary>
    public int? DecisionYes { get; init; }

    public int? DecisionNo { get; init; }

    /// <summary>R1-Track answers reaching outside the crop.</summary>
    public int? AnswersOutsideImage { get; init; }

    public static TrainingSetSummary From(IReadOnlyList<VideoPart> parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        var draws = parts.SelectMany(p => p.Draws).ToList();
        int? CountWhere(Func<PairDraw, bool?> field, bool value) => draws.Any(d => field(d) is not null) ? draws.Count(d => field(d) == value) : null;
        return new TrainingSetSummary
        {
            Videos = parts.Count,
            VideosWithRows = parts.Count(p => p.Samples.Count > 0),
            Pairs = parts.Sum(p => p.Samples.Count),
            Skipped = parts.SelectMany(p => p.Skipped).GroupBy(r => r, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal)
                .Select(g => new ReasonCount(g.Key, g.Count())).ToList(),
            Scale = ValueDistribution.Of(draws.SelectMany(d => d.Scales)),
            Shift = ValueDistribution.Of(draws.SelectMany(d => d.Shifts)),
            BoxSize = ValueDistribution.Of(draws.SelectMany(d => d.BoxSizes)),
            OutputSizes = draws.Where(d => d.OutputSize is not null).GroupBy(d => d.OutputSize!.Value).OrderBy(g => g.Key)
                .Select(g => new ReasonCount(g.Key.ToString(System.Globalization.CultureInfo.InvariantCulture), g.Count())).ToList(),
            VisibleYes = CountWhere(d => d.Visible, true),
            VisibleNo = CountWhere(d => d.Visible, false),
            InsideOutline = CountWhere(d => d.InsideOutline, true),
            OutsideOutline = CountWhere(d => d.InsideOutline, false),
            DecisionYes = CountWhere(d => d.UpdateDecision, true),
            DecisionNo = CountWhere(d => d.UpdateDecision, false),
            AnswersOutsideImage = CountWhere(d => d.AnswerOutsideImage, true),
        };
    }
}
