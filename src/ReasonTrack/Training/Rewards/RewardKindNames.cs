using ReasonTrack.Naming;

namespace ReasonTrack.Training.Rewards;

/// <summary>The names rewards go by on the command line and in score records (the table is <see cref="Names.Rewards"/>).</summary>
public static class RewardKindNames
{
    /// <summary>All names, in the order of <see cref="RewardKind"/>.</summary>
    public static IReadOnlyList<string> All => Names.Rewards.Names;

    public static string Name(RewardKind kind) => Names.Rewards.Name(kind);

    /// <summary>The reward of a name (case-insensitive); throws <see cref="InvalidSettingException"/> naming the valid ones.</summary>
    public static RewardKind Parse(string? name) => Names.Rewards.Parse(name);
}
