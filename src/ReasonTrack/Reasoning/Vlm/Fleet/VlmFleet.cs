using System.Globalization;
using System.Net;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;

namespace ReasonTrack.Reasoning.Vlm.Fleet;

/// <summary>
/// An <see cref="IChatClient"/> over several endpoint clients (ours: the released systems use one server). Each
/// request goes to the healthy endpoint with the fewest requests in flight (ties: the first in the given order), never
/// beyond an endpoint's <see cref="VlmFleetMember.MaxConcurrentRequests"/>; when every healthy endpoint is full the
/// request waits for a free slot.
/// <para>Health: a request that fails at an endpoint in a way another server could fix (unreachable, 5xx or 429 after
/// the endpoint client's own retries, a timeout, a dropped connection: <see cref="IsEndpointFailure"/>) leaves that
/// endpoint out for <see cref="VlmFleetOptions.CoolDown"/> on <see cref="VlmFleetOptions.Time"/> and is re-sent to
/// another endpoint it has not tried yet, so no request is lost while any endpoint is healthy. After the cool-down the
/// endpoint is given requests again (one success marks it healthy, a failure starts a new cool-down). Other errors (a
/// 400, a reply that is not JSON) are the request's own and are thrown as they are. When no endpoint is left the
/// request fails with a <see cref="VlmRequestException"/> naming every endpoint (redacted) and its last error; it is
/// <see cref="VlmRequestException.IsUnreachable"/> when every endpoint's last error was, so a run whose servers are all
/// unreachable at the first call still stops at once.</para>
/// <para>A streamed request is re-sent only when its endpoint fails before the first update arrives.</para>
/// </summary>
public sealed class VlmFleet : IChatClient
{
    private const int MaxEvents = 1000;

    private readonly Endpoint[] _endpoints;
    private readonly VlmFleetOptions _options;
    private readonly object _lock = new();
    private readonly long _started;
    private readonly List<string> _events = [];
    private TaskCompletionSource _changed = NewSignal();
    private long _resent;
    private long _failed;
    private bool _disposed;

    // Recording (fleets made by Create with a recorder): each attempt's record is parked in the caller's slot and
    // written once the fleet knows the attempt was the last one; an attempt re-sent elsewhere is left out (the health
    // events and vlm-fleet.json tell of it), so the recording replays as the caller saw it.
    private VlmRecorder? _recorder;
    private readonly AsyncLocal<StrongBox<VlmRecord?>?> _pendingRecord;

    public VlmFleet(IReadOnlyList<VlmFleetMember> members, VlmFleetOptions? options = null) : this(members, options, new AsyncLocal<StrongBox<VlmRecord?>?>())
    {
    }

