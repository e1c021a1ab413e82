using System.Buffers;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Runtime.ExceptionServices;
using System.Text.Json;
using ReasonTrack.Geometry;
using ReasonTrack.IO;

namespace ReasonTrack.Media;

/// <summary>
/// Decodes an image sequence or a video with an ffmpeg subprocess that writes raw frames to its stdout; no temporary
/// files. Decoding runs on background threads into a bounded queue of pooled frames, so memory stays flat however long
/// the sequence is: dispose every frame you receive.
/// <para>
/// Image sequences: the files are piped to ffmpeg's stdin (JPEG: <c>mpjpeg</c>, one part per file with its length; PNG/BMP: <c>image2pipe</c>) in the given order, one codec for the
/// stream chosen from the first readable file's signature. Before piping, each file's header is read here
/// (<see cref="ImageHeader"/>), which gives three guarantees:
/// </para>
/// <list type="bullet">
/// <item>A missing, unreadable or truncated file (no end-of-image marker), or a file of another format than the first,
/// is not sent to ffmpeg; its frame is delivered with <see cref="FrameStatus.Unreadable"/> carrying the previous frame's
/// pixels (black before the first good one) and a warning names the file. Frame numbering never shifts.</item>
/// <item>A frame of another size than the first readable one is resized by ffmpeg to the sequence size (bicubic) and a
/// warning names the frame and both sizes. Resizing rather than failing is deliberate: one odd frame in a 2,000-frame
/// sequence should not abort a tracking run, and since <see cref="IFrameSource.Size"/> is fixed the tracker's boxes
/// stay in one coordinate system; the warning tells the user the frame's annotations may not match.</item>
/// <item>If ffmpeg nevertheless decodes fewer frames than were sent (an image that looked complete but was not
/// decodable), the frames it did not produce are delivered Unreadable with a warning at the end.</item>
/// </list>
/// <para>
/// Videos: size and frame count come from ffprobe; frames are streamed as stored (<c>-noautorotate</c>, so sizes match
/// the container's). A truncated video ends the stream early with a warning naming how many frames were read.
/// </para>
/// </summary>
public sealed class FfmpegFrameSource : IFrameSource
{
    private readonly string[]? _images;
    private readonly string? _video;
    private readonly string _ffmpeg;
    private readonly FrameSourceOptions _options;
    private readonly ImageFileKind _kind;
    private readonly List<string> _warnings = [];

    private FfmpegFrameSource(string name, string[]? images, string? video, ImageSize size, int? count, ImageFileKind kind, string ffmpeg, FrameSourceOptions options)
    {
        Name = name;
        _images = images;
        _video = video;
        Size = size;
        FrameCount = count;
        _kind = kind;
        _ffmpeg = ffmpeg;
        _options = options;
        Pool = new FramePool(size.Width, size.Height, options.Format);
    }

    public string Name { get; }
    public ImageSize Size { get; }
    public int? FrameCount { get; }
    public PixelFormat Format => _options.Format;

    /// <summary>Where the frames' buffers come from; <see cref="FramePool.Allocated"/> shows how many were ever needed.</summary>
    public FramePool Pool { get; }

    public IReadOnlyList<string> Warnings
    {
        get { lock (_warnings) return _warnings.ToArray(); }
    }

