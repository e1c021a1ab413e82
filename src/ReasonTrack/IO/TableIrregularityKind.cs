namespace ReasonTrack.IO;

/// <summary>A liberty a file took that <see cref="NumericTable"/> read by a rule (dlmread's, under its options) rather than rejected.</summary>
public enum TableIrregularityKind
{
    /// <summary>A row with fewer fields than the others, padded with zeros.</summary>
    ShortRow,

    /// <summary>A row with more fields than the others: the table is widened and every other row padded with zeros.</summary>
    LongRow,

    /// <summary>An empty field between separators, read as 0.</summary>
    EmptyField,

    /// <summary>An infinite value (<c>inf</c>, <c>Infinity</c>, or a number too large for a double).</summary>
    Infinite,

    /// <summary>Blank lines between data rows, skipped: the rows after them belong one line-count earlier.</summary>
    BlankLine,
}
