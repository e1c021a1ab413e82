using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using ReasonTrack.Geometry;

namespace ReasonTrack.Media;

/// <summary>
/// Pixel operations on interleaved 8-bit images (1 or 3 channels, stride = width x channels). The span overloads
/// allocate nothing (small per-call tables live on the stack or come from the shared pool); the
/// <see cref="ImageFrame"/> overloads that return a frame allocate it.
/// <para>
/// Sampling convention everywhere: pixel <c>i</c> covers <c>[i, i+1)</c> and has its centre at <c>i + 0.5</c>, so a
/// region <c>(x, y, w, h)</c> sampled to <c>outW x outH</c> reads source position
/// <c>x + (j + 0.5) w / outW - 0.5</c> for output column <c>j</c> (OpenCV's INTER_LINEAR / PyTorch
/// <c>align_corners=False</c>).
/// </para>
/// </summary>
public static partial class ImageOps
{
    private const int WeightBits = 11;
    private const int One = 1 << WeightBits;

    /// <summary>The mean of each channel over the whole image, rounded, into <paramref name="mean"/> (1 or 3 bytes).</summary>
    public static void MeanColor(ReadOnlySpan<byte> pixels, int channels, Span<byte> mean)
    {
        CheckChannels(channels);
        if (mean.Length < channels) throw new ArgumentException("destination too short", nameof(mean));
        Span<ulong> sums = stackalloc ulong[3];
        ChannelSums(pixels, channels, sums);
        long count = pixels.Length / channels;
        for (int c = 0; c < channels; c++) mean[c] = count == 0 ? (byte)0 : (byte)((sums[c] + (ulong)count / 2) / (ulong)count);
    }

    /// <summary>The frame's mean colour (gray frames give R = G = B).</summary>
    public static Rgb MeanColor(ImageFrame frame)
    {
        Span<byte> m = stackalloc byte[3];
        MeanColor(frame.Pixels, frame.Channels, m);
        return frame.Channels == 1 ? new Rgb(m[0], m[0], m[0]) : new Rgb(m[0], m[1], m[2]);
    }

    /// <summary>
    /// Per-channel sums. The vector path adds bytes lane by lane; with 3 interleaved channels a block of 3 vectors
    /// holds whole pixels, and lane p of the k-th vector of every block belongs to channel (k*Count + p) mod 3, so
    /// per-lane totals are attributed to channels once at the end.
    /// </summary>
    private static void ChannelSums(ReadOnlySpan<byte> px, int channels, Span<ulong> sums)
    {
        int i = 0;
        int vc = Vector<byte>.Count;
        int block = channels * vc;
        if (Vector.IsHardwareAccelerated && px.Length >= block)
        {
            // Per vector index k: two ushort partials (low/high byte halves), flushed into four uint totals.
            Span<Vector<ushort>> partial = stackalloc Vector<ushort>[6];
            Span<Vector<uint>> total = stackalloc Vector<uint>[12];
            partial.Clear();
            total.Clear();
            int blocks = 0;
            for (; i + block <= px.Length; i += block)
            {
                for (int k = 0; k < channels; k++)
                {
                    Vector.Widen(new Vector<byte>(px.Slice(i + k * vc, vc)), out var lo, out var hi);
                    partial[2 * k] += lo;
                    partial[2 * k + 1] += hi;
                }
                // A ushort lane gains at most 255 per block: flush before 257 blocks could overflow it.
                if (++blocks == 256)
                {
                    FlushPartials(partial, total, channels);
                    blocks = 0;
                }
            }
            FlushPartials(partial, total, channels);
            int q = Vector<uint>.Count;
            for (int k = 0; k < channels; k++)
            {
                for (int part = 0; part < 4; part++)
                {
                    var t = total[4 * k + part];
                    for (int j = 0; j < q; j++)
                    {
                        int p = part * q + j; // Widen keeps lane order: low half first
                        sums[channels == 1 ? 0 : (k * vc + p) % 3] += t[j];
                    }
                }
            }
        }
        if (channels == 1)
        {
            for (; i < px.Length; i++) sums[0] += px[i];
        }
        else
        {
            // i is a multiple of 3 here (whole blocks), so channel = offset mod 3 from i on.
            for (; i + 2 < px.Length; i += 3)
            {
                sums[0] += px[i];
                sums[1] += px[i + 1];
                sums[2] += px[i + 2];
            }
        }
    }

