namespace ReasonTrack.Training.Rewards;

/// <summary>The names rewards go by on the command line and in score records.</summary>
public static class RewardKindNames
{
    private static readonly (RewardKind Kind, string Name)[] Table =
    [
        (RewardKind.R1Track, "r1track"),
        (RewardKind.R1TrackThink, "r1track-think"),
        (RewardKind.ReasoningTrackFormat, "reasoningtrack-format"),
        (RewardKind.ReasoningTrackStrict, "reasoningtrack-strict"),
        (RewardKind.ReasoningTrackJudge, "reasoningtrack-judge"),
    ];

    /// <summary>All names, in the order of <see cref="RewardKind"/>.</summary>
    public static IReadOnlyList<string> All { get; } = Table.Select(t => t.Name).ToArray();

    public static string Name(RewardKind kind) => Table.First(t => t.Kind == kind).Name;

    /// <summary>The reward of a name (case-insensitive); throws ArgumentException naming the valid ones.</summary>
    public static RewardKind Parse(string? name)
    {
        foreach (var (kind, n) in Table)
            if (string.Equals(n, name?.Trim(), StringComparison.OrdinalIgnoreCase)) return kind;
        throw new ArgumentException($"--reward must be one of {string.Join(", ", All)}, not '{name}'");
    }
}
