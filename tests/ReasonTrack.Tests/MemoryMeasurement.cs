namespace ReasonTrack.Tests;

/// <summary>
/// Tests that measure the process's managed heap (GC.GetTotalMemory) run in this collection, alone: tests running in
/// parallel allocate in the same heap and would make the measurement meaningless.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class MemoryMeasurement
{
    public const string Name = "memory measurement";
}
