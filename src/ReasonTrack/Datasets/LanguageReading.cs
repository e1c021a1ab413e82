namespace ReasonTrack.Datasets;

/// <summary>
/// How a sequence's language file becomes the description a reasoning mode is given (<see cref="Sequence.LanguageAs"/>).
/// The released systems differ: VPTracker's evaluation reads the whole file, ReasoningTrack's tracker family the first line.
/// </summary>
public enum LanguageReading
{
    /// <summary>
    /// The first line, trimmed (<see cref="Sequence.Language"/>). ReasoningTrack's default: its released evaluation
    /// (<c>ReasoningTrack/Evaluation/dutrack.py</c>) takes the text from its DUTrack base's dataset classes, which are
    /// not in the release for TNLLT; DUTrack's released loaders read one line (<c>lib/test/utils/load_text.py</c>
    /// <c>load_str</c>: <c>readline().strip().lower()</c>), so the first line is the closest released reading (we do
    /// not lower-case it).
    /// </summary>
    FirstLine,

    /// <summary>
    /// The whole file, unstripped (<see cref="Sequence.LanguageText"/>): VPTracker's default, as
    /// <c>evaluation/tnllt_dataset.py</c> ~59 reads it (<c>f.read()</c>), trailing newline and all.
    /// </summary>
    WholeFile,
}
