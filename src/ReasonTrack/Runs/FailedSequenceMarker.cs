using ReasonTrack.IO;

namespace ReasonTrack.Runs;

/// <summary>
/// <c>&lt;boxes file&gt;.failed</c>: written beside the boxes of a sequence whose model calls failed (see
/// <see cref="Reasoning.Modes.VlmFailurePolicy"/>). The boxes stay for inspection; the marker makes a resumed run
/// track the sequence again, and a successful run of it removes the marker. It holds the reason, one line.
/// <para>Shards sharing a folder: the marker is per sequence, written and removed only by the shard that tracks that
/// sequence (shards own disjoint sequences), atomically; removing a marker already gone is not an error.</para>
/// </summary>
public static class FailedSequenceMarker
{
    public static string PathFor(string boxesPath) => boxesPath + ".failed";

    public static bool Exists(string boxesPath) => File.Exists(PathFor(boxesPath));

    public static void Write(string boxesPath, string reason) => AtomicFile.WriteAllText(PathFor(boxesPath), reason.ReplaceLineEndings(" ") + "\n");

    public static void Clear(string boxesPath)
    {
        string p = PathFor(boxesPath);
        if (File.Exists(p)) File.Delete(p);
    }
}
