using System.Runtime.CompilerServices;

namespace ReasonTrack.Tests;

/// <summary>
/// The library never searches the repository for models (issue 12 item 6): this test assembly gives it the location
/// explicitly, before any test runs, through the variable a user would set: <c>REASONTRACK_MODELS</c> =
/// ../shared/models (<see cref="SharedData"/>). A variable already set is kept. CLI child processes inherit it.
/// </summary>
internal static class TestLocations
{
    [ModuleInitializer]
    internal static void Apply()
    {
        if (string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable("REASONTRACK_MODELS")) && SharedData.Root is { } shared
            && Directory.Exists(Path.Combine(shared, "models")))
            Environment.SetEnvironmentVariable("REASONTRACK_MODELS", Path.Combine(shared, "models"));
    }
}
