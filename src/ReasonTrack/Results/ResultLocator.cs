using System.Text.RegularExpressions;

namespace ReasonTrack.Results;

/// <summary>
/// Finds a tracker's result files for a list of sequences in any common layout and says what it found.
/// Sequence names are matched exactly first, then ignoring case (reported), because results produced on one
/// machine often change the case of a few names (e.g. TNL2K's "-Done"/"-done").
/// </summary>
public static partial class ResultLocator
{
    /// <summary>
    /// Parses a <c>--results</c> argument: <c>name=dir</c> or <c>dir</c> (the name is then the folder's name, or the
    /// tracker part of <c>X_tracking_result</c>).
    /// </summary>
    public static (string Name, string Directory) ParseArgument(string argument)
    {
        int eq = argument.IndexOf('=');
        if (eq > 0 && !File.Exists(argument) && !System.IO.Directory.Exists(argument))
            return (argument[..eq], argument[(eq + 1)..]);
        string dir = argument;
        string name = Path.GetFileName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(dir)));
        if (name.EndsWith("_tracking_result", StringComparison.Ordinal)) name = name[..^"_tracking_result".Length];
        return (name, dir);
    }

    /// <summary>Locates the results of one tracker for the given sequences.</summary>
    /// <exception cref="IO.DataFormatException">The folder does not exist or holds no result file at all.</exception>
    public static ResultSource Locate(string trackerName, string directory, IReadOnlyList<string> sequences)
    {
        if (!System.IO.Directory.Exists(directory))
            throw new IO.DataFormatException(directory, "results folder not found");

        var notes = new List<string>();
        var seqSet = new HashSet<string>(sequences, StringComparer.Ordinal);

        // 1. Plain: <seq>.txt directly here.
        var plainFiles = TextFiles(directory);
        int plainHits = plainFiles.Count(f => IsSequenceFile(f, seqSet));
        if (plainHits > 0)
        {
            var run = Match(plainFiles, sequences, notes, out var unmatched);
            var layout = LooksLikeVpTracker(run) ? ResultLayout.VpTracker : ResultLayout.Plain;
            notes.Insert(0, $"layout: {Describe(layout)} in {directory}");
            return Build(trackerName, directory, layout, [run], sequences, unmatched, notes);
        }

        var subdirs = System.IO.Directory.GetDirectories(directory).OrderBy(d => d, StringComparer.Ordinal).ToArray();

        // 2. GOT-10k: <seq>/<seq>_001.txt
        var gotRuns = new SortedDictionary<int, Dictionary<string, ResultFile>>();
        foreach (var d in subdirs)
        {
            string seqDirName = Path.GetFileName(d);
            foreach (var f in TextFiles(d))
            {
                string stem = Path.GetFileNameWithoutExtension(f);
                var m = RunSuffix().Match(stem);
                if (!m.Success || !string.Equals(m.Groups[1].Value, seqDirName, StringComparison.Ordinal)) continue;
                int runNo = int.Parse(m.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture);
                string time = Path.Combine(d, seqDirName + "_time.txt");
                if (!gotRuns.TryGetValue(runNo, out var run)) gotRuns[runNo] = run = new Dictionary<string, ResultFile>(StringComparer.Ordinal);
                run[seqDirName] = new ResultFile(seqDirName, f, File.Exists(time) ? time : null);
            }
        }
        if (gotRuns.Count > 0 && gotRuns.Values.Any(r => r.Keys.Any(seqSet.Contains) || r.Keys.Any(k => sequences.Any(s => string.Equals(s, k, StringComparison.OrdinalIgnoreCase)))))
        {
            var runs = new List<IReadOnlyDictionary<string, ResultFile>>();
            var unmatchedAll = new List<string>();
            foreach (var (_, run) in gotRuns)
            {
                runs.Add(Rekey(run, sequences, notes, out var um));
                unmatchedAll.AddRange(um);
            }
            notes.Insert(0, $"layout: GOT-10k submission (<seq>/<seq>_NNN.txt), {runs.Count} run(s) in {directory}");
            return Build(trackerName, directory, ResultLayout.Got10k, runs, sequences, unmatchedAll.Distinct().ToList(), notes);
        }

        // 3. Matlab toolkit: <Tracker>_tracking_result/<seq>.txt (the user gave tracking_results/).
        var matlab = subdirs.Where(d => Path.GetFileName(d).EndsWith("_tracking_result", StringComparison.Ordinal)).ToArray();
        if (matlab.Length > 0)
        {
            var pick = matlab.FirstOrDefault(d => string.Equals(Path.GetFileName(d), trackerName + "_tracking_result", StringComparison.OrdinalIgnoreCase));
            if (pick is null && matlab.Length == 1) pick = matlab[0];
            if (pick is null)
                throw new IO.DataFormatException(directory,
                    $"holds results of several trackers ({string.Join(", ", matlab.Select(Path.GetFileName))}); name one as <name>=<dir>/<Name>_tracking_result or give the tracker's own folder");
            var run = Match(TextFiles(pick), sequences, notes, out var unmatched);
            notes.Insert(0, $"layout: Matlab toolkit ({Path.GetFileName(pick)}/<seq>.txt)");
            return Build(trackerName, pick, ResultLayout.MatlabToolkit, [run], sequences, unmatched, notes);
        }

        // 4. pytracking: <tracker>/<param>[_NNN]/<seq>.txt (the user gave the tracker folder).
        var paramDirs = subdirs.Where(d => TextFiles(d).Any(f => IsSequenceFile(f, seqSet) || IsSequenceFileIgnoreCase(f, sequences))).ToArray();
        if (paramDirs.Length > 0)
        {
            // Several parameter sets side by side: runs of one set are <param>_000, <param>_001, ...
            var groups = paramDirs.GroupBy(d => ParamBase(Path.GetFileName(d))).ToArray();
            if (groups.Length > 1)
                throw new IO.DataFormatException(directory,
                    $"holds several parameter sets ({string.Join(", ", groups.Select(g => g.Key))}); give one of them as the results folder");
            var runs = new List<IReadOnlyDictionary<string, ResultFile>>();
            var unmatchedAll = new List<string>();
            foreach (var d in groups[0].OrderBy(d => d, StringComparer.Ordinal))
            {
                runs.Add(Match(TextFiles(d), sequences, notes, out var um));
                unmatchedAll.AddRange(um);
            }
            notes.Insert(0, $"layout: pytracking ({Path.GetFileName(directory)}/{groups[0].Key}[_NNN]/<seq>.txt), {runs.Count} run(s)");
            return Build(trackerName, directory, ResultLayout.Pytracking, runs, sequences, unmatchedAll.Distinct().ToList(), notes);
        }

        // 5. Case-insensitive plain match as a last resort.
        int ciHits = plainFiles.Count(f => IsSequenceFileIgnoreCase(f, sequences));
        if (ciHits > 0)
        {
            var run = Match(plainFiles, sequences, notes, out var unmatched);
            notes.Insert(0, $"layout: {Describe(ResultLayout.Plain)} in {directory}");
            return Build(trackerName, directory, ResultLayout.Plain, [run], sequences, unmatched, notes);
        }

        if (plainFiles.Count == 0 && subdirs.Length == 0)
            throw new IO.DataFormatException(directory, "results folder is empty");
        var sample = plainFiles.Take(3).Select(Path.GetFileName).Concat(subdirs.Take(3).Select(d => Path.GetFileName(d) + "/"));
        throw new IO.DataFormatException(directory,
            $"no result file matches any of the {sequences.Count} sequences (found e.g. {string.Join(", ", sample)}; expected e.g. {sequences.FirstOrDefault()}.txt)");
    }

    private static string Describe(ResultLayout layout) => layout switch
    {
        ResultLayout.Plain => "plain (<seq>.txt)",
        ResultLayout.VpTracker => "VPTracker style (<seq>.txt, 'x, y, w, h')",
        _ => layout.ToString(),
    };

    private static List<string> TextFiles(string dir) =>
        System.IO.Directory.EnumerateFiles(dir, "*.txt")
            .Where(f => !Path.GetFileNameWithoutExtension(f).EndsWith("_time", StringComparison.Ordinal)
                     && !Path.GetFileNameWithoutExtension(f).EndsWith("_scores", StringComparison.Ordinal)
                     && !Path.GetFileNameWithoutExtension(f).EndsWith("_descriptions", StringComparison.Ordinal))
            .OrderBy(f => f, StringComparer.Ordinal).ToList();

    private static bool IsSequenceFile(string file, HashSet<string> seqs) => seqs.Contains(Path.GetFileNameWithoutExtension(file));

    private static bool IsSequenceFileIgnoreCase(string file, IReadOnlyList<string> seqs)
    {
        string stem = Path.GetFileNameWithoutExtension(file);
        return seqs.Any(s => string.Equals(s, stem, StringComparison.OrdinalIgnoreCase));
    }

    private static string ParamBase(string dirName)
    {
        var m = RunSuffix().Match(dirName);
        return m.Success ? m.Groups[1].Value : dirName;
    }

    private static Dictionary<string, ResultFile> Match(List<string> files, IReadOnlyList<string> sequences, List<string> notes, out List<string> unmatched)
    {
        var byStem = new Dictionary<string, ResultFile>(StringComparer.Ordinal);
        foreach (var f in files)
        {
            string stem = Path.GetFileNameWithoutExtension(f);
            string time = Path.Combine(Path.GetDirectoryName(f)!, stem + "_time.txt");
            byStem[stem] = new ResultFile(stem, f, File.Exists(time) ? time : null);
        }
        return Rekey(byStem, sequences, notes, out unmatched);
    }

    /// <summary>Re-keys files by the dataset's sequence names: exact, then case-insensitive (noted).</summary>
    private static Dictionary<string, ResultFile> Rekey(Dictionary<string, ResultFile> byStem, IReadOnlyList<string> sequences, List<string> notes, out List<string> unmatched)
    {
        var result = new Dictionary<string, ResultFile>(StringComparer.Ordinal);
        var used = new HashSet<string>(StringComparer.Ordinal);
        var ci = new Dictionary<string, List<string>>(StringComparer.OrdinalIgnoreCase);
        foreach (var stem in byStem.Keys)
        {
            if (!ci.TryGetValue(stem, out var l)) ci[stem] = l = [];
            l.Add(stem);
        }
        int caseMatches = 0;
        foreach (var seq in sequences)
        {
            if (byStem.TryGetValue(seq, out var f))
            {
                result[seq] = f with { Sequence = seq };
                used.Add(seq);
            }
            else if (ci.TryGetValue(seq, out var candidates) && candidates.Count == 1 && !used.Contains(candidates[0]))
            {
                result[seq] = byStem[candidates[0]] with { Sequence = seq, MatchedBy = "case-insensitive" };
                used.Add(candidates[0]);
                caseMatches++;
                if (caseMatches <= 5) notes.Add($"matched {candidates[0]}.txt to sequence {seq} ignoring case");
            }
        }
        if (caseMatches > 5) notes.Add($"... {caseMatches} files matched ignoring case in all");
        unmatched = byStem.Keys.Where(k => !used.Contains(k)).OrderBy(k => k, StringComparer.Ordinal).ToList();
        return result;
    }

    private static ResultSource Build(string name, string dir, ResultLayout layout, IReadOnlyList<IReadOnlyDictionary<string, ResultFile>> runs,
        IReadOnlyList<string> sequences, List<string> unmatched, List<string> notes)
    {
        var missing = sequences.Where(s => runs.Any(r => !r.ContainsKey(s))).ToList();
        if (unmatched.Count > 0)
            notes.Add($"{unmatched.Count} file(s) match no sequence of the dataset, e.g. {string.Join(", ", unmatched.Take(3))}");
        return new ResultSource
        {
            TrackerName = name, Directory = dir, Layout = layout, Runs = runs,
            Missing = missing, Unmatched = unmatched, Notes = notes,
        };
    }

    private static bool LooksLikeVpTracker(Dictionary<string, ResultFile> run)
    {
        var first = run.Values.FirstOrDefault();
        if (first is null) return false;
        using var reader = new StreamReader(first.Path);
        string? line = reader.ReadLine();
        return line is not null && line.Contains(", ", StringComparison.Ordinal);
    }

    [GeneratedRegex(@"^(.*)_(\d{3})$")]
    private static partial Regex RunSuffix();
}
