namespace ReasonTrack.IO;

/// <summary>
/// Bad input data: names the file and, where known, the 1-based line, so that a user can open the file there.
/// </summary>
public class DataFormatException : ReasonTrackException
{
    public DataFormatException(string path, int line, string message)
        : base(line > 0 ? $"{path}:{line}: {message}" : $"{path}: {message}")
    {
        FilePath = path;
        Line = line;
        Reason = message;
    }

    public DataFormatException(string path, string message) : this(path, 0, message) { }

    /// <summary>The file at fault.</summary>
    public string FilePath { get; }

    /// <summary>1-based line number, or 0 when the fault is not on one line.</summary>
    public int Line { get; }

    /// <summary>The message without the location prefix.</summary>
    public string Reason { get; }
}
