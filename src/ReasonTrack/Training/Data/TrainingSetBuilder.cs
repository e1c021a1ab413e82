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
        if (shardCount < 1 || shardIndex < 0 || shardIndex >= shardCount) throw new ArgumentException($"shard must be i/N with 0 <= i < N, got {shardIndex}/{shardCount}");
        if (limit is < 0) throw new ArgumentException($"limit must be >= 0, got {limit}");
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
        if (run.Jobs < 1) throw new ArgumentException($"jobs must be at least 1, got {run.Jobs}");
        var folder = new TrainingSetFolder(run.OutputFolder);
        folder.Claim(TrainingSetFolder.ManifestText(run.Dataset.Key, options));

        var mine = Select(run.Dataset, run.ShardIndex, run.ShardCount, run.Limit);
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
                folder.WritePart(part);
                Interlocked.Add(ref pairs, part.Samples.Count);
                run.VideoDone?.Invoke(part);
            }
            catch (Exception e) when (e is ArgumentException or DataFormatException or IOException or InvalidOperationException or MediaException
                                       or Reasoning.Vlm.VlmRequestException or HttpRequestException)
            {
                failures.Add($"{item.Sequence.Name}: {e.Message}");
            }
        });

        var (summary, files) = folder.Assemble(options);
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
}
