using ReasonTrack.Geometry;
using ReasonTrack.Media;

namespace ReasonTrack.Trackers.Dcf;

/// <summary>
/// A multi-channel discriminative correlation filter (DSST/Staple family) in pure C#.
/// <para>Features: 31-channel fHOG on 4x4 cells plus the cell-mean intensity (and two opponent-colour channels on
/// RGB frames), cosine-windowed, on a search window of the target plus context resampled to a fixed area.</para>
/// <para>Learning: closed-form multi-channel ridge regression in the Fourier domain against a Gaussian label,
/// numerator and denominator kept as running averages (<c>A_l = conj(Y) X_l</c>, <c>B = sum_l |X_l|^2</c>).
/// Detection: <c>IFFT(sum_l conj(A_l) Z_l / (B + lambda))</c>, peak refined by a parabola in x and y; a DSST 1-D
/// scale filter then estimates the size.</para>
/// <para>Confidence (<see cref="TrackResult.Score"/>): the peak-to-sidelobe ratio (PSR) of the response (sidelobe =
/// all but an 11x11-cell area around the peak) divided by its running average over confidently tracked frames, so
/// about 1 while tracking well and 0.1-0.4 when the target is occluded or gone.</para>
/// <para>Long-term rules: (1) a frame teaches the models only if its confidence is at least
/// <see cref="DcfOptions.UpdateThreshold"/>; (2) Found = confidence at least <see cref="DcfOptions.FoundThreshold"/>;
/// (3) after <see cref="DcfOptions.LostFrames"/> consecutive frames below the found threshold the tracker goes back
/// to the last confident box and enters re-detection; (4) in re-detection each frame evaluates the window at the
/// last confident position plus <see cref="DcfOptions.RedetectWindows"/> more windows, taken in turn from a grid
/// (step half a window) around it whose radius grows by one ring every <see cref="DcfOptions.RedetectGrowFrames"/>
/// frames until it covers the whole frame; nothing is learned and Found is false; (5) the best window of the frame
/// is evaluated once more centred on its peak, and if its confidence reaches
/// <see cref="DcfOptions.ReacquireThreshold"/> the target is re-acquired there and normal tracking resumes at the
/// last confident scale.</para>
/// <para>Colour (the default <c>dcf</c>; off in <c>dcf-v1</c>): Staple's colour-histogram response
/// (<see cref="ColorHistogramModel"/>) is merged with the correlation response,
/// <c>(1 - w) cf + w colour</c> with <c>w = </c><see cref="DcfOptions.HistogramMerge"/>, and the peak of the merged
/// response places the target; the confidence stays the PSR of the correlation response alone, so the found / lost /
/// re-detection rules read the same signal in both. The histograms learn on the frames the filter learns on.</para>
/// Per-frame work allocates nothing: every buffer is sized in <see cref="Initialize"/>.
/// </summary>
public sealed class DcfTracker : ITracker
{
    public const string TrackerName = "dcf";

    /// <summary>The previous default (no colour-histogram response), kept for comparison.</summary>
    public const string V1Name = "dcf-v1";
    private const int SidelobeExclusion = 5;
    private const double PsrAverageRate = 0.05; // weight of the newest confident frame in the PSR average
    // The first frames after initialisation answer with inflated PSRs (a model learned from one frame on a nearly
    // identical frame): they do not enter the average, and the first WarmupFrames frames count as confident.
    private const int PsrSkipFrames = 4;
    private const int WarmupFrames = 8; // half-size in cells of the area around the peak left out of the PSR

    private readonly DcfOptions _options;
    private readonly string _name;

    // Geometry
    private int _frameW, _frameH;
    private double _cx, _cy, _scale = 1;
    private double _baseW, _baseH; // target size at scale 1 (the initial box)
    private double _templateFactor; // image pixels per template pixel at scale 1
    private int _cellsX, _cellsY, _patchW, _patchH, _channels;
    private double _minScale, _maxScale;

