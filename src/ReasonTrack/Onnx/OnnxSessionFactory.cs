using System.Reflection;
using System.Runtime.InteropServices;
using Microsoft.ML.OnnxRuntime;

namespace ReasonTrack.Onnx;

/// <summary>
/// The one place where ReasonTrack makes ONNX Runtime sessions (official <c>Microsoft.ML.OnnxRuntime</c> package):
/// threads, optimization level and device from <see cref="OnnxSessionOptions"/>, ONNX Runtime's log at error level,
/// and errors as <see cref="OnnxException"/>s naming the model. Any ONNX model of the library (NanoTrack, segmenters)
/// gets its sessions here, so every one of them honours a <c>device</c> setting the same way.
/// </summary>
/// <remarks>
/// CUDA is opt-in and never silently replaced by the CPU: a CUDA request on a CPU build, or where the CUDA libraries or
/// the device are missing, throws <see cref="OnnxDeviceUnavailableException"/> saying which. The CUDA execution
/// provider comes only with the GPU build (<c>dotnet build -p:OnnxRuntimeFlavor=gpu</c>, package
/// <c>Microsoft.ML.OnnxRuntime.Gpu.Linux</c>); the CUDA 13 runtime libraries and cuDNN 9 are the user's to install.
/// ONNX Runtime may still place single operators that CUDA lacks on the CPU inside a CUDA session (its normal graph
/// partitioning); that is not a substitution of the device.
/// </remarks>
public static class OnnxSessionFactory
{
    /// <summary>ONNX Runtime's name of its CUDA execution provider.</summary>
    public const string CudaProvider = "CUDAExecutionProvider";

