using ReasonTrack.Onnx;

namespace ReasonTrack.Tests.Onnx;

public sealed class OnnxModelPatcherTests
{
    /// <summary>
    /// The real backbone files declare 1x3x255x255; after the patch the same bytes must load and accept both the 127
    /// template and the 255 search crop. Expected feature sizes follow from the network, not from our output: the
    /// backbone has total stride 16 with valid borders at the end (seed-facts 8: 127 -> 8x8, 255 -> 16x16), and the
    /// channel counts are those seed-facts 8 gives (48 for v1/v2, 96 for v3).
    /// </summary>
    [Theory]
    [InlineData("v1", "nanotrack_backbone_sim.onnx", 48)]
    [InlineData("v2", "nanotrack_backbone_sim.onnx", 48)]
    [InlineData("v3", "nanotrack_backbone.onnx", 96)]
    public void PatchedBackboneRunsTemplateAndSearchSizes(string version, string file, int channels)
    {
        string path = Path.Combine(SharedData.Require("models/nanotrack/" + version), file);
        byte[] original = File.ReadAllBytes(path);

        byte[] patched = OnnxModelPatcher.MakeSpatialInputsSymbolic(original, path, out var inputs);

        inputs.ShouldBe(["input"]);
        using var session = OnnxSessionFactory.Create(patched, path);
        session.InputNames.ShouldBe(["input"]);
        foreach (var (size, feature) in new[] { (127, 8), (255, 16) })
        {
            using var x = new OnnxTensor(1, 3, size, size);
            x.Span.Fill(100f);
            var outputs = OnnxBinding.RunToArrays(session, path, new Dictionary<string, OnnxTensor> { ["input"] = x });
            outputs.Count.ShouldBe(1);
            outputs[0].Shape.ShouldBe([1L, channels, feature, feature], $"{version} backbone on {size}x{size}");
            outputs[0].Data.ShouldAllBe(v => float.IsFinite(v));
        }
    }

    [Fact]
    public void UnpatchedBackboneRejectsTheTemplateSize()
    {
        // Why the patch exists: the official runtime (Microsoft.ML.OnnxRuntime 1.32.0) still enforces the declared
        // 255x255 input, on ORT-allocated outputs and on bound ones alike.
        string path = Path.Combine(SharedData.Require("models/nanotrack/v2"), "nanotrack_backbone_sim.onnx");
        using var session = OnnxSessionFactory.Create(path);
        using var x = new OnnxTensor(1, 3, 127, 127);
        var inputs = new Dictionary<string, OnnxTensor> { ["input"] = x };
        var e = Should.Throw<OnnxException>(() => OnnxBinding.RunToArrays(session, path, inputs));
        e.Message.ShouldContain(path);
        e.Message.ShouldContain("input");
        using var features = new OnnxTensor(1, 48, 8, 8);
        using var bound = new OnnxBinding(session, path, inputs, new Dictionary<string, OnnxTensor> { [session.OutputNames[0]] = features });
        Should.Throw<OnnxException>(bound.Run).Message.ShouldContain(path);
    }

    [Fact]
    public void PatchLeavesEverythingElseByteForByte()
    {
        // Outside graph.input/output/value_info, the patched model holds exactly the original fields (nodes,
        // weights, opsets), in order; value_info is gone; patching twice changes nothing more.
        string path = Path.Combine(SharedData.Require("models/nanotrack/v2"), "nanotrack_backbone_sim.onnx");
        byte[] original = File.ReadAllBytes(path);
        byte[] once = OnnxModelPatcher.MakeSpatialInputsSymbolic(original, path, out var first);
        byte[] twice = OnnxModelPatcher.MakeSpatialInputsSymbolic(once, path, out var second);
        first.Count.ShouldBe(1);
        second.ShouldBeEmpty();
        twice.ShouldBe(once);

        var (modelBefore, graphBefore) = Fields(original);
        var (modelAfter, graphAfter) = Fields(once);
        modelAfter.ShouldBe(modelBefore);
        graphBefore.Count(f => f.Number == 13).ShouldBeGreaterThan(0, "the file has value_info, so the drop is exercised");
        graphAfter.Count(f => f.Number == 13).ShouldBe(0);
        graphAfter.Where(f => f.Number is not (11 or 12)).Select(f => f.Hex)
            .ShouldBe(graphBefore.Where(f => f.Number is not (11 or 12 or 13)).Select(f => f.Hex));
        graphAfter.Count(f => f.Number == 11).ShouldBe(graphBefore.Count(f => f.Number == 11));
        graphAfter.Count(f => f.Number == 12).ShouldBe(graphBefore.Count(f => f.Number == 12));
    }

    /// <summary>Top-level fields except the graph, and the graph's fields, each as (number, raw bytes in hex).</summary>
    private static (List<(int Number, string Hex)> Model, List<(int Number, string Hex)> Graph) Fields(byte[] model)
    {
        var top = new List<(int, string)>();
        var graph = new List<(int, string)>();
        int pos = 0;
        while (pos < model.Length)
        {
            var f = ProtoWire.Read(model, ref pos);
            if (f.Number != 7)
            {
                top.Add((f.Number, Convert.ToHexString(f.Raw)));
                continue;
            }
            var g = f.Payload;
            int gp = 0;
            while (gp < g.Length)
            {
                var gf = ProtoWire.Read(g, ref gp);
                graph.Add((gf.Number, Convert.ToHexString(gf.Raw)));
            }
        }
        return (top, graph);
    }

    [Fact]
    public void GarbageIsReportedWithTheFileName()
    {
        byte[] junk = "this is not an onnx model at all"u8.ToArray();
        var e = Should.Throw<OnnxException>(() => OnnxModelPatcher.MakeSpatialInputsSymbolic(junk, "/x/broken.onnx", out _));
        e.Message.ShouldContain("/x/broken.onnx");
    }
}
