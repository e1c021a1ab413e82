using ReasonTrack.Evaluation;
using ReasonTrack.IO;

namespace ReasonTrack.Reports;

/// <summary>
/// Every report of an evaluation into one folder: <c>results.json</c>, <c>results.csv</c>, <c>sequences.csv</c>,
/// <c>results.md</c>, <c>results.tex</c> and <c>plots/*.svg</c>. Each file is written atomically (a temporary file
/// in the same folder, then renamed over the target), so a reader never sees half a file.
/// </summary>
public static class ReportSet
{
    public const string PlotsFolder = "plots";

    /// <summary>The files <see cref="WriteAll"/> writes, with paths relative to the output folder.</summary>
    public static IReadOnlyList<ReportFile> Render(EvaluationReport report)
    {
        var files = new List<ReportFile>
        {
            new("results.json", JsonReportWriter.Write(report)),
            new("results.csv", CsvReportWriter.WriteSummary(report)),
            new("sequences.csv", CsvReportWriter.WriteSequences(report)),
            new("results.md", MarkdownReportWriter.Write(report)),
            new("results.tex", LatexReportWriter.Write(report)),
        };
        files.AddRange(PlotWriter.Render(report).Select(p => p with { RelativePath = PlotsFolder + "/" + p.RelativePath }));
        return files;
    }

    /// <summary>Writes every report under <paramref name="outDir"/> (created if needed); returns the full paths written, in order.</summary>
    public static IReadOnlyList<string> WriteAll(EvaluationReport report, string outDir)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentException.ThrowIfNullOrEmpty(outDir);
        var files = Render(report);
        var written = new List<string>(files.Count);
        foreach (var f in files)
        {
            string path = Path.GetFullPath(Path.Combine(outDir, f.RelativePath.Replace('/', Path.DirectorySeparatorChar)));
            AtomicFile.WriteAllText(path, f.Content);
            written.Add(path);
        }
        return written;
    }
}
