using System.Runtime.InteropServices;

namespace ReasonTrack.Interop.OnnxRuntime;

/// <summary>
/// A loaded model. <see cref="Run"/> binds tensors to the model's inputs and outputs in declaration order
/// (<see cref="InputNames"/>, <see cref="OutputNames"/>) and allocates nothing, which is what a per-frame loop needs;
/// <see cref="RunToArrays"/> reads every output into new arrays, for discovery and tests.
/// </summary>
public sealed unsafe class OrtSession : IDisposable
{
    private const int OnnxFloat = 1;

    private readonly OrtEnvironment _environment;
    private readonly OrtApiTable _api;
    // UTF-8 copies of the names in unmanaged memory, made once, so that Run passes them without marshalling.
    private readonly nint[] _inputNamePtrs;
    private readonly nint[] _outputNamePtrs;
    private nint _session;

    internal OrtSession(OrtEnvironment environment, nint session, string origin)
    {
        _environment = environment;
        _api = environment.Api;
        _session = session;
        Origin = origin;
        nint allocator = 0;
        _api.Check(_api.GetAllocatorWithDefaultOptions(&allocator), "GetAllocatorWithDefaultOptions");
        nuint inputs = 0, outputs = 0;
        _api.Check(_api.SessionGetInputCount(session, &inputs), "SessionGetInputCount");
        _api.Check(_api.SessionGetOutputCount(session, &outputs), "SessionGetOutputCount");
        InputNames = ReadNames((int)inputs, allocator, input: true);
        OutputNames = ReadNames((int)outputs, allocator, input: false);
        _inputNamePtrs = InputNames.Select(n => Marshal.StringToCoTaskMemUTF8(n)).ToArray();
        _outputNamePtrs = OutputNames.Select(n => Marshal.StringToCoTaskMemUTF8(n)).ToArray();
    }

    /// <summary>The model's name in messages (its file path, usually).</summary>
    public string Origin { get; }

    public IReadOnlyList<string> InputNames { get; }

    public IReadOnlyList<string> OutputNames { get; }

    /// <summary>Position of an input by name.</summary>
    /// <exception cref="ArgumentException">No such input (the message lists the model's inputs).</exception>
    public int InputIndex(string name) => IndexOf(InputNames, name, "input");

    /// <summary>Position of an output by name.</summary>
    public int OutputIndex(string name) => IndexOf(OutputNames, name, "output");

    /// <summary>
    /// Runs the model: <paramref name="inputs"/>[i] feeds <see cref="InputNames"/>[i], and ORT writes
    /// <see cref="OutputNames"/>[j] into <paramref name="outputs"/>[j], whose shape must be the output's actual shape.
    /// </summary>
    /// <exception cref="OnnxRuntimeException">ORT rejected the run (wrong shapes, for instance); the message is ORT's.</exception>
    public void Run(ReadOnlySpan<OrtTensor> inputs, ReadOnlySpan<OrtTensor> outputs)
    {
        ObjectDisposedException.ThrowIf(_session == 0, this);
        if (inputs.Length != _inputNamePtrs.Length)
            throw new ArgumentException($"{Origin} has {_inputNamePtrs.Length} inputs ({string.Join(", ", InputNames)}), got {inputs.Length} tensors", nameof(inputs));
        if (outputs.Length != _outputNamePtrs.Length)
            throw new ArgumentException($"{Origin} has {_outputNamePtrs.Length} outputs ({string.Join(", ", OutputNames)}), got {outputs.Length} tensors", nameof(outputs));
        nint* inValues = stackalloc nint[inputs.Length];
        nint* outValues = stackalloc nint[outputs.Length];
        for (int i = 0; i < inputs.Length; i++) inValues[i] = inputs[i].Value;
        for (int i = 0; i < outputs.Length; i++) outValues[i] = outputs[i].Value;
        fixed (nint* inNames = _inputNamePtrs)
        fixed (nint* outNames = _outputNamePtrs)
        {
            nint status = _api.Run(_session, 0, (byte**)inNames, inValues, (nuint)inputs.Length,
                (byte**)outNames, (nuint)outputs.Length, outValues);
            if (status != 0) CheckRun(status);
        }
    }

