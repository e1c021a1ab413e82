namespace ReasonTrack.Datasets;

/// <summary>
/// The tell-tale signs of the LaSOT, TNLLT and TNL2K layouts, which share file names enough that one benchmark's
/// folder loads under another's key and gives plausible nonsense (TNLLT reads LaSOT's absence flags inverted). A
/// mismatch raises <see cref="DatasetMismatchException"/>. Signs used:
/// <list type="bullet">
/// <item>toolkit layout: TNL2K keeps its boxes in <c>annos/gt_rect/</c>, LaSOT and TNLLT in <c>annos/</c> itself;</item>
/// <item>absence polarity (toolkit layout, whose absence files share one name): the flags of a benchmark mark the target
/// absent in a minority of frames; when more than half of all frames (at least 50 flags read) would be absent under
/// the key's polarity, the files use the other polarity (TNLLT's 1 = visible against LaSOT's and TNL2K's 1 = absent);</item>
/// <item>dataset layout: LaSOT sequence folders hold <c>full_occlusion.txt</c>, <c>out_of_view.txt</c>, <c>nlp.txt</c>,
/// <c>img/</c>; TNLLT's <c>absent_label.txt</c>, <c>attributes.txt</c>; TNL2K's <c>imgs/</c> and <c>language.txt</c> only.</item>
/// </list>
/// Attribute counts (LaSOT 14, TNLLT 15, TNL2K 17) and split lists are quoted as supporting evidence only: the
/// toolkits' own TNLLT inputs reuse LaSOT's attribute files.
/// </summary>
internal static class LayoutSignature
{
    /// <summary>Fewer flags than this are not judged by their polarity (tiny fixtures may be mostly absent).</summary>
    private const int MinFramesForPolarity = 50;

    private static readonly Dictionary<string, string> Names = new() { ["lasot"] = "LaSOT", ["tnllt"] = "TNLLT", ["tnl2k"] = "TNL2K" };

    /// <summary>Before loading a toolkit layout: the box folder must be where the key's toolkit keeps it.</summary>
    public static void CheckToolkitFolders(string key, string root, string annos, bool keyUsesGtRect)
    {
        bool hasGtRect = Directory.Exists(Path.Combine(annos, "gt_rect"));
        bool hasBoxFiles = Directory.EnumerateFiles(annos, "*.txt").Any();
        if (!keyUsesGtRect && hasGtRect && !hasBoxFiles)
            throw new DatasetMismatchException(root, key, "tnl2k",
                $"the TNL2K toolkit layout (boxes in {Path.Combine(annos, "gt_rect")}, none in {annos}{Supporting(annos, "tnl2k")}), not {Names[key]}'s annos/<seq>.txt");
        if (keyUsesGtRect && !hasGtRect && hasBoxFiles)
        {
            string likely = Directory.Exists(Path.Combine(annos, "absent")) && MostlyOnes(Path.Combine(annos, "absent")) ? "tnllt" : "lasot";
            throw new DatasetMismatchException(root, key, likely,
                $"the {Names[likely]} toolkit layout (boxes in {annos}/<seq>.txt, no gt_rect folder{Supporting(annos, likely)}), not TNL2K's annos/gt_rect/<seq>.txt");
        }
    }

    /// <summary>After loading: absence polarity and, for the dataset layout, the files of a sequence folder.</summary>
    public static void CheckLoaded(string key, string root, string? annos, bool oneMeansVisible, IReadOnlyList<Sequence> sequences)
    {
        // The dataset layouts name their absence files by meaning (full_occlusion.txt, absent_label.txt): their folder
        // files tell them apart. The toolkit layouts share annos/absent/<seq>.txt: only the polarity does.
        if (annos is null)
        {
            CheckDatasetFolders(key, root, sequences);
            return;
        }

        long frames = 0, absent = 0;
        foreach (var s in sequences)
        {
            if (s.Absent is not { } a) continue;
            frames += a.Length;
            foreach (bool f in a) if (f) absent++;
        }
        if (frames < MinFramesForPolarity || absent * 2 <= frames) return;
        double share = 100.0 * absent / frames;
        string onesShare = $"{(oneMeansVisible ? 100 - share : share):0.#}%";
        const string layout = "toolkit layout";
        if (oneMeansVisible)
        {
            // TNLLT key, but the files say 1 in a minority of frames: 1 = absent, LaSOT's or TNL2K's polarity.
            string likely = annos is not null && Directory.Exists(Path.Combine(annos, "gt_rect")) ? "tnl2k" : "lasot";
            throw new DatasetMismatchException(root, key, likely,
                $"the {Names[likely]} {layout}: its absence files hold 1 in {onesShare} of {frames} frames, which is {Names[likely]}'s polarity (1 = absent); " +
                $"read as TNLLT's (1 = visible) the target would be absent in {share:0.#}% of frames{Supporting(annos, likely)}");
        }
        throw new DatasetMismatchException(root, key, "tnllt",
            $"the TNLLT {layout}: its absence files hold 1 in {onesShare} of {frames} frames, which is TNLLT's polarity (1 = visible); " +
            $"read as {Names[key]}'s (1 = absent) the target would be absent in {share:0.#}% of frames{Supporting(annos, "tnllt")}");
    }

