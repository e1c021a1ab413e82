using System.Buffers;
using System.Text;

namespace ReasonTrack.Onnx;

/// <summary>
/// Edits an ONNX model in memory before a session is created from it; model files are never written. Its one edit:
/// making the height and width of 4-D graph inputs symbolic. NanoTrack's backbone files declare a fixed
/// <c>1x3x255x255</c> input, which ONNX Runtime enforces, yet the same fully convolutional backbone must also run
/// the 127x127 template; turning <c>dim_value: 255</c> into <c>dim_param: "H"</c> lets one file serve both sizes.
/// </summary>
/// <remarks>
/// Field numbers (onnx.proto): ModelProto.graph = 7; GraphProto.initializer = 5, input = 11, output = 12,
/// value_info = 13; TensorProto.name = 8; ValueInfoProto.name = 1, type = 2; TypeProto.tensor_type = 1;
/// TypeProto.Tensor.shape = 2; TensorShapeProto.dim = 1; Dimension.dim_value = 1, dim_param = 2. Everything else
/// is copied byte for byte.
/// </remarks>
public static class OnnxModelPatcher
{
    private const int ModelGraph = 7;
    private const int GraphInitializer = 5;
    private const int GraphInput = 11;
    private const int GraphOutput = 12;
    private const int GraphValueInfo = 13;
    private const int TensorName = 8;
    private const int ValueInfoName = 1;
    private const int ValueInfoType = 2;
    private const int TypeTensor = 1;
    private const int TensorShape = 2;
    private const int ShapeDim = 1;
    private const int DimValue = 1;
    private const int DimParam = 2;

    /// <summary>
    /// Returns a copy of <paramref name="model"/> in which every 4-D (NCHW) graph input that is not an initializer
    /// has symbolic H and W (<paramref name="heightName"/>, <paramref name="widthName"/>). Rank-4 graph outputs get
    /// symbolic H and W too (named <c>{height}_out</c>, <c>{width}_out</c>: they differ from the input's), and
    /// intermediate <c>value_info</c> shapes are dropped, because both were computed for the old fixed size and
    /// would contradict the shapes ORT infers for any other size.
    /// </summary>
    /// <param name="origin">The model's name for messages (its file path).</param>
    /// <param name="patchedInputs">Names of the inputs that were changed (empty when none had fixed H and W).</param>
    /// <exception cref="OnnxException">The bytes are not a protobuf ONNX model (the message names <paramref name="origin"/>).</exception>
    public static byte[] MakeSpatialInputsSymbolic(ReadOnlySpan<byte> model, string origin, out IReadOnlyList<string> patchedInputs,
        string heightName = "H", string widthName = "W")
    {
        try
        {
            var changed = new List<string>();
            var w = new ArrayBufferWriter<byte>(model.Length + 64);
            int pos = 0;
            bool sawGraph = false;
            while (pos < model.Length)
            {
                var f = ProtoWire.Read(model, ref pos);
                if (f.Number == ModelGraph && f.WireType == ProtoWire.LengthDelimited)
                {
                    sawGraph = true;
                    ProtoWire.WriteLengthDelimited(w, ModelGraph, PatchGraph(f.Payload, heightName, widthName, changed));
                }
                else
                {
                    w.Write(f.Raw);
                }
            }
            if (!sawGraph) throw new InvalidDataException("no graph (ModelProto field 7)");
            patchedInputs = changed;
            return w.WrittenSpan.ToArray();
        }
        catch (InvalidDataException e)
        {
            throw new OnnxException($"{origin} is not a valid ONNX model: {e.Message}", e);
        }
    }

    private static byte[] PatchGraph(ReadOnlySpan<byte> graph, string h, string w, List<string> changed)
    {
        // Older exporters (IR < 4) also list every weight as a graph input; those must keep their shapes.
        var initializers = new HashSet<string>(StringComparer.Ordinal);
        int pos = 0;
        while (pos < graph.Length)
        {
            var f = ProtoWire.Read(graph, ref pos);
            if (f.Number == GraphInitializer && f.WireType == ProtoWire.LengthDelimited)
            {
                string? name = ReadString(f.Payload, TensorName);
                if (name is not null) initializers.Add(name);
            }
        }

        var output = new ArrayBufferWriter<byte>(graph.Length + 64);
        pos = 0;
        while (pos < graph.Length)
        {
            var f = ProtoWire.Read(graph, ref pos);
            bool isInput = f.Number == GraphInput, isOutput = f.Number == GraphOutput;
            if ((isInput || isOutput) && f.WireType == ProtoWire.LengthDelimited)
            {
                string name = ReadString(f.Payload, ValueInfoName) ?? "";
                byte[]? patched = isInput && initializers.Contains(name)
                    ? null
                    : PatchValueInfo(f.Payload, isInput ? h : h + "_out", isInput ? w : w + "_out");
                if (patched is null)
                {
                    output.Write(f.Raw);
                    continue;
                }
                if (isInput) changed.Add(name);
                ProtoWire.WriteLengthDelimited(output, f.Number, patched);
            }
            else if (f.Number == GraphValueInfo && changed.Count > 0)
            {
                // dropped: see MakeSpatialInputsSymbolic (inputs precede value_info in every exporter we know of;
                // if not, the fixed shapes stay, which only costs ORT warnings)
            }
            else
            {
                output.Write(f.Raw);
            }
        }
        return output.WrittenSpan.ToArray();
    }

