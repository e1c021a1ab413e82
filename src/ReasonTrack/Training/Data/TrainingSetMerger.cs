using ReasonTrack.IO;

namespace ReasonTrack.Training.Data;

/// <summary>
/// Joins the folders that <c>make-data --shard i/N</c> workers wrote into one data set: their settings must be
/// identical; their parts and images are copied (a file present twice must have the same bytes, which it does when
/// two shards overlap); then the rows are assembled from all parts in listing order. Because every video's part and
/// images depend only on the settings and the video, merging shards 0/N..N-1/N gives the same bytes as one
/// unsharded run, whatever the order the shard folders are given in.
/// </summary>
public static class TrainingSetMerger
{
    /// <returns>The merged set's summary and the files assembled.</returns>
    /// <exception cref="ArgumentException">No shard folders, or one is missing.</exception>
    /// <exception cref="InvalidOperationException">Settings differ, or two shards hold different bytes under one name.</exception>
    public static (TrainingSetSummary Summary, IReadOnlyList<string> Files) Merge(string output, IReadOnlyList<string> shards)
    {
        ArgumentNullException.ThrowIfNull(shards);
        if (shards.Count == 0) throw new ArgumentException("give at least one shard folder to merge");
        string? manifest = null;
        string? first = null;
        foreach (string shard in shards)
        {
            if (!Directory.Exists(shard)) throw new ArgumentException($"shard folder not found: {shard}");
            string text = new TrainingSetFolder(shard).ReadManifest()
                ?? throw new ArgumentException($"{shard} is not a make-data folder (no {TrainingSetFolder.ManifestFile})");
            if (manifest is null) (manifest, first) = (text, shard);
            else if (text != manifest)
                throw new InvalidOperationException($"{shard} was built with other settings than {first} (their {TrainingSetFolder.ManifestFile} differ); only shards of one run can be merged");
        }
        var target = new TrainingSetFolder(output);
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
                            throw new InvalidOperationException($"{relative} differs between {shard} and a folder merged before it; these are not shards of one run");
                        continue;
                    }
                    AtomicFile.WriteAllBytes(dest, bytes);
                }
            }
        }
        var (_, options) = TrainingSetFolder.ParseManifest(manifest!, Path.Combine(first!, TrainingSetFolder.ManifestFile));
        return target.Assemble(options);
    }
}
