using System.Diagnostics;
using System.Globalization;
using ReasonTrack.IO;

namespace ReasonTrack.Media;

/// <summary>
/// Writes frames to a video file (mp4 by default; the container follows the extension) by piping raw pixels to
/// ffmpeg's stdin. H.264 (libx264) when the ffmpeg build has it, else MPEG-4 part 2; always <c>yuv420p</c> so that
/// browsers and players open it, which needs even sizes: an odd width or height is padded by one black pixel column
/// or row rather than scaled, so pixels stay where the boxes say. The size and pixel format are fixed by the first
/// frame. ffmpeg writes to a temporary file beside the target that replaces it only when encoding succeeded, so a
/// failed run never leaves a half-written video under the real name. Errors (ffmpeg's stderr tail) surface as
/// <see cref="MediaException"/> from <see cref="Write"/> or <see cref="Dispose"/>.
/// </summary>
public sealed class FfmpegVideoSink : IFrameSink
{
    private readonly string _ffmpeg;
    private readonly string _tmp;
    private readonly StderrTail _tail = new();
    private Process? _process;
    private Stream? _stdin;
    private byte[]? _scratch;
    private bool _finished;

    /// <param name="path">The video to create (overwritten if present).</param>
    /// <param name="fps">Frame rate written into the file.</param>
    /// <param name="ffmpegPath">ffmpeg executable; null uses REASONTRACK_FFMPEG or PATH.</param>
    /// <param name="crf">Quality for H.264 (lower is better, 18-23 is visually good).</param>
    public FfmpegVideoSink(string path, double fps = 30, string? ffmpegPath = null, int crf = 20)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (!(fps > 0 && fps <= 1000)) throw new ArgumentOutOfRangeException(nameof(fps), $"fps must be in (0, 1000], got {fps}");
        OutputPath = Path.GetFullPath(path);
        Fps = fps;
        Crf = crf;
        _ffmpeg = Ffmpeg.Locate(ffmpegPath);
        string dir = Path.GetDirectoryName(OutputPath)!;
        Directory.CreateDirectory(dir);
        string ext = Path.GetExtension(OutputPath);
        if (ext.Length == 0) ext = ".mp4";
        _tmp = Path.Combine(dir, $".{Path.GetFileNameWithoutExtension(OutputPath)}.{Guid.NewGuid():N}.tmp{ext}");
    }

    /// <summary>The video file being written.</summary>
    public string OutputPath { get; }

    public double Fps { get; }
    public int Crf { get; }

    /// <summary>The encoder used (libx264 or mpeg4), known after the first frame.</summary>
    public string? Encoder { get; private set; }

    public int FramesWritten { get; private set; }
    public int Width { get; private set; }
    public int Height { get; private set; }
    public PixelFormat Format { get; private set; }

    public void Write(ImageFrame frame)
    {
        ArgumentNullException.ThrowIfNull(frame);
        ObjectDisposedException.ThrowIf(_finished, this);
        if (_process is null) Start(frame);
        if (frame.Width != Width || frame.Height != Height)
            throw new ArgumentException($"frame {frame.Index} is {frame.Width}x{frame.Height}, the video is {Width}x{Height}", nameof(frame));
        ReadOnlySpan<byte> data = frame.Pixels;
        if (frame.Format != Format)
        {
            // The pipe carries one pixel format; convert the odd frame rather than fail a long render.
            _scratch ??= new byte[Width * Height * ImageFrame.ChannelsOf(Format)];
            if (Format == PixelFormat.Gray8) ImageOps.RgbToGray(frame.Pixels, _scratch);
            else ImageOps.GrayToRgb(frame.Pixels, _scratch);
            data = _scratch;
        }
        try
        {
            _stdin!.Write(data);
        }
        catch (IOException e)
        {
            Fail();
            throw new MediaException(OutputPath, $"ffmpeg stopped accepting frames after {FramesWritten}{_tail.Suffix()}", e);
        }
        FramesWritten++;
    }

    private void Start(ImageFrame first)
    {
        Width = first.Width;
        Height = first.Height;
        Format = first.Format;
        Encoder = Ffmpeg.HasEncoder(_ffmpeg, "libx264") ? "libx264" : "mpeg4";
        var args = new List<string>
        {
            "-hide_banner", "-nostats", "-loglevel", "error", "-y",
            "-f", "rawvideo", "-pix_fmt", Format == PixelFormat.Gray8 ? "gray" : "rgb24",
            "-s", $"{Width}x{Height}", "-r", Fps.ToString("R", CultureInfo.InvariantCulture), "-i", "pipe:0",
            "-vf", "pad=ceil(iw/2)*2:ceil(ih/2)*2", "-c:v", Encoder,
        };
        if (Encoder == "libx264") args.AddRange(["-preset", "veryfast", "-crf", Crf.ToString(CultureInfo.InvariantCulture)]);
        else args.AddRange(["-q:v", "3"]);
        args.AddRange(["-pix_fmt", "yuv420p", "-movflags", "+faststart", _tmp]);
        _process = Ffmpeg.Start(_ffmpeg, args, redirectStdin: true, _tail);
        _stdin = _process.StandardInput.BaseStream;
    }

    private void Fail()
    {
        _finished = true;
        if (_process is not null) Ffmpeg.TryKill(_process);
        TryDelete(_tmp);
    }

    /// <summary>Finishes the video: closes the pipe, waits for ffmpeg and moves the file into place.</summary>
    /// <exception cref="MediaException">ffmpeg failed; the message ends with its stderr.</exception>
    public void Dispose()
    {
        if (_finished) return;
        _finished = true;
        if (_process is null) return; // no frames, no file
        using var p = _process;
        try { _stdin!.Close(); }
        catch (IOException) { /* ffmpeg already gone: the exit code below says why */ }
        p.WaitForExit();
        if (p.ExitCode != 0)
        {
            TryDelete(_tmp);
            throw new MediaException(OutputPath, $"ffmpeg failed to write the video (exit code {p.ExitCode}){_tail.Suffix()}");
        }
        File.Move(_tmp, OutputPath, overwrite: true);
    }

    private static void TryDelete(string path)
    {
        try { File.Delete(path); }
        catch (IOException) { /* best effort */ }
        catch (UnauthorizedAccessException) { /* best effort */ }
    }
}
