using ReasonTrack.Datasets.Referring;
using ReasonTrack.Reasoning.Modes;
using ReasonTrack.Segmentation;
using ReasonTrack.Trackers;

namespace ReasonTrack.Runs.Referring;

/// <summary>Everything a <see cref="ReferringRun"/> needs: the benchmark, the tracker, the segmenter, the reasoning, where results go.</summary>
public sealed record ReferringRunOptions
{
    /// <summary>The loaded benchmark (Refer-DAVIS17: merged label maps scored with davis2017).</summary>
    public required ReferringDataset Dataset { get; init; }

    /// <summary>The visual tracker's registry name.</summary>
    public required string TrackerKey { get; init; }

    public IReadOnlyDictionary<string, string> Settings { get; init; } = new Dictionary<string, string>();

    public TrackerContext Context { get; init; } = new();

    /// <summary>Turns the tracker's boxes into masks (<see cref="SegmenterKind.None"/> is refused unless the tracker sends masks itself).</summary>
    public SegmenterOptions Segmenter { get; init; } = new() { Kind = SegmenterKind.Box };

    /// <summary>
    /// Instruction mode (<see cref="ReasonerKind.Instruction"/>): each object's expression is its instruction and its
    /// first box is grounded by the model on the first frame. Null: no model; each object starts from the bounding box
    /// of its ground-truth mask in the first frame (the semi-supervised setting, for a box-tracker baseline).
    /// </summary>
    public RunReasoning? Reasoning { get; init; }

    public VlmFailurePolicy FailurePolicy { get; init; } = VlmFailurePolicy.Default;

    public required string OutputDirectory { get; init; }

    /// <summary>The name results are filed under: <c>&lt;out&gt;/&lt;name&gt;/masks</c> (DAVIS results folder) and <c>&lt;out&gt;/&lt;name&gt;/boxes</c>.</summary>
    public required string ResultName { get; init; }

    /// <summary>Which object keeps a pixel two masks cover (default: the lower id, ReferFormer's rule).</summary>
    public MaskOverlapRule Overlap { get; init; } = MaskOverlapRule.LowerIdWins;

    /// <summary>Videos tracked in parallel (each video's objects one after another).</summary>
    public int Jobs { get; init; } = 1;

    /// <summary>Skip videos whose masks are complete under the same configuration (refusing another configuration's folder).</summary>
    public bool Resume { get; init; } = true;

    /// <summary>The results root of this name: <c>&lt;out&gt;/&lt;name&gt;</c> (holds the configuration record).</summary>
    public string ResultsDirectory => Path.Combine(OutputDirectory, ResultName);

    /// <summary>The DAVIS results folder: <c>&lt;out&gt;/&lt;name&gt;/masks/&lt;video&gt;/&lt;frame&gt;.png</c>.</summary>
    public string MasksDirectory => Path.Combine(ResultsDirectory, "masks");

    /// <summary>Per-object boxes, scores, times and reasoning logs: <c>&lt;out&gt;/&lt;name&gt;/boxes/&lt;video&gt;_&lt;object&gt;.txt</c>.</summary>
    public string BoxesDirectory => Path.Combine(ResultsDirectory, "boxes");
}
