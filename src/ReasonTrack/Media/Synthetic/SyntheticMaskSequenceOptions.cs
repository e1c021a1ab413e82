namespace ReasonTrack.Media.Synthetic;

/// <summary>The knobs of <see cref="SyntheticMaskSequence"/> (ours). Defaults make a 100-frame 320x240 sequence.</summary>
public sealed record SyntheticMaskSequenceOptions
{
    public int Width { get; init; } = 320;
    public int Height { get; init; } = 240;
    public int Frames { get; init; } = 100;

    /// <summary>Seed of every random draw (xoshiro256** via <see cref="Training.Data.DeterministicRandom"/>: the same seed gives the same pixels on every .NET version).</summary>
    public ulong Seed { get; init; } = 16;

    /// <summary>The target's outline.</summary>
    public SyntheticShape Shape { get; init; } = SyntheticShape.Ellipse;

    /// <summary>The target's semi-axes at frame 1, in pixels (a rectangle's half sides; the diamond's half diagonals).</summary>
    public double SemiMajor { get; init; } = 42;
    public double SemiMinor { get; init; } = 20;

    /// <summary>
    /// Frames of one period of the motion (path, rotation, size change), whatever the sequence's length, so motion per
    /// frame does not grow on short sequences (240: at most ~4.5 px per frame at 320x240).
    /// </summary>
    public int Period { get; init; } = 240;

    /// <summary>Turns of the target per <see cref="Period"/> (it rotates about its centre at a constant rate).</summary>
    public double Turns { get; init; } = 0.5;

    /// <summary>
    /// Share of the background (0..1) covered by smooth blobs of the target's own colours (0: none; the colour model's
    /// hard case: what lies around the target has the target's colours).
    /// </summary>
    public double Clutter { get; init; }

    /// <summary>Relative size change: the semi-axes follow <c>1 + ScaleAmplitude * sin(...)</c> (1.5 cycles per <see cref="Period"/>).</summary>
    public double ScaleAmplitude { get; init; } = 0.25;
}
