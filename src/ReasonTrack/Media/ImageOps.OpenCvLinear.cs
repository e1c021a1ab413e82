using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace ReasonTrack.Media;

public static partial class ImageOps
{
    /// <summary>OpenCV's <c>INTER_RESIZE_COEF_BITS</c>: interpolation weights are integers out of 2^11.</summary>
    private const int CvCoefBits = 11;
    private const int CvCoefScale = 1 << CvCoefBits;

    /// <summary>C's <c>DBL_EPSILON</c> (not <see cref="double.Epsilon"/>, the smallest subnormal).</summary>
    private const double DblEpsilon = 2.220446049250313e-16;

    /// <summary>
    /// OpenCV's <c>cv::resize(src, dst, (dstW, dstH))</c> with its default <c>INTER_LINEAR</c> on 8-bit images, byte for
    /// byte (checked against OpenCV 4.6 by <c>bench/peers/resize_vs_opencv.py</c>): the resize R1-Track's released
    /// <c>sample_target</c> applies (<c>infer_script/crop_image.py</c> line 53, <c>generation_data/sampling_data.py</c>
    /// line 42). Written from the rule in OpenCV's <c>modules/imgproc/src/resize.cpp</c> (<c>hal::resize</c>,
    /// <c>HResizeLinear</c>, <c>VResizeLinear&lt;uchar, int, short, FixedPtCast&lt;int, uchar, 22&gt;&gt;</c>,
    /// <c>resizeAreaFast_</c>), not the bit-exact <c>INTER_LINEAR_EXACT</c> path, which OpenCV uses only when asked:
    /// <list type="bullet">
    /// <item>Same size: a copy. Exactly half in both directions: OpenCV switches to its fast area path, the rounded
    /// mean of each 2x2 block, <c>(a + b + c + d + 2) &gt;&gt; 2</c>.</item>
    /// <item>Otherwise, with <c>scale = 1 / (dst / src)</c> in double: output column <c>dx</c> reads
    /// <c>fx = (float)((dx + 0.5) * scale - 0.5)</c>, <c>sx = floor(fx)</c>, <c>fx -= sx</c> (single precision); a column
    /// left of the image (<c>sx &lt; 0</c>) or at/after its last column (<c>sx &gt;= W - 1</c>) takes that edge pixel
    /// alone. The weights are <c>round(float(1 - fx) * 2048)</c> and <c>round(fx * 2048)</c>, each rounded on its own
    /// (halves to even), so they need not add up to 2048.</item>
    /// <item>The horizontal pass keeps <c>p0 * a0 + p1 * a1</c> as an integer per channel. Rows use the same mapping
    /// without the edge rule: rows <c>sy</c> and <c>sy + 1</c> are clamped into the image but keep their weights
    /// <c>b0, b1</c>.</item>
    /// <item>The vertical pass is OpenCV's 8-bit shortcut, not a plain 22-bit rounding:
    /// <c>((b0 * (h0 &gt;&gt; 4)) &gt;&gt; 16) + ((b1 * (h1 &gt;&gt; 4)) &gt;&gt; 16) + 2) &gt;&gt; 2</c>. Its SIMD code computes the
    /// same thing (16-bit high multiply of the same operands), so the scalar rule is the whole rule.</item>
    /// </list>
    /// Assumptions named: no IPP or custom HAL in the OpenCV build (the Debian/pip builds checked have none; with
    /// <c>useIPP_NE</c> an IPP build could differ); sizes under 2^31 so "scale within DBL_EPSILON of 2" is "exactly
    /// half". Allocation-free: the tables and the two intermediate rows live on the stack for small outputs, else they
    /// are rented from the shared pool.
    /// </summary>
    public static void ResizeLinearOpenCv(ReadOnlySpan<byte> src, int srcW, int srcH, int channels, Span<byte> dst, int dstW, int dstH)
    {
        CheckImage(src, srcW, srcH, channels);
        if (dstW <= 0 || dstH <= 0) throw new ArgumentOutOfRangeException(nameof(dstW), $"output size must be positive, got {dstW}x{dstH}");
        if (dst.Length < dstW * dstH * channels) throw new ArgumentException("destination too short", nameof(dst));
        if (dstW == srcW && dstH == srcH)
        {
            src[..(srcW * srcH * channels)].CopyTo(dst);
            return;
        }
        if (srcW == 2 * dstW && srcH == 2 * dstH)
        {
            HalveByArea(src, srcW, channels, dst, dstW, dstH);
            return;
        }

        int width = dstW * channels;
        // xtab: per output column [source byte offset of tap 0, of tap 1, weight 0, weight 1]; then two int rows.
        int need = dstW * 4 + 2 * width;
        int[]? rented = null;
        Span<int> work = need <= 4096 ? stackalloc int[need] : (rented = System.Buffers.ArrayPool<int>.Shared.Rent(need));
        try
        {
            var xtab = work[..(dstW * 4)];
            var rowA = work.Slice(dstW * 4, width);
            var rowB = work.Slice(dstW * 4 + width, width);
            double scaleX = 1.0 / ((double)dstW / srcW), scaleY = 1.0 / ((double)dstH / srcH);
            for (int dx = 0; dx < dstW; dx++)
            {
                float fx = (float)((dx + 0.5) * scaleX - 0.5);
                int sx = (int)MathF.Floor(fx);
                fx -= sx;
                bool edge = false;
                if (sx < 0) { fx = 0; sx = 0; edge = true; }
                if (sx >= srcW - 1) { fx = 0; sx = srcW - 1; edge = true; }
                int o0 = sx * channels;
                xtab[4 * dx] = o0;
                xtab[4 * dx + 1] = edge ? o0 : o0 + channels; // edge columns: one tap, weight 2048 (OpenCV's S[sx] * ONE)
                xtab[4 * dx + 2] = edge ? CvCoefScale : CvWeight(1f - fx);
                xtab[4 * dx + 3] = edge ? 0 : CvWeight(fx);
            }

            int srcStride = srcW * channels;
            int heldA = -1, heldB = -1; // source rows whose horizontal pass rowA / rowB hold
            for (int dy = 0; dy < dstH; dy++)
            {
                float fy = (float)((dy + 0.5) * scaleY - 0.5);
                int sy = (int)MathF.Floor(fy);
                fy -= sy;
                int b0 = CvWeight(1f - fy), b1 = CvWeight(fy);
                int r0 = Math.Clamp(sy, 0, srcH - 1), r1 = Math.Clamp(sy + 1, 0, srcH - 1);
                // Reuse a row already passed horizontally (slot 0 = rowA, 1 = rowB); compute a missing one into the
                // slot the other row does not occupy. Only a speed-up (OpenCV reuses rows the same way).
                int s0 = heldA == r0 ? 0 : heldB == r0 ? 1 : -1;
                int s1 = r1 == r0 ? s0 : heldA == r1 ? 0 : heldB == r1 ? 1 : -1;
                if (s0 < 0)
                {
                    s0 = s1 == 0 ? 1 : 0;
                    HLineOpenCv(src.Slice(r0 * srcStride, srcStride), channels, xtab, s0 == 0 ? rowA : rowB, dstW);
                    if (s0 == 0) heldA = r0; else heldB = r0;
                }
                if (s1 < 0)
                {
                    s1 = r1 == r0 ? s0 : 1 - s0;
                    if (r1 != r0)
                    {
                        HLineOpenCv(src.Slice(r1 * srcStride, srcStride), channels, xtab, s1 == 0 ? rowA : rowB, dstW);
                        if (s1 == 0) heldA = r1; else heldB = r1;
                    }
                }
                var h0 = s0 == 0 ? rowA : rowB;
                var h1 = s1 == 0 ? rowA : rowB;
                VLineOpenCv(h0, h1, b0, b1, dst.Slice(dy * width, width));
            }
        }
        finally
        {
            if (rented is not null) System.Buffers.ArrayPool<int>.Shared.Return(rented);
        }
    }

