using ReasonTrack.Datasets.Referring;
using ReasonTrack.Evaluation.Masks;
using ReasonTrack.Geometry.Masks;
using ReasonTrack.IO;
using ReasonTrack.Results.Masks;

namespace ReasonTrack.Runs.Referring;

/// <summary>
/// The per-expression protocol of Refer-YouTube-VOS and MeViS, as MeViS's <c>tools/eval_mevis.py</c> computes it on a
/// split with public masks: for each expression, its result PNGs (<c>&lt;results&gt;/&lt;video&gt;/&lt;expression id&gt;/&lt;frame&gt;.png</c>,
/// any non-zero pixel = target) against its ground truth (<see cref="IReferringGroundTruth"/>, empty where the
/// benchmark has no mask) on <b>every</b> frame (no first or last frame dropped, unlike davis2017), J = region
/// similarity and F = boundary F (<see cref="DavisMetrics"/>, the DAVIS functions eval_mevis.py imports) averaged over
/// the frames; then the plain mean over expressions. An expression without a results folder scores J = F = 0 with a
/// warning (eval_mevis.py: <c>out_dict[exp_name] = [0, 0]</c>); a folder missing one frame's PNG is an error naming it.
/// </summary>
public static class ExpressionEvaluation
{
    public const string ProtocolKey = "per-expression";

    public static ExpressionEvaluationReport Evaluate(ReferringDataset dataset, string resultsDirectory)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        var scores = new List<ExpressionScore>();
        var warnings = new List<string>();
        foreach (var v in dataset.Videos)
        {
            var gt = v.GroundTruth ?? throw new ReasonTrackException($"{dataset.DisplayName}: video {v.Name} has no ground truth (the split's masks are not public): it can only be scored by the benchmark's server");
            foreach (var e in v.Expressions)
            {
                string folder = Path.Combine(resultsDirectory, v.Name, e.Id);
                if (!Directory.Exists(folder))
                {
                    warnings.Add($"{folder} not found: expression scored J = F = 0 (as eval_mevis.py)");
                    scores.Add(new ExpressionScore(v.Name, e.Id, e.Text, 0, 0, Missing: true));
                    continue;
                }
                double j = 0, f = 0;
                for (int k = 0; k < v.FrameNames.Count; k++)
                {
                    string path = Path.Combine(folder, v.FrameNames[k] + ".png");
                    if (!File.Exists(path)) throw new DataFormatException(path, $"result frame missing (video {v.Name}, expression {e.Id}): every frame needs its PNG");
                    var labels = DavisPngFolder.ReadLabels(path);
                    var result = Mask.FromDense(labels.Labels, labels.Width, labels.Height);
                    var truth = gt.MaskOf(e, k) ?? Mask.Empty(labels.Width, labels.Height);
                    if (truth.Width != result.Width || truth.Height != result.Height)
                        throw new DataFormatException(path, $"result is {result.Width}x{result.Height}, the ground truth {truth.Width}x{truth.Height}");
                    j += DavisMetrics.RegionSimilarity(result, truth);
                    f += DavisMetrics.BoundaryF(result, truth, DavisMetrics.BoundPix(result.Width, result.Height));
                }
                int n = Math.Max(1, v.FrameNames.Count);
                scores.Add(new ExpressionScore(v.Name, e.Id, e.Text, j / n, f / n, Missing: false));
            }
        }
        return new ExpressionEvaluationReport(ProtocolKey, scores, warnings);
    }
}