    // Buffers
    private FhogExtractor? _hog;
    private PatchSampler? _sampler;
    private Fft2D? _fft;
    private ScaleFilter? _scaleFilter;
    private float[] _gray = [], _opp1 = [], _opp2 = [];
    private float[] _features = [];
    private float[] _cosine = [];
    private ComplexF[] _spectra = [];
    private ComplexF[] _numerator = [];
    private float[] _denominator = [];
    private ComplexF[] _label = [];
    private ComplexF[] _responseSpectrum = [];
    private float[] _response = [];
    private ColorHistogramModel? _histogram;
    private float[] _colorResponse = [];
    private float[] _merged = [];

    // State
    private bool _initialized;
    private bool _lost;
    private int _lowStreak;
    private int _lostFrameCount;
    private int _redetectCursor;
    private double _goodCx, _goodCy, _goodScale;
    private (double X, double Y)[] _candidates = [];
    private double _psrAverage; // running mean of the PSR over confident frames: the confidence scale of this target
    private int _psrCount;
    private int _framesTracked;

    /// <param name="options">Options; null = the defaults of <c>dcf</c>.</param>
    /// <param name="name">The name the tracker reports (<see cref="TrackerName"/> or <see cref="V1Name"/>).</param>
    public DcfTracker(DcfOptions? options = null, string name = TrackerName)
    {
        _options = options ?? new DcfOptions();
        _name = name;
    }

    public string Name => _name;

    /// <summary>True while the tracker is in re-detection mode.</summary>
    public bool IsRedetecting => _lost;

    public void Initialize(ImageFrame frame, Box box)
    {
        ArgumentNullException.ThrowIfNull(frame);
        if (!box.HasPositiveSize)
            throw new ReasonTrackException($"the initial box must have a finite, positive width and height, got {box}");
        var clipped = Overlap.Clip(box, frame.Size);
        if (clipped.W <= 0 || clipped.H <= 0)
            throw new ReasonTrackException($"the initial box {box} lies outside the {frame.Size} image");

        var o = _options;
        _frameW = frame.Width;
        _frameH = frame.Height;
        (_cx, _cy) = box.Center;
        _baseW = box.W;
        _baseH = box.H;
        _scale = 1;

        double context = o.Padding * Math.Sqrt(box.W * box.H);
        double windowW = box.W + context, windowH = box.H + context;
        _templateFactor = Math.Sqrt(windowW * windowH) / o.TemplateSize;
        int cell = o.CellSize;
        _cellsX = FftPlan.NextFast(Math.Max(8, (int)Math.Ceiling(windowW / _templateFactor / cell)));
        _cellsY = FftPlan.NextFast(Math.Max(8, (int)Math.Ceiling(windowH / _templateFactor / cell)));
        _patchW = _cellsX * cell;
        _patchH = _cellsY * cell;
        bool color = o.Color && frame.Format != PixelFormat.Gray8;
        _channels = FhogExtractor.Channels + (color ? 3 : 1);
        int n = _cellsX * _cellsY;

        _hog = new FhogExtractor(_patchW, _patchH, cell);
        _sampler = new PatchSampler(_patchW, _patchH);
        _fft = new Fft2D(_cellsX, _cellsY);
        _gray = new float[_patchW * _patchH];
        _opp1 = color ? new float[_patchW * _patchH] : [];
        _opp2 = color ? new float[_patchW * _patchH] : [];
        _features = new float[_channels * n];
        _spectra = new ComplexF[_channels * n];
        _numerator = new ComplexF[_channels * n];
        _denominator = new float[n];
        _responseSpectrum = new ComplexF[n];
        _response = new float[n];
        _cosine = new float[n];
        for (int y = 0; y < _cellsY; y++)
        {
            double wy = 0.5 * (1 - Math.Cos(2 * Math.PI * (y + 0.5) / _cellsY));
            for (int x = 0; x < _cellsX; x++)
                _cosine[y * _cellsX + x] = (float)(wy * 0.5 * (1 - Math.Cos(2 * Math.PI * (x + 0.5) / _cellsX)));
        }

        // Gaussian label centred on zero displacement (index 0, circularly), width in cells.
        double sigma = Math.Sqrt(box.W * box.H) / (_templateFactor * cell) * o.OutputSigmaFactor;
        var label = new float[n];
        for (int y = 0; y < _cellsY; y++)
        {
            int dy = y <= _cellsY / 2 ? y : y - _cellsY;
            for (int x = 0; x < _cellsX; x++)
            {
                int dx = x <= _cellsX / 2 ? x : x - _cellsX;
                label[y * _cellsX + x] = (float)Math.Exp(-0.5 * (dx * dx + dy * dy) / (sigma * sigma));
            }
        }
        _label = new ComplexF[n];
        _fft.ForwardReal(label, 0, _label, 0);

        _histogram = o.HistogramMerge > 0 ? new ColorHistogramModel(_patchW, _patchH, o.HistogramLevels, color) : null;
        _colorResponse = _histogram is null ? [] : new float[n];
        _merged = _histogram is null ? [] : new float[n];

        _scaleFilter = o.Scales > 1 ? new ScaleFilter(o, box.W, box.H) : null;
        // The target stays at least 6 pixels a side and the search window no larger than about twice the frame.
        _minScale = Math.Max(6 / box.W, 6 / box.H);
        _maxScale = Math.Max(1, Math.Min(2.0 * _frameW / (_patchW * _templateFactor), 2.0 * _frameH / (_patchH * _templateFactor)));
        _minScale = Math.Min(_minScale, 1);

        Array.Clear(_numerator);
        Array.Clear(_denominator);
        ExtractSpectra(frame, _cx, _cy, _scale);
        Learn(1);
        TrainHistogram(1);
        _scaleFilter?.Train(frame, _cx, _cy, _baseW, _baseH);

        _lost = false;
        _lowStreak = 0;
        _lostFrameCount = 0;
        _goodCx = _cx;
        _goodCy = _cy;
        _goodScale = _scale;
        _psrAverage = 0;
        _psrCount = 0;
        _framesTracked = 0;
        _initialized = true;
    }

