using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace ReasonTrack.Onnx;

/// <summary>
/// A session's inputs and outputs bound once to preallocated <see cref="OnnxTensor"/>s (ONNX Runtime's
/// <see cref="OrtIoBinding"/>): <see cref="Run"/> then reads the input tensors and writes the output tensors in place
/// and allocates nothing, which is what a per-frame loop needs. The binding does not own the session or the tensors.
/// </summary>
public sealed class OnnxBinding : IDisposable
{
    private readonly InferenceSession _session;
    private readonly OrtIoBinding _binding;
    private readonly RunOptions _runOptions;

    /// <param name="origin">The model's name in messages (its file path, usually).</param>
    /// <exception cref="ArgumentException">An input of the model left unbound, or a name the model does not have (the message lists the model's names).</exception>
    public OnnxBinding(InferenceSession session, string origin, IReadOnlyDictionary<string, OnnxTensor> inputs, IReadOnlyDictionary<string, OnnxTensor> outputs)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(outputs);
        Origin = origin;
        CheckNames(session.InputNames, inputs.Keys, "input", requireAll: true);
        CheckNames(session.OutputNames, outputs.Keys, "output", requireAll: false);
        _session = session;
        _binding = session.CreateIoBinding();
        _runOptions = new RunOptions();
        try
        {
            foreach (var (name, tensor) in inputs) _binding.BindInput(name, tensor.Value);
            foreach (var (name, tensor) in outputs) _binding.BindOutput(name, tensor.Value);
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    public string Origin { get; }

    /// <summary>Runs the model on the bound tensors; the outputs' shapes must be the model's actual output shapes.</summary>
    /// <exception cref="OnnxException">ONNX Runtime rejected the run (wrong shapes, for instance); the message is ORT's, with the model's name.</exception>
    public void Run()
    {
        try
        {
            _session.RunWithBinding(_runOptions, _binding);
        }
        catch (OnnxRuntimeException e)
        {
            throw new OnnxException($"{Origin}: {e.Message}", e);
        }
    }

    /// <summary>
    /// Runs <paramref name="session"/> once with ONNX Runtime allocating the outputs and copies every output (float
    /// tensors) into new arrays with its shape, in the model's output order: for discovering shapes, and for tests.
    /// </summary>
    /// <exception cref="OnnxException">ONNX Runtime rejected the run, or an output is not float32.</exception>
    public static IReadOnlyList<OnnxOutput> RunToArrays(InferenceSession session, string origin, IReadOnlyDictionary<string, OnnxTensor> inputs)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(inputs);
        CheckNames(session.InputNames, inputs.Keys, "input", requireAll: true, origin);
        var names = inputs.Keys.ToArray();
        var values = names.Select(n => inputs[n].Value).ToArray();
        using var runOptions = new RunOptions();
        IDisposableReadOnlyCollection<OrtValue> results;
        try
        {
            results = session.Run(runOptions, names, values, session.OutputNames);
        }
        catch (OnnxRuntimeException e)
        {
            throw new OnnxException($"{origin}: {e.Message}", e);
        }
        using (results)
        {
            var outputs = new List<OnnxOutput>(results.Count);
            int j = 0;
            foreach (var value in results)
            {
                string name = session.OutputNames[j++];
                var info = value.GetTensorTypeAndShape();
                if (info.ElementDataType != TensorElementType.Float)
                    throw new OnnxException($"{origin}: output {name} is not float32 ({info.ElementDataType})");
                outputs.Add(new OnnxOutput(name, info.Shape, value.GetTensorDataAsSpan<float>().ToArray()));
            }
            return outputs;
        }
    }

    private void CheckNames(IReadOnlyList<string> declared, IEnumerable<string> given, string kind, bool requireAll) =>
        CheckNames(declared, given, kind, requireAll, Origin);

    private static void CheckNames(IReadOnlyList<string> declared, IEnumerable<string> given, string kind, bool requireAll, string origin)
    {
        var set = given.ToHashSet(StringComparer.Ordinal);
        foreach (string name in set)
            if (!declared.Contains(name))
                throw new ArgumentException($"{origin} has no {kind} named '{name}' (its {kind}s: {string.Join(", ", declared)})");
        if (requireAll)
            foreach (string name in declared)
                if (!set.Contains(name))
                    throw new ArgumentException($"{origin}: {kind} '{name}' is not bound (its {kind}s: {string.Join(", ", declared)})");
    }

    public void Dispose()
    {
        _binding?.Dispose();
        _runOptions?.Dispose();
    }
}
