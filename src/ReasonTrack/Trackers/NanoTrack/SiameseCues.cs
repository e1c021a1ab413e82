namespace ReasonTrack.Trackers.NanoTrack;

/// <summary>
/// What one evaluation of a Siamese search crop says about the target's presence (ours, issue 15 item 3), measured
/// from the head's score map and the backbone's features of the same crop by <see cref="SiameseCueMeter"/>.
/// </summary>
/// <param name="Score">Classification probability (softmax) of the chosen point: the released <c>best_score</c>.</param>
/// <param name="MaxScore">Largest probability anywhere on the map.</param>
/// <param name="MeanScore">Mean probability over the map (how much of the crop looks like the target).</param>
/// <param name="Psr">Peak-to-sidelobe ratio of the probability map: (max - mean) / sd over the points more than
/// two cells from the maximum.</param>
/// <param name="Appearance">Cosine similarity between the template's backbone features over the target's cells and
/// the search features over the same number of cells around the chosen point, in [-1, 1].</param>
/// <param name="Penalty">The scale/aspect-change penalty of the chosen point (1 = same shape as the current box).</param>
public readonly record struct SiameseCues(double Score, double MaxScore, double MeanScore, double Psr, double Appearance, double Penalty);