    /// <summary>
    /// An image sequence in the given order. The size is the first readable image's; the name is
    /// <see cref="FrameSourceOptions.Name"/> or derived from the first image's folder.
    /// </summary>
    /// <exception cref="MediaException">The list is empty or no image in it can be read.</exception>
    /// <exception cref="FfmpegNotFoundException">ffmpeg is not installed.</exception>
    public static FfmpegFrameSource FromImages(IEnumerable<string> paths, FrameSourceOptions? options = null)
    {
        options ??= FrameSourceOptions.Default;
        ValidateOptions(options);
        string[] images = paths.ToArray();
        if (images.Length == 0) throw new MediaException(null, "the image sequence is empty (no .jpg/.jpeg/.png/.bmp files)");
        string ffmpeg = Ffmpeg.Locate(options.FfmpegPath);
        foreach (string path in images)
        {
            // The first image that can be read fixes the stream's size and codec; earlier ones will be delivered
            // Unreadable (and warned about) when the frames are read.
            byte[] bytes;
            try { bytes = File.ReadAllBytes(path); }
            catch (IOException) { continue; }
            catch (UnauthorizedAccessException) { continue; }
            if (!ImageHeader.TryRead(bytes, out var h) || ImageHeader.CompleteLength(bytes, h.Kind) < 0) continue;
            string name = options.Name ?? FrameSources.SequenceNameOfFolder(Path.GetDirectoryName(Path.GetFullPath(images[0]))!);
            return new FfmpegFrameSource(name, images, null, new ImageSize(h.Width, h.Height), images.Length, h.Kind, ffmpeg, options);
        }
        throw new MediaException(images[0], $"none of the {images.Length} images of the sequence could be read (missing, truncated or not JPEG/PNG/BMP)");
    }

    /// <summary>A video file (mp4, avi, webm, mkv, anything ffmpeg reads). Size and frame count come from ffprobe.</summary>
    /// <exception cref="MediaException">The file is missing or not a readable video.</exception>
    /// <exception cref="FfmpegNotFoundException">ffmpeg or ffprobe is not installed.</exception>
    public static FfmpegFrameSource FromVideo(string path, FrameSourceOptions? options = null)
    {
        options ??= FrameSourceOptions.Default;
        ValidateOptions(options);
        string full = Path.GetFullPath(path);
        if (!File.Exists(full)) throw new MediaException(full, "video file not found");
        string ffmpeg = Ffmpeg.Locate(options.FfmpegPath);
        string ffprobe = Ffmpeg.LocateProbe(ffmpeg);
        var (size, count) = Probe(ffprobe, full);
        return new FfmpegFrameSource(options.Name ?? Path.GetFileNameWithoutExtension(full), null, full, size, count, ImageFileKind.Unknown, ffmpeg, options);
    }

    private static void ValidateOptions(FrameSourceOptions options)
    {
        if (options.QueueCapacity < 1) throw new ArgumentOutOfRangeException(nameof(options), $"QueueCapacity must be at least 1, got {options.QueueCapacity}");
    }

    private static (ImageSize Size, int? Count) Probe(string ffprobe, string path)
    {
        var (code, stdout, stderr) = Ffmpeg.Run(ffprobe,
            ["-v", "error", "-select_streams", "v:0", "-show_entries", "stream=width,height,nb_frames,codec_name:format=format_name", "-of", "json", path],
            TimeSpan.FromMinutes(1));
        if (code != 0) throw new MediaException(path, $"not a readable video{(stderr.Length > 0 ? "; ffprobe said: " + stderr : "")}");
        // ffmpeg "plays" almost anything: a text file through the tty demuxer (rendered as ANSI art), subtitles,
        // metadata. Those are not videos; refuse them by the demuxer ffprobe chose and by the stream's codec.
        string format = FormatName(stdout);
        if (format.Split(',').Any(f => NotVideoFormats.Contains(f)))
            throw new MediaException(path, $"not an image or a video (ffmpeg reads it as '{format}'; text and subtitle files are refused)");
        var stream = FirstStream(stdout) ?? throw new MediaException(path, "has no video stream");
        if (stream.TryGetProperty("codec_name", out var cp) && cp.ValueKind == JsonValueKind.String && NotVideoCodecs.Contains(cp.GetString()!))
            throw new MediaException(path, $"not an image or a video (its only picture stream is '{cp.GetString()}', i.e. text)");
        int w = stream.TryGetProperty("width", out var wp) && wp.ValueKind == JsonValueKind.Number ? wp.GetInt32() : 0;
        int h = stream.TryGetProperty("height", out var hp) && hp.ValueKind == JsonValueKind.Number ? hp.GetInt32() : 0;
        if (w <= 0 || h <= 0) throw new MediaException(path, "the video stream has no frame size (unsupported codec?)");
        int? count = ParseCount(stream, "nb_frames");
        if (count is null)
        {
            // Matroska/WebM do not store a frame count; counting packets only demuxes (no decoding), so it is cheap.
            var (c2, out2, _) = Ffmpeg.Run(ffprobe,
                ["-v", "error", "-select_streams", "v:0", "-count_packets", "-show_entries", "stream=nb_read_packets", "-of", "json", path],
                TimeSpan.FromMinutes(5));
            if (c2 == 0 && FirstStream(out2) is { } s2) count = ParseCount(s2, "nb_read_packets");
        }
        return (new ImageSize(w, h), count);
    }

