using ReasonTrack.Datasets;
using ReasonTrack.IO;

namespace ReasonTrack.Evaluation;

/// <summary>
/// A named set of evaluation rules reproducing one official toolkit. Protocols compute; they never print.
/// </summary>
public interface IEvaluationProtocol
{
    /// <summary>Registry key printed beside every number, e.g. <c>lasot-matlab</c>.</summary>
    string Key { get; }

    /// <summary>One paragraph: which toolkit, and the rules that make its numbers differ from others'.</summary>
    string Description { get; }

    ThresholdGrid SuccessGrid { get; }
    ThresholdGrid PrecisionGrid { get; }
    ThresholdGrid NormalizedPrecisionGrid { get; }

    /// <summary>How this toolkit reads result files (Matlab's <c>dlmread</c> is lenient; others are strict).</summary>
    NumericTableOptions ReadOptions { get; }

    /// <summary>True when the reported precision is the area under the precision curve rather than P@20.</summary>
    bool PrecisionIsArea { get; }

    /// <summary>True when the reported normalized precision is the area under the curve rather than NP@0.20.</summary>
    bool NormalizedPrecisionIsArea { get; }

    /// <summary>What the toolkit does with an empty result file.</summary>
    EmptyResultPolicy EmptyResults { get; }

    /// <summary>Fewest sequences an attribute needs to get its own figures (the Matlab toolkits skip fewer than 2).</summary>
    int MinSequencesPerAttribute { get; }

    /// <summary>
    /// Evaluates one run of one tracker on one sequence. <paramref name="result"/> is the file as read with
    /// <see cref="ReadOptions"/>; <paramref name="times"/> the per-frame times if the result has a time file.
    /// </summary>
    /// <exception cref="DataFormatException">The result breaks a rule the toolkit treats as an error.</exception>
    SequenceCurves EvaluateSequence(Sequence sequence, NumericTable result, double[]? times);

    /// <summary>Aggregates per-sequence curves (one tracker, a set of sequences) as the toolkit does.</summary>
    TrackerSummary Summarize(IReadOnlyList<SequenceCurves> sequences);
}
