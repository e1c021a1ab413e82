using System.Collections.Concurrent;
using ReasonTrack.Datasets;
using ReasonTrack.IO;
using ReasonTrack.Results;

namespace ReasonTrack.Evaluation;

/// <summary>
/// Runs a protocol over every tracker and sequence: reads the result files, applies the protocol's per-sequence
/// rules, averages runs, and aggregates overall and per attribute. Sequences are evaluated in parallel; the outcome
/// does not depend on the degree of parallelism.
/// </summary>
public static class Evaluator
{
    public static EvaluationReport Evaluate(Dataset dataset, IReadOnlyList<ResultSource> trackers, IEvaluationProtocol protocol,
        EvaluationOptions? options = null, IProgress<int>? progress = null)
    {
        options ??= new EvaluationOptions();
        if (trackers.Count == 0) throw new EvaluationException("no results to evaluate: give at least one results folder");
        if (dataset.Sequences.Count == 0) throw new EvaluationException($"dataset {dataset.DisplayName} at {dataset.Root} has no sequences");

        var warnings = new List<string>();
        var sequences = SelectSequences(dataset, trackers, options, warnings);
        var emptyPolicy = options.EmptyResults ?? protocol.EmptyResults;

        int nSeq = sequences.Count, nTrk = trackers.Count;
        var curves = new SequenceCurves?[nSeq, nTrk];
        var empty = new bool[nSeq, nTrk];
        // Files read by a lenient rule (dlmread's padding, skipped blank lines, inf): null for clean files.
        var irregular = new List<NumericTable>?[nSeq, nTrk];
        var errors = new ConcurrentBag<(int Seq, int Trk, string Message)>();
        int done = 0;

        Parallel.For(0, nSeq, new ParallelOptions { MaxDegreeOfParallelism = options.Parallelism ?? Environment.ProcessorCount }, i =>
        {
            var seq = sequences[i];
            for (int k = 0; k < nTrk; k++)
            {
                try
                {
                    var runs = new List<SequenceCurves>();
                    foreach (var run in trackers[k].Runs)
                    {
                        var file = run[seq.Name];
                        var table = NumericTable.Read(file.Path, protocol.ReadOptions);
                        if (table.Irregularities.Count > 0) (irregular[i, k] ??= []).Add(table);
                        if (table.RowCount == 0) { empty[i, k] = true; break; }
                        NumericTable? timeTable = file.TimePath is null ? null : NumericTable.Read(file.TimePath, NumericTableOptions.Dlmread);
                        if (timeTable is { Irregularities.Count: > 0 }) (irregular[i, k] ??= []).Add(timeTable);
                        double[]? times = timeTable?.Flatten();
                        runs.Add(protocol.EvaluateSequence(seq, table, times));
                    }
                    if (!empty[i, k]) curves[i, k] = AverageRuns(runs);
                }
                catch (DataFormatException e)
                {
                    errors.Add((i, k, e.Message));
                }
            }
            int d = Interlocked.Increment(ref done);
            progress?.Report(d);
        });

        if (!errors.IsEmpty)
        {
            var list = errors.OrderBy(e => e.Trk).ThenBy(e => e.Seq).ToList();
            string shown = string.Join(Environment.NewLine, list.Take(10).Select(e => "  " + e.Message));
            throw new EvaluationException($"{list.Count} result file(s) cannot be evaluated under {protocol.Key}:{Environment.NewLine}{shown}" +
                (list.Count > 10 ? $"{Environment.NewLine}  ... and {list.Count - 10} more" : ""));
        }

        ApplyEmptyPolicy(sequences, trackers, protocol, emptyPolicy, curves, empty, warnings);

        var evaluations = new List<TrackerEvaluation>(nTrk);
        for (int k = 0; k < nTrk; k++)
        {
            var list = new List<SequenceCurves>(nSeq);
            for (int i = 0; i < nSeq; i++) list.Add(curves[i, k]!);
            // Rows the protocol rewrote are its defined behaviour, but the user should know their results needed it.
            var repaired = list.Where(c => c.RepairedRows > 0).ToList();
            if (repaired.Count > 0)
                warnings.Add($"{trackers[k].TrackerName}: {repaired.Sum(c => c.RepairedRows)} result row(s) in {repaired.Count} sequence(s) had NaN or a " +
                             $"non-positive size and were replaced as {protocol.Key} does (e.g. {repaired[0].Sequence})");
            var truncated = list.Where(c => c.Notes.Any(n => n.Contains("truncated", StringComparison.Ordinal))).ToList();
            if (truncated.Count > 0)
                warnings.Add($"{trackers[k].TrackerName}: {truncated.Count} result file(s) longer than the ground truth were truncated (e.g. {truncated[0].Sequence})");
            AddReadWarnings(trackers[k].TrackerName, protocol, irregular, k, options.MaxRowWarningsPerFile, warnings);
            AddSequenceWarnings(trackers[k].TrackerName, list, options.MaxRowWarningsPerFile, warnings);
            evaluations.Add(new TrackerEvaluation
            {
                Tracker = trackers[k].TrackerName,
                Sequences = list,
                Overall = protocol.Summarize(list),
                PerAttribute = PerAttribute(dataset, sequences, list, protocol),
                Runs = trackers[k].Runs.Count,
                SkippedSequences = list.Where(c => c.Skipped).Select(c => c.Sequence).ToList(),
                Notes = trackers[k].Notes,
            });
        }

        return new EvaluationReport
        {
            Protocol = protocol.Key,
            ProtocolDescription = protocol.Description,
            Dataset = dataset.DisplayName,
            Subset = options.Subset,
            SuccessGrid = protocol.SuccessGrid,
            PrecisionGrid = protocol.PrecisionGrid,
            NormalizedPrecisionGrid = protocol.NormalizedPrecisionGrid,
            Sequences = sequences.Select(s => s.Name).ToList(),
            Trackers = evaluations,
            Warnings = warnings,
            PrecisionIsArea = protocol.PrecisionIsArea,
            NormalizedPrecisionIsArea = protocol.NormalizedPrecisionIsArea,
        };
    }

