using System.Runtime.InteropServices;
using System.Text;

namespace ReasonTrack.Tests.Segmentation;

/// <summary>
/// A minimal ONNX model writer for tests (the protobuf fields of onnx.proto: ModelProto, GraphProto, NodeProto,
/// TensorProto, ValueInfoProto, AttributeProto), so the tests can build small graphs with the input and output names,
/// shapes and types of the public exports and run them through ONNX Runtime. Opset 17, IR version 8.
/// </summary>
internal sealed class OnnxTestGraph
{
    public const int Float = 1, Int64 = 7, Bool = 9;

    private readonly List<byte[]> _nodes = [], _initializers = [], _inputs = [], _outputs = [];
    private int _next;

    /// <summary>A graph input; a dimension of -1 is symbolic ("n").</summary>
    public string Input(string name, int elemType, params long[] dims)
    {
        _inputs.Add(ValueInfo(name, elemType, dims));
        return name;
    }

    public void Output(string name, int elemType, params long[] dims) => _outputs.Add(ValueInfo(name, elemType, dims));

    public string Constant(float[] values, params long[] dims) => Initializer(Float, MemoryMarshal.AsBytes(values.AsSpan()).ToArray(), dims);

    public string Constant(long[] values, params long[] dims) => Initializer(Int64, MemoryMarshal.AsBytes(values.AsSpan()).ToArray(), dims);

    public string Scalar(float v) => Constant([v]);

    public string ScalarIndex(long v) => Constant([v]);

    private string Initializer(int type, byte[] raw, long[] dims)
    {
        string name = $"c{_next++}";
        var t = new Proto();
        foreach (long d in dims) t.Varint(1, (ulong)d);
        t.Varint(2, (ulong)type);
        t.String(8, name);
        t.Bytes(9, raw);
        _initializers.Add(t.ToArray());
        return name;
    }

    /// <summary>A node; returns its (first) output's name, or <paramref name="output"/> when given.</summary>
    public string Node(string op, string[] inputs, string? output = null, params (string Name, object Value)[] attributes)
    {
        output ??= $"t{_next++}";
        var n = new Proto();
        foreach (var i in inputs) n.String(1, i);
        n.String(2, output);
        n.String(3, $"n{_next++}");
        n.String(4, op);
        foreach (var (name, value) in attributes)
        {
            var a = new Proto();
            a.String(1, name);
            switch (value)
            {
                case long i: a.Varint(3, (ulong)i); a.Varint(20, 2); break;
                case int i: a.Varint(3, (ulong)(long)i); a.Varint(20, 2); break;
                case long[] ints: foreach (long v in ints) a.Varint(8, (ulong)v); a.Varint(20, 7); break;
                default: throw new ArgumentException($"attribute type {value.GetType()}");
            }
            n.Message(5, a);
        }
        _nodes.Add(n.ToArray());
        return output;
    }

    public byte[] ToModel()
    {
        var g = new Proto();
        foreach (var n in _nodes) g.Bytes(1, n);
        g.String(2, "test");
        foreach (var i in _initializers) g.Bytes(5, i);
        foreach (var i in _inputs) g.Bytes(11, i);
        foreach (var o in _outputs) g.Bytes(12, o);
        var opset = new Proto();
        opset.String(1, "");
        opset.Varint(2, 17);
        var m = new Proto();
        m.Varint(1, 8);
        m.String(2, "reasontrack-tests");
        m.Message(7, g);
        m.Message(8, opset);
        return m.ToArray();
    }

    public string Save(string path)
    {
        File.WriteAllBytes(path, ToModel());
        return path;
    }

    private static byte[] ValueInfo(string name, int elemType, long[] dims)
    {
        var shape = new Proto();
        foreach (long d in dims)
        {
            var dim = new Proto();
            if (d >= 0) dim.Varint(1, (ulong)d);
            else dim.String(2, "n");
            shape.Message(1, dim);
        }
        var tensor = new Proto();
        tensor.Varint(1, (ulong)elemType);
        tensor.Message(2, shape);
        var type = new Proto();
        type.Message(1, tensor);
        var v = new Proto();
        v.String(1, name);
        v.Message(2, type);
        return v.ToArray();
    }

    /// <summary>Protobuf wire format: varint fields (type 0) and length-delimited fields (type 2).</summary>
    private sealed class Proto
    {
        private readonly MemoryStream _s = new();

        private void Raw(ulong v)
        {
            while (v >= 0x80) { _s.WriteByte((byte)(v | 0x80)); v >>= 7; }
            _s.WriteByte((byte)v);
        }

        public void Varint(int field, ulong v) { Raw((ulong)field << 3); Raw(v); }

        public void Bytes(int field, byte[] b) { Raw(((ulong)field << 3) | 2); Raw((ulong)b.Length); _s.Write(b); }

        public void String(int field, string s) => Bytes(field, Encoding.UTF8.GetBytes(s));

        public void Message(int field, Proto p) => Bytes(field, p.ToArray());

        public byte[] ToArray() => _s.ToArray();
    }
}