    public TrackResult Update(ImageFrame frame)
    {
        ArgumentNullException.ThrowIfNull(frame);
        if (!_initialized) throw new InvalidOperationException("Initialize the dcf tracker before calling Update");
        if (frame.Width != _frameW || frame.Height != _frameH)
            throw new ReasonTrackException(
                $"frame {frame.Index} is {frame.Width}x{frame.Height} but the tracker was initialised on {_frameW}x{_frameH} frames");
        return _lost ? Redetect(frame) : Track(frame);
    }

    private TrackResult Track(ImageFrame frame)
    {
        var o = _options;
        var (dx, dy, rawPsr) = Detect(frame, _cx, _cy, _scale);
        _framesTracked++;
        bool warmingUp = _framesTracked <= WarmupFrames;
        double psr = warmingUp ? 1 : Confidence(rawPsr);
        _cx = Math.Clamp(_cx + dx, 0, _frameW);
        _cy = Math.Clamp(_cy + dy, 0, _frameH);
        if (psr >= o.UpdateThreshold)
        {
            if (_scaleFilter is not null)
            {
                double f = _scaleFilter.Estimate(frame, _cx, _cy, _baseW * _scale, _baseH * _scale);
                _scale = Math.Clamp(_scale * f, _minScale, _maxScale);
            }
            ExtractSpectra(frame, _cx, _cy, _scale);
            Learn(o.LearningRate);
            TrainHistogram(o.HistogramLearningRate);
            _scaleFilter?.Train(frame, _cx, _cy, _baseW * _scale, _baseH * _scale);
        }
        bool found = psr >= o.FoundThreshold;
        if (found)
        {
            if (_framesTracked > PsrSkipFrames)
            {
                // Bias-corrected running mean: a plain mean over the first 1/rate frames, then exponential.
                _psrCount++;
                double rate = Math.Max(1.0 / _psrCount, PsrAverageRate);
                _psrAverage = (1 - rate) * _psrAverage + rate * rawPsr;
            }
            _lowStreak = 0;
            _goodCx = _cx;
            _goodCy = _cy;
            _goodScale = _scale;
        }
        else if (++_lowStreak >= o.LostFrames)
        {
            // Lost: go back to the last confident box and search from there.
            _lost = true;
            _lostFrameCount = 0;
            _redetectCursor = 0;
            _cx = _goodCx;
            _cy = _goodCy;
            _scale = _goodScale;
        }
        return new TrackResult(CurrentBox(), psr, found);
    }

