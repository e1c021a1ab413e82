using ReasonTrack.IO;

namespace ReasonTrack.Tests.IO;

/// <summary>A folder is published whole: new, replacing an old one, or not at all when writing fails.</summary>
public sealed class AtomicFolderTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("rt-atomic-folder-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void A_new_folder_is_published_with_what_was_written_and_no_temporary_is_left()
    {
        string target = Path.Combine(_dir, "nested", "seq");
        AtomicFolder.Publish(target, tmp => File.WriteAllText(Path.Combine(tmp, "a.txt"), "new"));
        File.ReadAllText(Path.Combine(target, "a.txt")).ShouldBe("new");
        Directory.GetFileSystemEntries(Path.Combine(_dir, "nested")).Select(Path.GetFileName).ShouldBe(["seq"]);
    }

    [Fact]
    public void An_existing_folder_is_replaced_whole_and_its_files_do_not_survive()
    {
        string target = Path.Combine(_dir, "seq");
        Directory.CreateDirectory(target);
        File.WriteAllText(Path.Combine(target, "old.txt"), "old");
        AtomicFolder.Publish(target, tmp => File.WriteAllText(Path.Combine(tmp, "a.txt"), "new"));
        Directory.GetFiles(target).Select(Path.GetFileName).ShouldBe(["a.txt"]);
        Directory.GetFileSystemEntries(_dir).Select(Path.GetFileName).ShouldBe(["seq"]);
    }

    [Fact]
    public void A_failed_write_leaves_the_old_folder_as_it_was_and_removes_the_temporary()
    {
        string target = Path.Combine(_dir, "seq");
        Directory.CreateDirectory(target);
        File.WriteAllText(Path.Combine(target, "old.txt"), "old");
        Should.Throw<InvalidOperationException>(() => AtomicFolder.Publish(target, tmp =>
        {
            File.WriteAllText(Path.Combine(tmp, "half.txt"), "half");
            throw new InvalidOperationException("disk full");
        }));
        Directory.GetFiles(target).Select(Path.GetFileName).ShouldBe(["old.txt"]);
        Directory.GetFileSystemEntries(_dir).Select(Path.GetFileName).ShouldBe(["seq"]);
    }
}
