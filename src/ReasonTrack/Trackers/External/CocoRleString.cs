namespace ReasonTrack.Trackers.External;

/// <summary>
/// COCO's compressed RLE string (pycocotools <c>maskApi.c</c>, <c>rleFrString</c>): each count in 5-bit groups,
/// least significant first, as characters 48 + group (bit 0x20 = more groups follow, bit 0x10 of the last group = negative),
/// and from the fourth count on each stored as the difference to the count two before (<c>if (m &gt; 2) x += cnts[m - 2]</c>).
/// </summary>
internal static class CocoRleString
{
    /// <summary>Appends the decoded counts to <paramref name="counts"/>; returns why not when the string is malformed.</summary>
    public static string? Decode(string s, List<int> counts)
    {
        int p = 0;
        while (p < s.Length)
        {
            long x = 0;
            int k = 0;
            bool more = true;
            while (more)
            {
                if (p >= s.Length) return "ends inside a count";
                int c = s[p] - 48;
                if (c < 0 || c > 63) return $"character '{s[p]}' at {p} is not an RLE digit";
                if (k > 6) return "a count longer than 32 bits";
                x |= (long)(c & 0x1f) << (5 * k);
                more = (c & 0x20) != 0;
                p++;
                k++;
                if (!more && (c & 0x10) != 0) x |= -1L << (5 * k);
            }
            if (counts.Count > 2) x += counts[^2];
            if (x < 0 || x > int.MaxValue) return $"count {counts.Count + 1} is {x}";
            counts.Add((int)x);
        }
        return null;
    }
}
