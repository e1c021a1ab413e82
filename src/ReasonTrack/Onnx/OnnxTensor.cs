using Microsoft.ML.OnnxRuntime;

namespace ReasonTrack.Onnx;

/// <summary>
/// A float32 tensor whose values live in a managed array on the pinned object heap, wrapped once in an
/// <see cref="OrtValue"/>. The array never moves, so ONNX Runtime reads inputs from it and writes outputs into it
/// directly: no copies and no allocations per run. The same tensor may be one session's output and another's input
/// (NanoTrack feeds the backbone's features straight to the head this way).
/// </summary>
public sealed class OnnxTensor : IDisposable
{
    private readonly long[] _shape;
    private OrtValue? _value;

    /// <exception cref="OnnxException">ONNX Runtime's native library cannot be loaded.</exception>
    public OnnxTensor(params ReadOnlySpan<long> shape)
    {
        if (shape.IsEmpty) throw new ArgumentException("a tensor needs at least one dimension", nameof(shape));
        long count = 1;
        foreach (long d in shape)
        {
            if (d <= 0) throw new ArgumentException($"tensor dimensions must be positive, got [{string.Join(",", shape.ToArray())}]", nameof(shape));
            count = checked(count * d);
        }
        if (count > Array.MaxLength) throw new ArgumentException($"tensor of {count} elements is too large", nameof(shape));
        OnnxSessionFactory.Environment();
        _shape = shape.ToArray();
        Data = GC.AllocateArray<float>((int)count, pinned: true);
        _value = OrtValue.CreateTensorValueFromMemory(OrtMemoryInfo.DefaultInstance, new Memory<float>(Data), _shape);
    }

    /// <summary>The values, row-major in <see cref="Shape"/> order. Pinned: its address is fixed for the tensor's life.</summary>
    public float[] Data { get; }

    public Span<float> Span => Data;

    public IReadOnlyList<long> Shape => _shape;

    /// <summary>The ONNX Runtime value over <see cref="Data"/>, for binding to a session.</summary>
    public OrtValue Value
    {
        get
        {
            ObjectDisposedException.ThrowIf(_value is null, this);
            return _value;
        }
    }

    public override string ToString() => $"float[{string.Join(",", _shape)}]";

    public void Dispose()
    {
        Interlocked.Exchange(ref _value, null)?.Dispose();
    }
}
