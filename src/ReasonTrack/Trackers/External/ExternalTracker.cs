using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using ReasonTrack.Geometry;
using ReasonTrack.Media;

namespace ReasonTrack.Trackers.External;

/// <summary>
/// A tracker that runs in a child process and speaks the line protocol of docs/tracker-protocol.md over its
/// stdin/stdout (ours: ReasonTrack's bridge to the PyTorch trackers of the field, e.g. through
/// python/reasontrack_adapter.py). The child starts on the first <see cref="Initialize"/> (so creating a tracker to
/// check settings costs nothing) and stops on <see cref="Dispose"/>. Frames go on the pipe as raw pixels after a
/// one-line header, written straight from the frame's buffer. Every request has one reply within
/// <see cref="ExternalTrackerOptions.Timeout"/>; a child that exits, does not answer, or answers something else fails
/// with an <see cref="ExternalTrackerException"/> naming the request, the frame and the child's last stderr lines.
/// </summary>
public sealed class ExternalTracker : ITextTracker, ITrackerMessages, IMaskTracker
{
    private readonly ExternalTrackerOptions _options;
    private readonly IO.StderrTail _stderr;
    private Process? _process;
    private Stream? _stdin, _stdout;
    private byte[] _header = new byte[512];
    private byte[] _line = new byte[64 * 1024];
    private int _lineStart, _lineEnd;
    private ExternalTrackerException? _broken;
    private bool _textPending;
    private string? _text;
    private bool _closed;
    private ITimer? _watchdog;
    private int _timedOut;