    /// <summary>Demuxers that turn non-video input into pictures (text, subtitles, metadata, lavfi graphs).</summary>
    private static readonly HashSet<string> NotVideoFormats = new(StringComparer.OrdinalIgnoreCase)
    {
        "tty", "ffmetadata", "lavfi", "srt", "ass", "webvtt", "subviewer", "subviewer1", "microdvd", "mpl2", "mpsub",
        "jacosub", "sami", "realtext", "pjs", "vplayer", "stl", "lrc", "aqtitle", "scc", "dvbsub", "dvbtxt", "sup",
    };

    private static readonly HashSet<string> NotVideoCodecs = new(StringComparer.OrdinalIgnoreCase) { "ansi", "text", "bintext", "xbin", "idf" };

    private static string FormatName(string json)
    {
        try
        {
            using var doc = JsonDocument.Parse(json.Length == 0 ? "{}" : json);
            return doc.RootElement.TryGetProperty("format", out var f) && f.TryGetProperty("format_name", out var n) && n.ValueKind == JsonValueKind.String
                ? n.GetString() ?? "" : "";
        }
        catch (JsonException)
        {
            return "";
        }
    }

    private static JsonElement? FirstStream(string json)
    {
        try
        {
            using var doc = JsonDocument.Parse(json.Length == 0 ? "{}" : json);
            if (doc.RootElement.TryGetProperty("streams", out var streams) && streams.ValueKind == JsonValueKind.Array && streams.GetArrayLength() > 0)
                return streams[0].Clone();
            return null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static int? ParseCount(JsonElement stream, string property)
    {
        if (!stream.TryGetProperty(property, out var p)) return null;
        string? s = p.ValueKind == JsonValueKind.String ? p.GetString() : p.ValueKind == JsonValueKind.Number ? p.GetRawText() : null;
        return int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out int n) && n > 0 ? n : null;
    }

    private void Warn(string message)
    {
        lock (_warnings) _warnings.Add(message);
    }

    private string PixFmt => _options.Format == PixelFormat.Gray8 ? "gray" : "rgb24";

    private int FrameBytes => Size.Width * Size.Height * ImageFrame.ChannelsOf(_options.Format);

    /// <inheritdoc />
    public IEnumerable<ImageFrame> ReadFrames(CancellationToken cancellation = default)
    {
        lock (_warnings) _warnings.Clear();
        return _images is not null ? Stream(cancellation, imageMode: true) : Stream(cancellation, imageMode: false);
    }

    private List<string> Arguments(bool imageMode)
    {
        var args = new List<string> { "-hide_banner", "-nostats", "-loglevel", "error" };
        string scaleFlags = "";
        if (imageMode)
        {
            string codec = _kind switch { ImageFileKind.Png => "png", ImageFileKind.Bmp => "bmp", _ => "mjpeg" };
            if (_options.BitExact)
            {
                // See FrameSourceOptions.BitExact; decoder options go before -i, swscale's in the scale filter.
                args.AddRange(["-flags", "+bitexact", "-idct", "simple"]);
                scaleFlags = ":flags=bicubic+accurate_rnd+bitexact";
            }
            // mpjpeg (multipart, one part per file with an explicit Content-Length) rather than image2pipe: image2pipe
            // finds frame boundaries by parsing the bytes, so damage that looks like a marker segment with a large
            // length (an APPn or SOS marker in the corrupt bytes) swallowed the following files and shifted every
            // later frame. With explicit framing each file is one packet whatever its bytes, so a damaged file can
            // only damage its own frame. Undamaged files decode to the same
            // bytes as before (same decoder, same flags; only the container changed). Throughput, Car4 (659 frames
            // 360x240, 2 shared cores, ffmpeg 5.1): image2pipe rgb24 634 frames/s, gray 1371 frames/s; mpjpeg
            // rgb24 748-1141, gray 1260-1969 (two runs; the machine is shared): no measurable cost, ~60 header bytes a file.
            // PNG parts through mpjpeg decode with a wrong geometry (ffmpeg 5.1), so PNG and BMP stay on image2pipe.
            args.AddRange(["-f", Framed ? "mpjpeg" : "image2pipe", "-c:v", codec, "-i", "pipe:0"]);
        }
        else
        {
            args.AddRange(["-nostdin", "-noautorotate", "-i", _video!]);
        }
        // scale= fixes the output size: ffmpeg reconfigures its filters when an image of another size arrives, and
        // without it the raw output would change size mid-stream. For same-size frames it only converts the pixel
        // format, exactly as an unfiltered decode does. passthrough: one output frame per decoded frame, no
        // duplicates or drops from frame-rate logic.
        args.AddRange(["-map", "0:v:0", "-vf", $"scale={Size.Width}:{Size.Height}{scaleFlags}", "-vsync", "passthrough",
            "-f", "rawvideo", "-pix_fmt", PixFmt, "pipe:1"]);
        return args;
    }

    private IEnumerable<ImageFrame> Stream(CancellationToken cancellation, bool imageMode)
    {
        var tail = new StderrTail();
        using var process = Ffmpeg.Start(_ffmpeg, Arguments(imageMode), redirectStdin: imageMode, tail);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        using var queue = new BlockingCollection<ImageFrame>(_options.QueueCapacity);
        using var plan = new BlockingCollection<PlanItem>(256);
        ExceptionDispatchInfo? failure = null;

        Thread? writer = null;
        if (imageMode)
        {
            writer = new Thread(() => WriteImages(process.StandardInput.BaseStream, plan, stop.Token)) { IsBackground = true, Name = "ffmpeg stdin " + Name };
            writer.Start();
        }
        var reader = new Thread(() =>
        {
            try
            {
                if (imageMode) ReadImageFrames(process, tail, plan, queue, stop.Token);
                else ReadVideoFrames(process, tail, queue, stop.Token);
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested) { /* the consumer stopped */ }
            catch (Exception e) { failure = ExceptionDispatchInfo.Capture(e); }
            finally { queue.CompleteAdding(); }
        }) { IsBackground = true, Name = "ffmpeg stdout " + Name };
        reader.Start();

        try
        {
            foreach (var frame in queue.GetConsumingEnumerable(cancellation)) yield return frame;
            failure?.Throw();
        }
        finally
        {
            // Early exit (break, exception, cancellation) or the end: stop ffmpeg and the threads, return queued buffers.
            stop.Cancel();
            Ffmpeg.TryKill(process);
            writer?.Join();
            reader.Join();
            while (queue.TryTake(out var left)) left.Dispose();
        }
    }

    private readonly record struct PlanItem(int Index, string Path, bool Sent, string? Message, bool Resized = false);

    /// <summary>Reads each image, checks it, and pipes the good ones to ffmpeg; tells the reader which were sent.</summary>
    private void WriteImages(Stream stdin, BlockingCollection<PlanItem> plan, CancellationToken stop)
    {
        bool ffmpegGone = false;
        try
        {
            for (int i = 0; i < _images!.Length; i++)
            {
                string path = _images[i];
                byte[]? buffer = null;
                try
                {
                    int length = ReadPooled(path, out buffer, out string? problem);
                    int send = 0;
                    string? note = null;
                    if (problem is null)
                    {
                        var data = buffer.AsSpan(0, length);
                        if (!ImageHeader.TryRead(data, out var h)) problem = "not a JPEG/PNG/BMP image, or its header is damaged";
                        else if (h.Kind != _kind) problem = $"is {h.Kind} while the sequence is {_kind} (one format per sequence)";
                        else if ((send = ImageHeader.CompleteLength(data, h.Kind)) < 0) problem = "truncated (no end-of-image marker)";
                        else if (h.Width != Size.Width || h.Height != Size.Height)
                            note = $"{path}: frame {i + 1} is {h.Width}x{h.Height} while the sequence is {Size}; resized to {Size}";
                    }
                    if (problem is null && ffmpegGone) problem = "not decoded: ffmpeg stopped before this frame";
                    bool sent = problem is null;
                    plan.Add(new PlanItem(i, path, sent, sent ? note : $"{path}: frame {i + 1} is unreadable ({problem}); previous frame repeated", Resized: note is not null), stop);
                    if (sent)
                    {
                        try
                        {
                            if (Framed) WritePartHeader(stdin, send);
                            stdin.Write(buffer!, 0, send);
                            if (Framed) stdin.Write(PartEnd);
                        }
                        catch (IOException) { ffmpegGone = true; } // the reader finds out from stdout and warns
                    }
                }
                finally
                {
                    if (buffer is not null) ArrayPool<byte>.Shared.Return(buffer);
                }
            }
        }
        catch (OperationCanceledException) { /* the consumer stopped */ }
        catch (ObjectDisposedException) { /* the process was torn down */ }
        finally
        {
            try { stdin.Close(); } catch (IOException) { } catch (ObjectDisposedException) { }
            try { plan.CompleteAdding(); } catch (ObjectDisposedException) { }
        }
    }

    /// <summary>JPEG sequences are piped as mpjpeg parts, each with its length (see <see cref="Arguments"/>).</summary>
    private bool Framed => _kind == ImageFileKind.Jpeg;

    private static ReadOnlySpan<byte> PartEnd => "\r\n"u8;

    /// <summary>The multipart header that frames one file for ffmpeg's mpjpeg demuxer (no allocation per frame).</summary>
    private static void WritePartHeader(Stream stdin, int length)
    {
        Span<byte> header = stackalloc byte[96];
        int n = 0;
        "--ffmpeg\r\nContent-Type: image/jpeg\r\nContent-Length: "u8.CopyTo(header);
        n += "--ffmpeg\r\nContent-Type: image/jpeg\r\nContent-Length: "u8.Length;
        length.TryFormat(header[n..], out int digits, default, CultureInfo.InvariantCulture);
        n += digits;
        "\r\n\r\n"u8.CopyTo(header[n..]);
        n += 4;
        stdin.Write(header[..n]);
    }

    /// <summary>The whole file in a pooled buffer (image files are read once per frame; no garbage per frame).</summary>
    private static int ReadPooled(string path, out byte[]? buffer, out string? problem)
    {
        buffer = null;
        problem = null;
        try
        {
            using var fs = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.SequentialScan);
            long length = fs.Length;
            if (length > int.MaxValue) { problem = "file too large"; return 0; }
            buffer = ArrayPool<byte>.Shared.Rent((int)Math.Max(1, length));
            int read = 0;
            while (read < length)
            {
                int n = fs.Read(buffer, read, (int)length - read);
                if (n == 0) break;
                read += n;
            }
            return read;
        }
        catch (FileNotFoundException) { problem = "file not found"; }
        catch (DirectoryNotFoundException) { problem = "file not found"; }
        catch (IOException e) { problem = "cannot read: " + e.Message; }
        catch (UnauthorizedAccessException e) { problem = "cannot read: " + e.Message; }
        return 0;
    }

