using System.Text;

namespace ReasonTrack.Training.Data;

/// <summary>
/// The pseudo-random generator of <c>make-data</c>: xoshiro256** (Blackman and Vigna, 2018) seeded through SplitMix64.
/// Both are specified bit for bit and implemented here, so a data set built with a given seed has the same bytes on
/// every .NET version and machine; <see cref="System.Random"/>'s seeded algorithm carries no such promise.
/// <para>
/// Each video gets its own stream, derived from the user's seed and the video's name (<see cref="ForVideo"/>), never
/// from the video's position in a run: which shard processes a video, which videos were skipped or resumed, and how
/// many jobs ran in parallel do not change a single draw.
/// </para>
/// </summary>
public sealed class DeterministicRandom
{
    private ulong _s0, _s1, _s2, _s3;

    /// <summary>A generator whose four state words come from SplitMix64 run on <paramref name="seed"/>.</summary>
    public DeterministicRandom(ulong seed)
    {
        ulong sm = seed;
        _s0 = SplitMix64(ref sm);
        _s1 = SplitMix64(ref sm);
        _s2 = SplitMix64(ref sm);
        _s3 = SplitMix64(ref sm);
    }

    /// <summary>A generator in a given state (tests check the published xoshiro256** vectors with it).</summary>
    internal static DeterministicRandom FromState(ulong s0, ulong s1, ulong s2, ulong s3)
    {
        var r = new DeterministicRandom(0);
        (r._s0, r._s1, r._s2, r._s3) = (s0, s1, s2, s3);
        return r;
    }

    /// <summary>
    /// The stream of one video: seed = SplitMix64 mix of the user seed combined with the 64-bit FNV-1a hash of the
    /// name's UTF-8 bytes.
    /// </summary>
    public static DeterministicRandom ForVideo(long seed, string videoName)
    {
        ArgumentNullException.ThrowIfNull(videoName);
        ulong h = 14695981039346656037UL;
        foreach (byte b in Encoding.UTF8.GetBytes(videoName))
        {
            h ^= b;
            h *= 1099511628211UL;
        }
        ulong mixed = unchecked((ulong)seed) ^ RotateLeft(h, 32);
        return new DeterministicRandom(SplitMix64(ref mixed));
    }

    /// <summary>The next 64 random bits (xoshiro256**).</summary>
    public ulong NextUInt64()
    {
        ulong result = RotateLeft(_s1 * 5, 7) * 9;
        ulong t = _s1 << 17;
        _s2 ^= _s0;
        _s3 ^= _s1;
        _s1 ^= _s2;
        _s0 ^= _s3;
        _s2 ^= t;
        _s3 = RotateLeft(_s3, 45);
        return result;
    }

    /// <summary>Uniform in [0, 1): the top 53 bits scaled by 2^-53 (exact in a double).</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>Uniform in [<paramref name="low"/>, <paramref name="high"/>) (Python's <c>random.uniform</c> up to the end point).</summary>
    public double Uniform(double low, double high) => low + (high - low) * NextDouble();

    /// <summary>Uniform integer in [0, <paramref name="count"/>), unbiased (rejection of the incomplete last block).</summary>
    public int NextInt(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        ulong n = (ulong)count;
        ulong limit = ulong.MaxValue - (ulong.MaxValue % n + 1) % n;
        ulong r;
        do r = NextUInt64(); while (r > limit);
        return (int)(r % n);
    }

    /// <summary>Uniform integer in [<paramref name="low"/>, <paramref name="high"/>], both included (Python's <c>random.randint</c>).</summary>
    public int NextInclusive(int low, int high)
    {
        if (high < low) throw new ArgumentOutOfRangeException(nameof(high), $"empty range [{low}, {high}]");
        return low + NextInt(high - low + 1);
    }

    /// <summary><paramref name="k"/> distinct items of <paramref name="items"/> in draw order (a partial Fisher-Yates shuffle of a copy).</summary>
    public List<T> Sample<T>(IReadOnlyList<T> items, int k)
    {
        ArgumentNullException.ThrowIfNull(items);
        if (k < 0 || k > items.Count) throw new ArgumentOutOfRangeException(nameof(k), $"cannot draw {k} of {items.Count} items");
        var pool = items.ToArray();
        var drawn = new List<T>(k);
        for (int i = 0; i < k; i++)
        {
            int j = i + NextInt(pool.Length - i);
            (pool[i], pool[j]) = (pool[j], pool[i]);
            drawn.Add(pool[i]);
        }
        return drawn;
    }

    /// <summary>One SplitMix64 step (Steele, Lea and Flood, 2014): advances <paramref name="state"/> and returns the next output.</summary>
    internal static ulong SplitMix64(ref ulong state)
    {
        ulong z = state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    private static ulong RotateLeft(ulong x, int k) => (x << k) | (x >> (64 - k));
}
