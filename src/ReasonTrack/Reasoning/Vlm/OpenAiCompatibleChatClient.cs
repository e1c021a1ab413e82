using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.AI;

namespace ReasonTrack.Reasoning.Vlm;

/// <summary>
/// <see cref="IChatClient"/> for OpenAI-compatible <c>/v1/chat/completions</c> servers (vLLM, SGLang, llama.cpp, Ollama,
/// LM Studio) over plain HttpClient. Written here rather than taken from the OpenAI SDK because the SDK sends
/// <c>max_completion_tokens</c> where vLLM reads <c>max_tokens</c>, and cannot send vLLM's extra sampling fields.
/// Retries 408/429/5xx and connection failures with exponential backoff and jitter (honouring Retry-After), limits
/// concurrent requests, and reports every failure as <see cref="VlmRequestException"/>.
/// </summary>
public sealed class OpenAiCompatibleChatClient : IChatClient
{
    private const int ExcerptLength = 400;

    // Replacement-character decoding: a model may emit bytes that are not valid UTF-8 and the reply should still arrive.
    private static readonly UTF8Encoding LenientUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false);

    private readonly VlmClientOptions _options;
    private readonly HttpClient _http;
    private readonly bool _ownsHttp;
    private readonly SemaphoreSlim _gate;
    private readonly VlmRecorder? _recorder;
    private readonly Action<VlmRecord>? _recordSink;
    private readonly string _apiKey;
    private readonly Uri _endpoint;

    // Set once any HTTP response (of any status) has arrived: from then on a refused connection is a server
    // restarting and is retried; before it, the address is most likely wrong and retrying only wastes minutes.
    private volatile bool _everReached;
    /// <summary>The endpoint as messages show it: without user name and password.</summary>
    private readonly string _shownEndpoint;

    /// <param name="options">Server, model and retry settings.</param>
    /// <param name="recorder">When given, every call (success or failure) is appended to it.</param>
    /// <param name="httpClient">Optional shared HttpClient (not disposed by this client); its own Timeout should be infinite.</param>
    public OpenAiCompatibleChatClient(VlmClientOptions options, VlmRecorder? recorder = null, HttpClient? httpClient = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!options.BaseUrl.IsAbsoluteUri || (options.BaseUrl.Scheme != Uri.UriSchemeHttp && options.BaseUrl.Scheme != Uri.UriSchemeHttps))
            throw new InvalidSettingException(nameof(VlmClientOptions.BaseUrl), $"VlmClientOptions.BaseUrl must be an absolute http(s) address ending in /v1, got {IO.UrlRedaction.Redact(options.BaseUrl)}");
        ArgumentException.ThrowIfNullOrWhiteSpace(options.Model, nameof(options));
        ArgumentOutOfRangeException.ThrowIfNegative(options.MaxRetries, nameof(options));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.MaxConcurrentRequests, nameof(options));
        if (options.RequestTimeout <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(options), options.RequestTimeout, "request timeout must be positive");

        _options = options;
        _recorder = recorder;
        _endpoint = options.ChatCompletionsUri;
        _shownEndpoint = IO.UrlRedaction.Redact(_endpoint);
        _gate = new SemaphoreSlim(options.MaxConcurrentRequests, options.MaxConcurrentRequests);
        string? key = Environment.GetEnvironmentVariable(options.ApiKeyEnvironmentVariable);
        _apiKey = string.IsNullOrEmpty(key) ? options.FallbackApiKey : key;
        if (httpClient is null)
        {
            // Per-request timeouts come from our own token; HttpClient's global timeout would race with them.
            _http = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) }) { Timeout = Timeout.InfiniteTimeSpan };
            _ownsHttp = true;
        }
        else
        {
            _http = httpClient;
        }
    }

    /// <summary>
    /// A client whose records go to <paramref name="recordSink"/> instead of a recorder: a fleet keeps the record of an
    /// attempt it re-sends elsewhere out of the recording, so that a replay sees what the caller got.
    /// </summary>
    internal OpenAiCompatibleChatClient(VlmClientOptions options, Action<VlmRecord> recordSink, HttpClient? httpClient = null)
        : this(options, (VlmRecorder?)null, httpClient) => _recordSink = recordSink;

    public VlmClientOptions Options => _options;

    public async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var request = Prepare(messages, options);
        byte[] body = request.WriteBody(stream: false, streamIncludeUsage: false);
        var clock = Stopwatch.StartNew();
        int attempts = 0;
        try
        {
            (byte[] reply, attempts) = await ExecuteAsync(body, stream: false, gatePerAttempt: true,
                async (resp, token) =>
                {
                    using (resp) return await resp.Content.ReadAsByteArrayAsync(token).ConfigureAwait(false);
                }, cancellationToken).ConfigureAwait(false);
            var response = ParseCompletion(reply, attempts);
            Record(request, false, clock, attempts, response.Text, response.FinishReason?.Value, response.Usage, null);
            return response;
        }
        catch (VlmRequestException e)
        {
            Record(request, false, clock, e.Attempts, null, null, null, e);
            throw;
        }
        catch (OperationCanceledException e)
        {
            Record(request, false, clock, attempts, null, null, null, e);
            throw;
        }
    }

    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var request = Prepare(messages, options);
        byte[] body = request.WriteBody(stream: true, _options.StreamIncludeUsage);
        var clock = Stopwatch.StartNew();
        var state = new StreamState();
        // A stream holds its permit from the first attempt to the last chunk: the server is busy for all of it.
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            HttpResponseMessage? response = await OpenStreamAsync(body, state, cancellationToken).ConfigureAwait(false);
            using (response)
            {
                Stream stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
                using var reader = new StreamReader(stream, LenientUtf8);
                while (true)
                {
                    ChatResponseUpdate? update = await ReadChunkAsync(reader, state, cancellationToken).ConfigureAwait(false);
                    if (update is null) break;
                    yield return update;
                }
            }
        }
        finally
        {
            _gate.Release();
            Record(request, true, clock, state.Attempts, state.Text.ToString(), state.FinishReason, state.Usage, state.Error);
        }
    }

    public object? GetService(Type serviceType, object? serviceKey = null)
    {
        ArgumentNullException.ThrowIfNull(serviceType);
        if (serviceKey is not null) return null;
        if (serviceType == typeof(ChatClientMetadata)) return new ChatClientMetadata("openai-compatible", new Uri(IO.UrlRedaction.Redact(_options.BaseUrl)), _options.Model);
        return serviceType.IsInstanceOfType(this) ? this : null;
    }

    public void Dispose()
    {
        if (_ownsHttp) _http.Dispose();
        _gate.Dispose();
    }

    private PreparedChatRequest Prepare(IEnumerable<ChatMessage> messages, ChatOptions? options) =>
        PreparedChatRequest.Create(messages, options, _options.TopK, _options.RepetitionPenalty, _options.Model);

    private async Task<HttpResponseMessage> OpenStreamAsync(byte[] body, StreamState state, CancellationToken cancellationToken)
    {
        try
        {
            (HttpResponseMessage response, state.Attempts) = await ExecuteAsync(body, stream: true, gatePerAttempt: false,
                (resp, _) => Task.FromResult(resp), cancellationToken).ConfigureAwait(false);
            return response;
        }
        catch (Exception e) when (e is VlmRequestException or OperationCanceledException)
        {
            state.Error = e;
            if (e is VlmRequestException v) state.Attempts = v.Attempts;
            throw;
        }
    }

    /// <summary>Next update of an SSE stream, or null at <c>[DONE]</c> / end of stream.</summary>
    private async Task<ChatResponseUpdate?> ReadChunkAsync(StreamReader reader, StreamState state, CancellationToken cancellationToken)
    {
        try
        {
            while (true)
            {
                string? line;
                // Idle limit between lines, so a server that stalls mid-stream cannot hang the caller forever.
                using (var idleTimer = new CancellationTokenSource(_options.RequestTimeout, _options.Time))
                using (var idle = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, idleTimer.Token))
                {
                    try
                    {
                        line = await reader.ReadLineAsync(idle.Token).ConfigureAwait(false);
                    }
                    catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
                    {
                        throw new VlmRequestException($"stream from {_shownEndpoint} stalled for {_options.RequestTimeout}", attempts: state.Attempts, isTimeout: true, innerException: e);
                    }
                }
                if (line is null) return null;
                if (!line.StartsWith("data:", StringComparison.Ordinal)) continue; // blank separators, comments, event: lines
                string data = line[5..].Trim();
                if (data == "[DONE]") return null;
                if (data.Length == 0) continue;
                var update = ParseChunk(data, state);
                if (update is not null) return update;
            }
        }
        catch (Exception e) when (e is HttpRequestException or IOException)
        {
            var failure = new VlmRequestException($"stream from {_shownEndpoint} broke off after {state.Text.Length} characters: {e.Message}", attempts: state.Attempts, innerException: e);
            state.Error = failure;
            throw failure;
        }
        catch (Exception e) when (e is VlmRequestException or OperationCanceledException)
        {
            state.Error = e;
            throw;
        }
    }

    private ChatResponseUpdate? ParseChunk(string data, StreamState state)
    {
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(data);
        }
        catch (JsonException e)
        {
            throw new VlmRequestException($"stream chunk from {_shownEndpoint} is not valid JSON", HttpStatusCode.OK, state.Attempts, Excerpt(data), innerException: e);
        }
        using (doc)
        {
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
                throw new VlmRequestException($"stream chunk from {_shownEndpoint} is not a JSON object", HttpStatusCode.OK, state.Attempts, Excerpt(data));
            ThrowIfErrorObject(root, state.Attempts, data);
            var contents = new List<AIContent>();
            string? finish = null;
            if (root.TryGetProperty("choices", out var choices) && choices.ValueKind == JsonValueKind.Array && choices.GetArrayLength() > 0)
            {
                var choice = choices[0];
                if (choice.TryGetProperty("delta", out var delta) && delta.ValueKind == JsonValueKind.Object)
                {
                    string? text = ContentText(delta);
                    if (!string.IsNullOrEmpty(text))
                    {
                        contents.Add(new TextContent(text));
                        state.Text.Append(text);
                    }
                }
                finish = StringOrNull(choice, "finish_reason");
                if (finish is not null) state.FinishReason = finish;
            }
            if (ReadUsage(root) is { } usage)
            {
                contents.Add(new UsageContent(usage));
                state.Usage = usage;
            }
            if (contents.Count == 0 && finish is null) return null;
            return new ChatResponseUpdate(ChatRole.Assistant, contents)
            {
                FinishReason = finish is null ? null : new ChatFinishReason(finish),
                ModelId = StringOrNull(root, "model"),
                ResponseId = StringOrNull(root, "id"),
            };
        }
    }

    /// <summary>
    /// Sends with retries. <paramref name="onSuccess"/> runs inside the attempt's timeout and retry scope, so a
    /// connection dropped while the body is read is retried like one dropped before the headers.
    /// </summary>
    private async Task<(T Result, int Attempts)> ExecuteAsync<T>(byte[] body, bool stream, bool gatePerAttempt,
        Func<HttpResponseMessage, CancellationToken, Task<T>> onSuccess, CancellationToken cancellationToken)
    {
        for (int attempt = 1; ; attempt++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            TimeSpan? retryAfter = null;
            if (gatePerAttempt) await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                using var timer = new CancellationTokenSource(_options.RequestTimeout, _options.Time);
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timer.Token);
                try
                {
                    using var message = new HttpRequestMessage(HttpMethod.Post, _options.ChatCompletionsUri) { Content = new ByteArrayContent(body) };
                    message.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
                    message.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _apiKey);
                    if (stream) message.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));
                    var response = await _http.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, timeout.Token).ConfigureAwait(false);
                    _everReached = true;
                    if (response.IsSuccessStatusCode) return (await onSuccess(response, timeout.Token).ConfigureAwait(false), attempt);
                    using (response)
                    {
                        var status = response.StatusCode;
                        string excerpt = await ReadExcerptAsync(response, timeout.Token).ConfigureAwait(false);
                        if (!IsRetryable(status) || attempt > _options.MaxRetries)
                        {
                            string why = IsRetryable(status) ? $" (gave up after {attempt} attempts)" : "";
                            throw new VlmRequestException($"{_shownEndpoint} answered {(int)status} {response.ReasonPhrase}{why}: {excerpt}", status, attempt, excerpt);
                        }
                        retryAfter = RetryAfter(response);
                    }
                }
                catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
                {
                    // Our timeout fired (the caller's token did not). Not retried: a server too slow once is likely slow again,
                    // and retrying would multiply the wait the caller configured.
                    throw new VlmRequestException($"{_shownEndpoint} did not answer within {_options.RequestTimeout}", attempts: attempt, isTimeout: true, innerException: e);
                }
                catch (HttpRequestException e) when (!_everReached && !cancellationToken.IsCancellationRequested
                                                     && e.HttpRequestError is HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError)
                {
                    // Fail fast: nothing has ever answered at this address (connection refused, unknown host). Retries
                    // with backoff would cost seconds per call and minutes per sequence before anyone hears of it.
                    string what = e.HttpRequestError == HttpRequestError.NameResolutionError ? "its host name does not resolve" : "nothing accepts connections there";
                    throw new VlmRequestException($"cannot reach the VLM server at {_shownEndpoint} ({what}: {e.Message}); no call of this client has ever been answered, so it is not retried",
                        attempts: attempt, isUnreachable: true, innerException: e);
                }
                catch (Exception e) when (e is HttpRequestException or IOException && !cancellationToken.IsCancellationRequested)
                {
                    if (attempt > _options.MaxRetries)
                        throw new VlmRequestException($"connection to {_shownEndpoint} failed (gave up after {attempt} attempts): {e.Message}", attempts: attempt, innerException: e);
                }
            }
            finally
            {
                if (gatePerAttempt) _gate.Release();
            }
            await Task.Delay(RetryDelay(attempt, retryAfter), _options.Time, cancellationToken).ConfigureAwait(false);
        }
    }

    private static bool IsRetryable(HttpStatusCode status) =>
        status is HttpStatusCode.TooManyRequests or HttpStatusCode.RequestTimeout || (int)status is >= 500 and <= 599;

    private TimeSpan RetryDelay(int attempt, TimeSpan? retryAfter)
    {
        if (retryAfter is { } ra) return ra < TimeSpan.Zero ? TimeSpan.Zero : ra > _options.MaxRetryAfter ? _options.MaxRetryAfter : ra;
        double baseMs = Math.Min(_options.MaxBackoff.TotalMilliseconds, _options.InitialBackoff.TotalMilliseconds * Math.Pow(2, attempt - 1));
        // Jitter spreads out clients that failed together so they do not retry in lockstep.
        return TimeSpan.FromMilliseconds(baseMs * (0.5 + 0.5 * Random.Shared.NextDouble()));
    }

    private TimeSpan? RetryAfter(HttpResponseMessage response)
    {
        var header = response.Headers.RetryAfter;
        if (header?.Delta is { } delta) return delta;
        if (header?.Date is { } date) return date - _options.Time.GetUtcNow();
        return null;
    }

    private static async Task<string> ReadExcerptAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            byte[] bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
            return Excerpt(LenientUtf8.GetString(bytes));
        }
        catch (Exception e) when (e is HttpRequestException or IOException)
        {
            return "(body unreadable)";
        }
    }

    private static string Excerpt(string text) => text.Length <= ExcerptLength ? text : text[..ExcerptLength] + "…";

    private ChatResponse ParseCompletion(byte[] reply, int attempts)
    {
        string json = LenientUtf8.GetString(reply);
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(json);
        }
        catch (JsonException e)
        {
            throw new VlmRequestException($"reply from {_shownEndpoint} is not valid JSON", HttpStatusCode.OK, attempts, Excerpt(json), innerException: e);
        }
        using (doc)
        {
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
                throw new VlmRequestException($"reply from {_shownEndpoint} is not a JSON object", HttpStatusCode.OK, attempts, Excerpt(json));
            ThrowIfErrorObject(root, attempts, json);
            string text = "";
            string? finish = null;
            string? reasoning = null;
            // No choices is answered with an empty reply rather than an exception: callers already treat an
            // unparseable reply as "keep the previous state", which is the right outcome here too.
            if (root.TryGetProperty("choices", out var choices) && choices.ValueKind == JsonValueKind.Array && choices.GetArrayLength() > 0)
            {
                var choice = choices[0];
                if (choice.TryGetProperty("message", out var message) && message.ValueKind == JsonValueKind.Object)
                {
                    text = ContentText(message) ?? "";
                    reasoning = StringOrNull(message, "reasoning_content");
                }
                finish = StringOrNull(choice, "finish_reason");
            }
            var chat = new ChatMessage(ChatRole.Assistant, text);
            var response = new ChatResponse(chat)
            {
                FinishReason = finish is null ? null : new ChatFinishReason(finish),
                Usage = ReadUsage(root),
                ModelId = StringOrNull(root, "model"),
                ResponseId = StringOrNull(root, "id"),
            };
            if (reasoning is not null) (response.AdditionalProperties ??= [])["reasoning_content"] = reasoning;
            return response;
        }
    }

    private void ThrowIfErrorObject(JsonElement root, int attempts, string raw)
    {
        // Some servers answer 200 with {"error": {...}} (vLLM on bad sampling values in streams, proxies on quota).
        if (root.TryGetProperty("error", out var error) && error.ValueKind != JsonValueKind.Null)
        {
            string detail = error.ValueKind == JsonValueKind.Object ? StringOrNull(error, "message") ?? error.GetRawText() : error.ToString();
            throw new VlmRequestException($"{_shownEndpoint} reported an error: {Excerpt(detail)}", HttpStatusCode.OK, attempts, Excerpt(raw));
        }
    }

    /// <summary>Message text: a string, or an array of text parts (some servers), or null.</summary>
    private static string? ContentText(JsonElement message)
    {
        if (!message.TryGetProperty("content", out var content)) return null;
        if (content.ValueKind == JsonValueKind.String) return content.GetString();
        if (content.ValueKind != JsonValueKind.Array) return null;
        var sb = new StringBuilder();
        foreach (var part in content.EnumerateArray())
            if (part.ValueKind == JsonValueKind.Object && StringOrNull(part, "text") is { } t) sb.Append(t);
        return sb.ToString();
    }

    private static string? StringOrNull(JsonElement obj, string name) =>
        obj.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static UsageDetails? ReadUsage(JsonElement root)
    {
        if (!root.TryGetProperty("usage", out var u) || u.ValueKind != JsonValueKind.Object) return null;
        return new UsageDetails
        {
            InputTokenCount = Long(u, "prompt_tokens"),
            OutputTokenCount = Long(u, "completion_tokens"),
            TotalTokenCount = Long(u, "total_tokens"),
        };
        static long? Long(JsonElement o, string name) => o.TryGetProperty(name, out var v) && v.TryGetInt64(out long x) ? x : null;
    }

    private void Record(PreparedChatRequest request, bool stream, Stopwatch clock, int attempts, string? text, string? finish, UsageDetails? usage, Exception? error)
    {
        if (_recorder is null && _recordSink is null) return;
        var record = new VlmRecord
        {
            Timestamp = DateTimeOffset.UtcNow,
            Model = request.Model,
            RequestHash = request.RequestHash,
            Messages = request.RecordedMessages,
            Sampling = request.Sampling.Count == 0 ? null : (System.Text.Json.Nodes.JsonObject)request.Sampling.DeepClone(),
            Stream = stream,
            ReplyText = error is null ? text : string.IsNullOrEmpty(text) ? null : text,
            FinishReason = finish,
            InputTokens = usage?.InputTokenCount,
            OutputTokens = usage?.OutputTokenCount,
            LatencyMs = clock.Elapsed.TotalMilliseconds,
            Attempts = attempts,
            StatusCode = (error as VlmRequestException)?.StatusCode is { } s ? (int)s : null,
            Error = error switch
            {
                null => null,
                OperationCanceledException => "cancelled",
                _ => error.Message,
            },
        };
        if (_recordSink is not null) _recordSink(record);
        else _recorder!.Record(record);
    }

    /// <summary>What a stream has produced so far; read by the recorder when the stream ends.</summary>
    private sealed class StreamState
    {
        public StringBuilder Text { get; } = new();
        public string? FinishReason { get; set; }
        public UsageDetails? Usage { get; set; }
        public int Attempts { get; set; }
        public Exception? Error { get; set; }
    }
}
