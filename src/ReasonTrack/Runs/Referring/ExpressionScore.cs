namespace ReasonTrack.Runs.Referring;

/// <summary>One expression's figures under the per-expression protocol: J and F averaged over every frame of its video.</summary>
public sealed record ExpressionScore(string Video, string ExpressionId, string Text, double J, double F, bool Missing)
{
    public double JAndF => (J + F) / 2;

    /// <summary><c>&lt;video&gt;_&lt;expression id&gt;</c>, as MeViS's evaluation keys it.</summary>
    public string Key => $"{Video}_{ExpressionId}";
}
