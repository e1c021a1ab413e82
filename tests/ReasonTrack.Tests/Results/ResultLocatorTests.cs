using ReasonTrack.Geometry;
using ReasonTrack.IO;
using ReasonTrack.Results;

namespace ReasonTrack.Tests.Results;

public sealed class ResultLocatorTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("rt-results-").FullName;
    private static readonly string[] Seqs = ["airplane-1", "Bird-2", "cat-3"];

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Touch(params string[] parts)
    {
        string p = Path.Combine([_dir, .. parts]);
        Directory.CreateDirectory(Path.GetDirectoryName(p)!);
        File.WriteAllText(p, "1,2,3,4\n");
        return p;
    }

    [Fact]
    public void Plain_folder_with_a_case_changed_name_is_matched_and_reported()
    {
        Touch("t", "airplane-1.txt"); Touch("t", "bird-2.txt"); Touch("t", "cat-3.txt"); Touch("t", "airplane-1_time.txt");
        var s = ResultLocator.Locate("T", Path.Combine(_dir, "t"), Seqs);
        s.Layout.ShouldBe(ResultLayout.Plain);
        s.Missing.ShouldBeEmpty();
        s.Runs[0]["Bird-2"].MatchedBy.ShouldBe("case-insensitive");
        s.Runs[0]["airplane-1"].TimePath.ShouldNotBeNull();
        s.Notes.ShouldContain(n => n.Contains("bird-2.txt") && n.Contains("ignoring case"));
    }

    [Fact]
    public void Matlab_toolkit_layout_is_detected_from_the_tracking_results_folder()
    {
        foreach (var q in Seqs) { Touch("tracking_results", "Mine_tracking_result", q + ".txt"); Touch("tracking_results", "Other_tracking_result", q + ".txt"); }
        var s = ResultLocator.Locate("Mine", Path.Combine(_dir, "tracking_results"), Seqs);
        s.Layout.ShouldBe(ResultLayout.MatlabToolkit);
        s.Directory.ShouldEndWith("Mine_tracking_result");
        Should.Throw<DataFormatException>(() => ResultLocator.Locate("Nobody", Path.Combine(_dir, "tracking_results"), Seqs)).Message.ShouldContain("several trackers");
        ResultLocator.ParseArgument(Path.Combine(_dir, "tracking_results", "Mine_tracking_result")).Name.ShouldBe("Mine");
    }

    [Fact]
    public void Pytracking_runs_are_found_in_order()
    {
        foreach (var q in Seqs) { Touch("dimp", "dimp50_000", q + ".txt"); Touch("dimp", "dimp50_001", q + ".txt"); }
        var s = ResultLocator.Locate("DiMP", Path.Combine(_dir, "dimp"), Seqs);
        s.Layout.ShouldBe(ResultLayout.Pytracking);
        s.Runs.Count.ShouldBe(2);
        s.Runs[1]["cat-3"].Path.ShouldContain("dimp50_001");
    }

    [Fact]
    public void Got10k_submission_runs_and_time_files_are_found()
    {
        foreach (var q in Seqs) { Touch("sub", q, q + "_001.txt"); Touch("sub", q, q + "_002.txt"); Touch("sub", q, q + "_time.txt"); }
        var s = ResultLocator.Locate("G", Path.Combine(_dir, "sub"), Seqs);
        s.Layout.ShouldBe(ResultLayout.Got10k);
        s.Runs.Count.ShouldBe(2);
        s.Runs[0]["airplane-1"].TimePath.ShouldNotBeNull();
    }

    [Fact]
    public void Missing_and_unmatched_files_are_named()
    {
        Touch("t", "airplane-1.txt"); Touch("t", "zebra-9.txt");
        var s = ResultLocator.Locate("T", Path.Combine(_dir, "t"), Seqs);
        s.Missing.ShouldBe(["Bird-2", "cat-3"]);
        s.Unmatched.ShouldBe(["zebra-9"]);
    }

    [Fact]
    public void Empty_missing_or_unrelated_folders_give_clear_errors()
    {
        Directory.CreateDirectory(Path.Combine(_dir, "empty"));
        Should.Throw<DataFormatException>(() => ResultLocator.Locate("E", Path.Combine(_dir, "empty"), Seqs)).Message.ShouldEndWith("results folder is empty");
        Should.Throw<DataFormatException>(() => ResultLocator.Locate("E", Path.Combine(_dir, "nope"), Seqs)).Message.ShouldContain("not found");
        Touch("other", "zebra-9.txt");
        Should.Throw<DataFormatException>(() => ResultLocator.Locate("O", Path.Combine(_dir, "other"), Seqs)).Message.ShouldContain("no result file matches");
    }

    [Theory]
    [InlineData(ResultLayout.Plain)]
    [InlineData(ResultLayout.Pytracking)]
    [InlineData(ResultLayout.MatlabToolkit)]
    [InlineData(ResultLayout.Got10k)]
    [InlineData(ResultLayout.VpTracker)]
    public void Written_results_are_found_again_in_their_layout_and_read_back(ResultLayout layout)
    {
        var boxes = new[] { new Box(1.5, 2, 30, 40), new Box(3, 4.25, 31, 41), Box.NaN };
        foreach (var q in Seqs) ResultWriter.Write(layout, _dir, "Trk", q, boxes, [0.01, 0.02, 0.03]);
        string dir = layout == ResultLayout.Pytracking ? Path.Combine(_dir, "Trk") : _dir;
        var s = ResultLocator.Locate("Trk", dir, Seqs);
        s.Layout.ShouldBe(layout);
        var t = NumericTable.Read(s.Runs[0]["cat-3"].Path);
        t.RowCount.ShouldBe(3);
        double.IsNaN(t[2, 0]).ShouldBeTrue();
        // pytracking stores integers (np.savetxt fmt='%d' truncates 1.5 to 1); the others keep full precision.
        t[0, 0].ShouldBe(layout == ResultLayout.Pytracking ? 1 : 1.5);
        s.Runs[0]["cat-3"].TimePath.ShouldNotBeNull();
    }
}
