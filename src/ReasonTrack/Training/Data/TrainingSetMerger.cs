using ReasonTrack.IO;

namespace ReasonTrack.Training.Data;

/// <summary>
/// Joins the folders that <c>make-data --shard i/N</c> workers wrote into one data set: their settings must be
/// identical, and their <see cref="TrainingSetShard"/> records must show shards 0..N-1 of one selection, each finished; their parts and images are copied (a file present twice must have the same bytes, which it does when
/// two shards overlap); then the rows are assembled from all parts in listing order. Because every video's part and
/// images depend only on the settings and the video, merging shards 0/N..N-1/N gives the same bytes as one
/// unsharded run, whatever the order the shard folders are given in.
/// </summary>
public static class TrainingSetMerger
{
    /// <returns>The merged set's summary and the files assembled.</returns>
    /// <exception cref="ArgumentException">No shard folders, or one is missing.</exception>
    /// <exception cref="InvalidOperationException">Settings differ; a shard is missing, given twice, unfinished or of another selection; two shards hold different bytes under one name.</exception>
    public static (TrainingSetSummary Summary, IReadOnlyList<string> Files) Merge(string output, IReadOnlyList<string> shards)
    {
        ArgumentNullException.ThrowIfNull(shards);
        if (shards.Count == 0) throw new ReasonTrackException("give at least one shard folder to merge");
        string? manifest = null;
        string? first = null;
        foreach (string shard in shards)
        {
            if (!Directory.Exists(shard)) throw new ReasonTrackException($"shard folder not found: {shard}");
            string text = new TrainingSetFolder(shard).ReadManifest()
                ?? throw new ReasonTrackException($"{shard} is not a make-data folder (no {TrainingSetFolder.ManifestFile})");
            if (manifest is null) (manifest, first) = (text, shard);
            else if (text != manifest)
                throw new ReasonTrackException($"{shard} was built with other settings than {first} (their {TrainingSetFolder.ManifestFile} differ); only shards of one run can be merged");
        }
        var records = RequireAllShardsOfOneSelection(shards);
        var target = new TrainingSetFolder(output);
        bool targetIsShard = shards.Any(x => Path.GetFullPath(x) == target.Path);
        if (!targetIsShard && target.PartFileNames().Count > 0)
            throw new ReasonTrackException($"{target.Path} already holds finished videos; merge into a new folder (or into one of the shard folders)");
        target.Claim(manifest!);
        foreach (string shard in shards)
        {
            string root = Path.GetFullPath(shard);
            if (root == target.Path) continue;
            foreach (string sub in new[] { TrainingSetFolder.PartsFolder, TrainingImageStore.ImagesFolder })
            {
                string dir = Path.Combine(root, sub);
                if (!Directory.Exists(dir)) continue;
                foreach (string file in Directory.EnumerateFiles(dir, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
                {
                    if (Path.GetFileName(file).StartsWith('.')) continue; // a writer's leftover temporary file
                    string relative = Path.GetRelativePath(root, file);
                    string dest = Path.Combine(target.Path, relative);
                    byte[] bytes = File.ReadAllBytes(file);
                    if (File.Exists(dest))
                    {
                        if (!File.ReadAllBytes(dest).AsSpan().SequenceEqual(bytes))
                            throw new ReasonTrackException($"{relative} differs between {shard} and a folder merged before it; these are not shards of one run");
                        continue;
                    }
                    AtomicFile.WriteAllBytes(dest, bytes);
                }
            }
        }
        var (_, options) = TrainingSetFolder.ParseManifest(manifest!, Path.Combine(first!, TrainingSetFolder.ManifestFile));
        var result = target.Assemble(options);
        // The merged folder is what one unsharded run of the same selection leaves (so it can be resumed or grown).
        var one = records[0].Record;
        target.WriteShard(one with { Index = 0, Count = 1, Videos = records.Sum(r => r.Record.Videos), Complete = true });
        return result;
    }

    /// <summary>
    /// Every folder must say (its <see cref="TrainingSetShard"/>) that it finished, all must be shards of one
    /// selection (same N, limit and listing), and together they must be 0..N-1, each once.
    /// </summary>
    private static List<(string Folder, TrainingSetShard Record)> RequireAllShardsOfOneSelection(IReadOnlyList<string> shards)
    {
        var records = new List<(string Folder, TrainingSetShard Record)>();
        foreach (string shard in shards)
        {
            var r = new TrainingSetFolder(shard).ReadShard()
                ?? throw new ReasonTrackException($"{shard} has no {TrainingSetShard.FileName}: its make-data run never started or was made by an older version; rerun its make-data command");
            if (!r.Complete)
                throw new ReasonTrackException($"{shard} (shard {r.Name}) is not finished: a video failed or its run was stopped; rerun its make-data command, which resumes, then merge");
            records.Add((shard, r));
        }
        var (firstFolder, first) = records[0];
        foreach (var (folder, r) in records)
        {
            if (r.Count != first.Count || r.Listing != first.Listing || r.Limit != first.Limit)
                throw new ReasonTrackException($"{folder} (shard {r.Name}, limit {TrainingSetShard.LimitText(r.Limit)}) and {firstFolder} (shard {first.Name}, limit {TrainingSetShard.LimitText(first.Limit)}) are not shards of one selection: the shard count, MakeDataRun.Limit or the dataset's listing differ");
        }
        var twice = records.GroupBy(r => r.Record.Index).FirstOrDefault(g => g.Count() > 1);
        if (twice is not null)
            throw new ReasonTrackException($"shard {twice.First().Record.Name} is given twice: {string.Join(" and ", twice.Select(g => g.Folder))}");
        var missing = Enumerable.Range(0, first.Count).Except(records.Select(r => r.Record.Index)).ToList();
        if (missing.Count > 0)
            throw new ReasonTrackException($"missing shard(s) {string.Join(", ", missing.Select(i => $"{i}/{first.Count}"))}: a merge needs every shard of the run");
        return records;
    }
}
