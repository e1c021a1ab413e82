using System.Buffers.Binary;
using System.IO.Compression;
using ReasonTrack.IO;

namespace ReasonTrack.Media.Palette;

/// <summary>
/// Reads single-channel PNGs (palette, grey) into label values the way the DAVIS toolkit sees them through Pillow's
/// <c>np.array(Image.open(path))</c>: palette indices for colour type 3 (1/2/4/8 bits), grey values for colour type 0
/// (1-bit as 0/1, 2- and 4-bit scaled to 0..255 as Pillow does, 8-bit as is, 16-bit as 0..65535). Every filter type
/// and Adam7 interlacing are decoded; chunk CRCs are checked. Colour PNGs (RGB, grey+alpha, RGBA) are refused: Pillow
/// gives them a third axis, on which the toolkit's per-object comparison is not a mask. Ours: Pillow's lenient modes
/// (truncated files with LOAD_TRUNCATED_IMAGES) are not reproduced; a broken file is an error naming it.
/// </summary>
public static class IndexedPngReader
{
    private static ReadOnlySpan<byte> Signature => [137, 80, 78, 71, 13, 10, 26, 10];

    /// <summary>Reads and decodes the file.</summary>
    /// <exception cref="DataFormatException">Missing file, not a PNG, broken chunk, or a colour PNG.</exception>
    public static IndexedImage Read(string path)
    {
        byte[] bytes;
        try { bytes = File.ReadAllBytes(path); }
        catch (FileNotFoundException) { throw new DataFormatException(path, "file not found"); }
        catch (DirectoryNotFoundException) { throw new DataFormatException(path, "file not found"); }
        return Decode(bytes, path);
    }

    /// <summary>Decodes PNG bytes; <paramref name="source"/> names them in messages.</summary>
    public static IndexedImage Decode(ReadOnlySpan<byte> png, string source)
    {
        if (png.Length < 8 || !png[..8].SequenceEqual(Signature)) throw new DataFormatException(source, "not a PNG file (bad signature)");
        int pos = 8;
        int width = 0, height = 0, bitDepth = 0, colorType = -1, interlace = 0;
        byte[]? palette = null;
        var idat = new MemoryStream();
        bool sawHeader = false, sawEnd = false;
        while (pos + 12 <= png.Length)
        {
            int length = BinaryPrimitives.ReadInt32BigEndian(png[pos..]);
            if (length < 0 || pos + 12 + (long)length > png.Length) throw new DataFormatException(source, $"truncated chunk at byte {pos}");
            ReadOnlySpan<byte> type = png.Slice(pos + 4, 4), data = png.Slice(pos + 8, length);
            uint crc = BinaryPrimitives.ReadUInt32BigEndian(png[(pos + 8 + length)..]);
            string name = System.Text.Encoding.ASCII.GetString(type);
            if (PngCrc.Compute(type, data) != crc) throw new DataFormatException(source, $"chunk {name} at byte {pos} has a bad CRC");
            pos += 12 + length;
            switch (name)
            {
                case "IHDR":
                    if (length != 13) throw new DataFormatException(source, "IHDR chunk is not 13 bytes");
                    width = BinaryPrimitives.ReadInt32BigEndian(data);
                    height = BinaryPrimitives.ReadInt32BigEndian(data[4..]);
                    bitDepth = data[8];
                    colorType = data[9];
                    if (data[10] != 0 || data[11] != 0) throw new DataFormatException(source, "unknown PNG compression or filter method");
                    interlace = data[12];
                    sawHeader = true;
                    break;
                case "PLTE":
                    palette = data.ToArray();
                    break;
                case "IDAT":
                    idat.Write(data);
                    break;
                case "IEND":
                    sawEnd = true;
                    break;
            }
            if (sawEnd) break;
        }
        if (!sawHeader) throw new DataFormatException(source, "PNG without IHDR chunk");
        if (!sawEnd) throw new DataFormatException(source, "PNG truncated (no IEND chunk)");
        if (width <= 0 || height <= 0 || (long)width * height > int.MaxValue) throw new DataFormatException(source, $"bad PNG size {width}x{height}");
        if (interlace > 1) throw new DataFormatException(source, $"unknown interlace method {interlace}");

        PngLabelKind kind = (colorType, bitDepth) switch
        {
            (3, 1 or 2 or 4 or 8) => PngLabelKind.PaletteIndex,
            (0, 1) => PngLabelKind.Bilevel,
            (0, 2 or 4) => PngLabelKind.GrayScaled,
            (0, 8) => PngLabelKind.Gray8,
            (0, 16) => PngLabelKind.Gray16,
            (2 or 4 or 6, _) => throw new DataFormatException(source,
                $"colour PNG (colour type {colorType}, {ColourName(colorType)}); masks must be palette-indexed or grey, one value per pixel"),
            _ => throw new DataFormatException(source, $"invalid PNG colour type {colorType} with bit depth {bitDepth}"),
        };
        if (kind == PngLabelKind.PaletteIndex && palette is null) throw new DataFormatException(source, "palette PNG without a PLTE chunk");

        byte[] raw;
        try
        {
            idat.Position = 0;
            using var z = new ZLibStream(idat, CompressionMode.Decompress);
            using var outStream = new MemoryStream(ExpectedRawLength(width, height, bitDepth, interlace));
            z.CopyTo(outStream);
            raw = outStream.GetBuffer().AsSpan(0, (int)outStream.Length).ToArray();
        }
        catch (InvalidDataException e) { throw new DataFormatException(source, $"corrupt image data ({e.Message})"); }

        int n = width * height;
        bool wide = bitDepth == 16;
        var values = wide ? null : new byte[n];
        var values16 = wide ? new ushort[n] : null;
        if (interlace == 0)
        {
            int used = Unpack(raw, 0, width, height, bitDepth, kind, values, values16, 0, 0, 1, 1, width, source);
            if (used > raw.Length) throw new DataFormatException(source, "image data too short");
        }
        else
        {
            // Adam7: pass origins and steps.
            ReadOnlySpan<int> x0 = [0, 4, 0, 2, 0, 1, 0], y0 = [0, 0, 4, 0, 2, 0, 1];
            ReadOnlySpan<int> dx = [8, 8, 4, 4, 2, 2, 1], dy = [8, 8, 8, 4, 4, 2, 2];
            int offset = 0;
            for (int p = 0; p < 7; p++)
            {
                int pw = (width - x0[p] + dx[p] - 1) / dx[p], ph = (height - y0[p] + dy[p] - 1) / dy[p];
                if (pw <= 0 || ph <= 0) continue;
                offset = Unpack(raw, offset, pw, ph, bitDepth, kind, values, values16, x0[p], y0[p], dx[p], dy[p], width, source);
            }
        }
        if (wide)
        {
            bool fits = true;
            foreach (ushort v in values16!) if (v > 255) { fits = false; break; }
            if (fits)
            {
                values = new byte[n];
                for (int i = 0; i < n; i++) values[i] = (byte)values16[i];
                values16 = null;
            }
        }
        return new IndexedImage(width, height, kind, bitDepth, values, values16, palette);
    }

