namespace ReasonTrack.Training.Data.Formats;

/// <summary>The output layouts by <c>--format</c> key (case-insensitive).</summary>
public static class TrainingSetWriters
{
    public static IReadOnlyList<TrainingSetWriter> All { get; } =
        [new EasyR1Writer(), new EasyR1JsonlWriter(), new LlamaFactoryAlpacaWriter(), new LlamaFactorySharegptWriter(), new SwiftWriter(), new SwiftVpTrackerWriter()];

    /// <exception cref="ArgumentException">Unknown key (the message lists the valid ones).</exception>
    public static TrainingSetWriter Get(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return All.FirstOrDefault(w => w.Key.Equals(key.Trim(), StringComparison.OrdinalIgnoreCase))
            ?? throw new InvalidSettingException("format", $"unknown format '{key}'; valid: {string.Join(", ", All.Select(w => w.Key))}");
    }
}
