using ReasonTrack.Geometry;

namespace ReasonTrack.Training.Rewards;

/// <summary>
/// One R1-Track reward with its components, so that a score run can say why the mean is what it is (how many replies
/// were gated, how many fell in each shaping band) rather than print a bare number.
/// </summary>
/// <param name="Overall">The reward the trainer sees.</param>
/// <param name="Gate">Why no box was compared (the reward is then -1; in think mode a JSON answer that is not a box
/// gives <c>r = -1</c> plus the format and length terms), or <see cref="R1TrackGate.None"/>.</param>
/// <param name="Box">The answered box (xyxy, crop pixels), or null when none was read.</param>
/// <param name="Giou">GIoU of the answer with the ground truth, or null when no box was read.</param>
/// <param name="Shaped">The shaped GIoU <c>r</c>, -1 for an unparseable answer, null when gated before parsing.</param>
/// <param name="Format">Think mode: the released dictionary's <c>format</c>: 1 when the reward has its format term, 0 on
/// every flat -1 (including a well-formed reply that is too short or whose answer is not JSON); null in no-think mode.</param>
/// <param name="Length">Think mode: the length term <c>(448 - L)/64</c> for L &gt; 448, else 0; null in no-think mode or when gated.</param>
/// <param name="Tokens">Think mode: the token count L used for the gate and the length term; null in no-think mode.</param>
public sealed record R1TrackScore(
    double Overall,
    R1TrackGate Gate,
    BoxXyxy? Box,
    double? Giou,
    double? Shaped,
    int? Format,
    double? Length,
    ResponseLength? Tokens);
