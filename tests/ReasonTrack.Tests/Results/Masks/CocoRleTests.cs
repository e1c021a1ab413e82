using ReasonTrack.Geometry.Masks;
using ReasonTrack.IO;
using ReasonTrack.Results.Masks;

namespace ReasonTrack.Tests.Results.Masks;

public class CocoRleTests
{
    // 3 wide, 2 high:  0 1 1
    //                  0 0 1
    // Column-major (x outer, y inner): 0 0 | 1 0 | 1 1  ->  runs 2, 1, 1, 2 (by hand).
    private static readonly Mask Small = Mask.FromDense([0, 1, 1, 0, 0, 1], 3, 2);

    [Fact]
    public void Runs_are_column_major()
    {
        Assert.Equal([2, 1, 1, 2], CocoRle.ToColumnMajorRuns(Small));
        Assert.Equal(Small, CocoRle.FromColumnMajorRuns(3, 2, [2, 1, 1, 2]));
        Assert.Equal([6], CocoRle.ToColumnMajorRuns(Mask.Empty(3, 2)));
        Assert.Equal([0, 6], CocoRle.ToColumnMajorRuns(Mask.Full(3, 2)));
    }

    /// <summary>
    /// Strings computed by hand from the format: 5-bit groups, low first, 0x20 = more follows, the last group's 0x10
    /// is the sign, + 48; from the 4th run on, the difference to the run two before.
    /// </summary>
    [Theory]
    [InlineData(new[] { 2, 1, 1, 2 }, "2111")]        // 4th run: 2 - 1 = 1
    [InlineData(new[] { 100 }, "T3")]                 // 100 = 4 + 3*32: (4|0x20)+48 'T', 3+48 '3'
    [InlineData(new[] { 0, 10, 5, 2 }, "0:5H")]       // 4th: 2 - 10 = -8 -> 24 (sign bit set) + 48 'H'
    [InlineData(new[] { 16 }, "`0")]                  // 16 = 0x10 (the sign bit): (16|0x20)+48 = 96 "`", then a 0 group
    public void Compressed_string_by_hand(int[] runs, string expected)
    {
        Assert.Equal(expected, CocoRle.Compress(runs));
        Assert.Equal(runs, CocoRle.Decompress(expected));
    }

    [Fact]
    public void Random_masks_round_trip_through_both_forms()
    {
        var rng = new Random(2017);
        for (int t = 0; t < 100; t++)
        {
            int w = rng.Next(1, 40), h = rng.Next(1, 30);
            var dense = new byte[w * h];
            double p = rng.NextDouble();
            for (int i = 0; i < dense.Length; i++) dense[i] = rng.NextDouble() < p ? (byte)1 : (byte)0;
            var m = Mask.FromDense(dense, w, h);
            int[] runs = CocoRle.ToColumnMajorRuns(m);
            // Column-major runs by brute force over the dense buffer.
            var expected = new List<int>();
            int cur = 0, run = 0;
            for (int x = 0; x < w; x++)
                for (int y = 0; y < h; y++)
                {
                    int v = dense[y * w + x];
                    if (v != cur) { expected.Add(run); run = 0; cur = v; }
                    run++;
                }
            expected.Add(run);
            Assert.Equal(expected, runs);
            Assert.Equal(runs, CocoRle.Decompress(CocoRle.Compress(runs)));
            Assert.Equal(m, CocoRle.FromColumnMajorRuns(w, h, runs));
        }
    }

    [Fact]
    public void File_round_trips_compressed_and_uncompressed()
    {
        var masks = new SequenceMasks(7, 5);
        masks.Set(0, 1, Mask.FromBox(new(1, 1, 3, 2), 7, 5));
        masks.Set(0, 3, Mask.FromBox(new(4, 0, 3, 5), 7, 5));
        masks.EnsureFrames(2);                    // frame 1: nothing
        masks.Set(2, 1, Mask.Full(7, 5));
        string dir = Directory.CreateTempSubdirectory("rt-coco-").FullName;
        try
        {
            foreach (bool compressed in new[] { true, false })
            {
                string path = Path.Combine(dir, $"seq{compressed}.json");
                CocoRleFile.Write(path, "seq", masks, compressed);
                var (name, back) = CocoRleFile.Read(path);
                Assert.Equal("seq", name);
                Assert.Equal(3, back.FrameCount);
                Assert.Equal(masks.Get(0, 1), back.Get(0, 1));
                Assert.Equal(masks.Get(0, 3), back.Get(0, 3));
                Assert.Empty(back.ObjectsIn(1));
                Assert.Equal(masks.Get(2, 1), back.Get(2, 1));
                Assert.Contains(compressed ? "\"counts\":\"" : "\"counts\":[", File.ReadAllText(path));
            }
            string bad = Path.Combine(dir, "bad.json");
            File.WriteAllText(bad, "{\"width\":3,\"height\":2,\"frames\":[[{\"id\":1,\"segmentation\":{\"size\":[2,3],\"counts\":[2,1]}}]]}");
            var e = Assert.Throws<DataFormatException>(() => CocoRleFile.Read(bad));
            Assert.Contains("bad.json", e.Message);
            Assert.Contains("frames[0] object 1", e.Message);
        }
        finally { Directory.Delete(dir, true); }
    }
}
