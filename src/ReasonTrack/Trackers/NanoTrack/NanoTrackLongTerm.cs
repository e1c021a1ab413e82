using ReasonTrack.Geometry;
using ReasonTrack.Media;

namespace ReasonTrack.Trackers.NanoTrack;

/// <summary>
/// Lost signal and global re-detection over a <see cref="NanoTrackTracker"/> (ours, issue 15 item 3).
/// <para>Lost signal: every frame the released update runs, then <see cref="NanoTrackPresenceModel"/> turns the
/// chosen point's response-map PSR, its backbone-feature similarity to the template and the colour similarity of its
/// box to the first frame's into a probability that the box is on the target; <see cref="TrackResult.Score"/> is that
/// probability and <see cref="TrackResult.Found"/> is it against <see cref="NanoTrackLongTermOptions.FoundThreshold"/>.
/// The released score cannot serve: it stays near 0.9 on look-alikes while the target is out of view.</para>
/// <para>Re-detection: after <see cref="NanoTrackLongTermOptions.LostFrames"/> frames not found in a row the tracker
/// searches the whole frame besides its local update: each frame it evaluates the search crop at the last found box
/// plus <see cref="NanoTrackLongTermOptions.RedetectWindows"/> crops taken in turn from a grid covering the frame
/// (step half a crop, nearest to the last found box first), all at the last found size. The best crop by presence is
/// evaluated again centred on its best point; the tracker jumps there only if that reaches
/// <see cref="NanoTrackLongTermOptions.ReacquireThreshold"/>, beats the local box's presence by
/// <see cref="NanoTrackLongTermOptions.ReacquireMargin"/> and lies away from it (IoU below 0.3). The local box is
/// found again when its own presence reaches the re-acquire threshold (hysteresis against flicker). While the local
/// box's recent presence (exponential mean, weight 0.2 a frame) stays above <see cref="NanoTrackLongTermOptions.LocalGate"/>
/// the frame is not searched at all: the local box is then as often a present target that changed appearance as a
/// drift onto background, and a look-alike elsewhere (another pedestrian: v1 on Crossing) must not pull the tracker
/// away. On absent frames of the tuning data that mean is below 0.21 nine times out of ten.</para>
/// <para>While lost the box reported is the tracker's own local estimate with Found false, as the released tracker
/// does when its score is low: the local update never stops. (The first version froze the box at the last found one
/// and stopped the local search; on a present target whose appearance changed - KiteSurf, wakeboard7 - a false
/// "lost" then left the box behind while the target moved on, and a look-alike elsewhere was re-acquired.)</para>
/// Per-frame work allocates nothing; the grid's arrays grow only when a re-detection needs more windows than any
/// before it.
/// </summary>
public sealed class NanoTrackLongTerm
{
    private readonly NanoTrackLongTermOptions _options;
    private readonly NanoTrackTracker _tracker;
    private readonly TargetColorHistogram _color = new();

    private bool _lost;
    private int _lowStreak;
    private Box _good;
    private int _cursor;
    private double _localMean;
    private bool _justLost;
    private int _gridCount;
    private double[] _gridX = [], _gridY = [], _gridKey = [];
    private int[] _gridOrder = [];

    internal NanoTrackLongTerm(NanoTrackLongTermOptions options, NanoTrackTracker tracker)
    {
        if (options.LostFrames < 1) throw new ArgumentOutOfRangeException(nameof(options), "LostFrames must be >= 1");
        if (options.RedetectWindows < 0) throw new ArgumentOutOfRangeException(nameof(options), "RedetectWindows must be >= 0");
        _options = options;
        _tracker = tracker;
    }

    /// <summary>True while the tracker searches the frame for a lost target.</summary>
    public bool IsRedetecting => _lost;

    /// <summary>Frames spent in re-detection since <see cref="NanoTrackTracker.Initialize"/>.</summary>
    public int RedetectionFrames { get; private set; }

    /// <summary>Search crops evaluated by re-detection (each one backbone + head run) since initialisation.</summary>
    public long RedetectionProbes { get; private set; }

    /// <summary>Times the tracker jumped to a re-detected window since initialisation (a target found again by the local update does not count).</summary>
    public int Reacquisitions { get; private set; }

    /// <summary>Presence probability of the last frame's chosen box.</summary>
    public double LastPresence { get; private set; }

    internal void Initialize(ImageFrame frame, Box box)
    {
        _color.Learn(frame, box);
        _lost = false;
        _lowStreak = 0;
        _good = _tracker.CurrentBox;
        _gridCount = 0;
        RedetectionFrames = 0;
        RedetectionProbes = 0;
        Reacquisitions = 0;
        LastPresence = 1;
    }

