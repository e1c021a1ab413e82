namespace ReasonTrack.Training.Data;

/// <summary>
/// How R1-Track pairs pick their two frames.
/// <para>
/// <see cref="UsableFrames"/> is the default although it is ours, for two stated reasons: (1) the released
/// <c>generation_data/sampling_data.py</c> cannot produce the published training sets: it writes one 336 px pair per
/// video (about 9.3k pairs from GOT-10k train), while the published 100k set mixes 112/224/336/448 px, so the recipe
/// of the data the released models were trained on is not released and "released" is not "what the models saw";
/// (2) the released draw takes frames where the dataset marks the target absent, writing an answer box for a target
/// that is not in the search crop, and drops a whole video when a drawn frame's box has no area.
/// <see cref="Released"/> reproduces the script for users who want its data exactly.
/// </para>
/// </summary>
public enum R1TrackSampling
{
    /// <summary>Ours (default): two distinct frames with a visible target and a valid box; any number of pairs per video and sizes.</summary>
    UsableFrames,

    /// <summary>
    /// The released <c>generation_data/sampling_data.py</c>: <c>random.sample</c> of two frames over all frames (no
    /// absence or box check), one pair per video, 336 px only, factor U(2, 8), centre shift U(-0.2, 0.2) x crop, box
    /// corners cast with <c>int()</c>; a video on which the crop raises (a drawn box with no area or not finite) is
    /// dropped (the script drops it silently; here it is listed among the skipped videos with the reason).
    /// </summary>
    Released,
}