    private static void FlushPartials(Span<Vector<ushort>> partial, Span<Vector<uint>> total, int channels)
    {
        for (int k = 0; k < channels; k++)
        {
            Vector.Widen(partial[2 * k], out var a, out var b);
            Vector.Widen(partial[2 * k + 1], out var c, out var d);
            total[4 * k] += a;
            total[4 * k + 1] += b;
            total[4 * k + 2] += c;
            total[4 * k + 3] += d;
            partial[2 * k] = Vector<ushort>.Zero;
            partial[2 * k + 1] = Vector<ushort>.Zero;
        }
    }

    /// <summary>
    /// Copies the integer region <c>(x, y, w, h)</c> into <paramref name="dst"/> (<c>w*h*channels</c> bytes); the part
    /// outside the image is filled with <paramref name="pad"/> (one value per channel).
    /// </summary>
    public static void Crop(ReadOnlySpan<byte> src, int srcW, int srcH, int channels, int x, int y, int w, int h, Span<byte> dst, ReadOnlySpan<byte> pad)
    {
        CheckImage(src, srcW, srcH, channels);
        if (w <= 0 || h <= 0) throw new ArgumentOutOfRangeException(nameof(w), $"crop size must be positive, got {w}x{h}");
        if (dst.Length < w * h * channels) throw new ArgumentException("destination too short", nameof(dst));
        if (pad.Length < channels) throw new ArgumentException("one pad value per channel is needed", nameof(pad));
        int stride = w * channels;
        // Columns [ix0, ix1) of the crop lie inside the image.
        int ix0 = Math.Clamp(-x, 0, w), ix1 = Math.Clamp(srcW - x, 0, w);
        for (int r = 0; r < h; r++)
        {
            var row = dst.Slice(r * stride, stride);
            int sy = y + r;
            if (sy < 0 || sy >= srcH || ix0 >= ix1)
            {
                FillPad(row, pad, channels);
                continue;
            }
            FillPad(row[..(ix0 * channels)], pad, channels);
            src.Slice((sy * srcW + x + ix0) * channels, (ix1 - ix0) * channels).CopyTo(row[(ix0 * channels)..]);
            FillPad(row[(ix1 * channels)..], pad, channels);
        }
    }

    /// <summary>A new frame holding the region; outside the image it is black or the frame's mean colour.</summary>
    public static ImageFrame Crop(ImageFrame src, int x, int y, int w, int h, PadMode pad = PadMode.Zero)
    {
        var dst = new ImageFrame(w, h, src.Format);
        Span<byte> p = stackalloc byte[3];
        PadValue(src, pad, p);
        Crop(src.Pixels, src.Width, src.Height, src.Channels, x, y, w, h, dst.Pixels, p);
        return dst;
    }

    /// <summary>Bilinear resize of the whole image (edge pixels repeat, nothing is padded).</summary>
    public static void Resize(ReadOnlySpan<byte> src, int srcW, int srcH, int channels, Span<byte> dst, int dstW, int dstH)
    {
        Sample(src, srcW, srcH, channels, 0, 0, srcW, srcH, dst, dstW, dstH, default, clampToEdge: true);
    }

    public static ImageFrame Resize(ImageFrame src, int width, int height)
    {
        var dst = new ImageFrame(width, height, src.Format);
        Resize(src.Pixels, src.Width, src.Height, src.Channels, dst.Pixels, width, height);
        return dst;
    }