    /// <summary>A new frame resized with <see cref="ResizeLinearOpenCv(ReadOnlySpan{byte}, int, int, int, Span{byte}, int, int)"/>.</summary>
    public static ImageFrame ResizeLinearOpenCv(ImageFrame src, int width, int height)
    {
        ArgumentNullException.ThrowIfNull(src);
        var dst = new ImageFrame(width, height, src.Format);
        ResizeLinearOpenCv(src.Pixels, src.Width, src.Height, src.Channels, dst.Pixels, width, height);
        return dst;
    }

    /// <summary><c>saturate_cast&lt;short&gt;(c * INTER_RESIZE_COEF_SCALE)</c>: single-precision product, rounded half to even.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int CvWeight(float c) => (int)MathF.Round(c * CvCoefScale, MidpointRounding.ToEven);

    private static void HLineOpenCv(ReadOnlySpan<byte> row, int channels, ReadOnlySpan<int> xtab, Span<int> outRow, int dstW)
    {
        ref byte s = ref MemoryMarshal.GetReference(row);
        if (channels == 1)
        {
            for (int dx = 0; dx < dstW; dx++)
            {
                int t = 4 * dx;
                outRow[dx] = Unsafe.Add(ref s, xtab[t]) * xtab[t + 2] + Unsafe.Add(ref s, xtab[t + 1]) * xtab[t + 3];
            }
            return;
        }
        for (int dx = 0; dx < dstW; dx++)
        {
            int t = 4 * dx, o0 = xtab[t], o1 = xtab[t + 1], a0 = xtab[t + 2], a1 = xtab[t + 3], k = 3 * dx;
            outRow[k] = Unsafe.Add(ref s, o0) * a0 + Unsafe.Add(ref s, o1) * a1;
            outRow[k + 1] = Unsafe.Add(ref s, o0 + 1) * a0 + Unsafe.Add(ref s, o1 + 1) * a1;
            outRow[k + 2] = Unsafe.Add(ref s, o0 + 2) * a0 + Unsafe.Add(ref s, o1 + 2) * a1;
        }
    }

