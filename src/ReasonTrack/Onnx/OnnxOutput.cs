namespace ReasonTrack.Onnx;

/// <summary>One output of <see cref="OnnxBinding.RunToArrays"/>: its name, shape and values (float tensors only).</summary>
public sealed record OnnxOutput(string Name, IReadOnlyList<long> Shape, float[] Data);