    private static void CheckDatasetFolders(string key, string root, IReadOnlyList<Sequence> sequences)
    {
        if (sequences.Count == 0 || sequences[0].GroundTruthPath is not { } gt || Path.GetDirectoryName(gt) is not { } folder) return;
        bool Has(string name) => File.Exists(Path.Combine(folder, name));
        bool lasot = Has("full_occlusion.txt") || Has("out_of_view.txt") || Has("nlp.txt") || Directory.Exists(Path.Combine(folder, "img"));
        bool tnllt = Has("absent_label.txt") || Has("attributes.txt");
        bool tnl2k = !lasot && !tnllt && Directory.Exists(Path.Combine(folder, "imgs")) && Has("language.txt");
        string? likely = lasot && !tnllt ? "lasot" : tnllt && !lasot ? "tnllt" : tnl2k ? "tnl2k" : null;
        // Folders without the markers (annotations only) and TNLLT folders without their label files are not judged.
        if (likely is null || likely == key || (key == "tnllt" && likely == "tnl2k")) return;
        string files = likely switch
        {
            "lasot" => "full_occlusion.txt, out_of_view.txt, nlp.txt, img/",
            "tnllt" => "absent_label.txt, attributes.txt",
            _ => "imgs/ and language.txt, no absence file",
        };
        throw new DatasetMismatchException(root, key, likely,
            $"the {Names[likely]} dataset layout (sequence folder {folder} has {Names[likely]}'s files: {files})");
    }

    /// <summary>Attribute count and split lists that agree with <paramref name="likely"/>, as "; ..." text.</summary>
    private static string Supporting(string? annos, string likely)
    {
        if (annos is null) return "";
        var parts = new List<string>();
        string att = Path.Combine(annos, "att");
        if (Directory.Exists(att) && Directory.EnumerateFiles(att, "*.txt").FirstOrDefault() is { } f)
        {
            try
            {
                int n = IO.NumericTable.Read(f).Flatten().Length;
                int expected = likely switch { "lasot" => 14, "tnllt" => 15, _ => 17 };
                if (n == expected) parts.Add($"{n} attribute flags per sequence, as {Names[likely]} has");
            }
            catch (IO.DataFormatException) { /* evidence only */ }
        }
        string beside = Path.GetDirectoryName(annos) ?? annos;
        string? list = likely switch { "lasot" => "training_set.txt", "tnllt" => "all_dataset.txt", _ => "TNL2K_testing_set.txt" };
        if (File.Exists(Path.Combine(beside, list))) parts.Add($"{list} beside annos");
        return parts.Count == 0 ? "" : "; " + string.Join("; ", parts);
    }

    /// <summary>True when the absence files of a folder (sampled) hold more ones than zeros.</summary>
    private static bool MostlyOnes(string absentDir)
    {
        long ones = 0, all = 0;
        foreach (string f in Directory.EnumerateFiles(absentDir, "*.txt").Take(20))
        {
            try
            {
                foreach (double v in IO.NumericTable.Read(f, IO.NumericTableOptions.Dlmread).Flatten()) { all++; if (v != 0) ones++; }
            }
            catch (IO.DataFormatException) { /* evidence only */ }
        }
        return all > 0 && ones * 2 > all;
    }
}