    /// <summary>
    /// Scales (relative to the last confident one) that re-detection cycles through, one per frame: a target that
    /// reappears after an occlusion has often changed size, and the features respond poorly at a wrong scale.
    /// </summary>
    private static readonly double[] RedetectScales = [1.0, 1.3, 0.77, 1.6, 0.62];

    private TrackResult Redetect(ImageFrame frame)
    {
        var o = _options;
        _lostFrameCount++;
        _scale = Math.Clamp(_goodScale * RedetectScales[(_lostFrameCount - 1) % RedetectScales.Length], _minScale, _maxScale);
        double stepX = 0.5 * _patchW * _templateFactor * _scale, stepY = 0.5 * _patchH * _templateFactor * _scale;
        int maxRingX = (int)Math.Ceiling(Math.Max(_goodCx, _frameW - _goodCx) / stepX);
        int maxRingY = (int)Math.Ceiling(Math.Max(_goodCy, _frameH - _goodCy) / stepY);
        int ring = Math.Min(1 + (_lostFrameCount - 1) / o.RedetectGrowFrames, Math.Max(maxRingX, maxRingY));
        int count = BuildCandidates(ring, maxRingX, maxRingY, stepX, stepY);

        var (bdx, bdy, bestRaw) = Detect(frame, _goodCx, _goodCy, _scale);
        double best = Confidence(bestRaw);
        double bestX = _goodCx + bdx, bestY = _goodCy + bdy;
        int budget = Math.Min(o.RedetectWindows, count);
        for (int i = 0; i < budget; i++)
        {
            if (_redetectCursor >= count) _redetectCursor = 0;
            var (wx, wy) = _candidates[_redetectCursor++];
            var (dx, dy, rawPsr) = Detect(frame, wx, wy, _scale);
            double psr = Confidence(rawPsr);
            if (psr > best)
            {
                best = psr;
                bestX = wx + dx;
                bestY = wy + dy;
            }
        }
        // The best window saw the target off-centre, where the cosine window weakens it: look again centred on it.
        var (rdx, rdy, refinedRaw) = Detect(frame, bestX, bestY, _scale);
        double refined = Confidence(refinedRaw);
        if (refined > best)
        {
            best = refined;
            bestX += rdx;
            bestY += rdy;
        }
        if (best >= o.ReacquireThreshold)
        {
            _lost = false;
            _lowStreak = 0;
            _cx = Math.Clamp(bestX, 0, _frameW);
            _cy = Math.Clamp(bestY, 0, _frameH);
            _goodCx = _cx;
            _goodCy = _cy;
            _goodScale = _scale;
            return new TrackResult(CurrentBox(), best, true);
        }
        // Still lost: report the last confident box, not the scale being tried.
        _scale = _goodScale;
        return new TrackResult(CurrentBox(), best, false);
    }

    /// <summary>Window centres of the re-detection grid within <paramref name="ring"/> rings, nearest rings first.</summary>
    private int BuildCandidates(int ring, int maxRingX, int maxRingY, double stepX, double stepY)
    {
        int rx = Math.Min(ring, maxRingX), ry = Math.Min(ring, maxRingY);
        int capacity = (2 * rx + 1) * (2 * ry + 1);
        if (_candidates.Length < capacity) _candidates = new (double, double)[Math.Max(capacity, 2 * _candidates.Length)]; // grows only while the search widens
        int count = 0;
        for (int r = 1; r <= ring; r++)
        {
            for (int j = -Math.Min(r, ry); j <= Math.Min(r, ry); j++)
            {
                for (int i = -Math.Min(r, rx); i <= Math.Min(r, rx); i++)
                {
                    if (Math.Max(Math.Abs(i), Math.Abs(j)) != r) continue;
                    double x = Math.Clamp(_goodCx + i * stepX, 0, _frameW);
                    double y = Math.Clamp(_goodCy + j * stepY, 0, _frameH);
                    _candidates[count++] = (x, y);
                }
            }
        }
        return count;
    }

