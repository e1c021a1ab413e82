namespace ReasonTrack.Interop.OnnxRuntime;

/// <summary>
/// A loaded ONNX Runtime and its <c>OrtEnv</c>: the factory of sessions and tensors. Dispose it after the sessions
/// and tensors it made; the native environment is released only once the last of its sessions is gone, since ORT
/// requires the environment to outlive its sessions.
/// </summary>
public sealed unsafe class OrtEnvironment : IDisposable
{
    // ORT_LOGGING_LEVEL_ERROR: ORT's warnings (e.g. about initializers listed as graph inputs in older ONNX files)
    // are noise for a command-line tool; errors still reach the caller as exceptions with ORT's message.
    private const int LogLevelError = 3;
    private const int OrtArenaAllocator = 1;
    private const int OrtMemTypeDefault = 0;

    private readonly Lock _gate = new();
    private nint _env;
    private nint _cpuMemory;
    private int _sessions;
    private bool _disposed;

    private OrtEnvironment(OrtApiTable api)
    {
        Api = api;
        nint env = 0, memory = 0;
        fixed (byte* logId = "reasontrack"u8)
            api.Check(api.CreateEnv(LogLevelError, logId, &env), "CreateEnv");
        try
        {
            api.Check(api.CreateCpuMemoryInfo(OrtArenaAllocator, OrtMemTypeDefault, &memory), "CreateCpuMemoryInfo");
        }
        catch
        {
            api.ReleaseEnv(env);
            throw;
        }
        _env = env;
        _cpuMemory = memory;
    }

    /// <summary>
    /// Loads ONNX Runtime (see <see cref="OnnxRuntimeLibrary"/> for the search: explicit path, then
    /// <c>REASONTRACK_ORT_LIB</c>, then the system) and creates an
    /// environment.
    /// </summary>
    /// <exception cref="OnnxRuntimeException">The library is missing or unusable (the message says how to install it and where it looked).</exception>
    public static OrtEnvironment Create(string? libraryPath = null) => new(OnnxRuntimeLibrary.Load(libraryPath));

    /// <summary>The library's version string, e.g. <c>1.23.2</c>.</summary>
    public string RuntimeVersion => Api.RuntimeVersion;

    /// <summary>The C API version in use.</summary>
    public uint ApiVersion => Api.ApiVersion;

    /// <summary>The library file (or system name) that was loaded.</summary>
    public string LibraryPath => Api.LibraryPath;

    internal OrtApiTable Api { get; }

    internal nint CpuMemory => _cpuMemory;

    /// <summary>Creates a session from a model file (read into memory; the file is never written).</summary>
    /// <exception cref="OnnxRuntimeException">The file is missing, unreadable or not a valid model (the message names it).</exception>
    public OrtSession CreateSession(string modelPath, OrtSessionSettings? settings = null)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(modelPath);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new OnnxRuntimeException($"cannot read ONNX model {modelPath}: {e.Message}", OrtErrorCode.NoSuchFile, e);
        }
        return CreateSession(bytes, modelPath, settings);
    }

    /// <summary>
    /// Creates a session from model bytes (e.g. a graph patched in memory by <see cref="OnnxModelPatcher"/>).
    /// <paramref name="origin"/> names the model in error messages, usually its file path.
    /// </summary>
    public OrtSession CreateSession(ReadOnlySpan<byte> model, string origin, OrtSessionSettings? settings = null)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        settings ??= new OrtSessionSettings();
        if (settings.IntraOpThreads < 0 || settings.InterOpThreads < 0)
            throw new ArgumentOutOfRangeException(nameof(settings), "thread counts must be >= 0");
        nint options = 0, session = 0;
        var api = Api;
        api.Check(api.CreateSessionOptions(&options), "CreateSessionOptions");
        try
        {
            api.Check(api.SetIntraOpNumThreads(options, settings.IntraOpThreads), "SetIntraOpNumThreads");
            api.Check(api.SetInterOpNumThreads(options, settings.InterOpThreads), "SetInterOpNumThreads");
            api.Check(api.SetSessionExecutionMode(options, 0), "SetSessionExecutionMode");
            api.Check(api.SetSessionGraphOptimizationLevel(options, (int)settings.OptimizationLevel), "SetSessionGraphOptimizationLevel");
            fixed (byte* data = model)
            {
                nint status = api.CreateSessionFromArray(_env, data, (nuint)model.Length, options, &session);
                try
                {
                    api.Check(status, "loading the model");
                }
                catch (OnnxRuntimeException e)
                {
                    throw new OnnxRuntimeException($"cannot load ONNX model {origin}: {e.Message}", e.ErrorCode, e);
                }
            }
        }
        finally
        {
            api.ReleaseSessionOptions(options);
        }
        lock (_gate) _sessions++;
        try
        {
            return new OrtSession(this, session, origin);
        }
        catch
        {
            api.ReleaseSession(session);
            SessionReleased();
            throw;
        }
    }

    /// <summary>
    /// A float32 tensor of <paramref name="shape"/> over a pinned managed buffer: fill <see cref="OrtTensor.Span"/>
    /// and pass the tensor to <see cref="OrtSession.Run"/> as often as needed, without copies.
    /// </summary>
    public OrtTensor CreateTensor(params ReadOnlySpan<long> shape)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        return new OrtTensor(this, shape);
    }

    internal void SessionReleased()
    {
        lock (_gate)
        {
            _sessions--;
            ReleaseIfDone();
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _disposed = true;
            ReleaseIfDone();
        }
    }

    private void ReleaseIfDone()
    {
        if (!_disposed || _sessions > 0 || _env == 0) return;
        Api.ReleaseMemoryInfo(_cpuMemory);
        Api.ReleaseEnv(_env);
        _cpuMemory = 0;
        _env = 0;
    }
}
