using ReasonTrack.Training.Rewards;

namespace ReasonTrack.Training.Data;

/// <summary>
/// The SFT gate issue 5 asks for: a teacher reply enters the set only when ReasoningTrack's strict format reward is 1
/// (<see cref="ReasoningTrackReward.ScoreText"/>: after whitespace normalisation, think, then d with yes or no, then
/// answer).
/// </summary>
public sealed class StrictFormatReplyCheck : ITeacherReplyCheck
{
    public string Name => "reasoningtrack-strict";

    public bool Accepts(string reply, out string reason)
    {
        var score = ReasoningTrackReward.ScoreText(reply);
        if (score.Strict == 1)
        {
            reason = "";
            return true;
        }
        reason = score.Format == 1 ? "teacher reply fails the strict format (order, or d not yes/no)" : "teacher reply fails the format (a tag pair is missing)";
        return false;
    }
}
