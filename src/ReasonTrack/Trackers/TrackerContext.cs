namespace ReasonTrack.Trackers;

/// <summary>Where trackers find what they need outside their options: model files, threads.</summary>
public sealed record TrackerContext
{
    /// <summary>
    /// The environment variable read when <see cref="ModelDirectory"/> is null: a folder holding one folder per model
    /// family (NanoTrack reads <c>nanotrack/v1</c>..<c>v3</c> there). The library searches no repository; the
    /// <c>reasontrack</c> command sets it to <c>../shared/models</c> beside its checkout when unset.
    /// </summary>
    public const string ModelsEnvironmentVariable = "REASONTRACK_MODELS";

    /// <summary>Folder of model files (NanoTrack's ONNX files); null = <see cref="ModelsEnvironmentVariable"/>.</summary>
    public string? ModelDirectory { get; init; }

    /// <summary>Threads a tracker may use for one sequence.</summary>
    public int Threads { get; init; } = 1;
}
