using ReasonTrack.IO;

namespace ReasonTrack.Datasets;

/// <summary>
/// The official Matlab toolkits' annotation layout (LaSOT, TNLLT, TNL2K): <c>annos/[box folder/]&lt;seq&gt;.txt</c>,
/// <c>annos/absent/&lt;seq&gt;.txt</c>, <c>annos/att/&lt;seq&gt;[suffix].txt</c>, optionally <c>annos/nlp/&lt;seq&gt;.txt</c>,
/// with split lists beside <c>annos</c>. Frames are not part of this layout: sequences have none.
/// </summary>
internal sealed record ToolkitLayout
{
    /// <summary>Subfolder of <c>annos</c> holding the boxes ("" = annos itself, TNL2K: <c>gt_rect</c>).</summary>
    public string BoxFolder { get; init; } = "";

    /// <summary>TNLLT: 1 = visible. Everyone else: 1 = absent.</summary>
    public bool AbsentOneMeansVisible { get; init; }

    /// <summary>Appended to the sequence name for attribute files (TNL2K: <c>_attribute</c>).</summary>
    public string AttributeSuffix { get; init; } = "";

    /// <summary>Split name to list file (beside <c>annos</c>); the first entry is the default split.</summary>
    public required IReadOnlyList<KeyValuePair<string, string>> SplitLists { get; init; }

    public required IReadOnlyList<string> AttributeNames { get; init; }

    public Func<string, string?> ClassNameOf { get; init; } = _ => null;

    /// <summary>The annotation folder when <paramref name="root"/> is a toolkit layout (the annos folder or its parent), else null.</summary>
    public static string? FindAnnos(string root)
    {
        string inner = Path.Combine(root, "annos");
        if (Directory.Exists(inner)) return inner;
        if (Path.GetFileName(root).Equals("annos", StringComparison.OrdinalIgnoreCase)) return root;
        return null;
    }

    /// <summary>Loads the sequences of a toolkit layout, adding notes on tolerated gaps to <paramref name="notes"/>.</summary>
    public List<Sequence> Load(string annos, DatasetLoadOptions options, List<string> notes)
    {
        string beside = Path.GetDirectoryName(annos) ?? annos;
        string boxDir = BoxFolder.Length == 0 ? annos : Path.Combine(annos, BoxFolder);
        if (!Directory.Exists(boxDir)) throw new DataFormatException(boxDir, "annotation folder not found");

        var (available, source) = ListSequences(beside, boxDir, options.Split, notes);
        var names = DatasetFiles.Select(available, options, source);

        string absentDir = Path.Combine(annos, "absent");
        string attDir = Path.Combine(annos, "att");
        string nlpDir = Path.Combine(annos, "nlp");
        bool hasAbsent = Directory.Exists(absentDir), hasAtt = Directory.Exists(attDir), hasNlp = Directory.Exists(nlpDir);
        if (!hasAbsent) notes.Add($"no absence labels ({absentDir} is missing): every frame counts as visible");
        if (!hasAtt) notes.Add($"no attribute files ({attDir} is missing)");

        var seqNotes = new string?[names.Count];
        var sequences = DatasetFiles.LoadAll(names.Count, i =>
        {
            string name = names[i];
            string boxPath = Path.Combine(boxDir, name + ".txt");
            var boxes = DatasetFiles.ReadBoxes(boxPath);
            bool[]? absent = hasAbsent ? DatasetFiles.ReadAbsent(Path.Combine(absentDir, name + ".txt"), AbsentOneMeansVisible) : null;
            if (absent is not null && absent.Length != boxes.Length)
                seqNotes[i] = $"{name}: absent file has {absent.Length} rows, ground truth {boxes.Length} (kept as read)";
            double[]? att = hasAtt ? DatasetFiles.ReadValues(Path.Combine(attDir, name + AttributeSuffix + ".txt")) : null;
            if (att is not null && att.Length != AttributeNames.Count)
                seqNotes[i] = (seqNotes[i] is { } n ? n + "; " : $"{name}: ") + $"{att.Length} attribute values, the benchmark names {AttributeNames.Count}";
            return new Sequence(name, boxes)
            {
                GroundTruthPath = boxPath,
                Absent = absent,
                AttributeVector = att,
                Attributes = att is null ? [] : DatasetFiles.AttributesOf(att, AttributeNames),
                Language = hasNlp ? DatasetFiles.FirstLine(Path.Combine(nlpDir, name + ".txt")) : null,
                ClassName = ClassNameOf(name),
            };
        });
        foreach (string? n in seqNotes) if (n is not null) notes.Add(n);
        return sequences.ToList();
    }

    private (List<string> Names, string Source) ListSequences(string beside, string boxDir, string? split, List<string> notes)
    {
        if (split is not null)
        {
            var entry = SplitLists.FirstOrDefault(kv => kv.Key.Equals(split, StringComparison.OrdinalIgnoreCase));
            if (entry.Value is not null)
            {
                string path = Path.Combine(beside, entry.Value);
                return (DatasetFiles.ReadList(path), path);
            }
            if (!split.Equals("all", StringComparison.OrdinalIgnoreCase))
                throw new InvalidSettingException("split", $"unknown split '{split}'; valid: {string.Join(", ", SplitLists.Select(kv => kv.Key).Append("all"))}");
            return (AllBoxFiles(boxDir), boxDir);
        }
        foreach (string candidate in new[] { SplitLists[0].Value, "sequences.txt" })
        {
            string path = Path.Combine(beside, candidate);
            if (File.Exists(path)) return (DatasetFiles.ReadList(path), path);
        }
        notes.Add($"no sequence list beside {boxDir}: every annotation file is a sequence");
        return (AllBoxFiles(boxDir), boxDir);
    }

    private static List<string> AllBoxFiles(string boxDir)
    {
        var names = Directory.EnumerateFiles(boxDir, "*.txt").Select(f => Path.GetFileNameWithoutExtension(f)).ToList();
        names.Sort(NaturalComparer.Instance);
        return names;
    }
}
