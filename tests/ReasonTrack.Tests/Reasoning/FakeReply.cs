using System.Text;

namespace ReasonTrack.Tests.Reasoning;

/// <summary>
/// One scripted answer of <see cref="FakeVlmServer"/>. Build with the static factories; <see cref="After"/> delays any
/// of them, <see cref="Until"/> holds any of them until the test releases it. A <see cref="Text"/> reply to a request with <c>"stream": true</c> is sent as an SSE stream of small chunks.
/// </summary>
public sealed class FakeReply
{
    internal enum ReplyKind { Text, Status, Raw, Drop, Hang, Stream }

    private FakeReply(ReplyKind kind) => Kind = kind;

    internal ReplyKind Kind { get; }
    internal string? ReplyText { get; private init; }
    internal string FinishReason { get; private init; } = "stop";
    internal int PromptTokens { get; private init; }
    internal int CompletionTokens { get; private init; }
    internal int StatusCode { get; private init; } = 200;
    internal byte[] Body { get; private init; } = [];
    internal string ContentType { get; private init; } = "application/json";
    internal TimeSpan? RetryAfter { get; private init; }
    internal IReadOnlyList<string> Chunks { get; private init; } = [];
    internal bool DropMidStream { get; private init; }
    internal Task? DropWhen { get; private init; }

    /// <summary>Delay before anything is answered.</summary>
    public TimeSpan Delay { get; private init; }

    /// <summary>When set, nothing is answered before this task completes (the test decides when the model "finishes").</summary>
    public Task? Gate { get; private init; }

    /// <summary>A normal completion with this text (JSON, or SSE chunks if the request streams).</summary>
    public static FakeReply Text(string text, string finishReason = "stop", int promptTokens = 100, int completionTokens = 20) =>
        new(ReplyKind.Text) { ReplyText = text, FinishReason = finishReason, PromptTokens = promptTokens, CompletionTokens = completionTokens };

    /// <summary>An HTTP status with a body, optionally with a Retry-After header (whole seconds).</summary>
    public static FakeReply Status(int statusCode, string body = "{\"error\":{\"message\":\"scripted failure\"}}", TimeSpan? retryAfter = null) =>
        new(ReplyKind.Status) { StatusCode = statusCode, Body = Encoding.UTF8.GetBytes(body), RetryAfter = retryAfter };

    /// <summary>HTTP 200 with these exact bytes as body (e.g. JSON with invalid UTF-8 inside).</summary>
    public static FakeReply Raw(byte[] body, string contentType = "application/json") =>
        new(ReplyKind.Raw) { Body = body, ContentType = contentType };

    /// <summary>HTTP 200 with a body that is not JSON at all.</summary>
    public static FakeReply Garbage() => Raw([0x3C, 0x68, 0x74, 0x6D, 0x6C, 0xFF, 0xFE, 0x00, 0x7B, 0x7B, 0x22, 0x0A]);

    /// <summary>Abort the connection without answering.</summary>
    public static FakeReply Drop() => new(ReplyKind.Drop);

    /// <summary>Never answer; the request hangs until the client gives up or the server stops.</summary>
    public static FakeReply Hang() => new(ReplyKind.Hang);

    /// <summary>An SSE stream with these content chunks, then the finish reason and <c>[DONE]</c> (or a dropped connection).
    /// <paramref name="dropWhen"/>, if given, is when the connection is dropped midway: the test completes it once the
    /// client has read the first half (a reset discards data the client has not read yet).</summary>
    public static FakeReply Stream(IReadOnlyList<string> chunks, string finishReason = "stop", bool dropMidStream = false, Task? dropWhen = null) =>
        new(ReplyKind.Stream) { Chunks = chunks, FinishReason = finishReason, DropMidStream = dropMidStream, DropWhen = dropWhen };

    /// <summary>This reply, answered only after <paramref name="delay"/>.</summary>
    public FakeReply After(TimeSpan delay) => new(Kind)
    {
        ReplyText = ReplyText, FinishReason = FinishReason, PromptTokens = PromptTokens, CompletionTokens = CompletionTokens,
        StatusCode = StatusCode, Body = Body, ContentType = ContentType, RetryAfter = RetryAfter, Chunks = Chunks,
        DropMidStream = DropMidStream, DropWhen = DropWhen, Delay = delay, Gate = Gate,
    };

    /// <summary>This reply, held until <paramref name="gate"/> completes: a model that answers exactly when the test says.</summary>
    public FakeReply Until(Task gate) => new(Kind)
    {
        ReplyText = ReplyText, FinishReason = FinishReason, PromptTokens = PromptTokens, CompletionTokens = CompletionTokens,
        StatusCode = StatusCode, Body = Body, ContentType = ContentType, RetryAfter = RetryAfter, Chunks = Chunks,
        DropMidStream = DropMidStream, DropWhen = DropWhen, Delay = Delay, Gate = gate,
    };
}
