using System.Buffers.Binary;

namespace ReasonTrack.Tests.Media;

/// <summary>
/// Reads the marker segments of a baseline JPEG that tests check: the quantisation tables (DQT, as stored: zig-zag
/// order) and each component's sampling factors (SOF0). Written from ITU T.81 B.2, independently of the encoder.
/// </summary>
internal static class JpegTestReader
{
    public static (Dictionary<int, int[]> Tables, List<(int Id, int H, int V, int Table)> Components) Read(byte[] jpeg)
    {
        if (jpeg.Length < 4 || jpeg[0] != 0xFF || jpeg[1] != 0xD8) throw new InvalidDataException("not a JPEG (no SOI)");
        var tables = new Dictionary<int, int[]>();
        var components = new List<(int, int, int, int)>();
        for (int at = 2; at + 4 <= jpeg.Length;)
        {
            if (jpeg[at] != 0xFF) throw new InvalidDataException($"marker expected at {at}");
            int marker = jpeg[at + 1];
            if (marker == 0xDA || marker == 0xD9) break; // start of scan: the tables are all before it
            int length = BinaryPrimitives.ReadUInt16BigEndian(jpeg.AsSpan(at + 2));
            var seg = jpeg.AsSpan(at + 4, length - 2);
            if (marker == 0xDB)
            {
                for (int i = 0; i < seg.Length;)
                {
                    int precision = seg[i] >> 4, id = seg[i] & 15;
                    var t = new int[64];
                    for (int k = 0; k < 64; k++) t[k] = precision == 0 ? seg[i + 1 + k] : BinaryPrimitives.ReadUInt16BigEndian(seg[(i + 1 + 2 * k)..]);
                    tables[id] = t;
                    i += 1 + 64 * (precision == 0 ? 1 : 2);
                }
            }
            else if (marker == 0xC0)
            {
                int n = seg[5];
                for (int c = 0; c < n; c++) components.Add((seg[6 + 3 * c], seg[7 + 3 * c] >> 4, seg[7 + 3 * c] & 15, seg[8 + 3 * c]));
            }
            at += 2 + length;
        }
        return (tables, components);
    }
}