    /// <summary>
    /// The PSR relative to its running average over confidently tracked frames (about 1 while tracking well). PSR
    /// levels differ several-fold between targets (smooth large objects give 60, small textured ones 10), so a fixed
    /// PSR threshold would be wrong for most; the ratio drops to 0.1-0.4 when the target is occluded or gone.
    /// Before any average exists the PSR is compared with a typical level of 20.
    /// </summary>
    private double Confidence(double rawPsr) => rawPsr / (_psrAverage > 0 ? _psrAverage : 20);

    private Box CurrentBox() => Box.FromCenter(_cx, _cy, _baseW * _scale, _baseH * _scale);

    /// <summary>Resamples the search window at (cx, cy, scale), builds the features and their spectra.</summary>
    private void ExtractSpectra(ImageFrame frame, double cx, double cy, double scale)
    {
        double regionW = _patchW * _templateFactor * scale, regionH = _patchH * _templateFactor * scale;
        bool color = _opp1.Length > 0;
        _sampler!.Sample(frame, cx, cy, regionW, regionH, _patchW, _patchH, _gray, color ? _opp1 : null, color ? _opp2 : null);
        if (color && frame.Format == PixelFormat.Gray8)
        {
            Array.Clear(_opp1);
            Array.Clear(_opp2);
        }
        int n = _cellsX * _cellsY;
        _hog!.Compute(_gray, _features, 0);
        CellMeans(_gray, FhogExtractor.Channels * n, -0.5f);
        if (color)
        {
            CellMeans(_opp1, (FhogExtractor.Channels + 1) * n, 0);
            CellMeans(_opp2, (FhogExtractor.Channels + 2) * n, 0);
        }
        var f = _features;
        var w = _cosine;
        for (int c = 0; c < _channels; c++)
        {
            int off = c * n;
            for (int i = 0; i < n; i++) f[off + i] *= w[i];
        }
        var fft = _fft!;
        int ch = 0;
        for (; ch + 1 < _channels; ch += 2)
            fft.ForwardRealPair(f, ch * n, f, (ch + 1) * n, _spectra, ch * n, _spectra, (ch + 1) * n);
        if (ch < _channels) fft.ForwardReal(f, ch * n, _spectra, ch * n);
        _histogram?.Bin(_gray, color ? _opp1 : null, color ? _opp2 : null);
    }

    /// <summary>The colour histograms learn from the patch last extracted, centred on the target at scale 1 template size.</summary>
    private void TrainHistogram(double rate)
    {
        _histogram?.Train(_baseW / _templateFactor, _baseH / _templateFactor, _options.HistogramInnerPadding, rate);
    }

    private void CellMeans(float[] plane, int outOffset, float bias)
    {
        int cell = _options.CellSize, pw = _patchW;
        float inv = 1f / (cell * cell);
        for (int cy = 0; cy < _cellsY; cy++)
        {
            for (int cx = 0; cx < _cellsX; cx++)
            {
                float s = 0;
                for (int y = 0; y < cell; y++)
                {
                    int row = (cy * cell + y) * pw + cx * cell;
                    for (int x = 0; x < cell; x++) s += plane[row + x];
                }
                _features[outOffset + cy * _cellsX + cx] = s * inv + bias;
            }
        }
    }

    private void Learn(double rate)
    {
        int n = _cellsX * _cellsY;
        float eta = (float)rate, keep = 1 - eta;
        var num = _numerator;
        var den = _denominator;
        var x = _spectra;
        var y = _label;
        for (int i = 0; i < n; i++) den[i] *= keep;
        for (int c = 0; c < _channels; c++)
        {
            int off = c * n;
            for (int i = 0; i < n; i++)
            {
                ComplexF xi = x[off + i], yi = y[i];
                float nr = yi.Re * xi.Re + yi.Im * xi.Im, ni = yi.Re * xi.Im - yi.Im * xi.Re; // conj(y) x
                ComplexF a = num[off + i];
                num[off + i] = new ComplexF(keep * a.Re + eta * nr, keep * a.Im + eta * ni);
                den[i] += eta * (xi.Re * xi.Re + xi.Im * xi.Im);
            }
        }
    }

