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

    /// <summary>Turns of the target over the sequence (it rotates about its centre at a constant rate).</summary>
    public double Turns { get; init; } = 0.5;

    /// <summary>Relative size change: the semi-axes follow <c>1 + ScaleAmplitude * sin(...)</c>.</summary>
    public double ScaleAmplitude { get; init; } = 0.25;
}
