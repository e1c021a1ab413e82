using System.Numerics;
using System.Runtime.CompilerServices;

namespace ReasonTrack.IO;

/// <summary>
/// A fast path for the decimal numbers of annotation and result files, over UTF-8 bytes: <c>[+-]digits[.digits][e[+-]digits]</c>
/// (also <c>.5</c> and <c>5.</c>) with at most 19 significant digits and a decimal exponent within
/// [<see cref="PowersOfFive.Smallest"/>, <see cref="PowersOfFive.Largest"/>]. It returns the correctly rounded double
/// (Clinger's exact fast path, else the Eisel-Lemire algorithm), which is what the runtime's
/// <see cref="double.Parse(string)"/> returns, bit for bit; anything else (names such as NaN, other spellings, more
/// digits, far exponents, values that would round to a subnormal or infinity, Eisel-Lemire's rare undecidable cases)
/// returns false so that the caller uses the runtime's parser, which then decides acceptance and errors as before.
/// </summary>
internal static class DecimalText
{
    private static readonly double[] ExactPowersOfTen =
        [1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22];

    /// <summary>True and the value when the token is in the fast grammar and decidable; false means "ask the runtime".</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool TryParse(ReadOnlySpan<byte> s, out double value)
    {
        int i = 0;
        return TryScan(s, ref i, out value) && i == s.Length;
    }

    /// <summary>
    /// Reads the longest run of the fast grammar starting at <paramref name="i"/> and leaves <paramref name="i"/>
    /// just after it, whatever follows (a separator, a line end, or anything else: the caller decides whether the
    /// token ends there). True and the value when that run is a number in the fast grammar and decidable; false
    /// means "ask the runtime" (then <paramref name="i"/> is unspecified). <see cref="TryParse"/> is this with the
    /// run required to be the whole token, so a token read either way gives the same double.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool TryScan(ReadOnlySpan<byte> s, ref int i, out double value)
    {
        value = 0;
        int n = s.Length;
        if (i >= n) return false;
        bool negative = false;
        byte c = s[i];
        if (c == (byte)'-' || c == (byte)'+') { negative = c == (byte)'-'; i++; }

        ulong w = 0;
        int digits = 0, significant = 0, q = 0;
        // Integer part: leading zeros are not significant.
        while (i < n)
        {
            uint d = (uint)(s[i] - (byte)'0');
            if (d > 9) break;
            digits++;
            if (w != 0 || d != 0)
            {
                if (++significant > 19) return false;
                w = w * 10 + d;
            }
            i++;
        }
        if (i < n && s[i] == (byte)'.')
        {
            i++;
            // Eight fraction digits at a time, then four, while the mantissa has started and stays within 19 digits:
            // the same w, digit counts and q as the loop below would give digit by digit (only the speed differs).
            while (w != 0 && significant <= 11 && i + 8 <= n)
            {
                ulong chunk = System.Buffers.Binary.BinaryPrimitives.ReadUInt64LittleEndian(s.Slice(i, 8));
                if (!AreEightDigits(chunk)) break;
                w = w * 100_000_000 + EightDigits(chunk);
                significant += 8;
                digits += 8;
                q -= 8;
                i += 8;
            }
            if (w != 0 && significant <= 15 && i + 4 <= n)
            {
                uint chunk = System.Buffers.Binary.BinaryPrimitives.ReadUInt32LittleEndian(s.Slice(i, 4));
                if ((((chunk + 0x46464646u) | (chunk - 0x30303030u)) & 0x80808080u) == 0)
                {
                    chunk -= 0x30303030u;
                    chunk = (chunk * 10) + (chunk >> 8); // pairs of digits in bytes 0 and 2
                    w = w * 10_000 + ((chunk & 0xFF) * 100 + ((chunk >> 16) & 0xFF));
                    significant += 4;
                    digits += 4;
                    q -= 4;
                    i += 4;
                }
            }
            while (i < n)
            {
                uint d = (uint)(s[i] - (byte)'0');
                if (d > 9) break;
                digits++;
                q--;
                if (w != 0 || d != 0)
                {
                    if (++significant > 19) return false;
                    w = w * 10 + d;
                }
                i++;
            }
        }
        if (digits == 0) return false;
        if (i < n && (s[i] | 0x20) == (byte)'e')
        {
            i++;
            bool expNegative = false;
            if (i < n && (s[i] == (byte)'-' || s[i] == (byte)'+')) { expNegative = s[i] == (byte)'-'; i++; }
            int start = i, e = 0;
            while (i < n)
            {
                uint d = (uint)(s[i] - (byte)'0');
                if (d > 9) break;
                if (e < 100000) e = e * 10 + (int)d;
                i++;
            }
            if (i == start) return false;
            q += expNegative ? -e : e;
        }

        if (w == 0)
        {
            value = negative ? -0.0 : 0.0;
            return true;
        }
        // Clinger: both operands exact, one correctly rounded IEEE operation.
        if (w <= (1UL << 53) && q >= -22 && q <= 22)
        {
            double d = w;
            d = q < 0 ? d / ExactPowersOfTen[-q] : d * ExactPowersOfTen[q];
            value = negative ? -d : d;
            return true;
        }
        if (q < PowersOfFive.Smallest || q > PowersOfFive.Largest) return false;
        if (!TryEiselLemire(q, w, out ulong bits)) return false;
        if (negative) bits |= 1UL << 63;
        value = BitConverter.UInt64BitsToDouble(bits);
        return true;
    }

