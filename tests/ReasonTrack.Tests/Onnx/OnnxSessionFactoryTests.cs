using Microsoft.ML.OnnxRuntime;
using ReasonTrack.Onnx;

namespace ReasonTrack.Tests.Onnx;

public sealed class OnnxSessionFactoryTests
{
    [Fact]
    public void TheRuntimeIsTheOfficialPackagesVersion()
    {
        // The version is the package's (Microsoft.ML.OnnxRuntime 1.32.0, pinned in ReasonTrack.csproj), not a library
        // found on the machine.
        OnnxSessionFactory.RuntimeVersion.ShouldBe("1.32.0");
        OnnxSessionFactory.AvailableProviders.ShouldContain("CPUExecutionProvider");
        OnnxSessionFactory.BuildFlavor.ShouldBeOneOf("cpu", "gpu");
    }

    [Fact]
    public void CudaOnTheCpuBuildIsOneErrorNamingTheFlavourAndNoSessionIsMade()
    {
        if (OnnxSessionFactory.BuildFlavor != "cpu") Assert.Skip("this test is about the CPU build; this build is " + OnnxSessionFactory.BuildFlavor);
        OnnxSessionFactory.AvailableProviders.ShouldNotContain(OnnxSessionFactory.CudaProvider);
        string dir = SharedData.Require("models/nanotrack/v2");
        var e = Should.Throw<OnnxDeviceUnavailableException>(() =>
            OnnxSessionFactory.Create(Path.Combine(dir, "nanotrack_head_sim.onnx"), new OnnxSessionOptions { Device = OnnxDevice.Cuda(1) }));
        e.Missing.ShouldBe(OnnxMissingComponent.GpuBuild);
        e.Message.ShouldContain("cuda:1");
        e.Message.ShouldContain("OnnxRuntimeFlavor=cpu");
        e.Message.ShouldContain("Microsoft.ML.OnnxRuntime.Gpu.Linux");
        e.Message.ShouldContain("Nothing was run on the CPU instead");
    }

    [Fact]
    public void AGpuBuildWithoutTheCudaLibrariesNamesTheLibraryThatIsMissing()
    {
        // What ONNX Runtime 1.32's GPU package reports when libonnxruntime_providers_cuda.so cannot load its
        // dependencies (the text of its provider-bridge error); this machine has no GPU build, so the classification
        // is checked on the message itself.
        const string ort = "/onnxruntime_src/onnxruntime/core/session/provider_bridge_ort.cc:1778 onnxruntime::Provider& " +
                           "onnxruntime::ProviderLibrary::Get() [ONNXRuntimeError] : 1 : FAIL : Failed to load library " +
                           "libonnxruntime_providers_cuda.so with error: libcublasLt.so.13: cannot open shared object file: No such file or directory";
        OnnxSessionFactory.CudaUnavailable(OnnxDevice.Cuda(0), "gpu", ["CUDAExecutionProvider", "CPUExecutionProvider"]).ShouldBeNull();
        var e = OnnxSessionFactory.CudaFailure(OnnxDevice.Cuda(0), ort);
        e.Missing.ShouldBe(OnnxMissingComponent.CudaLibraries);
        e.Message.ShouldContain("libcublasLt.so.13");
        e.Message.ShouldContain("CUDA 13");
        e.Message.ShouldContain("cuDNN 9");
        e.Message.ShouldContain("Nothing was run on the CPU instead");

        var device = OnnxSessionFactory.CudaFailure(OnnxDevice.Cuda(3), "CUDA failure 101: invalid device ordinal ; GPU=3");
        device.Missing.ShouldBe(OnnxMissingComponent.CudaDevice);
        device.Message.ShouldContain("cuda:3");
        device.Message.ShouldContain("invalid device ordinal");
    }

    [Fact]
    public void AnOrtWithoutTheCudaProviderIsReportedAsTheBuild()
    {
        var e = OnnxSessionFactory.CudaUnavailable(OnnxDevice.Cuda(0), "cpu", ["CPUExecutionProvider"]);
        e.ShouldNotBeNull();
        e.Missing.ShouldBe(OnnxMissingComponent.GpuBuild);
        e.Message.ShouldContain("CPUExecutionProvider");
        e.Message.ShouldContain("OnnxRuntimeFlavor=gpu");
    }