    private static readonly Lazy<OrtEnv> Env = new(CreateEnvironment, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The ONNX Runtime package this assembly was built against: <c>cpu</c> or <c>gpu</c> (build property <c>OnnxRuntimeFlavor</c>).</summary>
    public static string BuildFlavor { get; } =
        typeof(OnnxSessionFactory).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().FirstOrDefault(a => a.Key == "OnnxRuntimeFlavor")?.Value ?? "cpu";

    /// <summary>The NuGet package of <see cref="BuildFlavor"/>.</summary>
    public static string PackageName => PackageOf(BuildFlavor);

    /// <summary>The native library's version, e.g. <c>1.32.0</c>.</summary>
    /// <exception cref="OnnxException">The native library cannot be loaded.</exception>
    public static string RuntimeVersion => Environment().GetVersionString();

    /// <summary>The execution providers this ONNX Runtime was built with (the CPU package: only the CPU's).</summary>
    public static IReadOnlyList<string> AvailableProviders => Environment().GetAvailableProviders();

    /// <summary>Creates a session from a model file (read into memory; the file is never written).</summary>
    /// <exception cref="OnnxException">The file is missing, unreadable or not a model ONNX Runtime loads (the message names it).</exception>
    /// <exception cref="OnnxDeviceUnavailableException">The options ask for a CUDA device that cannot be used.</exception>
    public static InferenceSession Create(string modelPath, OnnxSessionOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(modelPath);
        return Create(ReadModel(modelPath), modelPath, options);
    }

    /// <summary>
    /// Creates a session from model bytes (e.g. a graph patched in memory by <see cref="OnnxModelPatcher"/>);
    /// <paramref name="origin"/> names the model in messages, usually its file path.
    /// </summary>
    public static InferenceSession Create(byte[] model, string origin, OnnxSessionOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(origin);
        options ??= new OnnxSessionOptions();
        if (options.IntraOpThreads < 0 || options.InterOpThreads < 0)
            throw new ArgumentOutOfRangeException(nameof(options), "thread counts must be >= 0");
        var env = Environment();
        using var so = new SessionOptions
        {
            IntraOpNumThreads = options.IntraOpThreads,
            InterOpNumThreads = options.InterOpThreads,
            ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
            GraphOptimizationLevel = options.OptimizationLevel,
            LogSeverityLevel = OrtLoggingLevel.ORT_LOGGING_LEVEL_ERROR,
        };
        var device = options.Device;
        if (device.Kind == OnnxDeviceKind.Cuda)
        {
            if (CudaUnavailable(device, BuildFlavor, env.GetAvailableProviders()) is { } missing) throw missing;
            try
            {
                so.AppendExecutionProvider_CUDA(device.Index);
            }
            catch (OnnxRuntimeException e)
            {
                throw CudaFailure(device, e.Message, e);
            }
        }
        try
        {
            return new InferenceSession(model, so);
        }
        catch (OnnxRuntimeException e) when (device.Kind == OnnxDeviceKind.Cuda && LooksLikeCuda(e.Message))
        {
            throw CudaFailure(device, e.Message, e);
        }
        catch (OnnxRuntimeException e)
        {
            throw new OnnxException($"cannot load ONNX model {origin}: {e.Message}", e);
        }
    }

    /// <summary>
    /// The error for a CUDA request that cannot even be tried, or null: on a CPU build (or any ONNX Runtime without
    /// the CUDA provider) it names the build flavour and the package to build against.
    /// </summary>
    internal static OnnxDeviceUnavailableException? CudaUnavailable(OnnxDevice device, string flavor, IReadOnlyList<string> providers)
    {
        if (providers.Contains(CudaProvider)) return null;
        return new OnnxDeviceUnavailableException(device, OnnxMissingComponent.GpuBuild,
            $"device {device} was asked for, but this build uses the CPU-only ONNX Runtime package ({PackageOf(flavor)}, build property " +
            $"OnnxRuntimeFlavor={flavor}; its execution providers: {string.Join(", ", providers)}). Build with OnnxRuntimeFlavor=gpu " +
            $"({PackageOf("gpu")}) and install the CUDA 13 runtime libraries and cuDNN 9. Nothing was run on the CPU instead.");
    }

    /// <summary>
    /// The error for a CUDA provider that ONNX Runtime could not start, from its message: a library that does not
    /// load (libcudart, libcublasLt, libcudnn...) is <see cref="OnnxMissingComponent.CudaLibraries"/>, anything else
    /// (no driver, no such device ordinal) <see cref="OnnxMissingComponent.CudaDevice"/>.
    /// </summary>
    internal static OnnxDeviceUnavailableException CudaFailure(OnnxDevice device, string ortMessage, Exception? inner = null)
    {
        bool library = ortMessage.Contains(".so", StringComparison.Ordinal) || ortMessage.Contains("shared object", StringComparison.OrdinalIgnoreCase)
                       || ortMessage.Contains("Failed to load library", StringComparison.OrdinalIgnoreCase) || ortMessage.Contains(".dll", StringComparison.Ordinal);
        return library
            ? new OnnxDeviceUnavailableException(device, OnnxMissingComponent.CudaLibraries,
                $"device {device}: ONNX Runtime's CUDA execution provider could not load the CUDA libraries it needs ({ortMessage.Trim()}). " +
                "Install the CUDA 13 runtime libraries (cudart, cublas, cublasLt, cufft, curand) and cuDNN 9 where the loader finds them " +
                "(LD_LIBRARY_PATH). Nothing was run on the CPU instead.", inner)
            : new OnnxDeviceUnavailableException(device, OnnxMissingComponent.CudaDevice,
                $"device {device}: ONNX Runtime's CUDA execution provider could not use the device ({ortMessage.Trim()}). " +
                "Check the NVIDIA driver and the device number (nvidia-smi; CUDA_VISIBLE_DEVICES renumbers devices). Nothing was run on the CPU instead.", inner);
    }

    private static bool LooksLikeCuda(string message) =>
        message.Contains("CUDA", StringComparison.OrdinalIgnoreCase) || message.Contains("cudnn", StringComparison.OrdinalIgnoreCase)
        || message.Contains("cublas", StringComparison.OrdinalIgnoreCase);

    private static string PackageOf(string flavor) => flavor == "gpu" ? "Microsoft.ML.OnnxRuntime.Gpu.Linux" : "Microsoft.ML.OnnxRuntime";

    /// <summary>The process's ONNX Runtime environment (created once, logging errors only).</summary>
    /// <exception cref="OnnxException">The native library cannot be loaded.</exception>
    internal static OrtEnv Environment()
    {
        try
        {
            return Env.Value;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException or TypeInitializationException or BadImageFormatException)
        {
            throw new OnnxException(
                $"ONNX Runtime's native library (from the {PackageName} package) could not be loaded on {RuntimeInformation.RuntimeIdentifier}: " +
                $"{(e.InnerException ?? e).Message}. The build copies it beside the application; rebuild, and check that the package supports this platform.", e);
        }
    }

    private static OrtEnv CreateEnvironment()
    {
        if (!OrtEnv.IsCreated)
        {
            // ORT's warnings (e.g. about initializers listed as graph inputs in older ONNX files) are noise for a
            // command-line tool; errors still reach the caller as exceptions with ORT's message.
            var options = new EnvironmentCreationOptions { logId = "reasontrack", logLevel = OrtLoggingLevel.ORT_LOGGING_LEVEL_ERROR };
            try
            {
                return OrtEnv.CreateInstanceWithOptions(ref options);
            }
            catch (OnnxRuntimeException) when (OrtEnv.IsCreated)
            {
                // another component created the environment first: use it
            }
        }
        return OrtEnv.Instance();
    }

    private static byte[] ReadModel(string path)
    {
        try
        {
            return File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new OnnxException($"cannot read ONNX model {path}: {e.Message}", e);
        }
    }
}
