using System.Text.Json;

namespace ReasonTrack.Tests.Segmentation;

/// <summary>
/// Reads DAVIS PNGs with an independent decoder (Pillow + numpy in /usr/bin/python3, as the DAVIS toolkit reads them:
/// <c>np.array(Image.open(path))</c>): per file its mode, palette entries 1 and 2, the pixel count of each value and
/// the inclusive bounding box (x0, y0, x1, y1) of each non-zero value.
/// </summary>
internal static class DavisPngProbe
{
    private const string Script = """
        import json, sys
        import numpy as np
        from PIL import Image
        out = {}
        for path in sys.argv[1:]:
            im = Image.open(path)
            a = np.array(im)
            pal = im.getpalette() or []
            vals, counts = np.unique(a, return_counts=True)
            boxes = {}
            for v in vals:
                if v == 0: continue
                ys, xs = np.nonzero(a == v)
                boxes[str(int(v))] = [int(xs.min()), int(ys.min()), int(xs.max()), int(ys.max())]
            out[path] = {"mode": im.mode, "size": [im.width, im.height], "pal1": pal[3:6], "pal2": pal[6:9],
                         "counts": {str(int(v)): int(c) for v, c in zip(vals, counts)}, "boxes": boxes}
        print(json.dumps(out))
        """;

    public sealed record Png(string Mode, int Width, int Height, int[] Palette1, int[] Palette2, Dictionary<int, long> Counts, Dictionary<int, int[]> Boxes);

    public static Dictionary<string, Png> Read(IReadOnlyList<string> files)
    {
        PythonReference.Require("numpy", "PIL");
        var (code, stdout, stderr) = PythonReference.Run(Script, files);
        code.ShouldBe(0, stderr);
        var result = new Dictionary<string, Png>(StringComparer.Ordinal);
        foreach (var p in JsonDocument.Parse(stdout).RootElement.EnumerateObject())
        {
            var v = p.Value;
            result[p.Name] = new Png(v.GetProperty("mode").GetString()!, v.GetProperty("size")[0].GetInt32(), v.GetProperty("size")[1].GetInt32(),
                v.GetProperty("pal1").EnumerateArray().Select(x => x.GetInt32()).ToArray(), v.GetProperty("pal2").EnumerateArray().Select(x => x.GetInt32()).ToArray(),
                v.GetProperty("counts").EnumerateObject().ToDictionary(c => int.Parse(c.Name, System.Globalization.CultureInfo.InvariantCulture), c => c.Value.GetInt64()),
                v.GetProperty("boxes").EnumerateObject().ToDictionary(c => int.Parse(c.Name, System.Globalization.CultureInfo.InvariantCulture), c => c.Value.EnumerateArray().Select(x => x.GetInt32()).ToArray()));
        }
        return result;
    }
}