    private void ReadImageFrames(Process process, StderrTail tail, BlockingCollection<PlanItem> plan, BlockingCollection<ImageFrame> queue, CancellationToken stop)
    {
        var stdout = process.StandardOutput.BaseStream;
        int frameBytes = FrameBytes;
        byte[] previous = new byte[frameBytes]; // black until the first good frame
        bool ended = false;
        int decoded = 0, lost = 0;
        string? firstLost = null;
        foreach (var item in plan.GetConsumingEnumerable(stop))
        {
            var frame = Pool.Rent();
            frame.Index = item.Index;
            frame.Origin = item.Path;
            bool ok = false;
            if (item.Sent && !ended)
            {
                if (ReadExactly(stdout, frame.Data, frameBytes)) ok = true;
                else ended = true;
            }
            if (ok)
            {
                decoded++;
                frame.Status = FrameStatus.Ok;
                // Frame k is file k only when it was decoded at its own size (a resized frame is not the file's pixels).
                frame.SourceFile = item.Resized ? null : item.Path;
                frame.Data.AsSpan(0, frameBytes).CopyTo(previous);
                if (item.Message is not null) Warn(item.Message);
            }
            else
            {
                previous.CopyTo(frame.Data, 0);
                frame.Status = FrameStatus.Unreadable;
                if (item.Sent) { lost++; firstLost ??= item.Path; }
                else Warn(item.Message!);
            }
            queue.Add(frame, stop);
        }
        if (lost > 0)
        {
            if (decoded == 0)
                throw new MediaException(firstLost, $"ffmpeg could not decode the image sequence{tail.Suffix()}");
            Warn($"{firstLost}: ffmpeg decoded only {decoded} of {decoded + lost} images sent; the last {lost} frames (from this one on) are unreadable{tail.Suffix()}");
        }
        process.WaitForExit();
    }

