namespace ReasonTrack.Tests.Segmentation;

/// <summary>
/// Small stand-ins for the SAM-family exports, with their input and output names, shapes and types
/// (segment-anything's SamOnnxModel decoder, samexporter's SAM 2 encoder and decoder). Their arithmetic is ours and
/// checkable by hand: the encoders average 16x16 (4x4, 8x8) cells of the normalized image; the decoders put logit +1
/// on the low-resolution cells (4 x 4 encoder pixels each, centres at 4j + 2) whose centre lies inside the box given
/// as two corner points, -1 elsewhere; and only when the labels are exactly [2, 3], no mask input is given, the
/// embeddings' mean is positive (a bright image) and (SAM v1) orig_im_size is [H, W] of the test frame. Anything else
/// gives an empty mask (or an ONNX Runtime error, e.g. a third point).
/// </summary>
internal static class SamTestModels
{
    private static float[] Centres() => Enumerable.Range(0, 256).Select(j => 4f * j + 2).ToArray();

    private static string Pool(OnnxTestGraph g, string x, long k) =>
        g.Node("AveragePool", [x], null, ("kernel_shape", new[] { k, k }), ("strides", new[] { k, k }));

    private static string Feature(OnnxTestGraph g, string image, long k, long channels, long side, string name)
    {
        var mean = g.Node("ReduceMean", [Pool(g, image, k)], null, ("axes", new long[] { 1 }), ("keepdims", 1L));
        g.Node("Expand", [mean, g.Constant(new long[] { 1, channels, side, side }, 4)], name);
        g.Output(name, OnnxTestGraph.Float, 1, channels, side, side);
        return name;
    }

    private static string Positive(OnnxTestGraph g, string x) =>
        g.Node("Greater", [g.Node("ReduceMean", [x], null, ("keepdims", 0L)), g.Scalar(0)]);

    private static string AllEqual(OnnxTestGraph g, string x, float[] values, long[] dims) =>
        g.Node("Greater", [g.Node("ReduceMin", [g.Node("Cast", [g.Node("Equal", [x, g.Constant(values, dims)])], null, ("to", (long)OnnxTestGraph.Float))], null, ("keepdims", 0L)), g.Scalar(0.5f)]);

    /// <summary>The box-inside logits [1,1,256,256] gated by <paramref name="ok"/>, from point_coords [1,2,2].</summary>
    private static string BoxLogits(OnnxTestGraph g, string coords, string ok)
    {
        var flat = g.Node("Reshape", [coords, g.Constant(new long[] { -1 }, 1)]);
        string C(long i) => g.Node("Gather", [flat, g.ScalarIndex(i)], null, ("axis", 0L));
        string x0 = C(0), y0 = C(1), x1 = C(2), y1 = C(3);
        var cx = g.Constant(Centres(), 1, 1, 1, 256);
        var cy = g.Constant(Centres(), 1, 1, 256, 1);
        var inX = g.Node("And", [g.Node("GreaterOrEqual", [cx, x0]), g.Node("Less", [cx, x1])]);
        var inY = g.Node("And", [g.Node("GreaterOrEqual", [cy, y0]), g.Node("Less", [cy, y1])]);
        var inside = g.Node("And", [g.Node("And", [inX, inY]), ok]);
        return g.Node("Where", [inside, g.Scalar(1), g.Scalar(-1)]);
    }

    /// <summary>SAM v1 encoder, NCHW: input_image [1,3,1024,1024] -> image_embeddings [1,256,64,64].</summary>
    public static string SamEncoder(string path)
    {
        var g = new OnnxTestGraph();
        var x = g.Input("input_image", OnnxTestGraph.Float, 1, 3, 1024, 1024);
        Feature(g, x, 16, 256, 64, "image_embeddings");
        return g.Save(path);
    }

