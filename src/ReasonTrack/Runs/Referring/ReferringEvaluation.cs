using System.Globalization;
using ReasonTrack.Datasets.Davis;
using ReasonTrack.Datasets.Referring;
using ReasonTrack.Evaluation.Masks;

namespace ReasonTrack.Runs.Referring;

/// <summary>
/// The evaluation of a referring run on Refer-DAVIS17: the merged label maps (<see cref="ReferringRun"/>'s
/// <c>masks</c> folder) scored by the DAVIS 2017 toolkit's rules (<see cref="DavisEvaluator"/>, protocol
/// <c>davis2017</c>) against the benchmark's <c>Annotations/480p</c>, on the videos loaded. Each DAVIS object is the
/// object an expression names, so J and F per object are the expression's.
/// </summary>
public static class ReferringEvaluation
{
    /// <exception cref="ReasonTrackException">The benchmark is not scored with davis2017 (Refer-YouTube-VOS, MeViS).</exception>
    /// <exception cref="IO.DataFormatException">A missing or broken annotation or result file, naming it.</exception>
    public static DavisEvaluationReport Evaluate(ReferringDataset dataset, string masksDirectory, string? name = null, DavisEvaluationOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        if (dataset.Protocol != DavisEvaluator.ProtocolKey || dataset.DavisRoot is not { } root)
            throw new ReasonTrackException($"{dataset.DisplayName} is scored {dataset.Protocol}, not with the DAVIS 2017 toolkit");
        var sequences = dataset.Videos.Select(v => DavisLoader.LoadSequence(root, v.Name)).ToList();
        var set = new DavisSequenceSet(root, dataset.Split ?? DavisLoader.DefaultSet, sequences);
        return new DavisEvaluator(options).Evaluate(set, masksDirectory, name);
    }

    /// <summary>
    /// The figures as the console prints them, in percent with one decimal as papers report them, each line naming its
    /// protocol: <c>J&amp;F-Mean 85.3 (davis2017)</c>, then the seven global figures, then one line per object with
    /// its expression.
    /// </summary>
    public static IReadOnlyList<string> Describe(DavisEvaluationReport report, ReferringDataset dataset)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(dataset);
        static string P(double v) => (100 * v).ToString("0.0", CultureInfo.InvariantCulture);
        var g = report.Global;
        var lines = new List<string>
        {
            $"{dataset.DisplayName} {dataset.Split} ({dataset.ExpressionSet}), {report.Tracker}: {report.Objects.Count} object(s) in {report.Objects.Select(o => o.Sequence).Distinct().Count()} video(s)",
            $"J&F-Mean {P(g.JAndFMean)} ({report.Protocol})",
            string.Join("  ", DavisGlobalResult.Columns.Zip(g.Values, (c, v) => $"{c} {P(v)}")) + $" ({report.Protocol}, percent)",
        };
        foreach (var o in report.Objects)
        {
            string? text = dataset.Find(o.Sequence)?.Expressions.FirstOrDefault(e => e.ObjectIds.Count == 1 && e.ObjectIds[0] == o.ObjectId)?.Text;
            lines.Add($"  {o.Key}{(text is null ? " (no expression)" : $" \"{text}\"")}: J-Mean {P(o.J.Mean)}  F-Mean {P(o.F.Mean)} ({report.Protocol})");
        }
        foreach (var w in report.Warnings) lines.Add($"warning: {w}");
        return lines;
    }
    /// <summary>The per-expression figures as the console prints them (percent, one decimal, each line naming its protocol).</summary>
    public static IReadOnlyList<string> Describe(ExpressionEvaluationReport report, ReferringDataset dataset)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(dataset);
        static string P(double v) => (100 * v).ToString("0.0", CultureInfo.InvariantCulture);
        var lines = new List<string>
        {
            $"{dataset.DisplayName}: {report.Expressions.Count} expression(s) in {report.Expressions.Select(e => e.Video).Distinct().Count()} video(s)",
            $"J&F {P(report.JAndF)} ({report.Protocol})",
            $"J&F {P(report.JAndF)}  J {P(report.J)}  F {P(report.F)} ({report.Protocol}, percent)",
        };
        foreach (var e in report.Expressions)
            lines.Add($"  {e.Key} \"{e.Text}\": J {P(e.J)}  F {P(e.F)}{(e.Missing ? " (no results)" : "")} ({report.Protocol})");
        foreach (var w in report.Warnings) lines.Add($"warning: {w}");
        return lines;
    }
}
