using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using ReasonTrack.Geometry;
using ReasonTrack.Media;

namespace ReasonTrack.Segmentation;

/// <summary>
/// A box-prompted SAM-family segmenter run through the official ONNX Runtime (ours: the slot of issue 16; no weights
/// ship with ReasonTrack). Per frame: the image encoder on the frame, then the prompt decoder with the box as its two
/// corners (labels 2 and 3, no padding point: as segment-anything's predictor embeds a box alone), no mask input, and
/// the mask logits thresholded at <see cref="OnnxSegmenterOptions.MaskThreshold"/> at the frame's size.
/// <para>Pre- and post-processing per family (<see cref="OnnxSegmenterFamily"/>), as the reference Python does it:
/// SAM v1 / MobileSAM resize the longest side to the encoder size (1024; <c>int(side * scale + 0.5)</c>), normalize
/// with mean (123.675, 116.28, 103.53) and std (58.395, 57.12, 57.375), pad bottom/right with zeros (NCHW encoders)
/// and scale the box corners by the resize; SAM 2 resizes the frame to 1024 x 1024 (aspect not kept), normalizes
/// <c>(v / 255 - (0.485, 0.456, 0.406)) / (0.229, 0.224, 0.225)</c> and scales the corners by 1024 / W, 1024 / H.
/// The low-resolution logits (<c>low_res_masks</c> of SAM v1, <c>masks</c> of SAM 2) are sampled bilinearly (half-pixel
/// centres, edges replicated) straight at the frame's pixels; the reference upsamples to 1024, crops and resizes
/// again, so a boundary pixel may differ (named assumption). With several masks (multimask exports) the one with the
/// highest <c>iou_predictions</c> is kept. Frames are resized with OpenCV's bilinear rule (segment-anything uses PIL's
/// antialiased bilinear: another named difference).</para>
/// <para>Input tensors are preallocated per frame size; ONNX Runtime allocates the outputs (their shapes may be dynamic).</para>
/// </summary>
public sealed class OnnxBoxSegmenter : ISegmenter
{
    private static readonly float[] SamMean = [123.675f, 116.28f, 103.53f];
    private static readonly float[] SamStd = [58.395f, 57.12f, 57.375f];
    private static readonly float[] Sam2Mean = [0.485f, 0.456f, 0.406f];
    private static readonly float[] Sam2Std = [0.229f, 0.224f, 0.225f];

    private readonly OnnxSegmenterOptions _options;
    private readonly SessionOptions _sessionOptions;
    private readonly InferenceSession _encoder, _decoder;
    private readonly RunOptions _run = new();
    private readonly string _encoderInput;
    private readonly bool _encoderHwc;
    private readonly int _size;
    private readonly int _maskInputSize;
    private readonly string[] _encoderOutputs;
    private readonly string[] _decoderInputs;
    private readonly string[] _decoderOutputs;

    private float[] _image = [];
    private byte[] _resized = [], _rgb = [];
    private readonly float[] _coords = new float[4];
    private readonly float[] _labels = [2, 3];
    private readonly float[] _maskInput;
    private readonly float[] _hasMask = [0];
    private readonly float[] _origSize = new float[2];
    private int[] _x0 = [], _y0 = [];
    private float[] _wx = [], _wy = [];