    [Fact]
    public void BoundRunsWriteIntoThePreallocatedOutputs()
    {
        // The head of v2: two feature maps in, logits and box distances out, written into our pinned buffers.
        string path = Path.Combine(SharedData.Require("models/nanotrack/v2"), "nanotrack_head_sim.onnx");
        using var head = OnnxSessionFactory.Create(path);
        head.InputNames.ShouldBe(["input1", "input2"]);
        head.OutputNames.ShouldBe(["output1", "output2"]);
        using var z = new OnnxTensor(1, 48, 8, 8);
        using var x = new OnnxTensor(1, 48, 16, 16);
        using var cls = new OnnxTensor(1, 2, 16, 16);
        using var loc = new OnnxTensor(1, 4, 16, 16);
        var rng = new Random(1);
        foreach (ref float v in z.Span) v = (float)rng.NextDouble();
        foreach (ref float v in x.Span) v = (float)rng.NextDouble();
        cls.Span.Fill(float.NaN);
        var inputs = new Dictionary<string, OnnxTensor> { ["input1"] = z, ["input2"] = x };
        using var binding = new OnnxBinding(head, path, inputs, new Dictionary<string, OnnxTensor> { ["output1"] = cls, ["output2"] = loc });

        binding.Run();

        // The same run through ORT-allocated outputs must give the same numbers: the buffers were really written.
        var reference = OnnxBinding.RunToArrays(head, path, inputs);
        reference[0].Shape.ShouldBe([1L, 2, 16, 16]);
        cls.Data.ShouldBe(reference[0].Data);
        loc.Data.ShouldBe(reference[1].Data);
        cls.Data.ShouldAllBe(v => float.IsFinite(v));

        // New input values in the same buffers are seen by the next run (the binding holds the buffers, not copies).
        x.Span.Clear();
        binding.Run();
        cls.Data.ShouldBe(OnnxBinding.RunToArrays(head, path, inputs)[0].Data);
        cls.Data.ShouldNotBe(reference[0].Data);
    }

    [Fact]
    public void WrongInputShapeGivesOrtsMessageWithTheModel()
    {
        string path = Path.Combine(SharedData.Require("models/nanotrack/v2"), "nanotrack_head_sim.onnx");
        using var head = OnnxSessionFactory.Create(path);
        using var z = new OnnxTensor(1, 48, 8, 8);
        using var bad = new OnnxTensor(1, 5, 16, 16);
        var e = Should.Throw<OnnxException>(() => OnnxBinding.RunToArrays(head, path, new Dictionary<string, OnnxTensor> { ["input1"] = z, ["input2"] = bad }));
        e.Message.ShouldContain("nanotrack_head_sim.onnx");
        e.Message.ShouldContain("input2");
        e.InnerException.ShouldBeOfType<OnnxRuntimeException>();
    }

    [Fact]
    public void UnboundOrUnknownNamesAreRejectedBeforeRunning()
    {
        string path = Path.Combine(SharedData.Require("models/nanotrack/v2"), "nanotrack_head_sim.onnx");
        using var head = OnnxSessionFactory.Create(path);
        using var z = new OnnxTensor(1, 48, 8, 8);
        Should.Throw<ArgumentException>(() => new OnnxBinding(head, path, new Dictionary<string, OnnxTensor> { ["input1"] = z }, new Dictionary<string, OnnxTensor>()))
            .Message.ShouldContain("'input2' is not bound");
        Should.Throw<ArgumentException>(() => new OnnxBinding(head, path, new Dictionary<string, OnnxTensor> { ["input1"] = z, ["input2"] = z, ["x"] = z }, new Dictionary<string, OnnxTensor>()))
            .Message.ShouldContain("no input named 'x'");
    }

    [Fact]
    public void CorruptModelFileIsNamedInTheError()
    {
        string path = Path.Combine(Path.GetTempPath(), $"reasontrack-corrupt-{Guid.NewGuid():N}.onnx");
        // Valid protobuf framing (a ModelProto with ir_version 7 and an empty graph) would load; these bytes are a
        // truncated length-delimited field, which no protobuf parser accepts.
        File.WriteAllBytes(path, [0x08, 0x07, 0x3A, 0x50, 0x0A, 0x01]);
        try
        {
            var e = Should.Throw<OnnxException>(() => OnnxSessionFactory.Create(path));
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
        string path = Path.Combine(Path.GetTempPath(), "reasontrack-no-such-model.onnx");
        var e = Should.Throw<OnnxException>(() => OnnxSessionFactory.Create(path));
        e.Message.ShouldContain(path);
        e.Message.ShouldStartWith("cannot read ONNX model");
    }

    [Theory]
    [InlineData("cpu", "cpu")]
    [InlineData("cuda", "cuda:0")]
    [InlineData("cuda:7", "cuda:7")]
    [InlineData("Cuda:2", "cuda:2")]
    public void DevicesParseAndPrint(string text, string printed)
    {
        OnnxDevice.TryParse(text, out var d).ShouldBeTrue();
        d.ToString().ShouldBe(printed);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("gpu")]
    [InlineData("cuda0")]
    [InlineData("cuda:+1")]
    [InlineData("cuda: 1")]
    [InlineData("cpu:0")]
    public void BadDevicesDoNotParse(string? text) => OnnxDevice.TryParse(text, out _).ShouldBeFalse();
}
