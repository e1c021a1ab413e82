using System.Text.Json;

namespace ReasonTrack.Training.Rewards;

/// <summary>One input row to score, with where it came from so that any complaint about it can name it.</summary>
/// <param name="Number">1-based position among the rows.</param>
/// <param name="Line">1-based line of the file where the row starts.</param>
/// <param name="Data">The row's JSON object.</param>
public sealed record RewardRow(int Number, int Line, JsonElement Data);
