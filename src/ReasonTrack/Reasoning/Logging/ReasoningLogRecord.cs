namespace ReasonTrack.Reasoning.Logging;

/// <summary>One line of <c>&lt;name&gt;_reasoning.jsonl</c>: one reasoning call, or one that was superseded or failed.</summary>
public sealed record ReasoningLogRecord
{
    /// <summary>
    /// 1-based frame the call was asked about (ReasoningTrack: the check frame, sent as image 2, whose box becomes
    /// <c>his</c>).
    /// </summary>
    public required int Frame { get; init; }

    /// <summary>
    /// 1-based frame at which the answer was applied (realtime: later than <see cref="Frame"/>); null if never. For
    /// ReasoningTrack the first frame tracked with the new description (sync: <see cref="Frame"/> + 1, as released).
    /// </summary>
    public int? AppliedAtFrame { get; init; }

    /// <summary>
    /// <c>reasoningtrack</c>, <c>r1track</c>, <c>vptracker</c> (released systems), or a mode of our own design, marked by
    /// the <c>-ours</c> suffix: <c>instruction-ours</c> (TrackGPT-like; nothing of it was released) and
    /// <c>text-init-ours</c> (text initialization: R1-Track's released one does not work).
    /// </summary>
    public required string Mode { get; init; }

    /// <summary>What caused the call: <c>interval</c>, <c>motion</c>, <c>confidence</c>, <c>lost</c>, <c>init</c>, <c>every-frame</c>, ...</summary>
    public required string Trigger { get; init; }

    /// <summary><c>ok</c>, <c>fallback</c> (reply unusable, previous state kept), <c>error</c>, <c>superseded</c>, <c>stale</c> (answered too late), <c>rejected</c> (refused by a guard).</summary>
    public required string Status { get; init; }

    /// <summary>Sizes of the images sent, e.g. <c>["640x360", "640x360"]</c>.</summary>
    public IReadOnlyList<string> Images { get; init; } = [];

    /// <summary>
    /// How each image was encoded, in the order of <see cref="Images"/>: e.g. <c>file 00715.png (png) as image/jpeg</c>
    /// (ReasoningTrack, released), <c>jpeg q95 4:2:0</c> (R1-Track, released), <c>png</c> (VPTracker, released), or
    /// <c>png (fallback: no source file)</c> when file bytes were asked for a frame that has no file.
    /// </summary>
    public IReadOnlyList<string> ImageEncodings { get; init; } = [];

    /// <summary>
    /// Thumbnails of the images sent, in the order of <see cref="Images"/>, as paths relative to the log's folder
    /// (<c>vlm-thumbnails/&lt;sha&gt;.jpg</c>); empty unless the run kept them (<see cref="SentImageThumbnails"/>, ours).
    /// </summary>
    public IReadOnlyList<string> ImageThumbnails { get; init; } = [];

    /// <summary>SHA-256 (first 16 hex digits) of the prompt text, to tell prompts apart without storing them each time.</summary>
    public string? PromptHash { get; init; }

    /// <summary>The reply as received, cut to the log's <see cref="ReasoningLog.MaxStoredReplyChars"/> (see <see cref="ReplyTruncated"/>).</summary>
    public string? RawReply { get; init; }

    /// <summary>True when <see cref="RawReply"/> was cut to the log's bound; null when stored whole.</summary>
    public bool? ReplyTruncated { get; init; }

    /// <summary>Length of the reply as received (UTF-16 characters) when <see cref="RawReply"/> was cut; null otherwise.</summary>
    public int? ReplyLength { get; init; }

    /// <summary>The parsed decision in words (e.g. <c>d=yes</c>, <c>visible=no</c>, <c>box</c>).</summary>
    public string? Decision { get; init; }

    public string? Description { get; init; }

    /// <summary>A box the call produced, <c>x,y,w,h</c> in frame pixels.</summary>
    public string? Box { get; init; }

    public double? LatencyMs { get; init; }

    public string? Error { get; init; }

    /// <summary>Why a parser fell back, when it did.</summary>
    public string? ParseNote { get; init; }
}
