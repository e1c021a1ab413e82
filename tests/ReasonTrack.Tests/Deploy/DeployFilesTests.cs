using System.Text.RegularExpressions;

namespace ReasonTrack.Tests.Deploy;

/// <summary>
/// The shard wiring of deploy/ (issue 12 item 5), read as text: each engine's task index becomes <c>--shard i/N</c>,
/// with N the same number as the engine's task count.
/// </summary>
public sealed partial class DeployFilesTests
{
    private static string Read(string name) => File.ReadAllText(Path.Combine(SharedData.RepoRoot, "deploy", name));

    [Fact]
    public void The_indexed_job_passes_JOB_COMPLETION_INDEX_as_the_shard_and_runs_N_completions_N_at_a_time()
    {
        string yaml = Read("k8s-indexed-job.yaml");
        yaml.ShouldContain("completionMode: Indexed");
        yaml.ShouldContain("--shard \"${JOB_COMPLETION_INDEX}/${REASONTRACK_SHARDS}\"");
        int completions = int.Parse(Completions().Match(yaml).Groups[1].Value);
        int parallelism = int.Parse(Parallelism().Match(yaml).Groups[1].Value);
        int shards = int.Parse(ShardsEnv().Match(yaml).Groups[1].Value);
        parallelism.ShouldBe(completions);
        shards.ShouldBe(completions);
        yaml.ShouldContain("ReadWriteMany");
        yaml.ShouldContain("readOnly: true");
    }

    [Fact]
    public void The_slurm_array_passes_SLURM_ARRAY_TASK_ID_as_the_shard_over_0_to_N_minus_1()
    {
        string sh = Read("slurm-array.sh");
        sh.ShouldContain("--shard \"${SLURM_ARRAY_TASK_ID}/${SHARDS}\"");
        int last = int.Parse(ArrayRange().Match(sh).Groups[1].Value);
        int shards = int.Parse(SlurmShards().Match(sh).Groups[1].Value);
        (last + 1).ShouldBe(shards);
    }

    [GeneratedRegex(@"(?m)^\s*completions:\s*(\d+)")] private static partial Regex Completions();
    [GeneratedRegex(@"(?m)^\s*parallelism:\s*(\d+)")] private static partial Regex Parallelism();
    [GeneratedRegex(@"name: REASONTRACK_SHARDS\s+value:\s*""(\d+)""")] private static partial Regex ShardsEnv();
    [GeneratedRegex(@"(?m)^#SBATCH --array=0-(\d+)")] private static partial Regex ArrayRange();
    [GeneratedRegex(@"(?m)^SHARDS=(\d+)")] private static partial Regex SlurmShards();
}
