namespace ReasonTrack.Evaluation;

/// <summary>Which number of a curve a toolkit reports and ranks by (the Matlab toolkits' <c>ranking_type</c>).</summary>
public enum Ranking
{
    /// <summary>The value at the grid's headline threshold (<c>ranking_type = 'threshold'</c>, <c>bb(rank_idx)</c>).</summary>
    Threshold,

    /// <summary>The mean of the curve's values (<c>ranking_type = 'AUC'</c>, <c>mean(bb)</c>).</summary>
    Area,
}
