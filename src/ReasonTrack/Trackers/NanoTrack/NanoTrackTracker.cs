using Microsoft.ML.OnnxRuntime;
using ReasonTrack.Geometry;
using ReasonTrack.Media;
using ReasonTrack.Onnx;

namespace ReasonTrack.Trackers.NanoTrack;

/// <summary>
/// NanoTrack (HonglinChu/NanoTrack, <c>nano_tracker.py</c>): a Siamese tracker with a MobileNetV3 backbone and a
/// point-based head, run through ONNX Runtime (the official package; CPU by default, CUDA when <see cref="NanoTrackOptions.Device"/> asks). Follows the reference step by step (seed-facts 8): template crop
/// with context 0.5, search crop 255/127 times larger around the last centre, softmax score, point grid with stride
/// 16, scale/aspect penalty, cosine window, size smoothing, clipping to the image.
/// </summary>
/// <remarks>
/// <see cref="TrackResult.Score"/> is the classification probability (softmax, before penalties and window) of the
/// point the tracker chose, as the reference's <c>best_score</c>; <see cref="TrackResult.Found"/> is that score
/// against <see cref="NanoTrackOptions.FoundThreshold"/>. The box is always the tracker's current estimate, also
/// when not found: the reference keeps tracking from it, so it is the best guess there is.
/// All buffers (input crops, features, head outputs, decode tables) are allocated when the tracker is created; an
/// update allocates nothing.
/// </remarks>
public sealed class NanoTrackTracker : ITracker, IModelFileTracker
{
    private const int ExemplarSize = 127;
    private const int InstanceSize = 255;
    private const int Stride = 16;
    private const double ContextAmount = 0.5;
    private const double MinSize = 10;

    private readonly NanoTrackOptions _options;
    private readonly InferenceSession _backbone;
    private readonly InferenceSession _head;
    private readonly OnnxTensor _templateCrop, _searchCrop, _templateFeatures, _searchFeatures, _cls, _loc;
    private readonly OnnxBinding _templateRun, _searchRun, _headRun;
    private readonly SiameseCrop _templateCropper = new(ExemplarSize);
    private readonly SiameseCrop _searchCropper = new(InstanceSize);
    private readonly int _scoreSize;
    private readonly float[] _window;
    private readonly float[] _pointX, _pointY;
    private readonly float[] _meanBgr = new float[3];
    private readonly SiameseCueMeter _cueMeter;
    private readonly NanoTrackLongTerm? _longTerm;

    private bool _initialized;
    private double _cx, _cy, _w, _h;

