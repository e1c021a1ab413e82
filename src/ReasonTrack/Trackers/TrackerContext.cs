namespace ReasonTrack.Trackers;

/// <summary>Where trackers find what they need outside their options: model files, native libraries, threads.</summary>
public sealed record TrackerContext
{
    /// <summary>Folder of model files (NanoTrack's ONNX files); null = the tracker's default search.</summary>
    public string? ModelDirectory { get; init; }

    /// <summary>Path of the ONNX Runtime shared library; null = search (setup's npm install, then the system).</summary>
    public string? OnnxRuntimeLibrary { get; init; }

    /// <summary>Threads a tracker may use for one sequence.</summary>
    public int Threads { get; init; } = 1;
}