    private VlmFleet(IReadOnlyList<VlmFleetMember> members, VlmFleetOptions? options, AsyncLocal<StrongBox<VlmRecord?>?> pendingRecord)
    {
        _pendingRecord = pendingRecord;
        ArgumentNullException.ThrowIfNull(members);
        if (members.Count == 0) throw new InvalidSettingException(nameof(members), "a VLM fleet needs at least one endpoint");
        _options = options ?? new VlmFleetOptions();
        if (_options.CoolDown < TimeSpan.Zero) throw new InvalidSettingException(nameof(VlmFleetOptions.CoolDown), $"{nameof(VlmFleetOptions.CoolDown)} must not be negative, got {_options.CoolDown}");
        _endpoints = new Endpoint[members.Count];
        for (int i = 0; i < members.Count; i++)
        {
            var m = members[i] ?? throw new ArgumentException("null member", nameof(members));
            ArgumentNullException.ThrowIfNull(m.Client, nameof(members));
            if (m.MaxConcurrentRequests < 1)
                throw new InvalidSettingException(nameof(VlmFleetMember.MaxConcurrentRequests), $"{IO.UrlRedaction.Redact(m.Name)}: {nameof(VlmFleetMember.MaxConcurrentRequests)} must be at least 1, got {m.MaxConcurrentRequests}");
            _endpoints[i] = new Endpoint(IO.UrlRedaction.Redact(m.Name), m.Client, m.MaxConcurrentRequests);
        }
        var dup = _endpoints.GroupBy(e => e.Name, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (dup is not null) throw new InvalidSettingException(nameof(members), $"endpoint {dup.Key} is given {dup.Count()} times");
        _started = _options.Time.GetTimestamp();
    }

    /// <summary>
    /// A fleet of <see cref="OpenAiCompatibleChatClient"/>s, one per endpoint, each with <paramref name="client"/>'s
    /// settings but its own base URL and concurrency limit (the endpoint's, else <see cref="VlmClientOptions.MaxConcurrentRequests"/>).
    /// </summary>
    public static VlmFleet Create(VlmClientOptions client, IReadOnlyList<VlmEndpoint> endpoints, VlmFleetOptions? options = null, VlmRecorder? recorder = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(endpoints);
        var members = new List<VlmFleetMember>();
        var pending = new AsyncLocal<StrongBox<VlmRecord?>?>();
        try
        {
            foreach (var e in endpoints)
            {
                int limit = e.MaxConcurrentRequests ?? client.MaxConcurrentRequests;
                var settings = client with { BaseUrl = e.BaseUrl, MaxConcurrentRequests = limit };
                var c = recorder is null ? new OpenAiCompatibleChatClient(settings)
                    : new OpenAiCompatibleChatClient(settings, record =>
                    {
                        if (pending.Value is { } slot) slot.Value = record;
                        else recorder.Record(record);
                    });
                members.Add(new VlmFleetMember(e.BaseUrl.ToString(), c, limit));
            }
            return new VlmFleet(members, options, pending) { _recorder = recorder };
        }
        catch
        {
            foreach (var m in members) m.Client.Dispose();
            throw;
        }
    }

    /// <summary>The endpoints' names (redacted), in the given order.</summary>
    public IReadOnlyList<string> EndpointNames => _endpoints.Select(e => e.Name).ToList();

    /// <summary>
    /// True for a failure another endpoint could avoid: no HTTP answer (unreachable, dropped, timed out) or a 5xx /
    /// 429 / 408 status after the endpoint client's own retries.
    /// </summary>
    public static bool IsEndpointFailure(Exception e) => e switch
    {
        VlmRequestException v => v.IsUnreachable || v.IsTimeout || v.StatusCode is null
                                 || v.StatusCode is HttpStatusCode.TooManyRequests or HttpStatusCode.RequestTimeout || (int)v.StatusCode >= 500,
        HttpRequestException or IOException => true,
        _ => false,
    };

    /// <summary>The figures so far (safe to call while requests run).</summary>
    public VlmFleetStats Stats()
    {
        lock (_lock)
        {
            var now = _options.Time.GetUtcNow();
            return new VlmFleetStats
            {
                Endpoints = _endpoints.Select(e => new VlmEndpointStats
                {
                    Endpoint = e.Name,
                    MaxConcurrentRequests = e.Limit,
                    Requests = e.Requests,
                    Answered = e.Answered,
                    Errors = e.Errors,
                    MeanLatencyMs = e.Answered == 0 ? null : e.LatencyTotal.TotalMilliseconds / e.Answered,
                    MaxInFlight = e.MaxInFlight,
                    Healthy = e.IsAvailable(now),
                }).ToList(),
                ResentRequests = _resent,
                FailedRequests = _failed,
                Events = _events.ToList(),
            };
        }
    }

    public async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        // The messages are enumerated once, since a re-sent request must carry the same ones.
        var list = messages as IReadOnlyList<ChatMessage> ?? messages.ToList();
        var tried = new Failures(_endpoints.Length);
        var slot = Park();
        while (true)
        {
            var e = await AcquireOrFlushAsync(tried, slot, cancellationToken).ConfigureAwait(false);
            long start = _options.Time.GetTimestamp();
            bool resent = false;
            try
            {
                var response = await e.Client.GetResponseAsync(list, options, cancellationToken).ConfigureAwait(false);
                Succeeded(e, start);
                return response;
            }
            catch (Exception x) when (x is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                if (!Failed(e, x, tried)) throw;
                resent = true;
            }
            catch
            {
                Release(e);
                throw;
            }
            finally
            {
                Flush(slot, resent);
            }
        }
    }

    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var list = messages as IReadOnlyList<ChatMessage> ?? messages.ToList();
        var tried = new Failures(_endpoints.Length);
        var slot = Park();
        while (true)
        {
            var e = await AcquireOrFlushAsync(tried, slot, cancellationToken).ConfigureAwait(false);
            long start = _options.Time.GetTimestamp();
            bool released = false, resent = false;
            var updates = e.Client.GetStreamingResponseAsync(list, options, cancellationToken).GetAsyncEnumerator(cancellationToken);
            try
            {
                bool first = true;
                while (true)
                {
                    bool more;
                    try
                    {
                        more = await updates.MoveNextAsync().ConfigureAwait(false);
                    }
                    catch (Exception x) when (first && (x is not OperationCanceledException || !cancellationToken.IsCancellationRequested))
                    {
                        released = true;
                        if (!Failed(e, x, tried)) throw;
                        resent = true;
                        break; // re-sent: try the next endpoint
                    }
                    catch (Exception x) when (x is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
                    {
                        released = true;
                        Failed(e, x, null);
                        throw;
                    }
                    if (!more)
                    {
                        released = true;
                        Succeeded(e, start);
                        yield break;
                    }
                    first = false;
                    yield return updates.Current;
                }
            }
            finally
            {
                if (!released) Release(e);
                await updates.DisposeAsync().ConfigureAwait(false);
                Flush(slot, resent);
            }
        }
    }