    /// <summary>Loads the models of <see cref="NanoTrackOptions.Version"/> and prepares every buffer.</summary>
    /// <param name="modelDirectory">See <see cref="TrackerContext.ModelDirectory"/>; null = <c>$REASONTRACK_MODELS/nanotrack/vN</c>.</param>
    /// <exception cref="FileNotFoundException">Model files missing (the message says where to put them).</exception>
    /// <exception cref="OnnxException">A model that does not load or run.</exception>
    /// <exception cref="OnnxDeviceUnavailableException"><see cref="NanoTrackOptions.Device"/> is a CUDA device that cannot be used (never replaced by the CPU).</exception>
    public NanoTrackTracker(NanoTrackOptions options, string? modelDirectory = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Threads < 1) throw new ArgumentOutOfRangeException(nameof(options), "threads must be >= 1");
        _options = options;
        Name = "nanotrack-v" + (int)options.Version;
        var files = NanoTrackModelFiles.Locate(options.Version, modelDirectory);
        ModelFiles = [files.Backbone, files.Head];
        var settings = new OnnxSessionOptions { IntraOpThreads = options.Threads, Device = options.Device };
        var created = new List<IDisposable>();
        try
        {
            byte[] backboneBytes = ReadModel(files.Backbone);
            // The backbone declares 1x3x255x255; the template (127) runs through the same network (see OnnxModelPatcher).
            byte[] patched = OnnxModelPatcher.MakeSpatialInputsSymbolic(backboneBytes, files.Backbone, out _);
            _backbone = Track(created, OnnxSessionFactory.Create(patched, files.Backbone, settings));
            _head = Track(created, OnnxSessionFactory.Create(ReadModel(files.Head), files.Head, settings));
            if (_backbone.InputNames.Count != 1 || _backbone.OutputNames.Count != 1 || _head.InputNames.Count != 2 || _head.OutputNames.Count != 2)
                throw new OnnxException($"{files.Backbone} / {files.Head}: expected a backbone with 1 input and 1 output and a head with 2 inputs and 2 outputs, " +
                    $"got {_backbone.InputNames.Count}/{_backbone.OutputNames.Count} and {_head.InputNames.Count}/{_head.OutputNames.Count}");
            if (!(_head.InputNames.Contains("input1") && _head.InputNames.Contains("input2") && _head.OutputNames.Contains("output1") && _head.OutputNames.Contains("output2")))
                throw new OnnxException($"{files.Head}: expected NanoTrack's head names input1, input2 -> output1, output2, got " +
                    $"{string.Join(", ", _head.InputNames)} -> {string.Join(", ", _head.OutputNames)}");
            string input = _backbone.InputNames[0], features = _backbone.OutputNames[0];

            _templateCrop = Track(created, new OnnxTensor(1, 3, ExemplarSize, ExemplarSize));
            _searchCrop = Track(created, new OnnxTensor(1, 3, InstanceSize, InstanceSize));
            // Feature and score-map sizes differ between releases (v3: 96 channels, 15x15 maps); one run on blank
            // crops reads them from the networks themselves instead of trusting a table, and warms ORT up.
            var zShape = OnnxBinding.RunToArrays(_backbone, files.Backbone, new Dictionary<string, OnnxTensor> { [input] = _templateCrop })[0].Shape;
            var xShape = OnnxBinding.RunToArrays(_backbone, files.Backbone, new Dictionary<string, OnnxTensor> { [input] = _searchCrop })[0].Shape;
            _templateFeatures = Track(created, new OnnxTensor([.. zShape]));
            _searchFeatures = Track(created, new OnnxTensor([.. xShape]));
            var headIn = new Dictionary<string, OnnxTensor> { ["input1"] = _templateFeatures, ["input2"] = _searchFeatures };
            var headOutputs = OnnxBinding.RunToArrays(_head, files.Head, headIn);
            var clsShape = headOutputs.Single(o => o.Name == "output1").Shape;
            var locShape = headOutputs.Single(o => o.Name == "output2").Shape;
            if (clsShape.Count != 4 || clsShape[1] != 2 || locShape.Count != 4 || locShape[1] != 4 || clsShape[2] != clsShape[3] || locShape[2] != clsShape[2])
                throw new OnnxException($"{files.Head}: unexpected output shapes [{string.Join(",", clsShape)}] and [{string.Join(",", locShape)}]");
            _cls = Track(created, new OnnxTensor([.. clsShape]));
            _loc = Track(created, new OnnxTensor([.. locShape]));
            _templateRun = Track(created, new OnnxBinding(_backbone, files.Backbone,
                new Dictionary<string, OnnxTensor> { [input] = _templateCrop }, new Dictionary<string, OnnxTensor> { [features] = _templateFeatures }));
            _searchRun = Track(created, new OnnxBinding(_backbone, files.Backbone,
                new Dictionary<string, OnnxTensor> { [input] = _searchCrop }, new Dictionary<string, OnnxTensor> { [features] = _searchFeatures }));
            _headRun = Track(created, new OnnxBinding(_head, files.Head, headIn,
                new Dictionary<string, OnnxTensor> { ["output1"] = _cls, ["output2"] = _loc }));
        }
        catch
        {
            for (int i = created.Count - 1; i >= 0; i--) created[i].Dispose();
            throw;
        }

