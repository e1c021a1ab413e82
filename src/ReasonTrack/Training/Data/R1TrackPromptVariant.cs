namespace ReasonTrack.Training.Data;

/// <summary>The R1-Track prompt a set is written with: a model answers well only with the prompt it was trained on.</summary>
public enum R1TrackPromptVariant
{
    /// <summary>The current inference prompt (R1TrackPrompts.InferencePrompt).</summary>
    Current,

    /// <summary>The prompt of the older 5k-sample models (R1TrackPrompts.LegacyPrompt5k), after <c>"&lt;image&gt; &lt;image&gt;"</c> in training rows.</summary>
    Legacy5k,

    /// <summary>The think prefix joined to the current prompt; the answer stays the bare box (the reward reads the answer tag of the reply), so only EasyR1 (GRPO) rows are allowed.</summary>
    Think,
}