    /// <summary>SAM v1 decoder (SamOnnxModel's names); the test frame is <paramref name="width"/> x <paramref name="height"/>.</summary>
    public static string SamDecoder(string path, int width, int height)
    {
        var g = new OnnxTestGraph();
        var emb = g.Input("image_embeddings", OnnxTestGraph.Float, 1, 256, 64, 64);
        var coords = g.Input("point_coords", OnnxTestGraph.Float, 1, -1, 2);
        var labels = g.Input("point_labels", OnnxTestGraph.Float, 1, -1);
        g.Input("mask_input", OnnxTestGraph.Float, 1, 1, 256, 256);
        var has = g.Input("has_mask_input", OnnxTestGraph.Float, 1);
        var size = g.Input("orig_im_size", OnnxTestGraph.Float, 2);
        var ok = g.Node("And", [
            g.Node("And", [AllEqual(g, labels, [2, 3], [1, 2]), Positive(g, emb)]),
            g.Node("And", [AllEqual(g, has, [0], [1]), AllEqual(g, size, [height, width], [2])])]);
        g.Node("Identity", [BoxLogits(g, coords, ok)], "low_res_masks");
        g.Node("Identity", [g.Constant([0f], 1, 1, 1, 1)], "masks");
        g.Node("Identity", [g.Constant([0.8f], 1, 1)], "iou_predictions");
        g.Output("masks", OnnxTestGraph.Float, 1, 1, -1, -1);
        g.Output("iou_predictions", OnnxTestGraph.Float, 1, 1);
        g.Output("low_res_masks", OnnxTestGraph.Float, 1, 1, 256, 256);
        return g.Save(path);
    }

    /// <summary>SAM 2 encoder (samexporter's names): image -> high_res_feats_0, high_res_feats_1, image_embed.</summary>
    public static string Sam2Encoder(string path)
    {
        var g = new OnnxTestGraph();
        var x = g.Input("image", OnnxTestGraph.Float, 1, 3, 1024, 1024);
        Feature(g, x, 4, 32, 256, "high_res_feats_0");
        Feature(g, x, 8, 64, 128, "high_res_feats_1");
        Feature(g, x, 16, 256, 64, "image_embed");
        return g.Save(path);
    }

    /// <summary>SAM 2 decoder with three masks: [empty, box, everything] and iou_predictions [0.1, 0.9, 0.5].</summary>
    public static string Sam2Decoder(string path)
    {
        var g = new OnnxTestGraph();
        var emb = g.Input("image_embed", OnnxTestGraph.Float, 1, 256, 64, 64);
        var f0 = g.Input("high_res_feats_0", OnnxTestGraph.Float, 1, 32, 256, 256);
        var f1 = g.Input("high_res_feats_1", OnnxTestGraph.Float, 1, 64, 128, 128);
        var coords = g.Input("point_coords", OnnxTestGraph.Float, 1, -1, 2);
        var labels = g.Input("point_labels", OnnxTestGraph.Float, 1, -1);
        g.Input("mask_input", OnnxTestGraph.Float, 1, 1, 256, 256);
        var has = g.Input("has_mask_input", OnnxTestGraph.Float, 1);
        var ok = g.Node("And", [
            g.Node("And", [AllEqual(g, labels, [2, 3], [1, 2]), AllEqual(g, has, [0], [1])]),
            g.Node("And", [Positive(g, emb), g.Node("And", [Positive(g, f0), Positive(g, f1)])])]);
        var shape = g.Constant(new long[] { 1, 1, 256, 256 }, 4);
        var empty = g.Node("Expand", [g.Scalar(-1), shape]);
        var full = g.Node("Expand", [g.Scalar(1), shape]);
        g.Node("Concat", [empty, BoxLogits(g, coords, ok), full], "masks", ("axis", 1L));
        g.Node("Identity", [g.Constant([0.1f, 0.9f, 0.5f], 1, 3)], "iou_predictions");
        g.Output("masks", OnnxTestGraph.Float, 1, 3, 256, 256);
        g.Output("iou_predictions", OnnxTestGraph.Float, 1, 3);
        return g.Save(path);
    }

    /// <summary>A decoder of another family (EfficientSAM's names), which the segmenter must refuse by name.</summary>
    public static string OtherDecoder(string path)
    {
        var g = new OnnxTestGraph();
        var x = g.Input("batched_point_coords", OnnxTestGraph.Float, 1, 1, -1, 2);
        g.Node("Identity", [x], "output_masks");
        g.Output("output_masks", OnnxTestGraph.Float, 1, 1, -1, 2);
        return g.Save(path);
    }
}
