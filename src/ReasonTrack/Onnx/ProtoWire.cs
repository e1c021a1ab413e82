using System.Buffers;

namespace ReasonTrack.Onnx;

/// <summary>
/// The protobuf wire format, just enough to walk a message field by field and to write fields back. Unknown fields
/// are copied byte for byte by the caller (from <see cref="Field.Raw"/>), so a rewrite changes only what it means
/// to change and keeps the rest of a 1 MB model as it was.
/// </summary>
internal static class ProtoWire
{
    public const int Varint = 0;
    public const int Fixed64 = 1;
    public const int LengthDelimited = 2;
    public const int Fixed32 = 5;

    /// <summary>One field as read: number, wire type, the payload (length-delimited) or value (varint), and its raw bytes.</summary>
    public readonly ref struct Field(int number, int wireType, ulong value, ReadOnlySpan<byte> payload, ReadOnlySpan<byte> raw)
    {
        public int Number { get; } = number;
        public int WireType { get; } = wireType;
        public ulong Value { get; } = value;
        public ReadOnlySpan<byte> Payload { get; } = payload;
        public ReadOnlySpan<byte> Raw { get; } = raw;
    }

    /// <summary>Reads the field at <paramref name="pos"/> and advances past it.</summary>
    /// <exception cref="InvalidDataException">Truncated or malformed bytes.</exception>
    public static Field Read(ReadOnlySpan<byte> data, ref int pos)
    {
        int start = pos;
        ulong tag = ReadVarint(data, ref pos);
        int number = (int)(tag >> 3), wire = (int)(tag & 7);
        if (number <= 0) throw new InvalidDataException($"invalid protobuf field number {number} at byte {start}");
        ulong value = 0;
        ReadOnlySpan<byte> payload = default;
        switch (wire)
        {
            case Varint:
                value = ReadVarint(data, ref pos);
                break;
            case Fixed64:
                Need(data, pos, 8);
                pos += 8;
                break;
            case Fixed32:
                Need(data, pos, 4);
                pos += 4;
                break;
            case LengthDelimited:
                ulong len = ReadVarint(data, ref pos);
                if (len > (ulong)(data.Length - pos)) throw new InvalidDataException($"protobuf field {number} at byte {start} claims {len} bytes, {data.Length - pos} remain");
                payload = data.Slice(pos, (int)len);
                pos += (int)len;
                break;
            default:
                throw new InvalidDataException($"unsupported protobuf wire type {wire} (field {number}) at byte {start}");
        }
        return new Field(number, wire, value, payload, data[start..pos]);
    }

    public static ulong ReadVarint(ReadOnlySpan<byte> data, ref int pos)
    {
        ulong result = 0;
        for (int shift = 0; shift < 64; shift += 7)
        {
            if (pos >= data.Length) throw new InvalidDataException("truncated protobuf varint");
            byte b = data[pos++];
            result |= (ulong)(b & 0x7F) << shift;
            if ((b & 0x80) == 0) return result;
        }
        throw new InvalidDataException("protobuf varint longer than 10 bytes");
    }

    public static void WriteVarint(IBufferWriter<byte> w, ulong value)
    {
        Span<byte> buf = w.GetSpan(10);
        int n = 0;
        while (value >= 0x80)
        {
            buf[n++] = (byte)(value | 0x80);
            value >>= 7;
        }
        buf[n++] = (byte)value;
        w.Advance(n);
    }

    public static void WriteTag(IBufferWriter<byte> w, int number, int wireType) =>
        WriteVarint(w, ((ulong)number << 3) | (uint)wireType);

    public static void WriteLengthDelimited(IBufferWriter<byte> w, int number, ReadOnlySpan<byte> payload)
    {
        WriteTag(w, number, LengthDelimited);
        WriteVarint(w, (ulong)payload.Length);
        w.Write(payload);
    }

    private static void Need(ReadOnlySpan<byte> data, int pos, int n)
    {
        if (data.Length - pos < n) throw new InvalidDataException("truncated protobuf fixed-width field");
    }
}
