using System.Collections.Concurrent;
using ReasonTrack.IO;
using ReasonTrack.Media;

namespace ReasonTrack.Training.Data;

/// <summary>
/// Builds a data set from a dataset: selects this shard's videos, skips finished ones (resume), samples each video
/// from its own random stream (<see cref="DeterministicRandom.ForVideo"/>), saves its images and then its part, and
/// finally assembles the rows of every part in the folder. A video that fails leaves no part, so rerunning the same
/// command retries exactly the failed and unfinished videos.
/// </summary>
public static class TrainingSetBuilder
{
    /// <summary>The (listing position, sequence) pairs a shard works on, in listing order.</summary>
    public static List<(int Order, Datasets.Sequence Sequence)> Select(Datasets.Dataset dataset, int shardIndex, int shardCount, int? limit)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        if (shardCount < 1 || shardIndex < 0 || shardIndex >= shardCount) throw new InvalidSettingException("shard", $"shard must be i/N with 0 <= i < N, got {shardIndex}/{shardCount}");
        if (limit is < 0) throw new InvalidSettingException("limit", $"limit must be >= 0, got {limit}");
        return dataset.Sequences.Select((s, i) => (Order: i, Sequence: s))
            .Take(limit ?? int.MaxValue)
            .Where(x => x.Order % shardCount == shardIndex)
            .ToList();
    }

    public static MakeDataResult Build(MakeDataOptions options, MakeDataRun run)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(run);
        options.Validate();
        if (run.Jobs < 1) throw new InvalidSettingException("jobs", $"jobs must be at least 1, got {run.Jobs}");
        RequireDescriptions(options, run);
        var folder = new TrainingSetFolder(run.OutputFolder);
        folder.Claim(TrainingSetFolder.ManifestText(run.Dataset.Key, options));

        var mine = Select(run.Dataset, run.ShardIndex, run.ShardCount, run.Limit);
        RequireDistinctFolderNames(run.Dataset, run.Limit);
        RequireSameSelection(folder, mine, run);
        string listing = TrainingSetShard.ListingHash(run.Dataset, run.Limit);
        TrainingSetShard Record(bool complete) => new()
        {
            Index = run.ShardIndex, Count = run.ShardCount, Limit = run.Limit, Listing = listing, Videos = mine.Count, Complete = complete,
        };
        folder.WriteShard(Record(complete: false));
        var todo = mine.Where(x => !folder.HasPart(x.Order, x.Sequence.Name)).ToList();
        run.Started?.Invoke(todo.Count);

        var sampler = TrainingRecipes.CreateSampler(options, run.Teacher);
        var images = new TrainingImageStore(folder.Path, options.ImageFormat);
        var load = run.LoadFrames ?? ((paths, indices) => FrameLoader.Load(paths, indices, run.Cancellation));
        var failures = new ConcurrentBag<string>();
        int pairs = 0;
        Parallel.ForEach(todo, new ParallelOptions { MaxDegreeOfParallelism = run.Jobs, CancellationToken = run.Cancellation }, item =>
        {
            try
            {
                var s = item.Sequence;
                if (s.Frames.Count == 0)
                    throw new DataFormatException(s.GroundTruthPath ?? s.Name, "has no frame files (frames are needed: a toolkit layout holds annotations only)");
                var video = new TrainingVideo(s, item.Order, TrainingVideo.ReadImageSize(s), options.FallbackDescription);
                var part = sampler.Sample(video, DeterministicRandom.ForVideo(options.Seed, s.Name), indices => load(s.Frames, indices), images);
                if (video.LengthMismatch is { } mismatch) part = part with { Skipped = [.. part.Skipped, mismatch] };
                folder.WritePart(part);
                Interlocked.Add(ref pairs, part.Samples.Count);
                run.VideoDone?.Invoke(part);
            }
            catch (Exception e) when (UserFacingErrors.IsUserFacing(e))
            {
                failures.Add($"{item.Sequence.Name}: {e.Message}");
            }
        });

        var (summary, files) = folder.Assemble(options);
        // Every video had a part before this run or wrote one unless it failed (cancellation throws before here).
        folder.WriteShard(Record(complete: failures.IsEmpty));
        return new MakeDataResult
        {
            Summary = summary,
            VideosInShard = mine.Count,
            Resumed = mine.Count - todo.Count,
            Processed = todo.Count - failures.Count,
            PairsThisRun = pairs,
            Failures = failures.OrderBy(f => f, StringComparer.Ordinal).ToList(),
            Files = files,
        };
    }

    /// <summary>
    /// ReasoningTrack rows need a description per video; when no selected video has one and no fallback description
    /// is set, the set would be empty, so the run is refused before anything is written.
    /// </summary>
    private static void RequireDescriptions(MakeDataOptions options, MakeDataRun run)
    {
        if (options.Recipe != TrainingRecipe.ReasoningTrack || !string.IsNullOrWhiteSpace(options.FallbackDescription)) return;
        var selected = Select(run.Dataset, 0, 1, run.Limit);
        if (selected.Count == 0 || selected.Any(x => !string.IsNullOrWhiteSpace(x.Sequence.Language))) return;
        throw new InvalidSettingException("fallback description",
            $"none of the {selected.Count} selected videos of {run.Dataset.Key} has a language description, so ReasoningTrack rows would be an empty set: give a fallback description or use a dataset with descriptions");
    }

    /// <summary>
    /// Images go to <c>images/&lt;safe name&gt;/</c>; two videos whose names differ only in characters the safe name
    /// replaces would share a folder and overwrite each other's images, so such a listing is refused.
    /// </summary>
    /// <exception cref="ArgumentException">Two selected videos map to one folder name.</exception>
    public static void RequireDistinctFolderNames(Datasets.Dataset dataset, int? limit)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        var seen = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase); // case-insensitive file systems too
        foreach (var s in dataset.Sequences.Take(limit ?? int.MaxValue))
        {
            string safe = TrainingImageStore.SafeName(s.Name);
            if (seen.TryGetValue(safe, out string? other))
                throw new ReasonTrackException($"videos '{other}' and '{s.Name}' would share the image folder images/{safe}/ (names are reduced to letters, digits, '.', '-' and '_', compared ignoring case); rename one");
            seen[safe] = s.Name;
        }
    }

    /// <summary>
    /// A folder holds one selection. Growing it (a larger <c>--limit</c>, or none) adds videos and is allowed; a
    /// folder with parts this run would not select (a smaller limit, another shard) would assemble rows the command
    /// did not ask for, so it is refused rather than silently kept.
    /// </summary>
    private static void RequireSameSelection(TrainingSetFolder folder, List<(int Order, Datasets.Sequence Sequence)> mine, MakeDataRun run)
    {
        var previous = folder.ReadShard();
        string now = $"{run.ShardIndex}/{run.ShardCount}";
        if (previous is not null && (previous.Index != run.ShardIndex || previous.Count != run.ShardCount))
            throw new ReasonTrackException($"{folder.Path} holds shard {previous.Name}, not {now}; give each shard its own MakeDataRun.OutputFolder");
        var expected = mine.Select(x => System.IO.Path.GetFileName(folder.PartPath(x.Order, x.Sequence.Name))).ToHashSet(StringComparer.Ordinal);
        var extra = folder.PartFileNames().Where(f => !expected.Contains(f)).ToList();
        if (extra.Count > 0)
            throw new ReasonTrackException($"{folder.Path} holds {extra.Count} finished video(s) this run would not select (shard {now}, limit {TrainingSetShard.LimitText(run.Limit)}), e.g. parts/{extra[0]}; a folder only grows: use a new MakeDataRun.OutputFolder, or the earlier MakeDataRun.Limit");
    }
}