    /// <summary>A ValueInfoProto with dims 2 and 3 made symbolic, or null when it is not a rank-4 tensor with fixed H, W.</summary>
    private static byte[]? PatchValueInfo(ReadOnlySpan<byte> valueInfo, string h, string w)
    {
        return RewriteField(valueInfo, ValueInfoType, type =>
            RewriteField(type, TypeTensor, tensor =>
                RewriteField(tensor, TensorShape, shape => PatchShape(shape, h, w))));
    }

    private static byte[]? PatchShape(ReadOnlySpan<byte> shape, string h, string w)
    {
        int pos = 0, rank = 0;
        while (pos < shape.Length)
            if (ProtoWire.Read(shape, ref pos).Number == ShapeDim) rank++;
        if (rank != 4) return null;

        var output = new ArrayBufferWriter<byte>(shape.Length + 16);
        pos = 0;
        int index = 0;
        bool any = false;
        while (pos < shape.Length)
        {
            var f = ProtoWire.Read(shape, ref pos);
            if (f.Number == ShapeDim && f.WireType == ProtoWire.LengthDelimited && index is 2 or 3 && HasDimValue(f.Payload))
            {
                ProtoWire.WriteLengthDelimited(output, ShapeDim, SymbolicDim(f.Payload, index == 2 ? h : w));
                any = true;
            }
            else
            {
                output.Write(f.Raw);
            }
            if (f.Number == ShapeDim) index++;
        }
        return any ? output.WrittenSpan.ToArray() : null;
    }

    private static bool HasDimValue(ReadOnlySpan<byte> dim)
    {
        int pos = 0;
        while (pos < dim.Length)
            if (ProtoWire.Read(dim, ref pos).Number == DimValue) return true;
        return false;
    }

    /// <summary>The Dimension with dim_value replaced by dim_param (other fields, e.g. denotation, kept).</summary>
    private static byte[] SymbolicDim(ReadOnlySpan<byte> dim, string name)
    {
        var output = new ArrayBufferWriter<byte>(dim.Length + name.Length + 2);
        ProtoWire.WriteLengthDelimited(output, DimParam, Encoding.UTF8.GetBytes(name));
        int pos = 0;
        while (pos < dim.Length)
        {
            var f = ProtoWire.Read(dim, ref pos);
            if (f.Number is not (DimValue or DimParam)) output.Write(f.Raw);
        }
        return output.WrittenSpan.ToArray();
    }

    private delegate byte[]? Rewriter(ReadOnlySpan<byte> payload);

    /// <summary>The message with its first length-delimited field <paramref name="number"/> rewritten, or null when unchanged.</summary>
    private static byte[]? RewriteField(ReadOnlySpan<byte> message, int number, Rewriter rewrite)
    {
        var output = new ArrayBufferWriter<byte>(message.Length + 64);
        int pos = 0;
        bool done = false;
        while (pos < message.Length)
        {
            var f = ProtoWire.Read(message, ref pos);
            byte[]? replaced = !done && f.Number == number && f.WireType == ProtoWire.LengthDelimited ? rewrite(f.Payload) : null;
            if (replaced is null)
            {
                output.Write(f.Raw);
                continue;
            }
            done = true;
            ProtoWire.WriteLengthDelimited(output, number, replaced);
        }
        return done ? output.WrittenSpan.ToArray() : null;
    }

    private static string? ReadString(ReadOnlySpan<byte> message, int number)
    {
        int pos = 0;
        while (pos < message.Length)
        {
            var f = ProtoWire.Read(message, ref pos);
            if (f.Number == number && f.WireType == ProtoWire.LengthDelimited) return Encoding.UTF8.GetString(f.Payload);
        }
        return null;
    }
}