    /// <summary>
    /// One warning per line read by a lenient rule (<c>file:line: what was assumed</c>), at most
    /// <paramref name="perFile"/> per file followed by a count of the rest, at most 20 files followed by a count.
    /// </summary>
    private static void AddReadWarnings(string tracker, IEvaluationProtocol protocol, List<NumericTable>?[,] irregular, int k, int perFile, List<string> warnings)
    {
        const int maxFiles = 20;
        int files = 0, filesLeft = 0, linesLeft = 0;
        for (int i = 0; i < irregular.GetLength(0); i++)
        {
            if (irregular[i, k] is not { } tables) continue;
            foreach (var t in tables)
            {
                var rows = t.Irregularities;
                if (++files > maxFiles) { filesLeft++; linesLeft += rows.Count; continue; }
                for (int j = 0; j < rows.Count && j < perFile; j++)
                    warnings.Add($"{rows[j].ToString(t.FilePath)} ({tracker}, {protocol.Key})");
                if (rows.Count > perFile)
                    warnings.Add($"{t.FilePath}: ... and {rows.Count - perFile} more line(s) read by the same lenient rules ({tracker})");
            }
        }
        if (filesLeft > 0)
            warnings.Add($"{tracker}: ... and {filesLeft} more file(s) with {linesLeft} line(s) read by lenient rules (padded, blank or infinite)");
    }

    /// <summary>The protocols' per-sequence warnings (e.g. frames counted by an optional rule), capped as read warnings are.</summary>
    private static void AddSequenceWarnings(string tracker, List<SequenceCurves> curves, int max, List<string> warnings)
    {
        int shown = 0, left = 0;
        foreach (var c in curves)
            foreach (var w in c.Warnings)
            {
                if (shown < max) { warnings.Add($"{w} ({tracker})"); shown++; }
                else left++;
            }
        if (left > 0) warnings.Add($"{tracker}: ... and {left} more such warning(s)");
    }

    private static List<Sequence> SelectSequences(Dataset dataset, IReadOnlyList<ResultSource> trackers, EvaluationOptions options, List<string> warnings)
    {
        var missing = trackers.Where(t => t.Missing.Count > 0).ToList();
        if (missing.Count == 0) return dataset.Sequences.ToList();
        if (options.Missing == MissingResultPolicy.Error)
        {
            string detail = string.Join(Environment.NewLine, missing.Select(t =>
                $"  {t.TrackerName} ({t.Directory}): {t.Missing.Count} of {dataset.Sequences.Count} missing, e.g. {string.Join(", ", t.Missing.Take(5))}"));
            throw new EvaluationException($"results are incomplete:{Environment.NewLine}{detail}{Environment.NewLine}" +
                "  (the official toolkits stop on a missing file; set EvaluationOptions.Missing = SkipSequence to evaluate only the sequences every tracker has)");
        }
        var skip = new HashSet<string>(missing.SelectMany(t => t.Missing), StringComparer.Ordinal);
        var kept = dataset.Sequences.Where(s => !skip.Contains(s.Name)).ToList();
        warnings.Add($"{skip.Count} sequence(s) without results for some tracker were left out for all trackers " +
                     $"({kept.Count} of {dataset.Sequences.Count} evaluated): figures are not comparable with full-benchmark ones");
        if (kept.Count == 0) throw new EvaluationException("no sequence has results from every tracker");
        return kept;
    }

