using System.Text.Json;
using ReasonTrack.Datasets;
using ReasonTrack.IO;

namespace ReasonTrack.Tests.Evaluation;

/// <summary>
/// Reads the golden inputs (toolkit-layout annotations) with code independent of the dataset loaders, and the
/// golden JSON outputs the official toolkits produced.
/// </summary>
internal static class GoldenFixture
{
    public static JsonElement Json(string file)
    {
        string path = SharedData.Require(Path.Combine("golden", file));
        return JsonDocument.Parse(File.ReadAllBytes(path)).RootElement;
    }

    /// <summary>
    /// Ground truth and absence flags of one golden sequence. <paramref name="absentValue"/> is the file value that
    /// means "absent" (1 for LaSOT/TNL2K, 0 for TNLLT whose files say 1 = visible).
    /// </summary>
    public static Sequence Sequence(string set, string name, string gtFolder, int absentValue, string attFileSuffix = "")
    {
        string annos = SharedData.Require(Path.Combine("golden", "inputs", set, "annos"));
        string gtPath = Path.Combine(annos, gtFolder, name + ".txt");
        var gt = NumericTable.Read(gtPath, NumericTableOptions.Dlmread).ToBoxes();
        var absent = NumericTable.Read(Path.Combine(annos, "absent", name + ".txt"), NumericTableOptions.Dlmread).Flatten()
            .Select(v => v == absentValue).ToArray();
        string attPath = Path.Combine(annos, "att", name + attFileSuffix + ".txt");
        double[]? att = File.Exists(attPath) ? NumericTable.Read(attPath, NumericTableOptions.Dlmread).Flatten() : null;
        return new Sequence(name, gt) { Absent = absent, GroundTruthPath = gtPath, AttributeVector = att };
    }

    public static string[] Strings(JsonElement array) => array.EnumerateArray().Select(e => e.GetString()!).ToArray();

    public static double[] Doubles(JsonElement array) =>
        array.EnumerateArray().Select(e => e.ValueKind == JsonValueKind.Null ? double.NaN : e.GetDouble()).ToArray();

    public static void ShouldMatch(double[] actual, double[] expected, double tolerance, string what)
    {
        actual.Length.ShouldBe(expected.Length, $"{what}: length");
        for (int i = 0; i < expected.Length; i++)
        {
            bool ok = double.IsNaN(expected[i]) ? double.IsNaN(actual[i]) : Math.Abs(actual[i] - expected[i]) <= tolerance;
            if (!ok) throw new Xunit.Sdk.XunitException($"{what}[{i}]: expected {expected[i]:R}, got {actual[i]:R}");
        }
    }
}
