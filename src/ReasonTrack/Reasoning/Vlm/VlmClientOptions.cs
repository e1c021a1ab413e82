namespace ReasonTrack.Reasoning.Vlm;

/// <summary>
/// Settings of <see cref="OpenAiCompatibleChatClient"/>. Sampling fields left null here and in the call's ChatOptions
/// are not sent at all, so the server's own defaults apply (ReasoningTrack's released client sends neither temperature
/// nor max_tokens, and reproducing it means sending nothing).
/// </summary>
public sealed record VlmClientOptions
{
    /// <summary>Base address ending in <c>/v1</c>, e.g. <c>http://127.0.0.1:8000/v1</c>; <c>/chat/completions</c> is appended.</summary>
    public required Uri BaseUrl { get; init; }

    /// <summary>Model name sent as <c>model</c> unless a call's ChatOptions.ModelId overrides it.</summary>
    public required string Model { get; init; }

    /// <summary>
    /// Name of the environment variable holding the API key. The key itself never sits in options, logs or recordings
    /// so that a recording or a printed options object cannot leak it.
    /// </summary>
    public string ApiKeyEnvironmentVariable { get; init; } = "OPENAI_API_KEY";

    /// <summary>Key sent when the variable is unset or empty; vLLM's convention for "no key configured".</summary>
    public string FallbackApiKey { get; init; } = "EMPTY";

    /// <summary>Limit on one HTTP attempt (headers and full body; for streaming, until the first byte of the body).</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>Further attempts after the first on 429, 5xx or a failed/dropped connection.</summary>
    public int MaxRetries { get; init; } = 3;

    /// <summary>Backoff before retry n (0-based) is InitialBackoff * 2^n, capped by MaxBackoff, times a jitter in [0.5, 1].</summary>
    public TimeSpan InitialBackoff { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Upper bound of the computed backoff.</summary>
    public TimeSpan MaxBackoff { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>Upper bound on a server's Retry-After wait, so a misbehaving server cannot stall a run for hours.</summary>
    public TimeSpan MaxRetryAfter { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// The clock of the per-attempt timeout, the stream idle limit, the retry backoff and Retry-After dates. Tests pass
    /// a fake one and advance it, so that retry and timeout behaviour is checked without waiting.
    /// </summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>Requests in flight at once through one client (a GPU server queues the rest anyway; this keeps its queue short).</summary>
    public int MaxConcurrentRequests { get; init; } = 4;

    /// <summary>vLLM's <c>top_k</c> when a call does not set ChatOptions.TopK or AdditionalProperties["top_k"].</summary>
    public int? TopK { get; init; }

    /// <summary>vLLM's <c>repetition_penalty</c> when a call does not set AdditionalProperties["repetition_penalty"].</summary>
    public double? RepetitionPenalty { get; init; }

    /// <summary>Ask for usage in streams (<c>stream_options.include_usage</c>); off because not every server accepts it.</summary>
    public bool StreamIncludeUsage { get; init; }

    /// <summary>The full chat completions address.</summary>
    public Uri ChatCompletionsUri => new(BaseUrl.AbsoluteUri.TrimEnd('/') + "/chat/completions");
}
