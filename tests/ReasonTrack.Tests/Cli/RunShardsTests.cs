namespace ReasonTrack.Tests.Cli;

/// <summary>
/// Many machines (issue 12 item 5): shards of one run started together as separate processes of the built CLI, all
/// writing into one results folder, give exactly the files of one unsharded run; shards of different configurations
/// into one folder: the first recorded configuration wins and the other is refused naming both. No timing is asserted.
/// </summary>
public sealed class RunShardsTests : IDisposable
{
    // Five short OTB sequences: four shards get 2, 1, 1, 1 of them (shard 0 takes positions 0 and 4).
    private static readonly string[] Sequences = ["Football1", "KiteSurf", "Crossing", "Dog", "uav_wakeboard7"];

    private readonly string _dir = Directory.CreateTempSubdirectory("rt-shards-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static void RequireFfmpeg()
    {
        if (!File.Exists("/usr/bin/ffmpeg") && Environment.GetEnvironmentVariable("REASONTRACK_FFMPEG") is null)
            Assert.Skip("ffmpeg not installed (./setup.sh installs it)");
    }

    private string[] RunArgs(string outDir, params string[] more)
    {
        string root = SharedData.Require("data/sequences");
        string list = Path.Combine(_dir, "list.txt");
        File.WriteAllLines(list, Sequences);
        return ["run", "-d", "otb", "-a", root, "-s", list, "-o", outDir, "-j", "1", .. more];
    }

    [Fact]
    public async Task Four_shards_started_together_into_one_folder_equal_one_unsharded_run_byte_for_byte()
    {
        RequireFfmpeg();
        string whole = Path.Combine(_dir, "whole");
        string shared = Path.Combine(_dir, "sharded");
        var one = await CliRunner.Start(RunArgs(whole, "-t", "default"));
        one.ExitCode.ShouldBe(0, one.Stdout + one.Stderr);

        // All four are started before any is waited for.
        var shards = Enumerable.Range(0, 4).Select(i => CliRunner.Start(RunArgs(shared, "-t", "default", "--shard", $"{i}/4"))).ToList();
        var outcomes = await Task.WhenAll(shards);
        foreach (var o in outcomes) o.ExitCode.ShouldBe(0, o.Stdout + o.Stderr);
        outcomes.Sum(o => o.Stdout.Split('\n').Count(l => l.StartsWith("done: ", StringComparison.Ordinal))).ShouldBe(Sequences.Length);

        var expected = Files(whole);
        var actual = Files(shared);
        actual.Keys.Order(StringComparer.Ordinal).ShouldBe(expected.Keys.Order(StringComparer.Ordinal));
        // Every sequence's boxes, scores and time file, the record, and the (empty) lock file: nothing else, no temporary file left.
        expected.Count.ShouldBe(Sequences.Length * 3 + 2);
        expected.Keys.Where(k => k.StartsWith('.')).ShouldBe([".reasontrack-run.json.lock"]);
        foreach (var (name, bytes) in expected)
        {
            if (name.EndsWith("_time.txt", StringComparison.Ordinal))
            {
                // Seconds of tracking work per frame differ between any two runs: the same number of rows is what can agree.
                Lines(actual[name]).ShouldBe(Lines(bytes), name);
                continue;
            }
            actual[name].ShouldBe(bytes, $"{name} differs between the sharded and the unsharded run");
        }
    }

    [Fact]
    public async Task Two_shards_of_different_configurations_into_one_folder_the_first_recorded_wins_and_the_other_is_refused_naming_both()
    {
        RequireFfmpeg();
        string shared = Path.Combine(_dir, "sharded");
        var a = CliRunner.Start(RunArgs(shared, "-t", "default", "--shard", "0/2"));
        var b = CliRunner.Start(RunArgs(shared, "-t", "identity", "--shard", "1/2"));
        var (oa, ob) = (await a, await b);

        (oa.ExitCode == 0 ^ ob.ExitCode == 0).ShouldBeTrue($"exactly one shard runs:\nA {oa.ExitCode}: {oa.Stderr}\nB {ob.ExitCode}: {ob.Stderr}");
        var (winner, loser, won, lost) = oa.ExitCode == 0 ? (oa, ob, "dcf", "identity") : (ob, oa, "identity", "dcf");
        loser.ShouldFailCleanly();
        loser.Stderr.ShouldContain("another configuration");
        loser.Stderr.ShouldContain($"tracker: \"{won}\" -> \"{lost}\""); // recorded -> requested: both named
        loser.Stdout.ShouldNotContain("done: ");

        var record = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(shared, "reasontrack-run.json"))).RootElement;
        record.GetProperty("tracker").GetString().ShouldBe(won);
        // The loser wrote nothing: only the winner's sequences have results.
        var winnerSequences = Sequences.Where((_, i) => i % 2 == (ReferenceEquals(winner, oa) ? 0 : 1)).ToList();
        foreach (var s in Sequences)
        {
            File.Exists(Path.Combine(shared, s + ".txt")).ShouldBe(winnerSequences.Contains(s), s);
            File.Exists(Path.Combine(shared, s + "_scores.txt")).ShouldBe(winnerSequences.Contains(s), s);
        }
    }

    private static Dictionary<string, byte[]> Files(string dir) =>
        Directory.GetFiles(dir).ToDictionary(f => Path.GetFileName(f), File.ReadAllBytes, StringComparer.Ordinal);

    private static int Lines(byte[] bytes) => bytes.Count(b => b == (byte)'\n');
}