    public object? GetService(Type serviceType, object? serviceKey = null)
    {
        ArgumentNullException.ThrowIfNull(serviceType);
        if (serviceKey is not null) return null;
        if (serviceType.IsInstanceOfType(this)) return this;
        if (serviceType == typeof(ChatClientMetadata))
        {
            var first = _endpoints[0].Client.GetService(typeof(ChatClientMetadata)) as ChatClientMetadata;
            return new ChatClientMetadata("vlm-fleet", first?.ProviderUri, first?.DefaultModelId);
        }
        return null;
    }

    public void Dispose()
    {
        lock (_lock)
        {
            if (_disposed) return;
            _disposed = true;
            foreach (var e in _endpoints) e.CoolDownTimer?.Dispose();
        }
        foreach (var e in _endpoints) e.Client.Dispose();
    }

    /// <summary>With a recorder: a slot in this call's async context where the endpoint client parks each attempt's record.</summary>
    private StrongBox<VlmRecord?>? Park()
    {
        if (_recorder is null) return null;
        var slot = new StrongBox<VlmRecord?>();
        _pendingRecord.Value = slot;
        return slot;
    }

    /// <summary>
    /// Writes the parked record of an attempt that was the call's last. That of an attempt re-sent elsewhere stays
    /// parked: the next attempt replaces it, or, when no endpoint is left, it is written as the call's last attempt.
    /// </summary>
    private void Flush(StrongBox<VlmRecord?>? slot, bool resent)
    {
        if (resent || slot?.Value is not { } record) return;
        slot.Value = null;
        _recorder!.Record(record);
    }

