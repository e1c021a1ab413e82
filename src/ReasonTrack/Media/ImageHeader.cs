using System.Buffers.Binary;

namespace ReasonTrack.Media;

/// <summary>
/// Format and size of an encoded image, read from its header (JPEG SOF marker, PNG IHDR chunk, BMP info header)
/// without decoding. Image sequences use it to learn every frame's size before ffmpeg sees it, so that a frame of
/// another size or a truncated file is caught and named instead of silently shifting the frame numbering.
/// </summary>
public readonly record struct ImageHeader(ImageFileKind Kind, int Width, int Height)
{
    private static ReadOnlySpan<byte> PngSignature => [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    /// <summary>The format from the first bytes, or <see cref="ImageFileKind.Unknown"/>.</summary>
    public static ImageFileKind Sniff(ReadOnlySpan<byte> data)
    {
        if (data.Length >= 3 && data[0] == 0xFF && data[1] == 0xD8 && data[2] == 0xFF) return ImageFileKind.Jpeg;
        if (data.StartsWith(PngSignature)) return ImageFileKind.Png;
        if (data.Length >= 2 && data[0] == (byte)'B' && data[1] == (byte)'M') return ImageFileKind.Bmp;
        return ImageFileKind.Unknown;
    }

    /// <summary>Reads the header; false when the data is not a JPEG/PNG/BMP or ends before the size is known.</summary>
    public static bool TryRead(ReadOnlySpan<byte> data, out ImageHeader header)
    {
        header = default;
        var kind = Sniff(data);
        int w, h;
        switch (kind)
        {
            case ImageFileKind.Jpeg:
                if (!TryReadJpegSize(data, out w, out h)) return false;
                break;
            case ImageFileKind.Png:
                // Signature, then the IHDR chunk must come first: length(4) "IHDR" width(4) height(4), big-endian.
                if (data.Length < 24 || !data.Slice(12, 4).SequenceEqual("IHDR"u8)) return false;
                w = BinaryPrimitives.ReadInt32BigEndian(data[16..]);
                h = BinaryPrimitives.ReadInt32BigEndian(data[20..]);
                break;
            case ImageFileKind.Bmp:
                if (data.Length < 26) return false;
                int infoSize = BinaryPrimitives.ReadInt32LittleEndian(data[14..]);
                if (infoSize == 12)
                {
                    // OS/2 BITMAPCOREHEADER: 16-bit sizes.
                    w = BinaryPrimitives.ReadInt16LittleEndian(data[18..]);
                    h = BinaryPrimitives.ReadInt16LittleEndian(data[20..]);
                }
                else
                {
                    w = BinaryPrimitives.ReadInt32LittleEndian(data[18..]);
                    h = BinaryPrimitives.ReadInt32LittleEndian(data[22..]);
                }
                h = Math.Abs(h); // negative height = rows stored top-down
                break;
            default:
                return false;
        }
        if (w <= 0 || h <= 0) return false;
        header = new ImageHeader(kind, w, h);
        return true;
    }

    /// <summary>
    /// The number of leading bytes that make the whole image (up to and including the JPEG EOI marker or the PNG IEND
    /// chunk; a BMP's declared file size), or -1 when the data ends early. Bytes after the end (some cameras append
    /// padding) are not part of the image and must not be piped on: ffmpeg's image2pipe parser would take them as
    /// the start of the next image.
    /// </summary>
    public static int CompleteLength(ReadOnlySpan<byte> data, ImageFileKind kind)
    {
        // Search only the tail: a valid end marker is at (or within a little padding of) the end of the file.
        int tailStart = Math.Max(0, data.Length - 4096);
        switch (kind)
        {
            case ImageFileKind.Jpeg:
            {
                var tail = data[tailStart..];
                int i = tail.LastIndexOf([(byte)0xFF, (byte)0xD9]);
                return i < 0 || tailStart + i < 4 ? -1 : tailStart + i + 2;
            }
            case ImageFileKind.Png:
            {
                var tail = data[Math.Max(8, tailStart)..];
                int i = tail.LastIndexOf("IEND"u8);
                if (i < 0) return -1;
                int end = Math.Max(8, tailStart) + i + 8; // "IEND" + CRC
                return end <= data.Length ? end : -1;
            }
            case ImageFileKind.Bmp:
            {
                if (data.Length < 6) return -1;
                long declared = BinaryPrimitives.ReadUInt32LittleEndian(data[2..]);
                if (declared == 0) return data.Length; // some writers leave it 0; nothing to check against
                return declared <= data.Length ? (int)declared : -1;
            }
            default:
                return -1;
        }
    }

    private static bool TryReadJpegSize(ReadOnlySpan<byte> d, out int w, out int h)
    {
        w = h = 0;
        int i = 2;
        while (i + 3 < d.Length)
        {
            if (d[i] != 0xFF) return false;
            byte marker = d[i + 1];
            if (marker == 0xFF) { i++; continue; } // fill byte
            i += 2;
            if (marker is 0x01 or (>= 0xD0 and <= 0xD7)) continue; // markers without a length
            if (i + 2 > d.Length) return false;
            int len = BinaryPrimitives.ReadUInt16BigEndian(d[i..]);
            if (len < 2) return false;
            bool isSof = marker is >= 0xC0 and <= 0xCF && marker is not (0xC4 or 0xC8 or 0xCC);
            if (isSof)
            {
                // length(2) precision(1) height(2) width(2)
                if (i + 7 > d.Length) return false;
                h = BinaryPrimitives.ReadUInt16BigEndian(d[(i + 3)..]);
                w = BinaryPrimitives.ReadUInt16BigEndian(d[(i + 5)..]);
                return true;
            }
            if (marker is 0xDA or 0xD9) return false; // scan or end before any frame header
            i += len;
        }
        return false;
    }
}