    /// <summary>OpenCV's 8-bit vertical step: <c>(((b0 * (h0 &gt;&gt; 4)) &gt;&gt; 16) + ((b1 * (h1 &gt;&gt; 4)) &gt;&gt; 16) + 2) &gt;&gt; 2</c>.</summary>
    private static void VLineOpenCv(ReadOnlySpan<int> h0, ReadOnlySpan<int> h1, int b0, int b1, Span<byte> outRow)
    {
        int n = outRow.Length, x = 0;
        if (Vector.IsHardwareAccelerated)
        {
            int vc = Vector<int>.Count;
            var vb0 = new Vector<int>(b0);
            var vb1 = new Vector<int>(b1);
            var two = new Vector<int>(2);
            // Four int vectors narrow to one byte vector.
            for (; x + 4 * vc <= n; x += 4 * vc)
            {
                var i0 = VStep(h0, h1, x, vb0, vb1, two);
                var i1 = VStep(h0, h1, x + vc, vb0, vb1, two);
                var i2 = VStep(h0, h1, x + 2 * vc, vb0, vb1, two);
                var i3 = VStep(h0, h1, x + 3 * vc, vb0, vb1, two);
                // Values are 0..255, so the truncating narrows are exact.
                var s01 = Vector.Narrow(Vector.AsVectorUInt32(i0), Vector.AsVectorUInt32(i1));
                var s23 = Vector.Narrow(Vector.AsVectorUInt32(i2), Vector.AsVectorUInt32(i3));
                Vector.Narrow(s01, s23).CopyTo(outRow[x..]);
            }
        }
        for (; x < n; x++)
            outRow[x] = (byte)((((b0 * (h0[x] >> 4)) >> 16) + ((b1 * (h1[x] >> 4)) >> 16) + 2) >> 2);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector<int> VStep(ReadOnlySpan<int> h0, ReadOnlySpan<int> h1, int x, Vector<int> b0, Vector<int> b1, Vector<int> two)
    {
        var s0 = Vector.ShiftRightArithmetic(new Vector<int>(h0[x..]), 4);
        var s1 = Vector.ShiftRightArithmetic(new Vector<int>(h1[x..]), 4);
        var sum = Vector.ShiftRightArithmetic(b0 * s0, 16) + Vector.ShiftRightArithmetic(b1 * s1, 16) + two;
        return Vector.ShiftRightArithmetic(sum, 2);
    }

    /// <summary>OpenCV's fast area path for an exact 2x reduction: the rounded mean of each 2x2 block, per channel.</summary>
    private static void HalveByArea(ReadOnlySpan<byte> src, int srcW, int channels, Span<byte> dst, int dstW, int dstH)
    {
        int srcStride = srcW * channels, width = dstW * channels;
        for (int dy = 0; dy < dstH; dy++)
        {
            var top = src.Slice(2 * dy * srcStride, srcStride);
            var bottom = src.Slice((2 * dy + 1) * srcStride, srcStride);
            var outRow = dst.Slice(dy * width, width);
            for (int dx = 0; dx < dstW; dx++)
            {
                int i = 2 * dx * channels;
                for (int c = 0; c < channels; c++)
                    outRow[dx * channels + c] = (byte)((top[i + c] + top[i + channels + c] + bottom[i + c] + bottom[i + channels + c] + 2) >> 2);
            }
        }
    }
}
