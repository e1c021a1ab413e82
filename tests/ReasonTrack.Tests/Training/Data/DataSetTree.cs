using System.Security.Cryptography;

namespace ReasonTrack.Tests.Training.Data;

/// <summary>A folder's files as relative path to SHA-256, for byte-for-byte comparisons of whole data sets.</summary>
internal static class DataSetTree
{
    public static SortedDictionary<string, string> Of(string root)
    {
        var files = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (string f in Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories))
            files[Path.GetRelativePath(root, f).Replace('\\', '/')] = Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(f)));
        return files;
    }

    /// <summary>Fails with the first differing file named, when the two trees differ in any file or byte.</summary>
    public static void ShouldBeIdentical(string actualRoot, string expectedRoot)
    {
        var a = Of(actualRoot);
        var e = Of(expectedRoot);
        a.Keys.ShouldBe(e.Keys, $"file lists differ between {actualRoot} and {expectedRoot}");
        foreach (var (path, hash) in e) a[path].ShouldBe(hash, $"{path} differs");
    }
}