    /// <summary>
    /// Samples the region <c>(x, y, w, h)</c> (continuous pixel coordinates, may extend beyond the image) bilinearly
    /// to <c>outW x outH</c> in one pass: the tracker crop (a square around the target, <c>out x out</c>). Samples
    /// outside the image take <paramref name="pad"/>, as if the image were padded first and then resized.
    /// </summary>
    public static void CropResize(ReadOnlySpan<byte> src, int srcW, int srcH, int channels, double x, double y, double w, double h,
        Span<byte> dst, int outW, int outH, ReadOnlySpan<byte> pad)
    {
        if (!(w > 0 && h > 0 && double.IsFinite(x) && double.IsFinite(y) && double.IsFinite(w) && double.IsFinite(h)))
            throw new ArgumentOutOfRangeException(nameof(w), $"crop region must be finite with positive size, got ({x}, {y}, {w}, {h})");
        if (pad.Length < channels) throw new ArgumentException("one pad value per channel is needed", nameof(pad));
        Sample(src, srcW, srcH, channels, x, y, w, h, dst, outW, outH, pad, clampToEdge: false);
    }

    /// <summary>Samples <paramref name="region"/> of <paramref name="src"/> into <paramref name="dst"/> (same format), padding outside.</summary>
    public static void CropResize(ImageFrame src, Box region, ImageFrame dst, PadMode pad = PadMode.Mean)
    {
        if (dst.Format != src.Format) throw new ArgumentException($"destination is {dst.Format}, source is {src.Format}", nameof(dst));
        Span<byte> p = stackalloc byte[3];
        PadValue(src, pad, p);
        CropResize(src.Pixels, src.Width, src.Height, src.Channels, region.X, region.Y, region.W, region.H, dst.Pixels, dst.Width, dst.Height, p);
    }

    public static ImageFrame CropResize(ImageFrame src, Box region, int outSize, PadMode pad = PadMode.Mean)
    {
        var dst = new ImageFrame(outSize, outSize, src.Format);
        CropResize(src, region, dst, pad);
        return dst;
    }

