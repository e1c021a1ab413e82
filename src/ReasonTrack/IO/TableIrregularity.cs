namespace ReasonTrack.IO;

/// <summary>
/// One line of a <see cref="NumericTable"/>'s file that was read by a lenient rule, and what was assumed. Collected only
/// when such a line occurs, so clean files cost nothing.
/// </summary>
/// <param name="Line">1-based line in the file.</param>
/// <param name="Kind">Which liberty.</param>
/// <param name="Assumed">What the reader did, in words (e.g. "3 fields, the other rows 4: padded with zeros as dlmread does").</param>
public readonly record struct TableIrregularity(int Line, TableIrregularityKind Kind, string Assumed)
{
    /// <summary><c>path:line: assumed</c>.</summary>
    public string ToString(string path) => $"{path}:{Line}: {Assumed}";
}
