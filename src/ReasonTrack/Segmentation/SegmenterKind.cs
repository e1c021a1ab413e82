namespace ReasonTrack.Segmentation;

/// <summary>Where a mask comes from when the tracker gives none (all ours; see <see cref="SegmenterOptions"/>).</summary>
public enum SegmenterKind
{
    /// <summary>No segmenter: masks only when the tracker itself sends them (an external tracker).</summary>
    None,

    /// <summary>The box itself (<see cref="BoxSegmenter"/>): the baseline any tracker has.</summary>
    Box,

    /// <summary>A foreground/background colour model inside the box (<see cref="ColourSegmenter"/>), weights-free.</summary>
    Colour,

    /// <summary>A box-prompted SAM-family ONNX export (<see cref="OnnxBoxSegmenter"/>).</summary>
    Onnx,
}
