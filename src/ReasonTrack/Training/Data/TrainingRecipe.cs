namespace ReasonTrack.Training.Data;

/// <summary>Which released training set to reproduce.</summary>
public enum TrainingRecipe
{
    /// <summary>R1-Track GRPO pairs: two jittered crops and the search box (seed facts section 3).</summary>
    R1Track,

    /// <summary>VPTracker pairs: template crop, full search frame with a red outline, JSON visible/bbox (section 4).</summary>
    VpTracker,

    /// <summary>ReasoningTrack GRPO rows: two whole frames u apart, the description, frame-2 box (section 2).</summary>
    ReasoningTrack,
}
