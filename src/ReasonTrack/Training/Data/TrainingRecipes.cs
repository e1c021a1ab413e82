namespace ReasonTrack.Training.Data;

/// <summary>Command-line names of the recipes and their samplers.</summary>
public static class TrainingRecipes
{
    public static IReadOnlyList<TrainingRecipe> All { get; } = [TrainingRecipe.R1Track, TrainingRecipe.VpTracker, TrainingRecipe.ReasoningTrack];

    /// <summary><c>r1track</c>, <c>vptracker</c>, <c>reasoningtrack</c>.</summary>
    public static string Key(TrainingRecipe recipe) => recipe switch
    {
        TrainingRecipe.R1Track => "r1track",
        TrainingRecipe.VpTracker => "vptracker",
        TrainingRecipe.ReasoningTrack => "reasoningtrack",
        _ => throw new ArgumentOutOfRangeException(nameof(recipe), recipe, null),
    };

    /// <summary>
    /// The layout a recipe writes unless told otherwise: the released trainer's own (VPTracker: its ms-swift fork,
    /// <see cref="Formats.SwiftVpTrackerWriter"/>; the others: EasyR1).
    /// </summary>
    public static string DefaultFormat(TrainingRecipe recipe) =>
        recipe == TrainingRecipe.VpTracker ? Formats.SwiftVpTrackerWriter.FormatKey : "easyr1";

    /// <exception cref="ArgumentException">Unknown name (the message lists the valid ones).</exception>
    public static TrainingRecipe Parse(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        foreach (var r in All)
            if (Key(r).Equals(key.Trim(), StringComparison.OrdinalIgnoreCase)) return r;
        throw new InvalidSettingException("recipe", $"unknown recipe '{key}'; valid: {string.Join(", ", All.Select(Key))}");
    }

    /// <param name="teacher">The teacher of ReasoningTrack SFT rows (unused otherwise).</param>
    public static IPairSampler CreateSampler(MakeDataOptions options, TeacherModel? teacher = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.Recipe switch
        {
            TrainingRecipe.R1Track => new R1TrackSampler(options),
            TrainingRecipe.VpTracker => new VpTrackerSampler(options),
            TrainingRecipe.ReasoningTrack => new ReasoningTrackSampler(options, teacher),
            _ => throw new ArgumentOutOfRangeException(nameof(options), options.Recipe, "unknown recipe"),
        };
    }
}
