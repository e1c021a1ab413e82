using ReasonTrack.IO;
using ReasonTrack.Results.Masks;
using ReasonTrack.Trackers;

namespace ReasonTrack.Reports.Html;

/// <summary>
/// The masks of one sequence page, read once and shared by the J/F series and the video overlay
/// (<see cref="SequencePageContext.Shared{T}"/>): the ground truth (when <see cref="HtmlReportMasks.Annotations"/> has
/// the sequence) and each tracker's results that exist. A folder that cannot be read is left out with a warning naming it.
/// </summary>
internal sealed class SequenceMaskData
{
    private const string SharedKey = "masks";

    public SequenceMasks? GroundTruth { get; private init; }

    /// <summary>Results by tracker display name (only trackers with masks of the ground truth's size, when there is one).</summary>
    public IReadOnlyDictionary<string, SequenceMasks> Results { get; private init; } = new Dictionary<string, SequenceMasks>();

    /// <summary>The objects scored: those of the ground truth's first frame (as the DAVIS toolkit counts them), else every object it has.</summary>
    public IReadOnlyList<int> Objects { get; private init; } = [];

    public static SequenceMaskData Of(SequencePageContext context, HtmlReportMasks options) =>
        context.Shared(SharedKey, () => Load(context, options));

    private static SequenceMaskData Load(SequencePageContext ctx, HtmlReportMasks options)
    {
        string seq = ctx.Sequence.Name;
        SequenceMasks? gt = null;
        if (options.AnnotationFolder(seq, ctx.Report.Sequences.Count == 1) is { } gtFolder)
            gt = Read(ctx, gtFolder, "ground-truth masks");
        var results = new Dictionary<string, SequenceMasks>(StringComparer.Ordinal);
        foreach (var t in ctx.Trackers)
        {
            string? folder = null;
            foreach (var (name, dir) in options.ResultFolders)
                if (name == t.Tracker) { folder = Path.Combine(dir, seq); break; }
            folder ??= MaskOutputs.FolderFor(t.ResultPath, seq);
            if (!Directory.Exists(folder) || Directory.GetFiles(folder, "*.png").Length == 0) continue;
            var m = Read(ctx, folder, $"masks of {t.Tracker}");
            if (m is null) continue;
            if (gt is not null && (m.Width != gt.Width || m.Height != gt.Height))
            {
                ctx.Warn?.Invoke($"{seq}: masks of {t.Tracker} ({folder}) are {m.Width}x{m.Height}, the ground truth's {gt.Width}x{gt.Height}: not shown");
                continue;
            }
            results[t.Tracker] = m;
        }
        IReadOnlyList<int> objects = gt is null ? [] : gt.ObjectsIn(0).Count > 0 ? [.. gt.ObjectsIn(0).Keys] : gt.ObjectIds();
        return new SequenceMaskData { GroundTruth = gt, Results = results, Objects = objects };
    }

    private static SequenceMasks? Read(SequencePageContext ctx, string folder, string what)
    {
        try
        {
            return DavisPngFolder.Read(folder);
        }
        catch (Exception e) when (e is DataFormatException or IOException)
        {
            ctx.Warn?.Invoke($"{ctx.Sequence.Name}: {what} not read: {e.Message}");
            return null;
        }
    }
}
