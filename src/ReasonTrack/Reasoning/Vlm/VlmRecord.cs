using System.Text.Json.Nodes;

namespace ReasonTrack.Reasoning.Vlm;

/// <summary>
/// One line of a VLM recording (JSONL): the request as sent (images as digests), its sampling fields, the outcome and
/// timing. Never holds the API key: the key only ever lives in the Authorization header.
/// </summary>
public sealed record VlmRecord
{
    public DateTimeOffset Timestamp { get; init; }
    public required string Model { get; init; }

    /// <summary>SHA-256 of model + messages + sampling (stream flag excluded); what <see cref="ReplayMatching.ByRequestHash"/> matches.</summary>
    public required string RequestHash { get; init; }

    public required IReadOnlyList<VlmRecordedMessage> Messages { get; init; }

    /// <summary>The sampling fields exactly as sent (only those that were set).</summary>
    public JsonObject? Sampling { get; init; }

    public bool Stream { get; init; }
    /// <summary>The reply, cut to the recorder's <see cref="VlmRecorder.MaxStoredReplyChars"/> (see <see cref="ReplyTruncated"/>).</summary>
    public string? ReplyText { get; init; }

    /// <summary>
    /// True when <see cref="ReplyText"/> was cut to the recorder's bound; null when stored whole. Replaying such a
    /// record is refused: the reply it would return is not the one the server gave.
    /// </summary>
    public bool? ReplyTruncated { get; init; }

    /// <summary>Length of the reply as received (UTF-16 characters) when <see cref="ReplyText"/> was cut; null otherwise.</summary>
    public int? ReplyLength { get; init; }

    /// <summary>Server's finish reason, e.g. <c>stop</c> or <c>length</c> (cut off by max_tokens).</summary>
    public string? FinishReason { get; init; }

    public long? InputTokens { get; init; }
    public long? OutputTokens { get; init; }
    public double LatencyMs { get; init; }
    public int Attempts { get; init; }
    public int? StatusCode { get; init; }

    /// <summary>Failure message when the request failed; null on success.</summary>
    public string? Error { get; init; }
}
