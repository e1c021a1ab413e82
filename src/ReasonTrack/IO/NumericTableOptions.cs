namespace ReasonTrack.IO;

/// <summary>How <see cref="NumericTable"/> treats the liberties real annotation and result files take.</summary>
public sealed record NumericTableOptions
{
    /// <summary>
    /// An empty field between two separators (<c>1,,3,4</c>) reads as 0, as Matlab's <c>dlmread</c> does.
    /// When false (the default) it is an error naming the line.
    /// </summary>
    public bool EmptyFieldIsZero { get; init; }

    /// <summary>
    /// Rows shorter than the widest row are padded with zeros, as <c>dlmread</c> does. When false (the default) a
    /// row with a different number of fields is an error naming the line.
    /// </summary>
    public bool PadShortRows { get; init; }

    /// <summary>Blank lines anywhere are skipped. When false (the default) only trailing blank lines are.</summary>
    public bool SkipInteriorBlankLines { get; init; }

    public static NumericTableOptions Strict { get; } = new();

    /// <summary>The liberties of Matlab's <c>dlmread</c>, used by the Matlab-toolkit protocols.</summary>
    public static NumericTableOptions Dlmread { get; } = new() { EmptyFieldIsZero = true, PadShortRows = true, SkipInteriorBlankLines = true };
}
