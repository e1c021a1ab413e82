using System.Buffers;

using ReasonTrack.Media;

namespace ReasonTrack.Benchmarks.Legacy;

/// <summary>
/// Baseline JPEG encoding in memory (JFIF, 8-bit, sequential DCT, the standard Annex K quantisation and Huffman
/// tables scaled by quality as libjpeg does). Gray frames make a one-component JPEG; RGB frames YCbCr with 4:2:0 or
/// 4:4:4 chroma. Image edges that do not fill a whole block repeat the last row/column, as libjpeg does, so they do
/// not ring.
/// </summary>
/// <remarks>The pre-SkiaSharp encoder (issue 13 item 3), kept only to measure old against new in bench/.</remarks>
internal static class LegacyJpegEncoder
{
    private static readonly byte[] ZigZag =
    [
        0, 1, 8, 16, 9, 2, 3, 10, 17, 24, 32, 25, 18, 11, 4, 5, 12, 19, 26, 33, 40, 48, 41, 34, 27, 20, 13, 6, 7, 14, 21, 28,
        35, 42, 49, 56, 57, 50, 43, 36, 29, 22, 15, 23, 30, 37, 44, 51, 58, 59, 52, 45, 38, 31, 39, 46, 53, 60, 61, 54, 47, 55, 62, 63,
    ];

    // Annex K.1 quantisation tables, natural (row-major) order.
    private static readonly byte[] LumaQuant =
    [
        16, 11, 10, 16, 24, 40, 51, 61, 12, 12, 14, 19, 26, 58, 60, 55, 14, 13, 16, 24, 40, 57, 69, 56, 14, 17, 22, 29, 51, 87, 80, 62,
        18, 22, 37, 56, 68, 109, 103, 77, 24, 35, 55, 64, 81, 104, 113, 92, 49, 64, 78, 87, 103, 121, 120, 101, 72, 92, 95, 98, 112, 100, 103, 99,
    ];

    private static readonly byte[] ChromaQuant =
    [
        17, 18, 24, 47, 99, 99, 99, 99, 18, 21, 26, 66, 99, 99, 99, 99, 24, 26, 56, 99, 99, 99, 99, 99, 47, 66, 99, 99, 99, 99, 99, 99,
        99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99,
    ];

