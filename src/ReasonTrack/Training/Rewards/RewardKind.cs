namespace ReasonTrack.Training.Rewards;

/// <summary>The rewards <see cref="RewardScorer"/> computes; <see cref="RewardKindNames"/> gives their command-line names.</summary>
public enum RewardKind
{
    /// <summary>R1-Track without thinking (released reward_score/track_not_think.py): shaped GIoU of the reply, -1 when unparseable.</summary>
    R1Track,

    /// <summary>R1-Track with thinking (released reward_score/track.py): gates, shaped GIoU of the answer, format and length terms.</summary>
    R1TrackThink,

    /// <summary>ReasoningTrack format (all three tag pairs occur).</summary>
    ReasoningTrackFormat,

    /// <summary>ReasoningTrack strict (ordered tags, d is yes or no).</summary>
    ReasoningTrackStrict,

    /// <summary>ReasoningTrack overall with the judge (needs frames, ground truth and a localizer).</summary>
    ReasoningTrackJudge,
}
