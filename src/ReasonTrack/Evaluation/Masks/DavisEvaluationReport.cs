namespace ReasonTrack.Evaluation.Masks;

/// <summary>One tracker's DAVIS 2017 evaluation: every object of every sequence (list order), and the global row.</summary>
public sealed record DavisEvaluationReport
{
    /// <summary>The protocol key printed beside every number.</summary>
    public string Protocol { get; init; } = DavisEvaluator.ProtocolKey;

    public required string Tracker { get; init; }

    public required string ResultsFolder { get; init; }

    /// <summary>The DAVIS set (<c>val</c>, ...).</summary>
    public required string Set { get; init; }

    public required DavisEvaluationOptions Options { get; init; }

    /// <summary>Per object, sequences in the set's order, objects ascending: the toolkit's per-sequence table.</summary>
    public required IReadOnlyList<DavisObjectResult> Objects { get; init; }

    public required DavisGlobalResult Global { get; init; }

    /// <summary>Per sequence: the tolerance used (<c>bound_pix</c>).</summary>
    public required IReadOnlyDictionary<string, int> BoundPix { get; init; }

    /// <summary>Things the user should know (ignored ids under the Ignore option, ...).</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];
}