    // Annex K.3 Huffman tables: code counts per length 1..16, then the symbols.
    private static readonly byte[] DcLumaBits = [0, 1, 5, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0];
    private static readonly byte[] DcChromaBits = [0, 3, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0];
    private static readonly byte[] DcValues = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11];
    private static readonly byte[] AcLumaBits = [0, 2, 1, 3, 3, 2, 4, 3, 5, 5, 4, 4, 0, 0, 1, 0x7d];
    private static readonly byte[] AcLumaValues =
    [
        0x01, 0x02, 0x03, 0x00, 0x04, 0x11, 0x05, 0x12, 0x21, 0x31, 0x41, 0x06, 0x13, 0x51, 0x61, 0x07,
        0x22, 0x71, 0x14, 0x32, 0x81, 0x91, 0xa1, 0x08, 0x23, 0x42, 0xb1, 0xc1, 0x15, 0x52, 0xd1, 0xf0,
        0x24, 0x33, 0x62, 0x72, 0x82, 0x09, 0x0a, 0x16, 0x17, 0x18, 0x19, 0x1a, 0x25, 0x26, 0x27, 0x28,
        0x29, 0x2a, 0x34, 0x35, 0x36, 0x37, 0x38, 0x39, 0x3a, 0x43, 0x44, 0x45, 0x46, 0x47, 0x48, 0x49,
        0x4a, 0x53, 0x54, 0x55, 0x56, 0x57, 0x58, 0x59, 0x5a, 0x63, 0x64, 0x65, 0x66, 0x67, 0x68, 0x69,
        0x6a, 0x73, 0x74, 0x75, 0x76, 0x77, 0x78, 0x79, 0x7a, 0x83, 0x84, 0x85, 0x86, 0x87, 0x88, 0x89,
        0x8a, 0x92, 0x93, 0x94, 0x95, 0x96, 0x97, 0x98, 0x99, 0x9a, 0xa2, 0xa3, 0xa4, 0xa5, 0xa6, 0xa7,
        0xa8, 0xa9, 0xaa, 0xb2, 0xb3, 0xb4, 0xb5, 0xb6, 0xb7, 0xb8, 0xb9, 0xba, 0xc2, 0xc3, 0xc4, 0xc5,
        0xc6, 0xc7, 0xc8, 0xc9, 0xca, 0xd2, 0xd3, 0xd4, 0xd5, 0xd6, 0xd7, 0xd8, 0xd9, 0xda, 0xe1, 0xe2,
        0xe3, 0xe4, 0xe5, 0xe6, 0xe7, 0xe8, 0xe9, 0xea, 0xf1, 0xf2, 0xf3, 0xf4, 0xf5, 0xf6, 0xf7, 0xf8,
        0xf9, 0xfa,
    ];
    private static readonly byte[] AcChromaBits = [0, 2, 1, 2, 4, 4, 3, 4, 7, 5, 4, 4, 0, 1, 2, 0x77];
    private static readonly byte[] AcChromaValues =
    [
        0x00, 0x01, 0x02, 0x03, 0x11, 0x04, 0x05, 0x21, 0x31, 0x06, 0x12, 0x41, 0x51, 0x07, 0x61, 0x71,
        0x13, 0x22, 0x32, 0x81, 0x08, 0x14, 0x42, 0x91, 0xa1, 0xb1, 0xc1, 0x09, 0x23, 0x33, 0x52, 0xf0,
        0x15, 0x62, 0x72, 0xd1, 0x0a, 0x16, 0x24, 0x34, 0xe1, 0x25, 0xf1, 0x17, 0x18, 0x19, 0x1a, 0x26,
        0x27, 0x28, 0x29, 0x2a, 0x35, 0x36, 0x37, 0x38, 0x39, 0x3a, 0x43, 0x44, 0x45, 0x46, 0x47, 0x48,
        0x49, 0x4a, 0x53, 0x54, 0x55, 0x56, 0x57, 0x58, 0x59, 0x5a, 0x63, 0x64, 0x65, 0x66, 0x67, 0x68,
        0x69, 0x6a, 0x73, 0x74, 0x75, 0x76, 0x77, 0x78, 0x79, 0x7a, 0x82, 0x83, 0x84, 0x85, 0x86, 0x87,
        0x88, 0x89, 0x8a, 0x92, 0x93, 0x94, 0x95, 0x96, 0x97, 0x98, 0x99, 0x9a, 0xa2, 0xa3, 0xa4, 0xa5,
        0xa6, 0xa7, 0xa8, 0xa9, 0xaa, 0xb2, 0xb3, 0xb4, 0xb5, 0xb6, 0xb7, 0xb8, 0xb9, 0xba, 0xc2, 0xc3,
        0xc4, 0xc5, 0xc6, 0xc7, 0xc8, 0xc9, 0xca, 0xd2, 0xd3, 0xd4, 0xd5, 0xd6, 0xd7, 0xd8, 0xd9, 0xda,
        0xe2, 0xe3, 0xe4, 0xe5, 0xe6, 0xe7, 0xe8, 0xe9, 0xea, 0xf2, 0xf3, 0xf4, 0xf5, 0xf6, 0xf7, 0xf8,
        0xf9, 0xfa,
    ];

    private static readonly HuffmanTable DcLuma = new(DcLumaBits, DcValues);
    private static readonly HuffmanTable DcChroma = new(DcChromaBits, DcValues);
    private static readonly HuffmanTable AcLuma = new(AcLumaBits, AcLumaValues);
    private static readonly HuffmanTable AcChroma = new(AcChromaBits, AcChromaValues);

    /// <summary>DCT basis: <c>Basis[u*8+x] = C(u)/2 cos((2x+1)u pi/16)</c>, so that F = B f B^T is the JPEG FDCT.</summary>
    private static readonly float[] Basis = BuildBasis();

    public static byte[] Encode(ImageFrame frame, int quality = 90, JpegSubsampling subsampling = JpegSubsampling.Yuv420) =>
        Encode(frame.Pixels, frame.Width, frame.Height, frame.Format, quality, subsampling);

    public static byte[] Encode(ReadOnlySpan<byte> pixels, int width, int height, PixelFormat format, int quality = 90, JpegSubsampling subsampling = JpegSubsampling.Yuv420)
    {
        using var ms = new MemoryStream();
        Encode(ms, pixels, width, height, format, quality, subsampling);
        return ms.ToArray();
    }

    /// <param name="quality">1 (smallest) to 100 (best), as in libjpeg.</param>
    public static void Encode(Stream output, ReadOnlySpan<byte> pixels, int width, int height, PixelFormat format, int quality = 90, JpegSubsampling subsampling = JpegSubsampling.Yuv420)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(height);
        if (width > 65535 || height > 65535) throw new ArgumentOutOfRangeException(nameof(width), "JPEG sizes are limited to 65535");
        ArgumentOutOfRangeException.ThrowIfLessThan(quality, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(quality, 100);
        int channels = ImageFrame.ChannelsOf(format);
        if (pixels.Length < width * height * channels) throw new ArgumentException($"{pixels.Length} bytes are too few for {width}x{height} {format}", nameof(pixels));

        bool color = format != PixelFormat.Gray8;
        bool sub = color && subsampling == JpegSubsampling.Yuv420;
        Span<byte> qLuma = stackalloc byte[64];
        Span<byte> qChroma = stackalloc byte[64];
        ScaleQuant(LumaQuant, quality, qLuma);
        ScaleQuant(ChromaQuant, quality, qChroma);

        var w = new JpegWriter(output);
        w.Marker(0xD8);
        // JFIF APP0: version 1.1, no density units, 1:1 aspect.
        w.Segment(0xE0, [(byte)'J', (byte)'F', (byte)'I', (byte)'F', 0, 1, 1, 0, 0, 1, 0, 1, 0, 0]);
        WriteQuant(w, qLuma, color ? qChroma : default);
        int nc = color ? 3 : 1;
        Span<byte> sof = stackalloc byte[6 + 3 * nc];
        sof[0] = 8;
        sof[1] = (byte)(height >> 8); sof[2] = (byte)height;
        sof[3] = (byte)(width >> 8); sof[4] = (byte)width;
        sof[5] = (byte)nc;
        sof[6] = 1; sof[7] = (byte)(sub ? 0x22 : 0x11); sof[8] = 0;
        if (color)
        {
            sof[9] = 2; sof[10] = 0x11; sof[11] = 1;
            sof[12] = 3; sof[13] = 0x11; sof[14] = 1;
        }
        w.Segment(0xC0, sof);
        WriteHuffman(w, color);
        Span<byte> sos = stackalloc byte[4 + 2 * nc];
        sos[0] = (byte)nc;
        sos[1] = 1; sos[2] = 0x00;
        if (color) { sos[3] = 2; sos[4] = 0x11; sos[5] = 3; sos[6] = 0x11; }
        sos[^3] = 0; sos[^2] = 63; sos[^1] = 0; // full spectral range, no successive approximation
        w.Segment(0xDA, sos);

        Span<float> qlf = stackalloc float[64];
        Span<float> qcf = stackalloc float[64];
        for (int i = 0; i < 64; i++) { qlf[i] = 1f / qLuma[i]; qcf[i] = 1f / qChroma[i]; }

        int mcu = sub ? 16 : 8;
        int mcuCols = (width + mcu - 1) / mcu, mcuRows = (height + mcu - 1) / mcu;
        int pw = mcuCols * mcu, ph = mcuRows * mcu;
        // Planes padded to whole MCUs by repeating the edge, level-shifted by -128.
        float[] yPlane = ArrayPool<float>.Shared.Rent(pw * ph);
        int cw = sub ? pw / 2 : pw, ch = sub ? ph / 2 : ph;
        float[]? cbPlane = color ? ArrayPool<float>.Shared.Rent(cw * ch) : null;
        float[]? crPlane = color ? ArrayPool<float>.Shared.Rent(cw * ch) : null;
        try
        {
            FillPlanes(pixels, width, height, channels, pw, ph, yPlane, sub, cbPlane, crPlane);
            Span<float> block = stackalloc float[64];
            Span<int> coef = stackalloc int[64];
            int dcY = 0, dcCb = 0, dcCr = 0;
            for (int my = 0; my < mcuRows; my++)
            {
                for (int mx = 0; mx < mcuCols; mx++)
                {
                    if (sub)
                    {
                        for (int by = 0; by < 2; by++)
                        for (int bx = 0; bx < 2; bx++)
                            dcY = EncodeBlock(w, yPlane, pw, mx * 16 + bx * 8, my * 16 + by * 8, qlf, block, coef, dcY, DcLuma, AcLuma);
                    }
                    else
                    {
                        dcY = EncodeBlock(w, yPlane, pw, mx * 8, my * 8, qlf, block, coef, dcY, DcLuma, AcLuma);
                    }
                    if (color)
                    {
                        dcCb = EncodeBlock(w, cbPlane!, cw, mx * 8, my * 8, qcf, block, coef, dcCb, DcChroma, AcChroma);
                        dcCr = EncodeBlock(w, crPlane!, cw, mx * 8, my * 8, qcf, block, coef, dcCr, DcChroma, AcChroma);
                    }
                }
            }
            w.FlushBits();
            w.Marker(0xD9);
        }
        finally
        {
            ArrayPool<float>.Shared.Return(yPlane);
            if (cbPlane is not null) ArrayPool<float>.Shared.Return(cbPlane);
            if (crPlane is not null) ArrayPool<float>.Shared.Return(crPlane);
        }
    }

    private static void FillPlanes(ReadOnlySpan<byte> px, int width, int height, int channels, int pw, int ph, float[] yP, bool sub, float[]? cbP, float[]? crP)
    {
        bool color = channels == 3;
        int fullCw = pw; // chroma at full resolution before subsampling
        float[]? cbFull = color && sub ? ArrayPool<float>.Shared.Rent(pw * ph) : cbP;
        float[]? crFull = color && sub ? ArrayPool<float>.Shared.Rent(pw * ph) : crP;
        try
        {
            for (int y = 0; y < ph; y++)
            {
                int sy = Math.Min(y, height - 1);
                for (int x = 0; x < pw; x++)
                {
                    int sx = Math.Min(x, width - 1);
                    int o = (sy * width + sx) * channels;
                    int i = y * pw + x;
                    if (!color)
                    {
                        yP[i] = px[o] - 128f;
                        continue;
                    }
                    float r = px[o], g = px[o + 1], b = px[o + 2];
                    yP[i] = 0.299f * r + 0.587f * g + 0.114f * b - 128f;
                    cbFull![y * fullCw + x] = -0.168736f * r - 0.331264f * g + 0.5f * b;
                    crFull![y * fullCw + x] = 0.5f * r - 0.418688f * g - 0.081312f * b;
                }
            }
            if (color && sub)
            {
                int cw = pw / 2;
                for (int y = 0; y < ph / 2; y++)
                for (int x = 0; x < cw; x++)
                {
                    int i0 = 2 * y * pw + 2 * x, i1 = i0 + pw;
                    cbP![y * cw + x] = 0.25f * (cbFull![i0] + cbFull[i0 + 1] + cbFull[i1] + cbFull[i1 + 1]);
                    crP![y * cw + x] = 0.25f * (crFull![i0] + crFull[i0 + 1] + crFull[i1] + crFull[i1 + 1]);
                }
            }
        }
        finally
        {
            if (color && sub)
            {
                ArrayPool<float>.Shared.Return(cbFull!);
                ArrayPool<float>.Shared.Return(crFull!);
            }
        }
    }

    private static int EncodeBlock(JpegWriter w, float[] plane, int planeW, int x0, int y0, ReadOnlySpan<float> invQ,
        Span<float> block, Span<int> coef, int prevDc, HuffmanTable dc, HuffmanTable ac)
    {
        // Separable DCT: rows then columns, tmp = B f, F = tmp B^T.
        Span<float> tmp = stackalloc float[64];
        var basis = Basis.AsSpan();
        for (int y = 0; y < 8; y++)
        {
            var row = plane.AsSpan((y0 + y) * planeW + x0, 8);
            for (int u = 0; u < 8; u++)
            {
                var bu = basis.Slice(u * 8, 8);
                float s = 0;
                for (int x = 0; x < 8; x++) s += bu[x] * row[x];
                tmp[y * 8 + u] = s;
            }
        }
        for (int v = 0; v < 8; v++)
        {
            var bv = basis.Slice(v * 8, 8);
            for (int u = 0; u < 8; u++)
            {
                float s = 0;
                for (int y = 0; y < 8; y++) s += bv[y] * tmp[y * 8 + u];
                block[v * 8 + u] = s;
            }
        }
        for (int k = 0; k < 64; k++)
        {
            int n = ZigZag[k];
            coef[k] = (int)MathF.Round(block[n] * invQ[n], MidpointRounding.AwayFromZero);
        }

        int diff = coef[0] - prevDc;
        int cat = Category(diff);
        w.Bits(dc.Code[cat], dc.Size[cat]);
        if (cat > 0) w.Bits(Magnitude(diff, cat), cat);

        int run = 0;
        for (int k = 1; k < 64; k++)
        {
            int c = coef[k];
            if (c == 0) { run++; continue; }
            while (run > 15) { w.Bits(ac.Code[0xF0], ac.Size[0xF0]); run -= 16; }
            int s = Category(c);
            int sym = (run << 4) | s;
            w.Bits(ac.Code[sym], ac.Size[sym]);
            w.Bits(Magnitude(c, s), s);
            run = 0;
        }
        if (run > 0) w.Bits(ac.Code[0x00], ac.Size[0x00]); // end of block
        return coef[0];
    }

    /// <summary>Number of bits of |v| (the JPEG magnitude category).</summary>
    private static int Category(int v) => v == 0 ? 0 : 32 - int.LeadingZeroCount(Math.Abs(v));

    /// <summary>Negative values are sent as v - 1 in <paramref name="cat"/> bits (one's complement form).</summary>
    private static int Magnitude(int v, int cat) => v >= 0 ? v : v + (1 << cat) - 1;

    private static void ScaleQuant(ReadOnlySpan<byte> baseTable, int quality, Span<byte> dst)
    {
        int scale = quality < 50 ? 5000 / quality : 200 - 2 * quality;
        for (int i = 0; i < 64; i++) dst[i] = (byte)Math.Clamp((baseTable[i] * scale + 50) / 100, 1, 255);
    }

    private static void WriteQuant(JpegWriter w, ReadOnlySpan<byte> luma, ReadOnlySpan<byte> chroma)
    {
        int tables = chroma.IsEmpty ? 1 : 2;
        Span<byte> seg = stackalloc byte[65 * tables];
        for (int t = 0; t < tables; t++)
        {
            var q = t == 0 ? luma : chroma;
            seg[t * 65] = (byte)t; // 8-bit precision, table id t
            for (int k = 0; k < 64; k++) seg[t * 65 + 1 + k] = q[ZigZag[k]];
        }
        w.Segment(0xDB, seg);
    }

    private static void WriteHuffman(JpegWriter w, bool color)
    {
        var seg = new List<byte>();
        void Add(int cls, int id, byte[] bits, byte[] values)
        {
            seg.Add((byte)((cls << 4) | id));
            seg.AddRange(bits);
            seg.AddRange(values);
        }
        Add(0, 0, DcLumaBits, DcValues);
        Add(1, 0, AcLumaBits, AcLumaValues);
        if (color)
        {
            Add(0, 1, DcChromaBits, DcValues);
            Add(1, 1, AcChromaBits, AcChromaValues);
        }
        w.Segment(0xC4, seg.ToArray());
    }

    private static float[] BuildBasis()
    {
        var b = new float[64];
        for (int u = 0; u < 8; u++)
        {
            double cu = u == 0 ? Math.Sqrt(0.5) : 1.0;
            for (int x = 0; x < 8; x++) b[u * 8 + x] = (float)(0.5 * cu * Math.Cos((2 * x + 1) * u * Math.PI / 16));
        }
        return b;
    }

    /// <summary>Canonical codes built from the counts per length (JPEG Annex C).</summary>
    private sealed class HuffmanTable
    {
        public readonly ushort[] Code = new ushort[256];
        public readonly byte[] Size = new byte[256];

        public HuffmanTable(byte[] bits, byte[] values)
        {
            int code = 0, k = 0;
            for (int len = 1; len <= 16; len++)
            {
                for (int i = 0; i < bits[len - 1]; i++)
                {
                    Code[values[k]] = (ushort)code;
                    Size[values[k]] = (byte)len;
                    code++;
                    k++;
                }
                code <<= 1;
            }
            if (k != values.Length) throw new InvalidOperationException("Huffman table counts do not match its symbols");
        }
    }

    /// <summary>Markers, segments and the entropy-coded bit stream with 0xFF byte stuffing.</summary>
    private sealed class JpegWriter(Stream s)
    {
        private uint _acc;
        private int _n;

        public void Marker(byte m)
        {
            s.WriteByte(0xFF);
            s.WriteByte(m);
        }

        public void Segment(byte marker, ReadOnlySpan<byte> payload)
        {
            Marker(marker);
            int len = payload.Length + 2;
            s.WriteByte((byte)(len >> 8));
            s.WriteByte((byte)len);
            s.Write(payload);
        }

        public void Bits(int value, int count)
        {
            // count <= 16; _n < 8 between calls so the accumulator never overflows 32 bits.
            _acc = (_acc << count) | ((uint)value & ((1u << count) - 1));
            _n += count;
            while (_n >= 8)
            {
                byte b = (byte)(_acc >> (_n - 8));
                s.WriteByte(b);
                if (b == 0xFF) s.WriteByte(0);
                _n -= 8;
            }
        }

        /// <summary>Pads the last byte with 1 bits, as the standard asks.</summary>
        public void FlushBits()
        {
            if (_n > 0) Bits((1 << (8 - _n)) - 1, 8 - _n);
        }
    }
}