    /// <summary>
    /// The bilinear core, in 11-bit fixed point (exact to +-1 of the real-valued result). Per output column the two
    /// source offsets and weight are computed once; a tap outside the image (crop mode) reads the pad value.
    /// </summary>
    private static void Sample(ReadOnlySpan<byte> src, int srcW, int srcH, int channels, double x, double y, double w, double h,
        Span<byte> dst, int outW, int outH, ReadOnlySpan<byte> pad, bool clampToEdge)
    {
        CheckImage(src, srcW, srcH, channels);
        if (outW <= 0 || outH <= 0) throw new ArgumentOutOfRangeException(nameof(outW), $"output size must be positive, got {outW}x{outH}");
        if (dst.Length < outW * outH * channels) throw new ArgumentException("destination too short", nameof(dst));

        int[]? rented = null;
        Span<int> table = outW * 3 <= 1024 ? stackalloc int[outW * 3] : (rented = System.Buffers.ArrayPool<int>.Shared.Rent(outW * 3));
        try
        {
            // table: [x0 offset or -1, x1 offset or -1, weight of x1] per output column.
            double sx = w / outW, sy = h / outH;
            bool allInsideX = true;
            for (int j = 0; j < outW; j++)
            {
                double fx = x + (j + 0.5) * sx - 0.5;
                int x0 = (int)Math.Floor(fx);
                int wx = (int)Math.Round((fx - x0) * One);
                if (wx == One) { x0++; wx = 0; }
                int x1 = x0 + 1;
                if (clampToEdge)
                {
                    x0 = Math.Clamp(x0, 0, srcW - 1);
                    x1 = Math.Clamp(x1, 0, srcW - 1);
                }
                bool in0 = (uint)x0 < (uint)srcW, in1 = (uint)x1 < (uint)srcW;
                allInsideX &= in0 && (in1 || wx == 0);
                table[3 * j] = in0 ? x0 * channels : -1;
                table[3 * j + 1] = in1 ? x1 * channels : (wx == 0 && in0 ? x0 * channels : -1); // weight 0: any valid tap
                table[3 * j + 2] = wx;
            }

            int srcStride = srcW * channels;
            for (int i = 0; i < outH; i++)
            {
                double fy = y + (i + 0.5) * sy - 0.5;
                int y0 = (int)Math.Floor(fy);
                int wy = (int)Math.Round((fy - y0) * One);
                if (wy == One) { y0++; wy = 0; }
                int y1 = y0 + 1;
                if (clampToEdge)
                {
                    y0 = Math.Clamp(y0, 0, srcH - 1);
                    y1 = Math.Clamp(y1, 0, srcH - 1);
                }
                if (wy == 0) y1 = y0; // the second row has no weight: do not let it pull in padding
                bool r0 = (uint)y0 < (uint)srcH, r1 = (uint)y1 < (uint)srcH;
                var row0 = r0 ? src.Slice(y0 * srcStride, srcStride) : default;
                var row1 = r1 ? src.Slice(y1 * srcStride, srcStride) : default;
                var outRow = dst.Slice(i * outW * channels, outW * channels);
                if (r0 && r1 && allInsideX)
                {
                    if (channels == 1) RowInside1(row0, row1, wy, table, outRow, outW);
                    else RowInside3(row0, row1, wy, table, outRow, outW);
                    continue;
                }
                for (int j = 0; j < outW; j++)
                {
                    int o0 = table[3 * j], o1 = table[3 * j + 1], wx = table[3 * j + 2];
                    for (int c = 0; c < channels; c++)
                    {
                        int p = pad.IsEmpty ? 0 : pad[c];
                        int p00 = r0 && o0 >= 0 ? row0[o0 + c] : p;
                        int p01 = r0 && o1 >= 0 ? row0[o1 + c] : p;
                        int p10 = r1 && o0 >= 0 ? row1[o0 + c] : p;
                        int p11 = r1 && o1 >= 0 ? row1[o1 + c] : p;
                        outRow[j * channels + c] = Blend(p00, p01, p10, p11, wx, wy);
                    }
                }
            }
        }
        finally
        {
            if (rented is not null) System.Buffers.ArrayPool<int>.Shared.Return(rented);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static byte Blend(int p00, int p01, int p10, int p11, int wx, int wy)
    {
        int top = p00 * (One - wx) + p01 * wx;
        int bottom = p10 * (One - wx) + p11 * wx;
        return (byte)((top * (One - wy) + bottom * wy + (1 << (2 * WeightBits - 1))) >> (2 * WeightBits));
    }

    /// <summary>The common case (all taps inside) without per-tap bounds tests.</summary>
    private static void RowInside1(ReadOnlySpan<byte> row0, ReadOnlySpan<byte> row1, int wy, ReadOnlySpan<int> table, Span<byte> outRow, int outW)
    {
        ref byte a = ref MemoryMarshal.GetReference(row0);
        ref byte b = ref MemoryMarshal.GetReference(row1);
        for (int j = 0; j < outW; j++)
        {
            int o0 = table[3 * j], o1 = table[3 * j + 1], wx = table[3 * j + 2];
            outRow[j] = Blend(Unsafe.Add(ref a, o0), Unsafe.Add(ref a, o1), Unsafe.Add(ref b, o0), Unsafe.Add(ref b, o1), wx, wy);
        }
    }

    private static void RowInside3(ReadOnlySpan<byte> row0, ReadOnlySpan<byte> row1, int wy, ReadOnlySpan<int> table, Span<byte> outRow, int outW)
    {
        ref byte a = ref MemoryMarshal.GetReference(row0);
        ref byte b = ref MemoryMarshal.GetReference(row1);
        for (int j = 0; j < outW; j++)
        {
            int o0 = table[3 * j], o1 = table[3 * j + 1], wx = table[3 * j + 2];
            int k = 3 * j;
            outRow[k] = Blend(Unsafe.Add(ref a, o0), Unsafe.Add(ref a, o1), Unsafe.Add(ref b, o0), Unsafe.Add(ref b, o1), wx, wy);
            outRow[k + 1] = Blend(Unsafe.Add(ref a, o0 + 1), Unsafe.Add(ref a, o1 + 1), Unsafe.Add(ref b, o0 + 1), Unsafe.Add(ref b, o1 + 1), wx, wy);
            outRow[k + 2] = Blend(Unsafe.Add(ref a, o0 + 2), Unsafe.Add(ref a, o1 + 2), Unsafe.Add(ref b, o0 + 2), Unsafe.Add(ref b, o1 + 2), wx, wy);
        }
    }

    /// <summary>Gray to RGB by repeating the value; <paramref name="rgb"/> holds 3 bytes per gray byte.</summary>
    public static void GrayToRgb(ReadOnlySpan<byte> gray, Span<byte> rgb)
    {
        if (rgb.Length < gray.Length * 3) throw new ArgumentException("destination too short", nameof(rgb));
        for (int i = 0; i < gray.Length; i++)
        {
            byte v = gray[i];
            rgb[3 * i] = v;
            rgb[3 * i + 1] = v;
            rgb[3 * i + 2] = v;
        }
    }

    /// <summary>RGB to gray with BT.601 weights (77, 150, 29)/256, as <see cref="Rgb.Luma"/>.</summary>
    public static void RgbToGray(ReadOnlySpan<byte> rgb, Span<byte> gray)
    {
        int n = rgb.Length / 3;
        if (gray.Length < n) throw new ArgumentException("destination too short", nameof(gray));
        for (int i = 0; i < n; i++)
            gray[i] = (byte)((77 * rgb[3 * i] + 150 * rgb[3 * i + 1] + 29 * rgb[3 * i + 2] + 128) >> 8);
    }

    /// <summary>Swaps the first and third channel (for OpenCV-style consumers); <paramref name="bgr"/> may be the same span.</summary>
    public static void RgbToBgr(ReadOnlySpan<byte> rgb, Span<byte> bgr)
    {
        if (bgr.Length < rgb.Length) throw new ArgumentException("destination too short", nameof(bgr));
        for (int i = 0; i + 2 < rgb.Length; i += 3)
        {
            byte r = rgb[i], g = rgb[i + 1], b = rgb[i + 2];
            bgr[i] = b;
            bgr[i + 1] = g;
            bgr[i + 2] = r;
        }
    }

    /// <summary>A new frame in <paramref name="format"/> (a copy even when the format is the same).</summary>
    public static ImageFrame Convert(ImageFrame src, PixelFormat format)
    {
        var dst = new ImageFrame(src.Width, src.Height, format) { Index = src.Index, Origin = src.Origin, Status = src.Status };
        if (src.Format == format) src.Pixels.CopyTo(dst.Pixels);
        else if (format == PixelFormat.Gray8) RgbToGray(src.Pixels, dst.Pixels);
        else GrayToRgb(src.Pixels, dst.Pixels);
        return dst;
    }

    private static void PadValue(ImageFrame src, PadMode mode, Span<byte> pad)
    {
        if (mode == PadMode.Mean) MeanColor(src.Pixels, src.Channels, pad);
        else pad.Clear();
    }

    private static void FillPad(Span<byte> row, ReadOnlySpan<byte> pad, int channels)
    {
        if (channels == 1) { row.Fill(pad[0]); return; }
        for (int i = 0; i + 2 < row.Length; i += 3)
        {
            row[i] = pad[0];
            row[i + 1] = pad[1];
            row[i + 2] = pad[2];
        }
    }

    private static void CheckChannels(int channels)
    {
        if (channels is not (1 or 3)) throw new ArgumentOutOfRangeException(nameof(channels), $"1 or 3 channels expected, got {channels}");
    }

    private static void CheckImage(ReadOnlySpan<byte> src, int w, int h, int channels)
    {
        CheckChannels(channels);
        if (w <= 0 || h <= 0) throw new ArgumentOutOfRangeException(nameof(w), $"image size must be positive, got {w}x{h}");
        if (src.Length < w * h * channels) throw new ArgumentException($"{src.Length} bytes are too few for {w}x{h}x{channels}", nameof(src));
    }
}