    private static string ColourName(int colorType) => colorType switch { 2 => "RGB", 4 => "grey + alpha", _ => "RGBA" };

    private static int RowBytes(int width, int bitDepth) => (int)(((long)width * bitDepth + 7) / 8);

    private static int ExpectedRawLength(int width, int height, int bitDepth, int interlace) =>
        interlace == 0 ? (int)Math.Min(int.MaxValue, (long)(RowBytes(width, bitDepth) + 1) * height) : 0;

    /// <summary>Unfilters one (sub-)image starting at <paramref name="offset"/> and scatters its samples; returns the offset after it.</summary>
    private static int Unpack(byte[] raw, int offset, int w, int h, int bitDepth, PngLabelKind kind, byte[]? values, ushort[]? values16,
        int ox, int oy, int sx, int sy, int fullWidth, string source)
    {
        int rowBytes = RowBytes(w, bitDepth);
        int bpp = Math.Max(1, bitDepth / 8);  // bytes per complete pixel for filtering (single channel)
        if ((long)offset + (long)(rowBytes + 1) * h > raw.Length) throw new DataFormatException(source, "image data too short for its size");
        var prev = new byte[rowBytes];
        var cur = new byte[rowBytes];
        for (int y = 0; y < h; y++)
        {
            int filter = raw[offset];
            raw.AsSpan(offset + 1, rowBytes).CopyTo(cur);
            offset += rowBytes + 1;
            switch (filter)
            {
                case 0: break;
                case 1: for (int i = bpp; i < rowBytes; i++) cur[i] += cur[i - bpp]; break;
                case 2: for (int i = 0; i < rowBytes; i++) cur[i] += prev[i]; break;
                case 3:
                    for (int i = 0; i < rowBytes; i++) cur[i] += (byte)(((i >= bpp ? cur[i - bpp] : 0) + prev[i]) >> 1);
                    break;
                case 4:
                    for (int i = 0; i < rowBytes; i++)
                    {
                        int a = i >= bpp ? cur[i - bpp] : 0, b = prev[i], c = i >= bpp ? prev[i - bpp] : 0;
                        int p = a + b - c, pa = Math.Abs(p - a), pb = Math.Abs(p - b), pc = Math.Abs(p - c);
                        cur[i] += (byte)(pa <= pb && pa <= pc ? a : pb <= pc ? b : c);
                    }
                    break;
                default: throw new DataFormatException(source, $"row {y + 1} has unknown filter type {filter}");
            }
            int rowStart = (oy + y * sy) * fullWidth;
            switch (bitDepth)
            {
                case 8:
                    if (sx == 1) cur.AsSpan(0, w).CopyTo(values.AsSpan(rowStart + ox, w));
                    else for (int x = 0; x < w; x++) values![rowStart + ox + x * sx] = cur[x];
                    break;
                case 16:
                    for (int x = 0; x < w; x++) values16![rowStart + ox + x * sx] = (ushort)(cur[2 * x] << 8 | cur[2 * x + 1]);
                    break;
                default:
                    int perByte = 8 / bitDepth, mask = (1 << bitDepth) - 1;
                    int scale = kind == PngLabelKind.GrayScaled ? 255 / mask : 1;
                    for (int x = 0; x < w; x++)
                    {
                        int shift = 8 - bitDepth * (x % perByte + 1);
                        values![rowStart + ox + x * sx] = (byte)(((cur[x / perByte] >> shift) & mask) * scale);
                    }
                    break;
            }
            (prev, cur) = (cur, prev);
        }
        return offset;
    }
}
