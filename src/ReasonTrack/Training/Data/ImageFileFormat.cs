namespace ReasonTrack.Training.Data;

/// <summary>How training images are encoded (the library's own encoders, so bytes do not depend on an external tool's version).</summary>
public enum ImageFileFormat
{
    /// <summary>Baseline JPEG, quality 95, 4:2:0 (what the released sets store).</summary>
    Jpeg,

    /// <summary>Lossless PNG, when crops must match sample_target's pixels exactly.</summary>
    Png,
}
