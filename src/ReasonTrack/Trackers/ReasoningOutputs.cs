using ReasonTrack.IO;

namespace ReasonTrack.Trackers;

/// <summary>
/// The reasoning side files of one sequence beside its boxes (the companion of <see cref="TrackingOutputs"/>):
/// <c>&lt;seq&gt;_reasoning.jsonl</c> (every call) and <c>&lt;seq&gt;_descriptions.txt</c> (the description in force
/// per frame, one line each). Both are published atomically: the log is written under a '.'-named temporary name
/// (<see cref="LogTemporaryPath"/>) and renamed into place by <see cref="PublishLog"/> when the sequence ends, the
/// descriptions are written whole (temporary file + rename). A reader, a resumed run or another shard never sees a
/// half-written file under the real names. Used by <c>track</c> and by the dataset runner alike.
/// </summary>
public sealed class ReasoningOutputs
{
    public const string LogSuffix = "_reasoning.jsonl";
    public const string DescriptionsSuffix = "_descriptions.txt";

    private ReasoningOutputs(string directory, string sequence)
    {
        Directory = directory;
        Sequence = sequence;
        LogTemporaryPath = AtomicFile.TemporaryPathFor(LogPath);
    }

    /// <summary>The folder holding the boxes and these files.</summary>
    public string Directory { get; }

    public string Sequence { get; }

    /// <summary>The outputs of <paramref name="sequence"/> beside the box file <paramref name="boxesPath"/>.</summary>
    public static ReasoningOutputs Beside(string boxesPath, string sequence)
    {
        ArgumentException.ThrowIfNullOrEmpty(boxesPath);
        ArgumentException.ThrowIfNullOrEmpty(sequence);
        return new ReasoningOutputs(Path.GetDirectoryName(Path.GetFullPath(boxesPath))!, sequence);
    }

    public string LogPath => Path.Combine(Directory, Sequence + LogSuffix);

    public string DescriptionsPath => Path.Combine(Directory, Sequence + DescriptionsSuffix);

    /// <summary>Where the log is written while the sequence runs (published by <see cref="PublishLog"/>): unique to this instance (process id and a random part), so concurrent writers never share it.</summary>
    public string LogTemporaryPath { get; }

    /// <summary>Both files exist under their real names (a sequence tracked with reasoning is complete only then).</summary>
    public bool Exist => File.Exists(LogPath) && File.Exists(DescriptionsPath);

    /// <summary>Creates the folder (before the log is opened at <see cref="LogTemporaryPath"/>).</summary>
    public void CreateDirectory() => System.IO.Directory.CreateDirectory(Directory);

    /// <summary>Renames the finished log from <see cref="LogTemporaryPath"/> to <see cref="LogPath"/> (one atomic rename).</summary>
    public void PublishLog() => AtomicFile.Publish(LogTemporaryPath, LogPath);

    /// <summary>Writes the description in force per frame, one line each (line breaks inside a description become spaces; an empty line where none was in force).</summary>
    public void WriteDescriptions(IReadOnlyList<string?> descriptions)
    {
        ArgumentNullException.ThrowIfNull(descriptions);
        AtomicFile.WriteAllText(DescriptionsPath, string.Concat(descriptions.Select(d => (d ?? "").Replace('\r', ' ').Replace('\n', ' ') + "\n")));
    }
}
