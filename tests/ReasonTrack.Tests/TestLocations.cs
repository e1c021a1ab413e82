using System.Runtime.CompilerServices;
using ReasonTrack.Cli.Commands;

namespace ReasonTrack.Tests;

/// <summary>
/// The library never searches the repository for models or native libraries (issue 12 item 6): this test assembly
/// gives it the locations explicitly, before any test runs, through the variables a user would set:
/// <c>REASONTRACK_MODELS</c> = ../shared/models (<see cref="SharedData"/>) and <c>REASONTRACK_ORT_LIB</c> = the
/// ONNX Runtime of this checkout's <c>.deps</c> (found as the CLI finds it). A variable already set is kept. CLI child
/// processes inherit them.
/// </summary>
internal static class TestLocations
{
    [ModuleInitializer]
    internal static void Apply()
    {
        if (string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable("REASONTRACK_MODELS")) && SharedData.Root is { } shared
            && Directory.Exists(Path.Combine(shared, "models")))
            Environment.SetEnvironmentVariable("REASONTRACK_MODELS", Path.Combine(shared, "models"));
        if (string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(RepositoryLocations.OnnxRuntimeVariable))
            && RepositoryLocations.NpmLibraries(SharedData.RepoRoot).FirstOrDefault() is { } ort)
            Environment.SetEnvironmentVariable(RepositoryLocations.OnnxRuntimeVariable, ort);
    }
}