    /// <summary>Correlates the filter with the window at (cx, cy); displacement in image pixels and its PSR.</summary>
    private (double Dx, double Dy, double Psr) Detect(ImageFrame frame, double cx, double cy, double scale)
    {
        ExtractSpectra(frame, cx, cy, scale);
        int n = _cellsX * _cellsY;
        var r = _responseSpectrum;
        Array.Clear(r);
        var num = _numerator;
        var z = _spectra;
        for (int c = 0; c < _channels; c++)
        {
            int off = c * n;
            for (int i = 0; i < n; i++)
            {
                ComplexF a = num[off + i], b = z[off + i];
                r[i].Re += a.Re * b.Re + a.Im * b.Im; // conj(a) b
                r[i].Im += a.Re * b.Im - a.Im * b.Re;
            }
        }
        float lambda = (float)_options.Lambda;
        for (int i = 0; i < n; i++)
        {
            float inv = 1f / (_denominator[i] + lambda);
            r[i].Re *= inv;
            r[i].Im *= inv;
        }
        _fft!.InverseReal(r, 0, _response, 0);

        var resp = _response;
        int best = 0;
        for (int i = 1; i < n; i++) if (resp[i] > resp[best]) best = i;
        int px = best % _cellsX, py = best / _cellsX;
        float peak = resp[best];
        double psr = Psr(resp, px, py, peak);

        if (_histogram is not null)
        {
            // Staple: the peak of the merged response places the target (the PSR above stays the correlation's).
            double tw = _baseW / _templateFactor, th = _baseH / _templateFactor; // target size in template pixels at any scale
            _histogram.Response(_colorResponse, _cellsX, _cellsY, _options.CellSize, tw, th);
            float wc = (float)_options.HistogramMerge, wf = 1 - wc;
            var m = _merged;
            for (int i = 0; i < n; i++) m[i] = wf * resp[i] + wc * _colorResponse[i];
            resp = m;
            best = 0;
            for (int i = 1; i < n; i++) if (resp[i] > resp[best]) best = i;
            px = best % _cellsX;
            py = best / _cellsX;
        }
        float top = resp[best];
        double subX = Parabola(resp[py * _cellsX + (px + _cellsX - 1) % _cellsX], top, resp[py * _cellsX + (px + 1) % _cellsX]);
        double subY = Parabola(resp[((py + _cellsY - 1) % _cellsY) * _cellsX + px], top, resp[((py + 1) % _cellsY) * _cellsX + px]);
        double dxCells = (px > _cellsX / 2 ? px - _cellsX : px) + subX;
        double dyCells = (py > _cellsY / 2 ? py - _cellsY : py) + subY;
        double pixelsPerCell = _options.CellSize * _templateFactor * scale;
        return (dxCells * pixelsPerCell, dyCells * pixelsPerCell, psr);
    }

    /// <summary>Peak-to-sidelobe ratio, the sidelobe being everything outside a (2e+1)^2 area around the peak.</summary>
    private double Psr(float[] resp, int px, int py, float peak)
    {
        double sum = 0, sumSq = 0;
        int count = 0;
        for (int y = 0; y < _cellsY; y++)
        {
            int ddy = Math.Abs(y - py);
            ddy = Math.Min(ddy, _cellsY - ddy);
            for (int x = 0; x < _cellsX; x++)
            {
                int ddx = Math.Abs(x - px);
                ddx = Math.Min(ddx, _cellsX - ddx);
                if (ddx <= SidelobeExclusion && ddy <= SidelobeExclusion) continue;
                double v = resp[y * _cellsX + x];
                sum += v;
                sumSq += v * v;
                count++;
            }
        }
        double psr = 0;
        if (count > 1)
        {
            double mean = sum / count;
            double sd = Math.Sqrt(Math.Max(sumSq / count - mean * mean, 0));
            psr = sd > 0 ? (peak - mean) / sd : 0;
        }
        return psr;
    }

    private static double Parabola(float left, float centre, float right)
    {
        double d = left - 2.0 * centre + right;
        if (d >= 0) return 0;
        return Math.Clamp(0.5 * (left - right) / d, -0.5, 0.5);
    }

    public void Dispose()
    {
        // Only managed buffers: nothing to release, but the tracker must not be used afterwards.
        _initialized = false;
    }
}
