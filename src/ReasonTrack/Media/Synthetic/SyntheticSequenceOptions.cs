namespace ReasonTrack.Media.Synthetic;

/// <summary>The knobs of <see cref="SyntheticSequence"/>. Defaults make a 300-frame, 480x360 sequence.</summary>
public sealed record SyntheticSequenceOptions
{
    public int Width { get; init; } = 480;
    public int Height { get; init; } = 360;
    public int Frames { get; init; } = 300;
    public int Seed { get; init; } = 7;
    public PixelFormat Format { get; init; } = PixelFormat.Rgb24;

    /// <summary>Target size at frame 1 (it then grows and shrinks by up to <see cref="ScaleAmplitude"/>).</summary>
    public int TargetWidth { get; init; } = 56;
    public int TargetHeight { get; init; } = 40;
    public double ScaleAmplitude { get; init; } = 0.45;

    /// <summary>Frames (0-based, half-open) during which an occluder fully covers the target; null = none.</summary>
    public (int Start, int End)? Occlusion { get; init; } = (170, 190);

    /// <summary>
    /// When true, from the end of <see cref="Occlusion"/> on the target follows its path mirrored through the frame's
    /// centre, so it reappears elsewhere than where it was hidden (a long-term re-detection case, issue 15 item 3).
    /// </summary>
    public bool ReappearMirrored { get; init; }

    /// <summary>Whether a look-alike distractor crosses the scene.</summary>
    public bool Distractor { get; init; } = true;
}