    /// <summary>True when all eight bytes (little-endian in <paramref name="v"/>) are ASCII digits.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool AreEightDigits(ulong v) =>
        (((v + 0x4646464646464646UL) | (v - 0x3030303030303030UL)) & 0x8080808080808080UL) == 0; // fast_float's test

    /// <summary>The value of eight ASCII digits, the first in the lowest byte (Lemire's SWAR conversion).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong EightDigits(ulong v)
    {
        const ulong mask = 0x000000FF000000FFUL;
        const ulong mul1 = 0x000F424000000064UL; // 100 + (1000000 << 32)
        const ulong mul2 = 0x0000271000000001UL; // 1 + (10000 << 32)
        v -= 0x3030303030303030UL;
        v = (v * 10) + (v >> 8); // pairs of digits
        return (uint)((((v & mask) * mul1) + (((v >> 16) & mask) * mul2)) >> 32);
    }

    /// <summary>
    /// w * 10^q (w &gt; 0) as the bits of the nearest double, or false where 128 bits cannot decide the rounding or
    /// the result is subnormal or infinite.
    /// </summary>
    private static bool TryEiselLemire(int q, ulong w, out ulong bits)
    {
        bits = 0;
        int lz = BitOperations.LeadingZeroCount(w);
        w <<= lz;
        var (pHigh, pLow) = PowersOfFive.Get(q);
        ulong hi = Math.BigMul(w, pHigh, out ulong lo);
        const ulong precisionMask = ulong.MaxValue >> 55; // 52 explicit bits + 3
        if ((hi & precisionMask) == precisionMask)
        {
            ulong secondHi = Math.BigMul(w, pLow, out _);
            lo += secondHi;
            if (secondHi > lo) hi++;
        }
        // The approximation may be one unit short; that can change the rounding only outside [-27, 55].
        if (lo == ulong.MaxValue && (q < -27 || q > 55)) return false;

        int upperBit = (int)(hi >> 63);
        ulong mantissa = hi >> (upperBit + 9);
        int power2 = (((q * (152170 + 65536)) >> 16) + 63) + upperBit - lz + 1023;
        if (power2 <= 0) return false;
        // An exact tie between two doubles rounds to even.
        if (lo <= 1 && q >= -4 && q <= 23 && (mantissa & 3) == 1 && (mantissa << (upperBit + 9)) == hi)
            mantissa &= ~1UL;
        mantissa += mantissa & 1;
        mantissa >>= 1;
        if (mantissa >= (2UL << 52))
        {
            mantissa = 1UL << 52;
            power2++;
        }
        mantissa &= ~(1UL << 52);
        if (power2 >= 0x7FF) return false;
        bits = mantissa | ((ulong)power2 << 52);
        return true;
    }
}
