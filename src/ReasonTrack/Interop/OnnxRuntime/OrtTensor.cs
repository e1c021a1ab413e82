namespace ReasonTrack.Interop.OnnxRuntime;

/// <summary>
/// A float32 tensor whose values live in a managed array allocated on the pinned object heap, wrapped once in an
/// <c>OrtValue</c>. Because the array never moves, ORT reads inputs from it and writes outputs into it directly:
/// no copies and no allocations per run. The same tensor may be one session's output and another's input (NanoTrack
/// feeds the backbone's features straight to the head this way).
/// </summary>
public sealed unsafe class OrtTensor : IDisposable
{
    private const int OnnxFloat = 1; // ONNX_TENSOR_ELEMENT_DATA_TYPE_FLOAT

    private readonly OrtApiTable _api;
    private readonly long[] _shape;
    private nint _value;

    internal OrtTensor(OrtEnvironment environment, ReadOnlySpan<long> shape)
    {
        if (shape.IsEmpty) throw new ArgumentException("a tensor needs at least one dimension", nameof(shape));
        long count = 1;
        foreach (long d in shape)
        {
            if (d <= 0) throw new ArgumentException($"tensor dimensions must be positive, got [{string.Join(",", shape.ToArray())}]", nameof(shape));
            count = checked(count * d);
        }
        if (count > Array.MaxLength) throw new ArgumentException($"tensor of {count} elements is too large", nameof(shape));
        _api = environment.Api;
        _shape = shape.ToArray();
        Data = GC.AllocateArray<float>((int)count, pinned: true);
        nint value = 0;
        fixed (long* dims = _shape)
        fixed (float* data = Data)
        {
            _api.Check(_api.CreateTensorWithDataAsOrtValue(environment.CpuMemory, data, (nuint)(count * sizeof(float)),
                dims, (nuint)_shape.Length, OnnxFloat, &value), "CreateTensorWithDataAsOrtValue");
        }
        _value = value;
    }

    /// <summary>The values, row-major in <see cref="Shape"/> order. Pinned: its address is fixed for the tensor's life.</summary>
    public float[] Data { get; }

    public Span<float> Span => Data;

    public IReadOnlyList<long> Shape => _shape;

    internal nint Value
    {
        get
        {
            ObjectDisposedException.ThrowIf(_value == 0, this);
            return _value;
        }
    }

    public override string ToString() => $"float[{string.Join(",", _shape)}]";

    public void Dispose()
    {
        nint v = Interlocked.Exchange(ref _value, 0);
        if (v != 0) _api.ReleaseValue(v);
    }
}
