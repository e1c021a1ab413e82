namespace ReasonTrack.Interop.OnnxRuntime;

/// <summary>One output of <see cref="OrtSession.RunToArrays"/>: its name, shape and values (float tensors only).</summary>
public sealed record OrtOutput(string Name, IReadOnlyList<long> Shape, float[] Data);
