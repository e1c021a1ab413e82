using System.Text.Json;
using ReasonTrack.IO;
using ReasonTrack.Media.Palette;

namespace ReasonTrack.Tests.Media.Palette;

public class IndexedPngTests
{
    private static string FixtureDir => Path.Combine(SharedData.RepoRoot, "tests", "ReasonTrack.Tests", "Media", "Palette", "Fixtures");

    public static TheoryData<string> Fixtures()
    {
        var data = new TheoryData<string>();
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(FixtureDir, "expected.json")));
        foreach (var c in doc.RootElement.EnumerateArray()) data.Add(c.GetProperty("file").GetString()!);
        return data;
    }

    /// <summary>
    /// Files written by an independent encoder (make_fixtures.py: every filter type, Adam7, palette 1-8 bits, grey
    /// 1-16 bits); expected values are Pillow's <c>np.array(Image.open(f))</c>, recorded in expected.json.
    /// </summary>
    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Reads_as_pillow_does(string file)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(FixtureDir, "expected.json")));
        var c = doc.RootElement.EnumerateArray().Single(e => e.GetProperty("file").GetString() == file);
        int[] expected = c.GetProperty("values").EnumerateArray().Select(v => v.GetInt32()).ToArray();
        var shape = c.GetProperty("shape").EnumerateArray().Select(v => v.GetInt32()).ToArray();
        var img = IndexedPngReader.Read(Path.Combine(FixtureDir, file));
        Assert.Equal(shape[0], img.Height);
        Assert.Equal(shape[1], img.Width);
        Assert.Equal(expected, Enumerable.Range(0, expected.Length).Select(img.ValueAt));
        string mode = c.GetProperty("mode").GetString()!;
        var kind = mode switch { "P" => PngLabelKind.PaletteIndex, "1" => PngLabelKind.Bilevel, "I" => PngLabelKind.Gray16, _ => img.BitDepth == 8 ? PngLabelKind.Gray8 : PngLabelKind.GrayScaled };
        Assert.Equal(kind, img.Kind);
    }

    public static TheoryData<int, int, bool> WriteCases()
    {
        var data = new TheoryData<int, int, bool>();
        foreach (int depth in new[] { 1, 2, 4, 8 })
            foreach (int filter in new[] { -1, 0, 1, 2, 3, 4 })
                foreach (bool interlace in new[] { false, true })
                    data.Add(depth, filter, interlace);
        return data;
    }

    [Theory]
    [MemberData(nameof(WriteCases))]
    public void Round_trips_every_depth_filter_and_interlace(int depth, int filter, bool interlace)
    {
        var (labels, w, h) = Pattern(depth, 37, 11);
        var options = new IndexedPngWriteOptions { BitDepth = depth, Filter = filter < 0 ? null : filter, Interlace = interlace };
        byte[] png = IndexedPngWriter.Encode(labels, w, h, options);
        var img = IndexedPngReader.Decode(png, "memory");
        Assert.Equal(PngLabelKind.PaletteIndex, img.Kind);
        Assert.Equal(depth, img.BitDepth);
        Assert.Equal(labels, img.Labels);
        Assert.Equal(DavisPalette.Colors[..(3 << depth)].ToArray(), img.Palette);
    }

    /// <summary>Pillow decodes what we write to the same indices (an independent decoder for every filter and depth).</summary>
    [Fact]
    public void Pillow_reads_what_we_write()
    {
        PythonReference.Require("numpy", "PIL");
        string dir = Directory.CreateTempSubdirectory("rt-png-").FullName;
        try
        {
            var files = new List<(string Path, byte[] Labels)>();
            foreach (int depth in new[] { 1, 2, 4, 8 })
            foreach (int filter in new[] { -1, 0, 1, 2, 3, 4 })
            {
                var (labels, w, h) = Pattern(depth, 29, 9);
                string path = Path.Combine(dir, $"d{depth}_f{filter}.png");
                IndexedPngWriter.Write(path, labels, w, h, new IndexedPngWriteOptions { BitDepth = depth, Filter = filter < 0 ? null : filter });
                files.Add((path, labels));
            }
            var (code, stdout, stderr) = PythonReference.Run(
                "import sys, json, numpy as np\nfrom PIL import Image\n" +
                "print(json.dumps([[Image.open(f).mode] + np.array(Image.open(f)).ravel().tolist() for f in sys.argv[1:]]))",
                files.Select(f => f.Path).ToList());
            Assert.True(code == 0, stderr);
            using var doc = JsonDocument.Parse(stdout);
            int i = 0;
            foreach (var arr in doc.RootElement.EnumerateArray())
            {
                Assert.Equal("P", arr[0].GetString());
                Assert.Equal(files[i].Labels, arr.EnumerateArray().Skip(1).Select(v => (byte)v.GetInt32()).ToArray());
                i++;
            }
        }
        finally { Directory.Delete(dir, true); }
    }

    [Fact]
    public void Palette_is_the_one_of_davis_files()
    {
        string png = SharedData.Require("golden/davis/inputs/DAVIS/Annotations/480p/synth-ellipses/00000.png");
        Assert.Equal(DavisPalette.Colors.ToArray(), IndexedPngReader.Read(png).Palette);
        Assert.Equal(((byte)128, (byte)0, (byte)0), DavisPalette.Color(1));
        Assert.Equal(((byte)224, (byte)224, (byte)192), DavisPalette.Color(255));
    }

    [Fact]
    public void Broken_files_name_the_file()
    {
        byte[] png = IndexedPngWriter.Encode(new byte[12], 4, 3);
        byte[] bad = (byte[])png.Clone();
        bad[40] ^= 0x55;  // inside PLTE: CRC no longer matches
        var e = Assert.Throws<DataFormatException>(() => IndexedPngReader.Decode(bad, "x/00003.png"));
        Assert.Contains("x/00003.png", e.Message);
        Assert.Contains("CRC", e.Message);
        Assert.Throws<DataFormatException>(() => IndexedPngReader.Decode(png.AsSpan(0, png.Length - 12), "t.png"));
        Assert.Contains("not found", Assert.Throws<DataFormatException>(() => IndexedPngReader.Read("/nonexistent/00000.png")).Message);
    }

    [Fact]
    public void Colour_png_is_refused()
    {
        // A 1x1 RGB PNG: IHDR colour type 2; the reader refuses it before decoding pixels.
        byte[] pal = IndexedPngWriter.Encode([0], 1, 1);
        byte[] rgb = (byte[])pal.Clone();
        rgb[8 + 8 + 9] = 2;
        uint crc = PngCrcForTest(rgb.AsSpan(12, 17));
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(rgb.AsSpan(29), crc);
        var e = Assert.Throws<DataFormatException>(() => IndexedPngReader.Decode(rgb, "rgb.png"));
        Assert.Contains("colour PNG", e.Message);
    }

    private static uint PngCrcForTest(ReadOnlySpan<byte> typeAndData)
    {
        uint c = 0xFFFFFFFF;
        foreach (byte b in typeAndData)
        {
            c ^= b;
            for (int k = 0; k < 8; k++) c = (c & 1) != 0 ? 0xEDB88320 ^ (c >> 1) : c >> 1;
        }
        return c ^ 0xFFFFFFFF;
    }

    private static (byte[] Labels, int W, int H) Pattern(int depth, int w, int h)
    {
        var rng = new Random(depth * 100 + w);
        int max = (1 << depth) - 1;
        var labels = new byte[w * h];
        for (int i = 0; i < labels.Length; i++) labels[i] = (byte)(rng.NextDouble() < 0.5 ? rng.Next(0, max + 1) : (i / 5) % (max + 1));
        return (labels, w, h);
    }
}