    public ExternalTracker(ExternalTrackerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Command.Count == 0 || string.IsNullOrWhiteSpace(options.Command[0]))
            throw new InvalidSettingException("command", "an external tracker needs a command (the program that speaks the tracker protocol, and its arguments)");
        if (options.Timeout <= TimeSpan.Zero || options.StartupTimeout <= TimeSpan.Zero)
            throw new InvalidSettingException("timeout", "external tracker timeouts must be positive");
        _options = options;
        _stderr = new IO.StderrTail(options.StderrLines, maxLineChars: 400);
    }

    public string Name => "external";

    /// <summary>The name the child gave in its <c>hello</c> reply (null before it started or when it gave none).</summary>
    public string? ChildName { get; private set; }

    /// <summary>The mask of the last <c>update</c> reply, when the child sent one (null otherwise; written to results by <see cref="Segmentation.MaskRecorder"/>).</summary>
    public Geometry.Masks.Mask? LastMask { get; private set; }

    /// <summary>Milliseconds the child reported for its own work, summed over replies that carried <c>ms</c>.</summary>
    public double ChildMilliseconds { get; private set; }

    /// <summary>Lines the child has written to stderr so far.</summary>
    public long StderrLineCount => _stderr.TotalLines;

    /// <summary>The child's last stderr lines (bounded by <see cref="ExternalTrackerOptions.StderrLines"/>).</summary>
    public string StderrTail => _stderr.Text(TimeSpan.Zero);

    /// <summary>For the run's log: the child's last stderr lines, when it wrote any.</summary>
    public IReadOnlyList<string> Messages =>
        _stderr.TotalLines == 0 ? [] : [$"external tracker {_options.Display()} wrote {_stderr.TotalLines} stderr line(s); {_stderr.Describe(TimeSpan.Zero)}"];

    private bool _textSet;

    public void SetText(string? text)
    {
        _text = text;
        _textPending = true;
        _textSet = true;
    }

    public void Initialize(ImageFrame frame, Box box)
    {
        ArgumentNullException.ThrowIfNull(frame);
        ThrowIfBroken();
        // A second init re-initializes the running child on a new box (the reasoning session restarts the tracker on
        // a box the VLM found); it carries the description in force, so the child never loses its text.
        if (_process is null) Start();
        LastMask = null;
        bool hasText = _textPending || _textSet;
        _textPending = false;
        EnsureHeader(hasText ? _text : null);
        int n = ExternalProtocol.Frame(_header, "init"u8, frame, box, hasText, _text);
        var reply = Call("init", frame.Index, n, frame.Data.AsMemory(0, frame.Height * frame.Stride), _options.Timeout);
        if (!reply.Ok && !reply.HasBox) Fail($"replied to init of frame {frame.Index + 1} without \"ok\": true", null);
    }

    public TrackResult Update(ImageFrame frame)
    {
        ArgumentNullException.ThrowIfNull(frame);
        ThrowIfBroken();
        if (_process is null) throw new InvalidOperationException("Update before Initialize");
        if (_textPending)
        {
            _textPending = false;
            EnsureHeader(_text);
            int t = ExternalProtocol.Text(_header, _text);
            var ack = Call("text", frame.Index, t, ReadOnlyMemory<byte>.Empty, _options.Timeout);
            if (!ack.Ok) Fail($"replied to text before frame {frame.Index + 1} without \"ok\": true", null);
        }
        int n = ExternalProtocol.Frame(_header, "update"u8, frame, null, false, null);
        var r = Call("update", frame.Index, n, frame.Data.AsMemory(0, frame.Height * frame.Stride), _options.Timeout);
        if (!r.HasBox) Fail($"replied to update of frame {frame.Index + 1} without a \"box\"", null);
        if (r.Mask is { } m && (m.Width != frame.Width || m.Height != frame.Height))
            Fail($"sent a {m.Width}x{m.Height} mask for the {frame.Width}x{frame.Height} frame {frame.Index + 1}", null);
        LastMask = r.Mask;
        var box = new Box(r.X, r.Y, r.W, r.H);
        return new TrackResult(box, r.HasScore ? r.Score : 1, r.HasFound ? r.Found : box.HasPositiveSize);
    }

    private void Start()
    {
        var (program, arguments) = _options.StartLine();
        var psi = new ProcessStartInfo(program)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = _options.WorkingDirectory ?? "",
            StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (var a in arguments) psi.ArgumentList.Add(a);
        // Python children: unbuffered stderr so that their last words reach us before they die.
        psi.Environment["PYTHONUNBUFFERED"] = "1";
        try
        {
            _process = Process.Start(psi) ?? throw new ExternalTrackerException($"external tracker {_options.Display()} did not start", "");
        }
        catch (Exception e) when (e is Win32Exception or FileNotFoundException or DirectoryNotFoundException)
        {
            throw _broken = new ExternalTrackerException(
                $"external tracker {_options.Display()} cannot be started: {e.Message} (check the options Command, Interpreter and WorkingDirectory)", "", e);
        }
        _stderr.Attach(_process);
        _stdin = _process.StandardInput.BaseStream;
        _stdout = _process.StandardOutput.BaseStream;
        int n = ExternalProtocol.Hello(_header);
        var hello = Call("hello", -1, n, ReadOnlyMemory<byte>.Empty, _options.StartupTimeout);
        if (hello.Version != ExternalProtocol.Version)
            Fail($"speaks protocol version {(hello.Version == 0 ? "(none given)" : hello.Version.ToString(CultureInfo.InvariantCulture))}; this ReasonTrack speaks version {ExternalProtocol.Version}", null);
        ChildName = hello.Name;
    }

    private void EnsureHeader(string? text)
    {
        int need = ExternalProtocol.HeaderCapacity(text);
        if (_header.Length < need) _header = new byte[need];
    }

    private ExternalReply Call(string what, int frameIndex, int headerLength, ReadOnlyMemory<byte> payload, TimeSpan timeout)
    {
        // Synchronous pipe I/O under a watchdog on the injected clock: when it fires it stops the child, which unblocks
        // the write or read in progress (no task, no allocation per call).
        Volatile.Write(ref _timedOut, 0);
        _watchdog ??= _options.TimeProvider.CreateTimer(static state => ((ExternalTracker)state!).OnTimeout(), this, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        _watchdog.Change(timeout, Timeout.InfiniteTimeSpan);
        int length = -1;
        Exception? failure = null;
        try
        {
            length = Exchange(headerLength, payload.Span);
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException or InvalidDataException)
        {
            failure = e;
        }
        finally
        {
            _watchdog.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        }
        string where = frameIndex < 0 ? what : what == "text" ? $"text before frame {frameIndex + 1}" : $"{what} of frame {frameIndex + 1}";
        if (Volatile.Read(ref _timedOut) != 0)
        {
            string seconds = timeout.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture);
            Fail($"did not answer {where} within {seconds} s (option {(what == "hello" ? "StartupTimeout" : "Timeout")}) and was stopped", null);
        }
        if (failure is InvalidDataException)
            Fail($"replied garbage to {where}: a line longer than {ExternalProtocol.MaxLineBytes >> 20} MB without a newline", null);
        if (failure is not null) Died(where, failure);
        var line = _line.AsSpan(_lineStart, length);
        _lineStart += length + 1;
        string? why = ExternalProtocol.Parse(line, out var reply);
        if (why is not null) Fail($"replied garbage to {where}: {why}: {Quote(line)}", null);
        if (reply.Error is { } err) Fail($"reported an error in {where}: {err}", null);
        ChildMilliseconds += reply.Milliseconds;
        return reply;
    }

    private void OnTimeout()
    {
        Volatile.Write(ref _timedOut, 1);
        Kill();
    }

    /// <summary>Writes the header and the payload, then reads one reply line; returns its length (it starts at <see cref="_lineStart"/>).</summary>
    private int Exchange(int headerLength, ReadOnlySpan<byte> payload)
    {
        var stdin = _stdin!;
        stdin.Write(_header, 0, headerLength);
        if (!payload.IsEmpty) stdin.Write(payload);
        stdin.Flush();
        while (true)
        {
            int nl = _line.AsSpan(_lineStart, _lineEnd - _lineStart).IndexOf((byte)'\n');
            if (nl >= 0) return nl;
            if (_lineStart > 0)
            {
                _line.AsSpan(_lineStart, _lineEnd - _lineStart).CopyTo(_line);
                (_lineEnd, _lineStart) = (_lineEnd - _lineStart, 0);
            }
            if (_lineEnd == _line.Length)
            {
                if (_line.Length >= ExternalProtocol.MaxLineBytes) throw new InvalidDataException("reply line too long");
                Array.Resize(ref _line, Math.Min(_line.Length * 2, ExternalProtocol.MaxLineBytes));
            }
            int got = _stdout!.Read(_line.AsSpan(_lineEnd));
            if (got == 0) throw new EndOfStreamException();
            _lineEnd += got;
        }
    }

    private static string Quote(ReadOnlySpan<byte> line)
    {
        string s = Encoding.UTF8.GetString(line[..Math.Min(line.Length, 200)]);
        return "'" + s + (line.Length > 200 ? "...'" : "'");
    }

    [System.Diagnostics.CodeAnalysis.DoesNotReturn]
    private void Died(string where, Exception e)
    {
        var p = _process!;
        string code = p.WaitForExit(2000) ? $"exited with code {p.ExitCode}" : "closed its pipes";
        Kill();
        Fail($"{code} during {where}", e);
    }

    [System.Diagnostics.CodeAnalysis.DoesNotReturn]
    private void Fail(string what, Exception? inner)
    {
        if (_process is not null && !_process.HasExited) Kill();
        string tail = _stderr.Text(TimeSpan.FromSeconds(2));
        throw _broken = new ExternalTrackerException($"external tracker {_options.Display()} {what}; {_stderr.Describe(TimeSpan.Zero)}", tail, inner);
    }

    private void ThrowIfBroken()
    {
        if (_broken is not null) throw new ExternalTrackerException(_broken.Message, _broken.StderrTail, _broken);
    }

    private void Kill()
    {
        try
        {
            if (_process is { HasExited: false } p) p.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException) { }
        catch (Win32Exception) { }
    }

    /// <summary>Sends <c>close</c> (when the child is healthy), waits for it to exit, and stops it otherwise.</summary>
    public void Dispose()
    {
        if (_closed) return;
        _closed = true;
        var p = _process;
        if (p is null) return;
        try
        {
            if (_broken is null && !p.HasExited)
            {
                try
                {
                    int n = ExternalProtocol.Close(_header);
                    Call("close", -1, n, ReadOnlyMemory<byte>.Empty, _options.Timeout);
                    try { _stdin?.Dispose(); } catch (IOException) { }
                    if (!p.WaitForExit(5000)) Kill();
                }
                catch (ExternalTrackerException) { }
            }
        }
        finally
        {
            Kill();
            p.WaitForExit(2000);
            p.Dispose();
            _watchdog?.Dispose();
        }
    }
}
