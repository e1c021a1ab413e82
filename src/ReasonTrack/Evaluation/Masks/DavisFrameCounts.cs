namespace ReasonTrack.Evaluation.Masks;

/// <summary>
/// The integer counts behind one object's J and F in one frame, named as the golden data's <c>diagnostics</c>:
/// <see cref="Intersection"/> and <see cref="Union"/> of the result and ground-truth masks; <see cref="FgBoundary"/>
/// and <see cref="GtBoundary"/> the boundary pixels of the result ("foreground") and the ground truth;
/// <see cref="FgMatch"/> the result's boundary pixels within the dilated ground-truth boundary and
/// <see cref="GtMatch"/> the ground truth's within the dilated result boundary.
/// </summary>
public readonly record struct DavisFrameCounts(long Intersection, long Union, long FgBoundary, long GtBoundary, long FgMatch, long GtMatch)
{
    /// <summary>J = intersection / union, 1 when the union is empty (metrics.py:32-36).</summary>
    public double J => Union == 0 ? 1.0 : (double)Intersection / Union;

    /// <summary>F from the boundary counts with the toolkit's special cases (metrics.py:100-117).</summary>
    public double F
    {
        get
        {
            double precision, recall;
            if (FgBoundary == 0 && GtBoundary > 0) { precision = 1; recall = 0; }
            else if (FgBoundary > 0 && GtBoundary == 0) { precision = 0; recall = 1; }
            else if (FgBoundary == 0 && GtBoundary == 0) { precision = 1; recall = 1; }
            else
            {
                precision = FgMatch / (double)FgBoundary;
                recall = GtMatch / (double)GtBoundary;
            }
            return precision + recall == 0 ? 0.0 : 2 * precision * recall / (precision + recall);
        }
    }
}
