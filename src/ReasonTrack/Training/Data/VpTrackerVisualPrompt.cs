namespace ReasonTrack.Training.Data;

/// <summary>
/// The <c>visual_prompt</c> object of a VPTracker training row, read by its ms-swift fork at load time
/// (<c>ms-swift/swift/llm/template/base.py</c> <c>_preprocess_inputs</c> ~316-410): the fork crops the template image
/// around <see cref="TemplateBbox"/> with <see cref="TemplateScale"/> (<c>sample_target</c> ~2394-2433) and, when
/// <see cref="Enable"/> and <see cref="Phase"/> is <c>train</c>, draws the outline on the search image around
/// <see cref="SearchBbox"/> at <see cref="Scale"/>, inside with probability <see cref="InbboxRatio"/> (<c>_draw_bbox</c>
/// ~439-530). The keys, their order and their types are those of <c>dataset/sampling_dataset.py</c> ~63-73 (with the
/// outline) and ~96-102 (without: phase, enable, template_bbox, search_bbox, template_scale).
/// </summary>
public sealed record VpTrackerVisualPrompt
{
    public const string ReleasedColor = "red";
    public const int ReleasedWidth = 3;
    public const double ReleasedTemplateScale = 2.0;

    /// <summary><c>train</c> (the released builder's only phase in the row; <c>--phase test</c> only picks the split).</summary>
    public string Phase { get; init; } = "train";

    /// <summary>The fork draws the outline (<c>--visual_prompt True</c> in <c>data_preparation.sh</c>).</summary>
    public bool Enable { get; init; } = true;

    /// <summary>randint(2, 8); null in rows without the outline (the key is absent).</summary>
    public int? Scale { get; init; }

    public string? Color { get; init; }

    public int? Width { get; init; }

    public double? InbboxRatio { get; init; }

    /// <summary>The template frame's box, <c>[x1, y1, x2, y2]</c> (<see cref="VpTrackerBox"/>).</summary>
    public required IReadOnlyList<int> TemplateBbox { get; init; }

    public double TemplateScale { get; init; } = ReleasedTemplateScale;

    /// <summary>The search frame's own box, <c>[x1, y1, x2, y2]</c>: the outline is centred on it (plus the fork's noise).</summary>
    public required IReadOnlyList<int> SearchBbox { get; init; }
}