    private async Task<Endpoint> AcquireOrFlushAsync(Failures tried, StrongBox<VlmRecord?>? slot, CancellationToken cancellationToken)
    {
        try
        {
            return await AcquireAsync(tried, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            Flush(slot, resent: false);
            throw;
        }
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Wakes every waiter so it looks again (a slot freed, an endpoint failed or came back). Under the lock.</summary>
    private void Signal()
    {
        var old = _changed;
        _changed = NewSignal();
        old.TrySetResult();
    }

    /// <summary>A slot on the least busy healthy endpoint this request has not failed at, waiting while all are full.</summary>
    private async Task<Endpoint> AcquireAsync(Failures tried, CancellationToken cancellationToken)
    {
        while (true)
        {
            Task changed;
            lock (_lock)
            {
                ObjectDisposedException.ThrowIf(_disposed, this);
                var now = _options.Time.GetUtcNow();
                Endpoint? best = null;
                bool anyUsable = false;
                for (int i = 0; i < _endpoints.Length; i++)
                {
                    var e = _endpoints[i];
                    if (tried.Has(i) || !e.IsAvailable(now)) continue;
                    anyUsable = true;
                    if (e.InFlight >= e.Limit) continue;
                    if (best is null || e.InFlight < best.InFlight) best = e;
                }
                if (best is not null)
                {
                    best.InFlight++;
                    best.Requests++;
                    if (best.InFlight > best.MaxInFlight) best.MaxInFlight = best.InFlight;
                    if (tried.Count > 0)
                    {
                        _resent++;
                        Event($"request re-sent to {best.Name} after failing at {_endpoints[tried.Last].Name}");
                    }
                    if (best.Probation)
                    {
                        best.Probation = false;
                        Event($"{best.Name}: cool-down over, sending it requests again");
                    }
                    return best;
                }
                if (!anyUsable)
                {
                    _failed++;
                    throw AllDown(tried);
                }
                changed = _changed.Task;
            }
            await changed.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private VlmRequestException AllDown(Failures tried)
    {
        // Under the lock. Every endpoint is named with why it is out: this request's own failure there, else its last one.
        var now = _options.Time.GetUtcNow();
        var parts = new List<string>();
        bool allUnreachable = true;
        Exception? last = null;
        for (int i = 0; i < _endpoints.Length; i++)
        {
            var e = _endpoints[i];
            var error = tried.At(i) ?? e.LastError;
            allUnreachable &= error is VlmRequestException { IsUnreachable: true };
            last = error ?? last;
            string state = e.IsAvailable(now) ? "failed this request" : string.Create(CultureInfo.InvariantCulture, $"cooling down for {(e.Until - now).TotalSeconds:0.#} s more");
            parts.Add($"{e.Name} ({state}: {error?.Message ?? "no error recorded"})");
        }
        return new VlmRequestException($"no VLM endpoint of the fleet could answer: {string.Join("; ", parts)}",
            attempts: tried.Count, isUnreachable: allUnreachable, innerException: last);
    }

    private void Succeeded(Endpoint e, long start)
    {
        var latency = _options.Time.GetElapsedTime(start);
        lock (_lock)
        {
            e.InFlight--;
            e.Answered++;
            e.LatencyTotal += latency;
            if (!e.Healthy)
            {
                e.Healthy = true;
                Event($"{e.Name}: answered again, healthy");
            }
            Signal();
        }
    }

    private void Release(Endpoint e)
    {
        lock (_lock)
        {
            e.InFlight--;
            Signal();
        }
    }

    /// <summary>
    /// Books a failed request. True when it should be re-sent (an endpoint failure: the endpoint starts a cool-down);
    /// false when the error is the request's own (or <paramref name="tried"/> is null: nothing may be re-sent).
    /// </summary>
    private bool Failed(Endpoint e, Exception error, Failures? tried)
    {
        bool endpoint = IsEndpointFailure(error);
        lock (_lock)
        {
            e.InFlight--;
            e.Errors++;
            if (endpoint)
            {
                e.LastError = error;
                var now = _options.Time.GetUtcNow();
                bool wasUp = e.IsAvailable(now) && e.Healthy;
                e.Healthy = false;
                e.Probation = true;
                e.Until = now + _options.CoolDown;
                e.CoolDownTimer?.Dispose();
                if (!_disposed)
                    e.CoolDownTimer = _options.Time.CreateTimer(_ => { lock (_lock) Signal(); }, null, _options.CoolDown, Timeout.InfiniteTimeSpan);
                Event(string.Create(CultureInfo.InvariantCulture, $"{e.Name}: left out for {_options.CoolDown.TotalSeconds:0.#} s after {(wasUp ? "" : "another ")}failure: {error.Message}"));
            }
            if (!endpoint || tried is null)
            {
                _failed++;
                Signal();
                return false;
            }
            tried.Add(Array.IndexOf(_endpoints, e), error);
            Signal();
            return true;
        }
    }

    private void Event(string text)
    {
        // Under the lock.
        string line = string.Create(CultureInfo.InvariantCulture, $"{_options.Time.GetElapsedTime(_started).TotalSeconds:0.000} s: {text}");
        if (_events.Count < MaxEvents) _events.Add(line);
        _options.Log?.Invoke(line);
    }

    /// <summary>The endpoints one request has failed at, with the error at each.</summary>
    private sealed class Failures(int count)
    {
        private readonly Exception?[] _errors = new Exception?[count];

        public int Count { get; private set; }

        /// <summary>The endpoint of the latest failure.</summary>
        public int Last { get; private set; }

        public bool Has(int i) => _errors[i] is not null;

        public Exception? At(int i) => _errors[i];

        public void Add(int i, Exception error)
        {
            if (_errors[i] is null) Count++;
            _errors[i] = error;
            Last = i;
        }
    }

    /// <summary>One endpoint's state and counters; all fields are guarded by the fleet's lock.</summary>
    private sealed class Endpoint(string name, IChatClient client, int limit)
    {
        public string Name { get; } = name;
        public IChatClient Client { get; } = client;
        public int Limit { get; } = limit;
        public int InFlight { get; set; }
        public int MaxInFlight { get; set; }
        public long Requests { get; set; }
        public long Answered { get; set; }
        public long Errors { get; set; }
        public TimeSpan LatencyTotal { get; set; }

        /// <summary>False from a failure until the next answer.</summary>
        public bool Healthy { get; set; } = true;

        /// <summary>Set by a failure; cleared (and logged) when the first request after the cool-down is sent.</summary>
        public bool Probation { get; set; }

        /// <summary>End of the current cool-down.</summary>
        public DateTimeOffset Until { get; set; } = DateTimeOffset.MinValue;

        public ITimer? CoolDownTimer { get; set; }

        public Exception? LastError { get; set; }

        public bool IsAvailable(DateTimeOffset now) => now >= Until;
    }
}