    internal TrackResult Update(ImageFrame frame)
    {
        // The released update always runs: while "lost" the tracker keeps following its own best local match (the
        // lost signal is sometimes wrong on a present target that changed appearance, and then the local match is
        // still the best guess there is).
        var step = _tracker.Step(frame);
        Box local = step.Box;
        double p = Presence(frame, local);
        LastPresence = p;
        if (!_lost)
        {
            if (p >= _options.FoundThreshold)
            {
                _lowStreak = 0;
                _good = local;
                return new TrackResult(local, p, true);
            }
            if (++_lowStreak < _options.LostFrames) return new TrackResult(local, p, false);
            _lost = true;
            _justLost = true;
            BuildGrid(frame);
            return new TrackResult(local, p, false);
        }
        return Redetect(frame, local, p);
    }

    /// <summary>
    /// One frame of re-detection after the local update gave <paramref name="local"/> with presence
    /// <paramref name="localP"/>. Hysteresis: while lost, the local box counts as found again only at
    /// <see cref="NanoTrackLongTermOptions.ReacquireThreshold"/>; a global candidate must reach it too, and also lie
    /// away from the local box and beat the local presence by <see cref="NanoTrackLongTermOptions.ReacquireMargin"/>
    /// before the tracker jumps to it.
    /// </summary>
    private TrackResult Redetect(ImageFrame frame, Box local, double localP)
    {
        RedetectionFrames++;
        // Recent local presence (exponential mean over about 5 frames; starts from this frame's at each loss).
        _localMean = _justLost ? localP : 0.8 * _localMean + 0.2 * localP;
        _justLost = false;
        if (localP >= _options.ReacquireThreshold)
        {
            _lost = false;
            _lowStreak = 0;
            _good = local;
            return new TrackResult(local, localP, true);
        }
        // The local box still looks half like the target (a false "lost" on a target that changed appearance, as
        // often as a drift onto background): no jump is allowed, so the frame is not searched.
        if (_localMean > _options.LocalGate)
        {
            LastPresence = localP;
            return new TrackResult(local, localP, false);
        }
        // Probes search at the last found size (while lost the local box's size drifts, often down to the 10-pixel
        // floor); the local state is restored below unless the tracker jumps.
        _tracker.MoveTo(_good);
        double wi = _tracker.WindowInfluence;
        var (gx, gy) = _good.Center;
        Box best = _tracker.Probe(frame, gx, gy, wi);
        double bestP = Presence(frame, best);
        int probes = 1;
        int budget = Math.Min(_options.RedetectWindows, _gridCount);
        for (int i = 0; i < budget; i++)
        {
            if (_cursor >= _gridCount) _cursor = 0;
            int g = _gridOrder[_cursor++];
            var box = _tracker.Probe(frame, _gridX[g], _gridY[g], wi);
            double p = Presence(frame, box);
            probes++;
            if (p > bestP)
            {
                bestP = p;
                best = box;
            }
        }
        // The best crop saw its point off-centre, where the cosine window and the crop border weaken it: look again
        // centred on it, and decide on that view.
        var (bx, by) = best.Center;
        Box refined = _tracker.Probe(frame, bx, by, wi);
        double refinedP = Presence(frame, refined);
        probes++;
        RedetectionProbes += probes;
        if (Qualifies(refined, refinedP, local, localP))
        {
            _lost = false;
            _lowStreak = 0;
            Reacquisitions++;
            _tracker.MoveTo(refined);
            _good = refined;
            LastPresence = refinedP;
            return new TrackResult(refined, refinedP, true);
        }
        _tracker.MoveTo(local);
        LastPresence = localP;
        return new TrackResult(local, localP, false);
    }

    /// <summary>A global candidate worth jumping to: confident, clearly better than the local box, elsewhere.</summary>
    private bool Qualifies(Box candidate, double p, Box local, double localP) =>
        p >= _options.ReacquireThreshold && p >= localP + _options.ReacquireMargin && Overlap.Iou(candidate, local) < 0.3;

    private double Presence(ImageFrame frame, Box box) =>
        _options.Presence.Probability(_tracker.LastCues, _color.Similarity(frame, box));

    /// <summary>Window centres covering the frame at half the search crop's side, nearest to the last found box first.</summary>
    private void BuildGrid(ImageFrame frame)
    {
        double step = Math.Max(8, _tracker.SearchRegionPixels / 2);
        int nx = Math.Max(1, (int)Math.Ceiling(frame.Width / step)), ny = Math.Max(1, (int)Math.Ceiling(frame.Height / step));
        int n = nx * ny;
        if (_gridX.Length < n)
        {
            int cap = Math.Max(n, 2 * _gridX.Length);
            _gridX = new double[cap];
            _gridY = new double[cap];
            _gridKey = new double[cap];
            _gridOrder = new int[cap];
        }
        var (gx, gy) = _good.Center;
        for (int j = 0; j < ny; j++)
        {
            for (int i = 0; i < nx; i++)
            {
                int k = j * nx + i;
                _gridX[k] = (i + 0.5) * frame.Width / nx;
                _gridY[k] = (j + 0.5) * frame.Height / ny;
                double dx = _gridX[k] - gx, dy = _gridY[k] - gy;
                _gridKey[k] = dx * dx + dy * dy;
                _gridOrder[k] = k;
            }
        }
        Array.Sort(_gridKey, _gridOrder, 0, n);
        _gridCount = n;
        _cursor = 0;
    }
}