        _scoreSize = (int)_cls.Shape[2];
        (_window, _pointX, _pointY) = DecodeTables(_scoreSize);
        var zs = _templateFeatures.Shape;
        var xs = _searchFeatures.Shape;
        _cueMeter = new SiameseCueMeter((int)zs[1], (int)zs[2], (int)zs[3], (int)xs[2], (int)xs[3], _scoreSize);
        _longTerm = options.LongTerm is { } lt ? new NanoTrackLongTerm(lt, this) : null;
    }

    public string Name { get; }

    /// <summary>The backbone and head ONNX files loaded.</summary>
    public IReadOnlyList<string> ModelFiles { get; }

    /// <summary>Side of the score map (16 for v1/v2, 15 for v3).</summary>
    public int ScoreSize => _scoreSize;

    /// <summary>The ONNX Runtime in use, for reports: version, package and device.</summary>
    public string RuntimeDescription => $"ONNX Runtime {OnnxSessionFactory.RuntimeVersion} ({OnnxSessionFactory.PackageName}, {_options.Device})";

    public void Initialize(ImageFrame frame, Box box)
    {
        ArgumentNullException.ThrowIfNull(frame);
        if (!box.HasPositiveSize) throw new ReasonTrackException($"the initial box must be finite with positive size, got {box}");
        if (box.X >= frame.Width || box.Y >= frame.Height || box.Right <= 0 || box.Bottom <= 0)
            throw new ReasonTrackException($"the initial box {box} does not overlap the {frame.Width}x{frame.Height} image");

        // Reference: centre = x + (w - 1)/2 (pixel-centre convention), size = (w, h).
        _cx = box.X + (box.W - 1) / 2;
        _cy = box.Y + (box.H - 1) / 2;
        _w = box.W;
        _h = box.H;
        ComputeMeanColour(frame);

        double wz = _w + ContextAmount * (_w + _h), hz = _h + ContextAmount * (_w + _h);
        // Python's round() (half to even), as the reference rounds s_z for the template.
        int sz = (int)Math.Round(Math.Sqrt(wz * hz), MidpointRounding.ToEven);
        _templateCropper.Extract(frame, _cx, _cy, sz, _meanBgr, _templateCrop.Span);
        _templateRun.Run();
        _initialized = true;
        _longTerm?.Initialize(frame, box);
    }

    /// <summary>The presence cues of the last search crop evaluated (ours; see <see cref="SiameseCues"/>).</summary>
    public SiameseCues LastCues { get; private set; }

    /// <summary>
    /// The long-term layer (ours: lost signal and global re-detection) when <see cref="NanoTrackOptions.LongTerm"/>
    /// is set; null runs the released tracker.
    /// </summary>
    public NanoTrackLongTerm? LongTerm => _longTerm;

    public TrackResult Update(ImageFrame frame)
    {
        ArgumentNullException.ThrowIfNull(frame);
        if (!_initialized) throw new InvalidOperationException($"{Name}: Update called before Initialize");
        return _longTerm is null ? Step(frame) : _longTerm.Update(frame);
    }

    /// <summary>The released update: search around the current box, move and resize it.</summary>
    internal TrackResult Step(ImageFrame frame)
    {
        double scaleZ = Search(frame, _cx, _cy, _options.WindowInfluence, out var best);
        double lr = best.Penalty * best.Score * _options.LearningRate;
        double cx = best.Cx / scaleZ + _cx;
        double cy = best.Cy / scaleZ + _cy;
        double w = _w * (1 - lr) + best.W / scaleZ * lr;
        double h = _h * (1 - lr) + best.H / scaleZ * lr;

        // Reference _bbox_clip: centre inside [0, W] x [0, H], size in [10, W] x [10, H].
        _cx = Math.Max(0, Math.Min(cx, frame.Width));
        _cy = Math.Max(0, Math.Min(cy, frame.Height));
        _w = Math.Max(MinSize, Math.Min(w, frame.Width));
        _h = Math.Max(MinSize, Math.Min(h, frame.Height));

        // The reference reports (cx - w/2, cy - h/2, w, h): it treats the centre as continuous here although it
        // was set with the pixel-centre convention at init; kept as is so that results match the reference's.
        var result = new Box(_cx - _w / 2, _cy - _h / 2, _w, _h);
        return new TrackResult(result, best.Score, best.Score >= _options.FoundThreshold);
    }

    /// <summary>
    /// Evaluates the search crop centred on (<paramref name="cx"/>, <paramref name="cy"/>) at the current target size
    /// without changing the tracker's state (ours, for re-detection): the chosen point's box in image coordinates
    /// (continuous centre, as <see cref="Step"/> reports it) and its cues in <see cref="LastCues"/>.
    /// </summary>
    internal Box Probe(ImageFrame frame, double cx, double cy, double windowInfluence)
    {
        double scaleZ = Search(frame, cx, cy, windowInfluence, out var best);
        double w = Math.Max(MinSize, Math.Min(_w, frame.Width)), h = Math.Max(MinSize, Math.Min(_h, frame.Height));
        double px = Math.Max(0, Math.Min(best.Cx / scaleZ + cx, frame.Width));
        double py = Math.Max(0, Math.Min(best.Cy / scaleZ + cy, frame.Height));
        return new Box(px - w / 2, py - h / 2, w, h);
    }

    /// <summary>The cosine window's weight (<see cref="NanoTrackOptions.WindowInfluence"/>).</summary>
    internal double WindowInfluence => _options.WindowInfluence;

    /// <summary>Side in image pixels of the search crop at the current target size.</summary>
    internal double SearchRegionPixels
    {
        get
        {
            double wz = _w + ContextAmount * (_w + _h), hz = _h + ContextAmount * (_w + _h);
            return Math.Sqrt(wz * hz) * InstanceSize / ExemplarSize;
        }
    }

    /// <summary>The current box (continuous centre convention of <see cref="Step"/>).</summary>
    internal Box CurrentBox => new(_cx - _w / 2, _cy - _h / 2, _w, _h);

    /// <summary>Moves the tracker to <paramref name="box"/> (ours, after a re-detection or a rollback).</summary>
    internal void MoveTo(Box box)
    {
        (_cx, _cy) = box.Center;
        _w = box.W;
        _h = box.H;
    }

    /// <summary>Crop around (cx, cy), both networks, decode, cues; returns the crop scale (model / image pixels).</summary>
    private double Search(ImageFrame frame, double cx, double cy, double windowInfluence, out Candidate best)
    {
        double wz = _w + ContextAmount * (_w + _h), hz = _h + ContextAmount * (_w + _h);
        double sz = Math.Sqrt(wz * hz);
        double scaleZ = ExemplarSize / sz;
        double sx = sz * ((double)InstanceSize / ExemplarSize);
        _searchCropper.Extract(frame, cx, cy, (int)Math.Round(sx, MidpointRounding.ToEven), _meanBgr, _searchCrop.Span);
        _searchRun.Run();
        _headRun.Run();
        best = Decode(scaleZ, windowInfluence);
        LastCues = _cueMeter.Measure(_cls.Data, best.Index, best.Penalty, _templateFeatures.Data, _searchFeatures.Data,
            SiameseCueMeter.Cells(_w * scaleZ), SiameseCueMeter.Cells(_h * scaleZ));
        return scaleZ;
    }

    private readonly record struct Candidate(float Score, double Penalty, double Cx, double Cy, double W, double H, int Index);

    /// <summary>
    /// The reference's decode over the score map: softmax score, box from the point and the l, t, r, b distances
    /// (crop pixels, relative to the crop centre), penalty for change of scale and aspect ratio against the current
    /// size, cosine window, and the first maximum of the penalised score (numpy's argmax).
    /// </summary>
    private Candidate Decode(double scaleZ, double wi)
    {
        int n = _scoreSize * _scoreSize;
        ReadOnlySpan<float> cls = _cls.Data, loc = _loc.Data;
        double k = _options.PenaltyK;
        double targetW = _w * scaleZ, targetH = _h * scaleZ;
        double targetSize = SizeMeasure(targetW, targetH);
        double targetRatio = _w / _h;
        double bestP = double.NegativeInfinity;
        Candidate best = default;
        for (int i = 0; i < n; i++)
        {
            // softmax over 2 classes, channel 1 = target
            float score = 1f / (1f + MathF.Exp(cls[i] - cls[n + i]));
            double x1 = _pointX[i] - loc[i], y1 = _pointY[i] - loc[n + i];
            double x2 = _pointX[i] + loc[2 * n + i], y2 = _pointY[i] + loc[3 * n + i];
            double w = x2 - x1, h = y2 - y1;
            double sc = Change(SizeMeasure(w, h) / targetSize);
            double rc = Change(targetRatio / (w / h));
            double penalty = Math.Exp(-(rc * sc - 1) * k);
            double p = penalty * score * (1 - wi) + _window[i] * wi;
            if (p > bestP)
            {
                bestP = p;
                best = new Candidate(score, penalty, (x1 + x2) / 2, (y1 + y2) / 2, w, h, i);
            }
        }
        return best;
    }

    private static double Change(double r) => Math.Max(r, 1 / r);

    private static double SizeMeasure(double w, double h)
    {
        double pad = (w + h) * 0.5;
        return Math.Sqrt((w + pad) * (h + pad));
    }

    /// <summary>
    /// Hanning window outer product (numpy.hanning: 0.5 - 0.5 cos(2 pi n / (N - 1))) and the point grid of
    /// <c>generate_points</c>: origin <c>-(size // 2) * stride</c>, so 16x16 maps span -128..112 and 15x15 maps
    /// -112..112, x along columns, y along rows.
    /// </summary>
    private static (float[] Window, float[] X, float[] Y) DecodeTables(int size)
    {
        var hann = new double[size];
        for (int i = 0; i < size; i++) hann[i] = size == 1 ? 1 : 0.5 - 0.5 * Math.Cos(2 * Math.PI * i / (size - 1));
        var window = new float[size * size];
        var px = new float[size * size];
        var py = new float[size * size];
        int origin = -(size / 2) * Stride;
        for (int r = 0; r < size; r++)
        {
            for (int c = 0; c < size; c++)
            {
                window[r * size + c] = (float)(hann[r] * hann[c]);
                px[r * size + c] = origin + Stride * c;
                py[r * size + c] = origin + Stride * r;
            }
        }
        return (window, px, py);
    }

    /// <summary>
    /// Per-channel mean of the first frame, B, G, R, truncated to whole levels: the reference computes it once at
    /// init and writes it into a uint8 image as padding, which truncates.
    /// </summary>
    private void ComputeMeanColour(ImageFrame frame)
    {
        var pixels = frame.Pixels;
        if (frame.Format == PixelFormat.Gray8)
        {
            long sum = 0;
            foreach (byte b in pixels) sum += b;
            float mean = MathF.Floor((float)((double)sum / pixels.Length));
            _meanBgr[0] = _meanBgr[1] = _meanBgr[2] = mean;
            return;
        }
        long r = 0, g = 0, bl = 0;
        for (int i = 0; i < pixels.Length; i += 3)
        {
            r += pixels[i];
            g += pixels[i + 1];
            bl += pixels[i + 2];
        }
        double count = pixels.Length / 3.0;
        _meanBgr[0] = (float)Math.Floor(bl / count);
        _meanBgr[1] = (float)Math.Floor(g / count);
        _meanBgr[2] = (float)Math.Floor(r / count);
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

    private static T Track<T>(List<IDisposable> created, T item) where T : IDisposable
    {
        created.Add(item);
        return item;
    }

    public void Dispose()
    {
        _templateCrop.Dispose();
        _searchCrop.Dispose();
        _templateFeatures.Dispose();
        _searchFeatures.Dispose();
        _cls.Dispose();
        _loc.Dispose();
        _templateRun.Dispose();
        _searchRun.Dispose();
        _headRun.Dispose();
        _head.Dispose();
        _backbone.Dispose();
    }
}
