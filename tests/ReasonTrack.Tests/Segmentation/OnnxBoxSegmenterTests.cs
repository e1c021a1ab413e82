using ReasonTrack.Geometry;
using ReasonTrack.Media;
using ReasonTrack.Segmentation;

namespace ReasonTrack.Tests.Segmentation;

/// <summary>
/// Issue 16 item 2: the SAM-family ONNX slot end to end on graphs built here with the exports' names, shapes and types
/// (<see cref="SamTestModels"/>): encoder, decoder, box prompt, low-resolution logits back at the frame's pixels. The
/// expected masks follow by hand from the graphs' rule (cells of 4 encoder pixels inside the box) and the documented
/// pre-processing: a 512 x 384 frame is resized to 1024 x 768 (SAM v1, padded) or 1024 x 1024 (SAM 2), so each frame
/// pixel is 2 encoder pixels wide and the box edges chosen fall on cell edges: the mask is the box's pixels exactly.
/// </summary>
public sealed class OnnxBoxSegmenterTests : IDisposable
{
    private const int W = 512, H = 384;
    private readonly string _dir = Directory.CreateTempSubdirectory("rt-sam-").FullName;

    public void Dispose() => Directory.Delete(_dir, true);

    private static ImageFrame Uniform(byte v, PixelFormat format = PixelFormat.Rgb24)
    {
        var f = new ImageFrame(W, H, format);
        f.Pixels.Fill(v);
        return f;
    }

    private static byte[] Expected(int x0, int y0, int x1, int y1)
    {
        var m = new byte[W * H];
        for (int y = y0; y < y1; y++)
            for (int x = x0; x < x1; x++) m[y * W + x] = 1;
        return m;
    }

    private static byte[] Run(ISegmenter s, ImageFrame f, Box box)
    {
        var m = new byte[W * H];
        m.AsSpan().Fill(7);
        s.Segment(f, box, m);
        return m;
    }

    [Fact]
    public void A_sam_v1_export_segments_the_box_on_a_bright_frame_and_nothing_on_a_dark_one()
    {
        using var s = new OnnxBoxSegmenter(new OnnxSegmenterOptions
        {
            EncoderPath = SamTestModels.SamEncoder(Path.Combine(_dir, "enc.onnx")),
            DecoderPath = SamTestModels.SamDecoder(Path.Combine(_dir, "dec.onnx"), W, H),
        });
        s.Family.ShouldBe(OnnxSegmenterFamily.Sam);
        s.InputSize.ShouldBe(1024);
        // Box [50, 150) x [40, 120): encoder pixels [100, 300) x [80, 240), cells 25..74 x 20..59.
        Run(s, Uniform(200), new Box(50, 40, 100, 80)).ShouldBe(Expected(50, 40, 150, 120));
        // Gray frames are repeated to three channels.
        Run(s, Uniform(200, PixelFormat.Gray8), new Box(50, 40, 100, 80)).ShouldBe(Expected(50, 40, 150, 120));
        // A dark frame normalizes below zero: the graph's gate closes (the embeddings really reached the decoder).
        Run(s, Uniform(20), new Box(50, 40, 100, 80)).ShouldAllBe(v => v == 0);
        // No box, no mask.
        Run(s, Uniform(200), Box.NaN).ShouldAllBe(v => v == 0);
    }

    [Fact]
    public void A_sam2_export_keeps_the_mask_with_the_best_iou_prediction()
    {
        using var s = new OnnxBoxSegmenter(new OnnxSegmenterOptions
        {
            EncoderPath = SamTestModels.Sam2Encoder(Path.Combine(_dir, "enc2.onnx")),
            DecoderPath = SamTestModels.Sam2Decoder(Path.Combine(_dir, "dec2.onnx")),
        });
        s.Family.ShouldBe(OnnxSegmenterFamily.Sam2);
        // 512 x 384 -> 1024 x 1024: x scales by 2, y by 8/3. Box [50, 150) x [48, 144) -> [100, 300) x [128, 384):
        // cells 25..74 x 32..95, whose edges fall back on frame pixels 50, 150 and 48, 144. Mask 2 of 3 (iou 0.9) is the box.
        Run(s, Uniform(200), new Box(50, 48, 100, 96)).ShouldBe(Expected(50, 48, 150, 144));
        Run(s, Uniform(20), new Box(50, 48, 100, 96)).ShouldAllBe(v => v == 0);
    }

    [Fact]
    public void A_decoder_of_another_family_is_refused_naming_the_inputs_it_expects()
    {
        var e = Should.Throw<ReasonTrackException>(() => new OnnxBoxSegmenter(new OnnxSegmenterOptions
        {
            EncoderPath = SamTestModels.SamEncoder(Path.Combine(_dir, "enc.onnx")),
            DecoderPath = SamTestModels.OtherDecoder(Path.Combine(_dir, "other.onnx")),
        }));
        e.Message.ShouldContain("other.onnx");
        e.Message.ShouldContain("batched_point_coords");
        e.Message.ShouldContain("image_embeddings, point_coords, point_labels, mask_input, has_mask_input, orig_im_size");
        File.WriteAllText(Path.Combine(_dir, "junk.onnx"), "not a model");
        Should.Throw<ReasonTrackException>(() => new OnnxBoxSegmenter(new OnnxSegmenterOptions
        {
            EncoderPath = Path.Combine(_dir, "junk.onnx"),
            DecoderPath = Path.Combine(_dir, "junk.onnx"),
        })).Message.ShouldContain("junk.onnx: ONNX Runtime cannot load it");
    }
}
