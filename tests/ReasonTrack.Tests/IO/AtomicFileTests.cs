using ReasonTrack.IO;

namespace ReasonTrack.Tests.IO;

/// <summary>Create-if-absent and the cross-process lock used by shards writing into one folder (issue 12 item 5).</summary>
public sealed class AtomicFileTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("rt-atomic-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Of_many_writers_creating_one_file_at_once_exactly_one_wins_and_the_file_is_whole()
    {
        // Each writer's content is distinct and long enough that a torn or mixed file would show. Rounds repeat the race
        // (threads released together by a barrier); a check-then-rename create loses it now and then (two winners).
        static string ContentOf(int i) => string.Concat(Enumerable.Repeat($"writer {i};", 5000));
        for (int round = 0; round < 30; round++)
        {
            string dir = Path.Combine(_dir, $"r{round}");
            Directory.CreateDirectory(dir);
            string path = Path.Combine(dir, "record.json");
            using var gate = new Barrier(8);
            var won = new bool[8];
            var threads = Enumerable.Range(0, 8).Select(i => new Thread(() =>
            {
                gate.SignalAndWait();
                won[i] = AtomicFile.TryCreateNew(path, ContentOf(i));
            })).ToList();
            threads.ForEach(t => t.Start());
            threads.ForEach(t => t.Join());

            won.Count(w => w).ShouldBe(1, $"round {round}");
            File.ReadAllText(path).ShouldBe(ContentOf(Array.IndexOf(won, true)));
            Directory.GetFiles(dir).Select(Path.GetFileName).ShouldBe(["record.json"]); // no temporary file left behind
        }
    }

    [Fact]
    public void An_existing_file_is_never_replaced()
    {
        string path = Path.Combine(_dir, "record.json");
        File.WriteAllText(path, "first");
        AtomicFile.TryCreateNew(path, "second").ShouldBeFalse();
        File.ReadAllText(path).ShouldBe("first");
    }

    [Fact]
    public void A_held_lock_is_not_granted_again_until_released()
    {
        string path = Path.Combine(_dir, ".x.lock");
        var held = FileLock.Acquire(path, TimeSpan.Zero);
        // Zero timeout: one attempt, no waiting; the holder's lock is exclusive (also within one process: flock is per open file).
        Should.Throw<ReasonTrackException>(() => FileLock.Acquire(path, TimeSpan.Zero)).Message.ShouldContain("could not lock");
        held.Dispose();
        using var again = FileLock.Acquire(path, TimeSpan.Zero);
    }

    [Fact]
    public void A_progressive_file_appears_under_its_name_only_when_published()
    {
        string path = Path.Combine(_dir, "seq_reasoning.jsonl");
        string tmp = AtomicFile.TemporaryPathFor(path);
        Path.GetFileName(tmp).ShouldStartWith(".");
        Path.GetDirectoryName(tmp).ShouldBe(_dir);
        File.WriteAllText(tmp, "line\n");
        File.Exists(path).ShouldBeFalse();
        AtomicFile.Publish(tmp, path);
        File.ReadAllText(path).ShouldBe("line\n");
        File.Exists(tmp).ShouldBeFalse();
    }
}