    private static void ApplyEmptyPolicy(List<Sequence> sequences, IReadOnlyList<ResultSource> trackers, IEvaluationProtocol protocol,
        EmptyResultPolicy policy, SequenceCurves?[,] curves, bool[,] empty, List<string> warnings)
    {
        for (int i = 0; i < sequences.Count; i++)
        {
            int first = -1;
            for (int k = 0; k < trackers.Count; k++) if (empty[i, k]) { first = k; break; }
            if (first < 0) continue;
            string seq = sequences[i].Name;
            switch (policy)
            {
                case EmptyResultPolicy.Error:
                    throw new EvaluationException($"{trackers[first].Runs[0][seq].Path}: result file is empty (protocol {protocol.Key} treats this as an error)");
                case EmptyResultPolicy.ToolkitBreak:
                {
                    var affected = new List<string>();
                    for (int k = first; k < trackers.Count; k++)
                    {
                        curves[i, k] = SkippedCurves(seq, sequences[i].Length, protocol, "skipped: the toolkit's 'break' on an empty result file");
                        affected.Add(trackers[k].TrackerName);
                    }
                    warnings.Add($"{trackers[first].Runs[0][seq].Path} is empty: as the {protocol.Key} toolkit does (eval_tracker.m 'break'), " +
                                 $"sequence {seq} is skipped for {string.Join(", ", affected)} (this tracker and every one evaluated after it)");
                    break;
                }
                default:
                    for (int k = 0; k < trackers.Count; k++)
                    {
                        if (!empty[i, k]) continue;
                        curves[i, k] = SkippedCurves(seq, sequences[i].Length, protocol, "skipped: empty result file");
                        warnings.Add($"{trackers[k].Runs[0][seq].Path} is empty: sequence {seq} skipped for {trackers[k].TrackerName}");
                    }
                    break;
            }
        }
    }

    private static SequenceCurves SkippedCurves(string seq, int frames, IEvaluationProtocol protocol, string note) => new()
    {
        Sequence = seq,
        Success = new double[protocol.SuccessGrid.Count],
        Precision = new double[protocol.PrecisionGrid.Count],
        NormalizedPrecision = new double[protocol.NormalizedPrecisionGrid.Count],
        Frames = frames,
        Skipped = true,
        Notes = [note],
    };

    /// <summary>Several runs: per-threshold mean of their curves (pytracking's averaging of <c>_NNN</c> runs).</summary>
    internal static SequenceCurves AverageRuns(List<SequenceCurves> runs)
    {
        if (runs.Count == 1) return runs[0];
        double[] Mean(Func<SequenceCurves, double[]> pick)
        {
            var first = pick(runs[0]);
            var m = new double[first.Length];
            foreach (var r in runs) { var c = pick(r); for (int j = 0; j < m.Length; j++) m[j] += c[j]; }
            for (int j = 0; j < m.Length; j++) m[j] /= runs.Count;
            return m;
        }
        var r0 = runs[0];
        return new SequenceCurves
        {
            Sequence = r0.Sequence,
            Success = Mean(r => r.Success),
            Precision = Mean(r => r.Precision),
            NormalizedPrecision = Mean(r => r.NormalizedPrecision),
            Frames = r0.Frames,
            FramesEvaluated = r0.FramesEvaluated,
            Denominator = r0.Denominator,
            RepairedRows = runs.Sum(r => r.RepairedRows),
            Notes = [$"mean of {runs.Count} runs", .. runs.SelectMany(r => r.Notes).Distinct()],
            Warnings = runs.SelectMany(r => r.Warnings).Distinct().ToList(),
            FrameOverlaps = runs.All(r => r.FrameOverlaps is not null) ? runs.SelectMany(r => r.FrameOverlaps!).ToArray() : null,
            FrameTimes = runs.All(r => r.FrameTimes is not null) ? runs.SelectMany(r => r.FrameTimes!).ToArray() : null,
        };
    }

    private static List<AttributeSummary> PerAttribute(Dataset dataset, List<Sequence> sequences, List<SequenceCurves> curves, IEvaluationProtocol protocol)
    {
        var result = new List<AttributeSummary>();
        for (int a = 0; a < dataset.AttributeNames.Count; a++)
        {
            string name = dataset.AttributeNames[a];
            var subset = new List<SequenceCurves>();
            for (int i = 0; i < sequences.Count; i++)
            {
                var s = sequences[i];
                // The Matlab toolkits select by att_all(:, a) > 0; name lists (OTB's json) by membership.
                bool has = s.AttributeVector is { } v ? a < v.Length && v[a] > 0 : s.Attributes.Contains(name);
                if (has) subset.Add(curves[i]);
            }
            if (subset.Count < Math.Max(1, protocol.MinSequencesPerAttribute)) continue;
            result.Add(new AttributeSummary
            {
                Attribute = name,
                ShortName = a < dataset.AttributeShortNames.Count ? dataset.AttributeShortNames[a] : name,
                SequenceCount = subset.Count,
                Summary = protocol.Summarize(subset),
            });
        }
        return result;
    }
}