    private void ReadVideoFrames(Process process, StderrTail tail, BlockingCollection<ImageFrame> queue, CancellationToken stop)
    {
        var stdout = process.StandardOutput.BaseStream;
        int frameBytes = FrameBytes;
        int index = 0;
        while (true)
        {
            stop.ThrowIfCancellationRequested();
            var frame = Pool.Rent();
            int got = ReadUpTo(stdout, frame.Data, frameBytes);
            if (got < frameBytes)
            {
                frame.Dispose();
                if (got > 0) Warn($"{_video}: the last frame was cut off after {got} of {frameBytes} bytes and was dropped");
                break;
            }
            frame.Index = index;
            frame.Origin = $"{_video}#{index}";
            frame.Status = FrameStatus.Ok;
            queue.Add(frame, stop);
            index++;
        }
        process.WaitForExit();
        int code = process.ExitCode;
        if (index == 0 && code != 0) throw new MediaException(_video, $"ffmpeg could not decode the video{tail.Suffix()}");
        if (code != 0 || (FrameCount is int expected && index < expected))
        {
            // One line, not ffmpeg's raw stderr (a truncated mp4 makes it print a screenful of decoder complaints).
            string of = FrameCount is int n ? $" of {n}" : "";
            Warn($"{_video}: the video is truncated or damaged: it ended at frame {index}{of}; {index} frames were read");
        }
    }

    private static bool ReadExactly(Stream s, byte[] buffer, int count) => ReadUpTo(s, buffer, count) == count;

    private static int ReadUpTo(Stream s, byte[] buffer, int count)
    {
        int read = 0;
        while (read < count)
        {
            int n = s.Read(buffer, read, count - read);
            if (n == 0) break;
            read += n;
        }
        return read;
    }

    public void Dispose()
    {
        // Each ReadFrames enumeration owns its ffmpeg process and ends it when the enumeration is disposed; nothing
        // is held between enumerations.
    }
}
