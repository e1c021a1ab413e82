using System.Net;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;

namespace ReasonTrack.Reasoning.Vlm;

/// <summary>
/// <see cref="IChatClient"/> answering from a <see cref="VlmRecorder"/> file instead of a server, so a tracking run
/// can be repeated offline with exactly the replies of the recorded run. Recorded failures are replayed as
/// <see cref="VlmRequestException"/>s.
/// </summary>
public sealed class ReplayChatClient : IChatClient
{
    private readonly Lock _lock = new();
    private readonly IReadOnlyList<VlmRecord> _records;
    private readonly ReplayMatching _matching;
    private readonly VlmClientOptions? _options;
    private readonly Dictionary<string, Queue<VlmRecord>> _byHash;
    private int _next;

    /// <param name="path">A recording written by <see cref="VlmRecorder"/>.</param>
    /// <param name="matching">In file order, or by request hash.</param>
    /// <param name="options">
    /// The options of the recorded client: its model and default sampling fields enter the request hash. Without them
    /// the model of the first record is assumed and no default sampling.
    /// </param>
    public ReplayChatClient(string path, ReplayMatching matching = ReplayMatching.InOrder, VlmClientOptions? options = null)
    {
        _records = VlmRecorder.ReadAll(path);
        Path = path;
        _matching = matching;
        _options = options;
        _byHash = _records.GroupBy(r => r.RequestHash).ToDictionary(g => g.Key, g => new Queue<VlmRecord>(g));
    }

    public string Path { get; }

    /// <summary>Records not yet handed out (in-order mode: those after the last one used).</summary>
    public int Remaining
    {
        get
        {
            lock (_lock) return _matching == ReplayMatching.InOrder ? _records.Count - _next : _byHash.Values.Sum(q => q.Count);
        }
    }

    public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var record = Take(messages, options);
        var response = new ChatResponse(new ChatMessage(ChatRole.Assistant, record.ReplyText ?? ""))
        {
            FinishReason = record.FinishReason is null ? null : new ChatFinishReason(record.FinishReason),
            ModelId = record.Model,
            Usage = Usage(record),
        };
        return Task.FromResult(response);
    }

    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var response = await GetResponseAsync(messages, options, cancellationToken).ConfigureAwait(false);
        foreach (var update in response.ToChatResponseUpdates()) yield return update;
    }

    public object? GetService(Type serviceType, object? serviceKey = null)
    {
        ArgumentNullException.ThrowIfNull(serviceType);
        return serviceKey is null && serviceType.IsInstanceOfType(this) ? this : null;
    }

    public void Dispose()
    {
    }

    private VlmRecord Take(IEnumerable<ChatMessage> messages, ChatOptions? options)
    {
        VlmRecord record;
        lock (_lock)
        {
            if (_matching == ReplayMatching.InOrder)
            {
                if (_next >= _records.Count)
                    throw new ReasonTrackException($"replay {Path} is exhausted: all {_records.Count} recorded replies were used");
                record = _records[_next++];
            }
            else
            {
                string model = _options?.Model ?? (_records.Count > 0 ? _records[0].Model : "");
                var request = PreparedChatRequest.Create(messages, options, _options?.TopK, _options?.RepetitionPenalty, model);
                if (!_byHash.TryGetValue(request.RequestHash, out var queue) || queue.Count == 0)
                    throw new ReasonTrackException($"replay {Path} has no unused reply for request {request.RequestHash} (model {request.Model}, {request.RecordedMessages.Count} messages)");
                record = queue.Dequeue();
            }
        }
        if (record.ReplyTruncated == true)
            throw new ReasonTrackException($"replay {Path}: the recorded reply for request {record.RequestHash} was cut to {record.ReplyText?.Length ?? 0} of {record.ReplyLength} characters when recorded, so this call cannot be replayed faithfully; record again with no bound on stored replies");
        if (record.Error is not null)
            throw new VlmRequestException($"replayed failure: {record.Error}", record.StatusCode is { } s ? (HttpStatusCode)s : null, Math.Max(1, record.Attempts));
        return record;
    }

    private static UsageDetails? Usage(VlmRecord r) =>
        r.InputTokens is null && r.OutputTokens is null ? null : new UsageDetails { InputTokenCount = r.InputTokens, OutputTokenCount = r.OutputTokens };
}
