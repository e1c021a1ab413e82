namespace ReasonTrack.Segmentation;

/// <summary>
/// Settings of <see cref="OnnxBoxSegmenter"/>: the two files of a SAM-family export (image encoder, prompt decoder).
/// Which export family they are is read from the decoder's input names (see <see cref="OnnxSegmenterFamily"/>).
/// </summary>
public sealed record OnnxSegmenterOptions
{
    /// <summary>The image encoder (.onnx): image in, image embeddings out.</summary>
    public required string EncoderPath { get; init; }

    /// <summary>The prompt decoder (.onnx): embeddings and a box (two corner points, labels 2 and 3) in, mask logits out.</summary>
    public required string DecoderPath { get; init; }

    /// <summary>A pixel is target when its mask logit exceeds this (SAM's <c>mask_threshold</c>, 0).</summary>
    public float MaskThreshold { get; init; }

    /// <summary>Intra-op threads of each ONNX Runtime session (1: one core per sequence, like the ONNX trackers).</summary>
    public int Threads { get; init; } = 1;

    internal void Validate()
    {
        if (string.IsNullOrWhiteSpace(EncoderPath)) throw new InvalidSettingException(nameof(EncoderPath), "OnnxSegmenterOptions.EncoderPath is empty");
        if (string.IsNullOrWhiteSpace(DecoderPath)) throw new InvalidSettingException(nameof(DecoderPath), "OnnxSegmenterOptions.DecoderPath is empty");
        if (Threads < 1) throw new InvalidSettingException(nameof(Threads), $"OnnxSegmenterOptions.Threads must be at least 1, got {Threads}");
        if (!float.IsFinite(MaskThreshold)) throw new InvalidSettingException(nameof(MaskThreshold), "OnnxSegmenterOptions.MaskThreshold must be finite");
    }
}
