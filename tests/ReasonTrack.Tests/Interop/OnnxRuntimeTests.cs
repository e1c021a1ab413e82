using System.Runtime.InteropServices;
using ReasonTrack.Interop.OnnxRuntime;

namespace ReasonTrack.Tests.Interop;

public sealed class OnnxRuntimeTests
{
    [Fact]
    public void LoadsTheLibraryAndReportsItsVersion()
    {
        using var env = OrtTestSupport.RequireEnvironment();
        env.RuntimeVersion.ShouldMatch(@"^1\.\d+\.\d+");
        env.ApiVersion.ShouldBeInRange(10u, 23u);
        TestContext.Current.TestOutputHelper?.WriteLine($"ONNX Runtime {env.RuntimeVersion}, API {env.ApiVersion}, {env.LibraryPath}");
    }

    [Fact]
    public void StatusSlotsOfTheApiTableAreTheRightFunctions()
    {
        // A wrong slot index would call an unrelated function; CreateStatus -> GetErrorCode/GetErrorMessage ->
        // ReleaseStatus only round-trips when slots 0, 1, 2 and 93 are what the binding thinks they are.
        using var env = OrtTestSupport.RequireEnvironment();
        var (code, message) = env.Api.StatusRoundTrip(7, "round trip 42");
        code.ShouldBe(7);
        message.ShouldBe("round trip 42");
    }

    [Fact]
    public void RunsAModelIntoPreallocatedOutputs()
    {
        // The head of v2: two feature maps in, logits and box distances out, written into our pinned buffers.
        string dir = SharedData.Require("models/nanotrack/v2");
        using var env = OrtTestSupport.RequireEnvironment();
        using var head = env.CreateSession(Path.Combine(dir, "nanotrack_head_sim.onnx"));
        head.InputNames.ShouldBe(["input1", "input2"]);
        head.OutputNames.ShouldBe(["output1", "output2"]);
        using var z = env.CreateTensor(1, 48, 8, 8);
        using var x = env.CreateTensor(1, 48, 16, 16);
        using var cls = env.CreateTensor(1, 2, 16, 16);
        using var loc = env.CreateTensor(1, 4, 16, 16);
        var rng = new Random(1);
        foreach (ref float v in z.Span) v = (float)rng.NextDouble();
        foreach (ref float v in x.Span) v = (float)rng.NextDouble();
        cls.Span.Fill(float.NaN);

        head.Run([z, x], [cls, loc]);

        // The same run through ORT-allocated outputs must give the same numbers: the buffers were really written.
        var reference = head.RunToArrays([z, x]);
        reference[0].Shape.ShouldBe([1L, 2, 16, 16]);
        cls.Data.ShouldBe(reference[0].Data);
        loc.Data.ShouldBe(reference[1].Data);
        cls.Data.ShouldAllBe(v => float.IsFinite(v));
    }

    [Fact]
    public void WrongInputShapeGivesOrtsMessage()
    {
        string dir = SharedData.Require("models/nanotrack/v2");
        using var env = OrtTestSupport.RequireEnvironment();
        using var head = env.CreateSession(Path.Combine(dir, "nanotrack_head_sim.onnx"));
        using var z = env.CreateTensor(1, 48, 8, 8);
        using var bad = env.CreateTensor(1, 5, 16, 16);
        var e = Should.Throw<OnnxRuntimeException>(() => head.RunToArrays([z, bad]));
        e.Message.ShouldContain("nanotrack_head_sim.onnx");
        e.Message.ShouldContain("input2");
    }

    [Fact]
    public void MissingLibraryPathSaysHowToInstall()
    {
        string missing = Path.Combine(Path.GetTempPath(), "reasontrack-no-such-dir", "libonnxruntime.so.1");
        var e = Should.Throw<OnnxRuntimeException>(() => OrtEnvironment.Create(missing));
        e.Message.ShouldContain(missing);
        e.Message.ShouldContain("setup.sh");
        e.Message.ShouldContain("install-onnxruntime.sh");
        e.Message.ShouldContain("no such file");
    }

    [Fact]
    public void AFileThatIsNotALibraryIsRejected()
    {
        string path = Path.Combine(Path.GetTempPath(), $"reasontrack-fake-{Guid.NewGuid():N}.so");
        File.WriteAllText(path, "not an ELF file");
        try
        {
            var e = Should.Throw<OnnxRuntimeException>(() => OrtEnvironment.Create(path));
            e.Message.ShouldContain(path);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void CorruptModelFileIsNamedInTheError()
    {
        using var env = OrtTestSupport.RequireEnvironment();
        string path = Path.Combine(Path.GetTempPath(), $"reasontrack-corrupt-{Guid.NewGuid():N}.onnx");
        // Valid protobuf framing (a ModelProto with ir_version 7 and an empty graph) would load; these bytes are a
        // truncated length-delimited field, which no protobuf parser accepts.
        File.WriteAllBytes(path, [0x08, 0x07, 0x3A, 0x50, 0x0A, 0x01]);
        try
        {
            var e = Should.Throw<OnnxRuntimeException>(() => env.CreateSession(path));
            e.Message.ShouldContain(path);
            e.Message.ShouldStartWith("cannot load ONNX model");
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void MissingModelFileIsNamedInTheError()
    {
        using var env = OrtTestSupport.RequireEnvironment();
        string path = Path.Combine(Path.GetTempPath(), "reasontrack-no-such-model.onnx");
        var e = Should.Throw<OnnxRuntimeException>(() => env.CreateSession(path));
        e.Message.ShouldContain(path);
    }
}
