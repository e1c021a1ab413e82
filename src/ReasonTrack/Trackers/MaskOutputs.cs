using ReasonTrack.IO;
using ReasonTrack.Results.Masks;

namespace ReasonTrack.Trackers;

/// <summary>
/// A sequence's masks beside its boxes (the companion of <see cref="TrackingOutputs"/>, ours): the DAVIS results layout,
/// <c>&lt;folder of the box file&gt;/&lt;seq&gt;/00000.png</c>, <c>00001.png</c>, ... (palette-indexed, one id per object,
/// 0 background; every frame has a file, an empty one where no mask was made), so the folder holding the box files is
/// a DAVIS results folder (<c>eval --protocol davis2017</c> reads it). Published atomically as a whole: the PNGs are
/// written into a '.'-named temporary folder beside it, which then replaces the sequence's folder.
/// </summary>
public static class MaskOutputs
{
    /// <summary>The mask folder of <paramref name="sequence"/> whose boxes are (or go) at <paramref name="boxesPath"/>.</summary>
    public static string FolderFor(string boxesPath, string sequence)
    {
        ArgumentException.ThrowIfNullOrEmpty(boxesPath);
        ArgumentException.ThrowIfNullOrEmpty(sequence);
        return Path.Combine(Path.GetDirectoryName(Path.GetFullPath(boxesPath))!, sequence);
    }

    /// <summary>Whether the sequence's mask folder holds <paramref name="frames"/> frame PNGs (00000.png .. ).</summary>
    public static bool Complete(string boxesPath, string sequence, int frames)
    {
        string folder = FolderFor(boxesPath, sequence);
        return frames > 0 && File.Exists(Path.Combine(folder, DavisPngFolder.FrameName(0) + ".png"))
                          && File.Exists(Path.Combine(folder, DavisPngFolder.FrameName(frames - 1) + ".png"));
    }

    /// <summary>Writes frames 0..<paramref name="frames"/>-1 of <paramref name="masks"/>; returns the folder.</summary>
    public static string Write(SequenceMasks masks, string boxesPath, string sequence, int frames)
    {
        ArgumentNullException.ThrowIfNull(masks);
        string folder = FolderFor(boxesPath, sequence);
        masks.EnsureFrames(frames);
        // Replaced whole (two renames when it exists), so the real name never holds a mix of runs.
        AtomicFolder.Publish(folder, tmp => DavisPngFolder.Write(tmp, masks));
        return folder;
    }
}