    public OnnxBoxSegmenter(OnnxSegmenterOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _options = options;
        foreach (var path in new[] { options.EncoderPath, options.DecoderPath })
            if (!File.Exists(path)) throw new ReasonTrackException($"segmenter model file not found: {path} (OnnxSegmenterOptions.EncoderPath / DecoderPath)");
        _sessionOptions = new SessionOptions { IntraOpNumThreads = options.Threads, InterOpNumThreads = 1, ExecutionMode = ExecutionMode.ORT_SEQUENTIAL };
        _encoder = Open(options.EncoderPath);
        try
        {
            _decoder = Open(options.DecoderPath);
        }
        catch
        {
            _encoder.Dispose();
            throw;
        }
        try
        {
            var inputs = _decoder.InputMetadata;
            Family = inputs.ContainsKey("high_res_feats_0") ? OnnxSegmenterFamily.Sam2
                : inputs.ContainsKey("image_embeddings") && inputs.ContainsKey("orig_im_size") ? OnnxSegmenterFamily.Sam
                : throw Unrecognized(options.DecoderPath, _decoder);
            _decoderInputs = Family == OnnxSegmenterFamily.Sam
                ? ["image_embeddings", "point_coords", "point_labels", "mask_input", "has_mask_input", "orig_im_size"]
                : ["image_embed", "high_res_feats_0", "high_res_feats_1", "point_coords", "point_labels", "mask_input", "has_mask_input"];
            foreach (var name in _decoderInputs)
                if (!inputs.TryGetValue(name, out var meta) || meta.ElementDataType != TensorElementType.Float)
                    throw Unrecognized(options.DecoderPath, _decoder);
            _decoderOutputs = Family == OnnxSegmenterFamily.Sam
                ? _decoder.OutputMetadata.ContainsKey("low_res_masks") ? ["low_res_masks", "iou_predictions"] : ["masks", "iou_predictions"]
                : ["masks", "iou_predictions"];
            foreach (var name in _decoderOutputs)
                if (!_decoder.OutputMetadata.ContainsKey(name)) throw Unrecognized(options.DecoderPath, _decoder);
            int[] maskDims = inputs["mask_input"].Dimensions;
            _maskInputSize = maskDims.Length == 4 && maskDims[2] > 0 ? maskDims[2] : 256;
            _maskInput = new float[_maskInputSize * _maskInputSize];

            if (_encoder.InputMetadata.Count != 1)
                throw new ReasonTrackException($"{options.EncoderPath}: a SAM-family image encoder has one input, this one has {_encoder.InputMetadata.Count} ({string.Join(", ", _encoder.InputNames)})");
            var (inName, inMeta) = _encoder.InputMetadata.First();
            _encoderInput = inName;
            int[] d = inMeta.Dimensions;
            if (inMeta.ElementDataType != TensorElementType.Float || !(d.Length == 4 && d[1] == 3 || d.Length == 3 && d[2] == 3 && Family == OnnxSegmenterFamily.Sam))
                throw new ReasonTrackException($"{options.EncoderPath}: input '{inName}' is {inMeta.ElementDataType} [{string.Join(",", d)}]; a SAM-family encoder takes float32 [1,3,S,S]" +
                                               (Family == OnnxSegmenterFamily.Sam ? " or [H,W,3]" : ""));
            _encoderHwc = d.Length == 3;
            _size = !_encoderHwc && d[2] > 0 ? d[2] : 1024;
            _encoderOutputs = Family == OnnxSegmenterFamily.Sam
                ? [_encoder.OutputMetadata.ContainsKey("image_embeddings") ? "image_embeddings" : _encoder.OutputNames[0]]
                : ["image_embed", "high_res_feats_0", "high_res_feats_1"];
            foreach (var name in _encoderOutputs)
                if (!_encoder.OutputMetadata.ContainsKey(name))
                    throw new ReasonTrackException($"{options.EncoderPath}: no output '{name}' (outputs: {string.Join(", ", _encoder.OutputNames)}); the decoder is a {Family} decoder");
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    public string Name => "onnx";

    /// <summary>The export family recognized from the decoder's inputs.</summary>
    public OnnxSegmenterFamily Family { get; }

    /// <summary>The encoder's square input size (1024 for the public exports).</summary>
    public int InputSize => _size;

    private InferenceSession Open(string path)
    {
        try
        {
            return new InferenceSession(path, _sessionOptions);
        }
        catch (OnnxRuntimeException e)
        {
            throw new ReasonTrackException($"{path}: ONNX Runtime cannot load it: {e.Message}", e);
        }
    }

    private static ReasonTrackException Unrecognized(string path, InferenceSession decoder) => new(
        $"{path}: not a SAM-family prompt decoder this segmenter knows (inputs: {string.Join(", ", decoder.InputMetadata.Select(m => $"{m.Key} {m.Value.ElementDataType}"))}; " +
        $"outputs: {string.Join(", ", decoder.OutputNames)}). Expected segment-anything's SamOnnxModel export (image_embeddings, point_coords, point_labels, mask_input, has_mask_input, orig_im_size -> masks, iou_predictions, low_res_masks) " +
        "or samexporter's SAM 2 decoder (image_embed, high_res_feats_0, high_res_feats_1, point_coords, point_labels, mask_input, has_mask_input -> masks, iou_predictions)");

    public void Segment(ImageFrame frame, Box box, Span<byte> mask)
    {
        ArgumentNullException.ThrowIfNull(frame);
        SegmenterChecks.MaskSize(frame, mask);
        mask.Clear();
        if (!box.HasPositiveSize) return;
        int w = frame.Width, h = frame.Height;
        ReadOnlySpan<byte> rgb = frame.Pixels;
        if (frame.Format == PixelFormat.Gray8)
        {
            if (_rgb.Length != w * h * 3) _rgb = new byte[w * h * 3];
            ImageOps.GrayToRgb(frame.Pixels, _rgb);
            rgb = _rgb;
        }

        // Encoder input.
        int newW, newH;
        long[] imageShape;
        if (Family == OnnxSegmenterFamily.Sam)
        {
            double scale = _size * 1.0 / Math.Max(w, h);
            newW = (int)(w * scale + 0.5);
            newH = (int)(h * scale + 0.5);
            Resize(rgb, w, h, newW, newH);
            if (_encoderHwc)
            {
                Ensure(ref _image, newW * newH * 3);
                for (int i = 0; i < newW * newH * 3; i++) _image[i] = _resized[i];
                imageShape = [newH, newW, 3];
            }
            else
            {
                Ensure(ref _image, 3 * _size * _size);
                Array.Clear(_image);
                Planar(newW, newH, _size, SamMean, SamStd, 1f);
                imageShape = [1, 3, _size, _size];
            }
            _coords[0] = (float)(box.X * newW / w);
            _coords[1] = (float)(box.Y * newH / h);
            _coords[2] = (float)((box.X + box.W) * newW / w);
            _coords[3] = (float)((box.Y + box.H) * newH / h);
        }
        else
        {
            newW = newH = _size;
            Resize(rgb, w, h, _size, _size);
            Ensure(ref _image, 3 * _size * _size);
            Planar(_size, _size, _size, Sam2Mean, Sam2Std, 1f / 255);
            imageShape = [1, 3, _size, _size];
            _coords[0] = (float)(box.X / w * _size);
            _coords[1] = (float)(box.Y / h * _size);
            _coords[2] = (float)((box.X + box.W) / w * _size);
            _coords[3] = (float)((box.Y + box.H) / h * _size);
        }
        _origSize[0] = h;
        _origSize[1] = w;

        using var image = OrtValue.CreateTensorValueFromMemory(_image, imageShape);
        using var embeddings = _encoder.Run(_run, [_encoderInput], [image], _encoderOutputs);
        using var coords = OrtValue.CreateTensorValueFromMemory(_coords, [1, 2, 2]);
        using var labels = OrtValue.CreateTensorValueFromMemory(_labels, [1, 2]);
        using var maskInput = OrtValue.CreateTensorValueFromMemory(_maskInput, [1, 1, _maskInputSize, _maskInputSize]);
        using var hasMask = OrtValue.CreateTensorValueFromMemory(_hasMask, [1]);
        using var origSize = OrtValue.CreateTensorValueFromMemory(_origSize, [2]);
        var e = embeddings.ToArray();
        OrtValue[] inputs = Family == OnnxSegmenterFamily.Sam
            ? [e[0], coords, labels, maskInput, hasMask, origSize]
            : [e[0], e[1], e[2], coords, labels, maskInput, hasMask];
        using var outputs = _decoder.Run(_run, _decoderInputs, inputs, _decoderOutputs);
        var o = outputs.ToArray();
        var shape = o[0].GetTensorTypeAndShape().Shape;
        if (shape.Length != 4 || shape[1] < 1)
            throw new ReasonTrackException($"{_options.DecoderPath}: output '{_decoderOutputs[0]}' has shape [{string.Join(",", shape)}], expected [1,K,h,w]");
        int k = (int)shape[1], lh = (int)shape[2], lw = (int)shape[3];
        int best = 0;
        if (k > 1)
        {
            var iou = o[1].GetTensorDataAsSpan<float>();
            for (int i = 1; i < Math.Min(k, iou.Length); i++) if (iou[i] > iou[best]) best = i;
        }
        var logits = o[0].GetTensorDataAsSpan<float>().Slice(best * lh * lw, lh * lw);
        bool full = _decoderOutputs[0] == "masks" && Family == OnnxSegmenterFamily.Sam;
        if (full)
        {
            if (lh != h || lw != w)
                throw new ReasonTrackException($"{_options.DecoderPath}: 'masks' is {lw}x{lh} for a {w}x{h} frame (and the export has no low_res_masks)");
            for (int i = 0; i < mask.Length; i++) mask[i] = logits[i] > _options.MaskThreshold ? (byte)1 : (byte)0;
            return;
        }
        // The low-resolution grid covers the encoder's input: the resized image (SAM v1: its top-left newW x newH of the
        // padded square) maps onto extentX x extentY low-resolution pixels.
        double extentX = Family == OnnxSegmenterFamily.Sam ? newW * (double)lw / _size : lw;
        double extentY = Family == OnnxSegmenterFamily.Sam ? newH * (double)lh / _size : lh;
        Sample(logits, lw, lh, extentX, extentY, w, h, mask);
    }

    private static void Ensure<T>(ref T[] buffer, int length)
    {
        if (buffer.Length != length) buffer = new T[length];
    }

    private void Resize(ReadOnlySpan<byte> rgb, int w, int h, int newW, int newH)
    {
        Ensure(ref _resized, newW * newH * 3);
        ImageOps.ResizeLinearOpenCv(rgb, w, h, 3, _resized, newW, newH);
    }

    /// <summary>The resized image (newW x newH, interleaved) into the planar tensor of side <paramref name="side"/>, normalized.</summary>
    private void Planar(int newW, int newH, int side, float[] mean, float[] std, float scale)
    {
        int plane = side * side;
        for (int y = 0; y < newH; y++)
        {
            int src = y * newW * 3, dst = y * side;
            for (int x = 0; x < newW; x++, src += 3)
                for (int c = 0; c < 3; c++)
                    _image[c * plane + dst + x] = (_resized[src + c] * scale - mean[c]) / std[c];
        }
    }

    /// <summary>Bilinear samples of the logits at every frame pixel, thresholded (half-pixel centres, edges replicated).</summary>
    private void Sample(ReadOnlySpan<float> low, int lw, int lh, double extentX, double extentY, int w, int h, Span<byte> mask)
    {
        Taps(ref _x0, ref _wx, w, extentX / w, lw);
        Taps(ref _y0, ref _wy, h, extentY / h, lh);
        float t = _options.MaskThreshold;
        for (int y = 0; y < h; y++)
        {
            int y0 = _y0[y], y1 = Math.Min(y0 + 1, lh - 1);
            float fy = _wy[y];
            var r0 = low.Slice(y0 * lw, lw);
            var r1 = low.Slice(y1 * lw, lw);
            var m = mask.Slice(y * w, w);
            for (int x = 0; x < w; x++)
            {
                int x0 = _x0[x], x1 = Math.Min(x0 + 1, lw - 1);
                float fx = _wx[x];
                float top = r0[x0] + (r0[x1] - r0[x0]) * fx;
                float bottom = r1[x0] + (r1[x1] - r1[x0]) * fx;
                m[x] = top + (bottom - top) * fy > t ? (byte)1 : (byte)0;
            }
        }
    }

    private static void Taps(ref int[] index, ref float[] weight, int n, double ratio, int size)
    {
        Ensure(ref index, n);
        Ensure(ref weight, n);
        for (int i = 0; i < n; i++)
        {
            double s = Math.Clamp((i + 0.5) * ratio - 0.5, 0, size - 1);
            int i0 = (int)s;
            index[i] = i0;
            weight[i] = (float)(s - i0);
        }
    }

    public void Dispose()
    {
        _encoder?.Dispose();
        _decoder?.Dispose();
        _run.Dispose();
        _sessionOptions.Dispose();
    }
}
