using ReasonTrack.Media;

namespace ReasonTrack.Trackers.Dcf;

/// <summary>
/// DSST's 1-D scale filter: the target is resampled at S scales (<c>step^n</c>, n centred on 0) to one small patch
/// size, each sample described by fHOG and weighted by a Hann window over the scales; a multi-channel correlation
/// filter along the scale axis (one channel per feature dimension) is learned against a 1-D Gaussian label and its
/// response peak gives the scale change. All buffers are allocated here, none per frame.
/// </summary>
internal sealed class ScaleFilter
{
    private readonly DcfOptions _options;
    private readonly int _count;
    private readonly double[] _factors;
    private readonly float[] _window;
    private readonly ComplexF[] _label;
    private readonly int _modelW;
    private readonly int _modelH;
    private readonly FhogExtractor _hog;
    private readonly PatchSampler _sampler;
    private readonly float[] _patch;
    private readonly float[] _feature;
    private readonly int _dims;
    private readonly ComplexF[] _samples; // [dim][scale], spectra along the scale axis
    private readonly ComplexF[] _numerator;
    private readonly float[] _denominator;
    private readonly ComplexF[] _line;
    private readonly ComplexF[] _lineOut;
    private readonly float[] _response;
    private readonly FftPlan _plan;
    private bool _trained;

    public ScaleFilter(DcfOptions options, double targetW, double targetH)
    {
        _options = options;
        _count = options.Scales;
        _factors = new double[_count];
        _window = new float[_count];
        int centre = _count / 2;
        double sigma = Math.Sqrt(_count) / 4; // DSST's scale_sigma_factor 1/4
        var label = new ComplexF[_count];
        for (int n = 0; n < _count; n++)
        {
            int ss = n - centre;
            _factors[n] = Math.Pow(options.ScaleStep, ss);
            _window[n] = (float)(0.5 * (1 - Math.Cos(2 * Math.PI * (n + 0.5) / _count)));
            label[n] = new ComplexF((float)Math.Exp(-0.5 * ss * ss / (sigma * sigma)), 0);
        }
        _plan = new FftPlan(_count);
        _label = new ComplexF[_count];
        _plan.Transform(label, 0, 1, _label, 0, inverse: false);

        // Scale samples are resampled to a fixed area (both up and down), at least two cells a side.
        int cell = options.CellSize;
        double f = Math.Sqrt(options.ScaleModelArea / (targetW * targetH));
        _modelW = Math.Max(2 * cell, (int)Math.Round(targetW * f / cell) * cell);
        _modelH = Math.Max(2 * cell, (int)Math.Round(targetH * f / cell) * cell);
        _hog = new FhogExtractor(_modelW, _modelH, cell);
        _sampler = new PatchSampler(_modelW, _modelH);
        _patch = new float[_modelW * _modelH];
        _feature = new float[_hog.OutputLength];
        _dims = _hog.OutputLength;
        _samples = new ComplexF[_dims * _count];
        _numerator = new ComplexF[_dims * _count];
        _denominator = new float[_count];
        _line = new ComplexF[_count];
        _lineOut = new ComplexF[_count];
        _response = new float[_count];
    }

    public double MinFactor => _factors[0];
    public double MaxFactor => _factors[_count - 1];

    /// <summary>Scale change (multiplier of the current target size) that fits the frame best at this position.</summary>
    public double Estimate(ImageFrame frame, double cx, double cy, double targetW, double targetH)
    {
        if (!_trained) return 1;
        Sample(frame, cx, cy, targetW, targetH);
        float lambda = (float)_options.Lambda;
        for (int k = 0; k < _count; k++)
        {
            ComplexF acc = default;
            for (int d = 0; d < _dims; d++)
            {
                ComplexF a = _numerator[d * _count + k], z = _samples[d * _count + k];
                // conj(a) * z
                acc.Re += a.Re * z.Re + a.Im * z.Im;
                acc.Im += a.Re * z.Im - a.Im * z.Re;
            }
            float inv = 1f / (_denominator[k] + lambda);
            _line[k] = new ComplexF(acc.Re * inv, acc.Im * inv);
        }
        _plan.Transform(_line, 0, 1, _lineOut, 0, inverse: true);
        int best = 0;
        for (int n = 0; n < _count; n++)
        {
            _response[n] = _lineOut[n].Re;
            if (_response[n] > _response[best]) best = n;
        }
        // Sub-scale refinement (parabola through the peak and its neighbours): a target that changes size by less
        // than one step per frame would otherwise never move the integer peak while the model adapts to the wrong size.
        if (best == 0 || best == _count - 1) return _factors[best];
        double l = _response[best - 1], c = _response[best], r = _response[best + 1];
        double curv = l - 2 * c + r;
        double delta = curv < 0 ? Math.Clamp(0.5 * (l - r) / curv, -0.5, 0.5) : 0;
        return Math.Pow(_options.ScaleStep, best - _count / 2 + delta);
    }

    /// <summary>Learns from the target at this position and size (rate 1 on the first call).</summary>
    public void Train(ImageFrame frame, double cx, double cy, double targetW, double targetH)
    {
        Sample(frame, cx, cy, targetW, targetH);
        float eta = _trained ? (float)_options.ScaleLearningRate : 1f;
        for (int k = 0; k < _count; k++) _denominator[k] *= 1 - eta;
        for (int d = 0; d < _dims; d++)
        {
            int o = d * _count;
            for (int k = 0; k < _count; k++)
            {
                ComplexF x = _samples[o + k], y = _label[k];
                // conj(y) * x
                var num = new ComplexF(y.Re * x.Re + y.Im * x.Im, y.Re * x.Im - y.Im * x.Re);
                ComplexF old = _numerator[o + k];
                _numerator[o + k] = new ComplexF((1 - eta) * old.Re + eta * num.Re, (1 - eta) * old.Im + eta * num.Im);
                _denominator[k] += eta * (x.Re * x.Re + x.Im * x.Im);
            }
        }
        _trained = true;
    }

    private void Sample(ImageFrame frame, double cx, double cy, double targetW, double targetH)
    {
        for (int n = 0; n < _count; n++)
        {
            double f = _factors[n];
            _sampler.Sample(frame, cx, cy, targetW * f, targetH * f, _modelW, _modelH, _patch, null, null);
            _hog.Compute(_patch, _feature, 0);
            float w = _window[n];
            for (int d = 0; d < _dims; d++) _samples[d * _count + n] = new ComplexF(_feature[d] * w, 0);
        }
        for (int d = 0; d < _dims; d++)
        {
            _plan.Transform(_samples, d * _count, 1, _lineOut, 0, inverse: false);
            Array.Copy(_lineOut, 0, _samples, d * _count, _count);
        }
    }
}
