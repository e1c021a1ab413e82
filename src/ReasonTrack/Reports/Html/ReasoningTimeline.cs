using System.Text.Json;
using System.Text.RegularExpressions;
using ReasonTrack.IO;
using ReasonTrack.Reasoning.Logging;

namespace ReasonTrack.Reports.Html;

/// <summary>
/// The reasoning side files of one tracker on one sequence, as the timeline shows them: every call of
/// <c>&lt;seq&gt;_reasoning.jsonl</c> (in log order) and the description in force per frame from
/// <c>&lt;seq&gt;_descriptions.txt</c> (when present). Thumbnail paths are kept only when they name a file inside the
/// log's folder or above it (<c>[../]vlm-thumbnails/&lt;hex&gt;.jpg|png</c>); anything else is dropped, never followed.
/// </summary>
public sealed partial class ReasoningTimeline
{
    public required string LogPath { get; init; }

    public required IReadOnlyList<ReasoningLogRecord> Calls { get; init; }

    /// <summary>Description in force per frame (index 0 = frame 1); null when the run wrote no descriptions file.</summary>
    public IReadOnlyList<string>? Descriptions { get; init; }

    /// <summary>Absolute paths of the thumbnails the calls name that exist, keyed by their file name.</summary>
    public IReadOnlyDictionary<string, string> Thumbnails { get; init; } = new Dictionary<string, string>();

    /// <summary>Reads the log at <paramref name="logPath"/> and the descriptions file beside it (if any).</summary>
    public static ReasoningTimeline Read(string logPath, string? descriptionsPath)
    {
        ArgumentException.ThrowIfNullOrEmpty(logPath);
        var calls = new List<ReasoningLogRecord>();
        var thumbs = new Dictionary<string, string>(StringComparer.Ordinal);
        string folder = Path.GetDirectoryName(Path.GetFullPath(logPath))!;
        int lineNo = 0;
        foreach (string line in File.ReadLines(logPath))
        {
            lineNo++;
            if (string.IsNullOrWhiteSpace(line)) continue;
            ReasoningLogRecord record;
            try
            {
                record = JsonSerializer.Deserialize<ReasoningLogRecord>(line, JsonLinesWriter.Options) ?? throw new JsonException("null record");
            }
            catch (JsonException e)
            {
                throw new DataFormatException(logPath, lineNo, $"not a reasoning log record: {e.Message}");
            }
            var kept = new List<string>(record.ImageThumbnails.Count);
            foreach (string t in record.ImageThumbnails)
            {
                if (t is null || !ThumbnailPath().IsMatch(t)) continue;
                string full = Path.Combine(folder, t);
                if (!File.Exists(full)) continue;
                string name = Path.GetFileName(t);
                // Only the file name travels into the report (its own thumbs/ folder).
                thumbs[name] = full;
                kept.Add(name);
            }
            calls.Add(record with { ImageThumbnails = kept });
        }
        string[]? descriptions = descriptionsPath is not null && File.Exists(descriptionsPath) ? File.ReadAllLines(descriptionsPath) : null;
        return new ReasoningTimeline { LogPath = Path.GetFullPath(logPath), Calls = calls, Descriptions = descriptions, Thumbnails = thumbs };
    }

    /// <summary>The timeline beside a result file <c>&lt;dir&gt;/&lt;seq&gt;.txt</c>, or null when there is no reasoning log.</summary>
    public static ReasoningTimeline? Beside(string folder, string sequence)
    {
        string log = Path.Combine(folder, sequence + Trackers.ReasoningOutputs.LogSuffix);
        if (!File.Exists(log)) return null;
        return Read(log, Path.Combine(folder, sequence + Trackers.ReasoningOutputs.DescriptionsSuffix));
    }

    [GeneratedRegex(@"^(\.\./)*vlm-thumbnails/[0-9a-f]{16,64}\.(jpg|png)$")]
    internal static partial Regex ThumbnailPath();
}
