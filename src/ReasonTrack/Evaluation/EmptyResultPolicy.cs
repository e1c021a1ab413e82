namespace ReasonTrack.Evaluation;

/// <summary>What an empty result file (zero rows) does.</summary>
public enum EmptyResultPolicy
{
    /// <summary>Stop with an error naming the file.</summary>
    Error,

    /// <summary>
    /// Reproduce the LaSOT/TNL2K/TNLLT Matlab toolkits: <c>eval_tracker.m</c> meets <c>isempty(res)</c> with
    /// <c>break</c>, which leaves this sequence at zero for this tracker <b>and every tracker evaluated after it</b>
    /// (the zero curves are then dropped by the toolkit's eps filter). A warning names every tracker affected.
    /// </summary>
    ToolkitBreak,

    /// <summary>Skip the sequence for this tracker only (zero curve, dropped by the zero-curve filter where the protocol has one).</summary>
    SkipSequence,
}
