using System.Globalization;
using ReasonTrack.Geometry;
using ReasonTrack.IO;

namespace ReasonTrack.Datasets;

/// <summary>File helpers every loader shares: lists, sequence selection, flags, language, frame folders.</summary>
internal static class DatasetFiles
{
    private static readonly string[] ImageExtensions = [".jpg", ".jpeg", ".png", ".bmp"];

    /// <summary>The full path of a root folder that must exist.</summary>
    public static string RequireFolder(string root)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(root);
        string full = Path.GetFullPath(root);
        if (!Directory.Exists(full)) throw new DataFormatException(full, "dataset folder not found");
        return full;
    }

    public static void RequireFile(string path)
    {
        if (!File.Exists(path)) throw new DataFormatException(path, "required file not found");
    }

    /// <summary>A sequence list: one name a line, trimmed, blank lines skipped (a missing final newline is fine).</summary>
    public static List<string> ReadList(string path)
    {
        RequireFile(path);
        var names = new List<string>();
        foreach (string line in File.ReadLines(path))
        {
            string t = line.Trim().TrimStart('\uFEFF');
            if (t.Length > 0) names.Add(t);
        }
        return names;
    }

    /// <summary>
    /// The sequence names of a dataset layout: those of <paramref name="listFile"/> when given, else every subfolder
    /// of <paramref name="root"/> holding <paramref name="marker"/> (natural order, with a note saying so).
    /// </summary>
    public static List<string> ListOrFolders(string root, string? listFile, string marker, string benchmark, List<string> notes)
    {
        if (listFile is not null) return ReadList(listFile);
        var names = Directory.EnumerateDirectories(root)
            .Where(d => File.Exists(Path.Combine(d, marker)))
            .Select(d => Path.GetFileName(d)).ToList();
        names.Sort(NaturalComparer.Instance);
        if (names.Count == 0)
            throw new DataFormatException(root, $"no {benchmark} sequences here: no sequence list and no <seq>/{marker}");
        notes.Add($"no sequence list in {root}: every folder with a {marker} is a sequence");
        return names;
    }

    /// <summary>
    /// Applies <see cref="DatasetLoadOptions.Sequences"/>: the requested names in the requested order, each matched
    /// exactly first, then case-insensitively. A name that matches nothing throws, naming <paramref name="source"/>
    /// (the list file or folder the names came from) and the closest existing names.
    /// </summary>
    public static List<string> Select(IReadOnlyList<string> available, DatasetLoadOptions options, string source)
    {
        if (options.Sequences is not { } requested) return available.ToList();
        var exact = new HashSet<string>(available, StringComparer.Ordinal);
        var result = new List<string>(requested.Count);
        foreach (string name in requested)
        {
            if (exact.Contains(name)) { result.Add(name); continue; }
            var ci = available.Where(a => string.Equals(a, name, StringComparison.OrdinalIgnoreCase)).ToList();
            if (ci.Count == 1) { result.Add(ci[0]); continue; }
            if (ci.Count > 1)
                throw new DataFormatException(source, $"sequence '{name}' is ambiguous: it matches {string.Join(", ", ci)} when case is ignored");
            throw new DataFormatException(source, $"sequence '{name}' is not in this list of {available.Count} sequences; closest: {string.Join(", ", Closest(name, available, 3))}");
        }
        return result;
    }

    public static IEnumerable<string> Closest(string name, IReadOnlyList<string> candidates, int count)
    {
        string lower = name.ToLowerInvariant();
        return candidates
            .Select(c => (c, d: Levenshtein(lower, c.ToLowerInvariant())))
            .OrderBy(t => t.d).ThenBy(t => t.c, StringComparer.Ordinal)
            .Take(count).Select(t => t.c);
    }

    private static int Levenshtein(string a, string b)
    {
        var prev = new int[b.Length + 1];
        var cur = new int[b.Length + 1];
        for (int j = 0; j <= b.Length; j++) prev[j] = j;
        for (int i = 1; i <= a.Length; i++)
        {
            cur[0] = i;
            for (int j = 1; j <= b.Length; j++)
                cur[j] = Math.Min(Math.Min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            (prev, cur) = (cur, prev);
        }
        return prev[b.Length];
    }

    /// <summary>
    /// Runs <paramref name="load"/> for every index on all cores, results in index order. If any call throws, the
    /// exception of the lowest index is rethrown as is (not wrapped), so errors do not depend on scheduling.
    /// </summary>
    public static T[] LoadAll<T>(int count, Func<int, T> load)
    {
        var results = new T[count];
        var errors = new Exception?[count];
        Parallel.For(0, count, i =>
        {
            try { results[i] = load(i); }
            catch (Exception e) { errors[i] = e; }
        });
        foreach (var e in errors)
            if (e is not null) System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e).Throw();
        return results;
    }

    /// <summary>Boxes <c>x,y,w,h</c> with the strict <see cref="NumericTable"/> rules; the file is required.</summary>
    public static Box[] ReadBoxes(string path) => NumericTable.Read(path).ToBoxes();

    /// <summary>All values of a flag/attribute file, whether one a line or all on one line (trailing spaces are fine).</summary>
    public static double[] ReadValues(string path) => NumericTable.Read(path).Flatten();

    /// <summary>Absence flags, true = absent. <paramref name="oneMeansVisible"/> flips the polarity (TNLLT).</summary>
    public static bool[] ReadAbsent(string path, bool oneMeansVisible)
    {
        double[] v = ReadValues(path);
        var flags = new bool[v.Length];
        for (int i = 0; i < v.Length; i++) flags[i] = oneMeansVisible ? v[i] == 0 : v[i] != 0;
        return flags;
    }

    /// <summary>The first line of a text file, trimmed; null when the file does not exist or is empty.</summary>
    public static string? FirstLine(string path)
    {
        if (!File.Exists(path)) return null;
        using var reader = new StreamReader(path);
        string? line = reader.ReadLine();
        line = line?.Trim().TrimStart('\uFEFF');
        return string.IsNullOrEmpty(line) ? null : line;
    }

    /// <summary>
    /// The whole text of a file as Python 3's <c>open(path, "r").read()</c> gives it (assumed: a UTF-8 locale):
    /// UTF-8 decoded (a byte order mark is kept as U+FEFF, as Python's utf-8 codec keeps it; invalid bytes become
    /// U+FFFD where Python would raise), <c>\r\n</c> and <c>\r</c> turned into <c>\n</c> (universal newlines), nothing
    /// stripped. Null when the file does not exist.
    /// </summary>
    public static string? WholeText(string path)
    {
        if (!File.Exists(path)) return null;
        string text = System.Text.Encoding.UTF8.GetString(File.ReadAllBytes(path));
        return text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');
    }

    /// <summary>Names of the attributes whose value is positive (the Matlab toolkits' <c>value &gt; 0</c>).</summary>
    public static List<string> AttributesOf(double[] vector, IReadOnlyList<string> names)
    {
        var list = new List<string>();
        for (int i = 0; i < vector.Length && i < names.Count; i++) if (vector[i] > 0) list.Add(names[i]);
        return list;
    }

    public static bool IsImage(string path)
    {
        string ext = Path.GetExtension(path);
        foreach (string e in ImageExtensions) if (ext.Equals(e, StringComparison.OrdinalIgnoreCase)) return true;
        return false;
    }

    /// <summary>Image files of a folder sorted by the number in their names (then by name); empty if the folder is missing.</summary>
    public static IReadOnlyList<string> ListImages(string folder)
    {
        if (!Directory.Exists(folder)) return [];
        var files = Directory.EnumerateFiles(folder).Where(IsImage).ToList();
        files.Sort(NaturalComparer.Instance.CompareFileNames);
        return files;
    }

    /// <summary>True when the folder holds at least one image file directly.</summary>
    public static bool HasImages(string folder) =>
        Directory.Exists(folder) && Directory.EnumerateFiles(folder).Any(IsImage);

    /// <summary>The last run of digits in a file name without its extension (<c>0300.jpg</c> = 300), or null.</summary>
    public static long? NumberIn(string fileName)
    {
        string stem = Path.GetFileNameWithoutExtension(fileName);
        int end = stem.Length - 1;
        while (end >= 0 && !char.IsAsciiDigit(stem[end])) end--;
        if (end < 0) return null;
        int start = end;
        while (start > 0 && char.IsAsciiDigit(stem[start - 1])) start--;
        var digits = stem.AsSpan(start, Math.Min(end - start + 1, 18));
        return long.Parse(digits, NumberStyles.None, CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// A <c>frames.txt</c> beside the ground truth: one entry per ground-truth row, either a frame file name
    /// (<c>0001.jpg</c>) or a frame number. Null when absent.
    /// </summary>
    public static List<string>? ReadFramesFile(string folder)
    {
        string path = Path.Combine(folder, "frames.txt");
        return File.Exists(path) ? ReadList(path) : null;
    }

    /// <summary>The frame number of an entry of a <c>frames.txt</c> (a number, or the number in a file name).</summary>
    public static int FrameNumberOf(string entry, string framesFile)
    {
        if (int.TryParse(entry, NumberStyles.None, CultureInfo.InvariantCulture, out int n)) return n;
        long? num = NumberIn(entry);
        if (num is null or > int.MaxValue)
            throw new DataFormatException(framesFile, $"entry '{entry}' names no frame number");
        return (int)num.Value;
    }

    /// <summary>
    /// The frame files a <c>frames.txt</c> names, resolved in <paramref name="imageFolder"/>: file names directly,
    /// numbers by matching the number in the image file names.
    /// </summary>
    public static IReadOnlyList<string> ResolveFrames(IReadOnlyList<string> entries, string imageFolder, string framesFile)
    {
        Dictionary<long, string>? byNumber = null; // listed only when some entry is a bare number
        var frames = new string[entries.Count];
        for (int i = 0; i < entries.Count; i++)
        {
            if (!int.TryParse(entries[i], NumberStyles.None, CultureInfo.InvariantCulture, out int n))
            {
                frames[i] = Path.Combine(imageFolder, entries[i]);
                continue;
            }
            if (byNumber is null)
            {
                byNumber = [];
                foreach (string f in ListImages(imageFolder))
                    if (NumberIn(f) is { } k) byNumber.TryAdd(k, f);
            }
            frames[i] = byNumber.GetValueOrDefault(n) ?? throw new DataFormatException(framesFile, i + 1, $"no image numbered {n} in {imageFolder}");
        }
        return frames;
    }

    /// <summary>
    /// First frame number and frame list of an OTB/VOT-style sequence folder. A <c>frames.txt</c> beside the ground
    /// truth names the frame of every row: its first entry gives the first frame number and its entries the frames
    /// (resolved in <paramref name="imageFolder"/>). Without it the frames are the images of the folder from the first
    /// one, whose number (when at least 1) is the first frame number; that needs the folder listed at load time, so
    /// with <paramref name="listFrames"/> false (the folder must not be touched) the first frame number is 1.
    /// </summary>
    public static (int FirstFrameNumber, Func<IReadOnlyList<string>>? Frames) FramesOf(string folder, string imageFolder, bool listFrames)
    {
        string framesFile = Path.Combine(folder, "frames.txt");
        if (ReadFramesFile(folder) is { Count: > 0 } entries)
            return (FrameNumberOf(entries[0], framesFile), listFrames ? () => ResolveFrames(entries, imageFolder, framesFile) : null);
        if (!listFrames) return (1, null);
        var images = ListImages(imageFolder);
        int first = images.Count > 0 && NumberIn(images[0]) is { } n and >= 1 and <= int.MaxValue ? (int)n : 1;
        return (first, () => images);
    }
}