    /// <summary>Runs the model and copies every output (float tensors) into new arrays, with its shape.</summary>
    public IReadOnlyList<OrtOutput> RunToArrays(ReadOnlySpan<OrtTensor> inputs)
    {
        ObjectDisposedException.ThrowIf(_session == 0, this);
        if (inputs.Length != _inputNamePtrs.Length)
            throw new ArgumentException($"{Origin} has {_inputNamePtrs.Length} inputs ({string.Join(", ", InputNames)}), got {inputs.Length} tensors", nameof(inputs));
        int n = _outputNamePtrs.Length;
        var inValues = new nint[inputs.Length];
        var outValues = new nint[n]; // zeros: ORT allocates each output
        for (int i = 0; i < inputs.Length; i++) inValues[i] = inputs[i].Value;
        try
        {
            fixed (nint* inNames = _inputNamePtrs)
            fixed (nint* outNames = _outputNamePtrs)
            fixed (nint* inV = inValues)
            fixed (nint* outV = outValues)
            {
                nint status = _api.Run(_session, 0, (byte**)inNames, inV, (nuint)inputs.Length, (byte**)outNames, (nuint)n, outV);
                if (status != 0) CheckRun(status);
            }
            var result = new OrtOutput[n];
            for (int j = 0; j < n; j++) result[j] = ReadOutput(OutputNames[j], outValues[j]);
            return result;
        }
        finally
        {
            foreach (nint v in outValues)
                if (v != 0) _api.ReleaseValue(v);
        }
    }

    private OrtOutput ReadOutput(string name, nint value)
    {
        nint info = 0;
        _api.Check(_api.GetTensorTypeAndShape(value, &info), "GetTensorTypeAndShape");
        try
        {
            int type;
            nuint rank;
            _api.Check(_api.GetTensorElementType(info, &type), "GetTensorElementType");
            if (type != OnnxFloat) throw new OnnxRuntimeException($"{Origin}: output {name} is not float32 (ONNX element type {type})");
            _api.Check(_api.GetDimensionsCount(info, &rank), "GetDimensionsCount");
            var shape = new long[(int)rank];
            fixed (long* dims = shape) _api.Check(_api.GetDimensions(info, dims, rank), "GetDimensions");
            long count = 1;
            foreach (long d in shape) count *= d;
            void* data;
            _api.Check(_api.GetTensorMutableData(value, &data), "GetTensorMutableData");
            var values = new float[count];
            new ReadOnlySpan<float>(data, (int)count).CopyTo(values);
            return new OrtOutput(name, shape, values);
        }
        finally
        {
            _api.ReleaseTensorTypeAndShapeInfo(info);
        }
    }

    private void CheckRun(nint status)
    {
        try
        {
            _api.Check(status, "Run");
        }
        catch (OnnxRuntimeException e)
        {
            throw new OnnxRuntimeException($"{Origin}: {e.Message}", e.ErrorCode, e);
        }
    }

    private string[] ReadNames(int count, nint allocator, bool input)
    {
        var names = new string[count];
        for (int i = 0; i < count; i++)
        {
            byte* name = null;
            if (input) _api.Check(_api.SessionGetInputName(_session, (nuint)i, allocator, &name), "SessionGetInputName");
            else _api.Check(_api.SessionGetOutputName(_session, (nuint)i, allocator, &name), "SessionGetOutputName");
            names[i] = Marshal.PtrToStringUTF8((nint)name) ?? "";
            // The name was allocated by ORT's default allocator and must go back to it.
            _api.Check(_api.AllocatorFree(allocator, name), "AllocatorFree");
        }
        return names;
    }

    private int IndexOf(IReadOnlyList<string> names, string name, string kind)
    {
        for (int i = 0; i < names.Count; i++)
            if (names[i] == name) return i;
        throw new ArgumentException($"{Origin} has no {kind} named '{name}' (its {kind}s: {string.Join(", ", names)})", nameof(name));
    }

    public void Dispose()
    {
        nint s = Interlocked.Exchange(ref _session, 0);
        if (s == 0) return;
        _api.ReleaseSession(s);
        foreach (nint p in _inputNamePtrs) Marshal.FreeCoTaskMem(p);
        foreach (nint p in _outputNamePtrs) Marshal.FreeCoTaskMem(p);
        _environment.SessionReleased();
    }
}
