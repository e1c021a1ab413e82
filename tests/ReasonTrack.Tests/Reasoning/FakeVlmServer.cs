using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ReasonTrack.Tests.Reasoning;

/// <summary>
/// A scripted OpenAI-compatible server on 127.0.0.1 (free port) for client and tracker tests: answers
/// <c>POST /v1/chat/completions</c> from a queue of <see cref="FakeReply"/>s and <c>GET /v1/models</c> with one model,
/// and records every request. Start with <see cref="StartAsync"/>, dispose at the end of the test.
/// </summary>
public sealed class FakeVlmServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<FakeReply> _script = new();
    private readonly ConcurrentQueue<FakeRequest> _requests = new();
    private readonly CancellationTokenSource _stopping = new();
    private volatile bool _killed;
    private int _inFlight;
    private int _maxInFlight;

    private FakeVlmServer(WebApplication app, string modelName)
    {
        _app = app;
        ModelName = modelName;
    }

    /// <summary>Base address ending in /v1, as a client's BaseUrl.</summary>
    public Uri BaseUrl { get; private set; } = null!;

    public string ModelName { get; }

    /// <summary>When set, each request notes whether its Authorization header was exactly <c>Bearer {key}</c>.</summary>
    public string? ExpectedApiKey { get; set; }

    /// <summary>
    /// Computes an answer from the request when the script is empty (e.g. a box that depends on which frame was
    /// asked about); returning null falls through to <see cref="DefaultReply"/>.
    /// </summary>
    public Func<FakeRequest, FakeReply?>? Responder { get; set; }

    /// <summary>Answer when the script is empty and no responder answers; null means HTTP 500 "script exhausted".</summary>
    public FakeReply? DefaultReply { get; set; }

    /// <summary>Chat completion requests received so far, in arrival order (includes retried attempts).</summary>
    public IReadOnlyList<FakeRequest> Requests => _requests.ToArray();

    /// <summary>Chat completion requests being handled right now.</summary>
    public int InFlight => Volatile.Read(ref _inFlight);

    /// <summary>Most chat completion requests that were being handled at the same time.</summary>
    public int MaxConcurrentRequests => Volatile.Read(ref _maxInFlight);

    public static async Task<FakeVlmServer> StartAsync(string modelName = "fake-vlm", CancellationToken cancellationToken = default)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [] });
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var server = new FakeVlmServer(app, modelName);
        app.Run(server.HandleAsync);
        await app.StartAsync(cancellationToken);
        string address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        server.BaseUrl = new Uri(address.TrimEnd('/') + "/v1");
        return server;
    }

    /// <summary>Appends replies to the script; each chat request (each retry attempt too) takes the next one.</summary>
    public FakeVlmServer Enqueue(params FakeReply[] replies)
    {
        foreach (var r in replies) _script.Enqueue(r);
        return this;
    }

    /// <summary>Replies still in the script.</summary>
    public int PendingReplies => _script.Count;

    /// <summary>
    /// Stops the server as a killed process would: requests it holds have their connections reset (not answered),
    /// and new connections are refused from then on.
    /// </summary>
    public ValueTask KillAsync()
    {
        _killed = true;
        return DisposeAsync();
    }

    /// <summary>True once <see cref="KillAsync"/> or <see cref="DisposeAsync"/> has begun.</summary>
    public bool Stopped => _stopping.IsCancellationRequested;

    public async ValueTask DisposeAsync()
    {
        if (_stopping.IsCancellationRequested) return;
        await _stopping.CancelAsync();
        using var stopLimit = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        try
        {
            await _app.StopAsync(stopLimit.Token);
        }
        catch (OperationCanceledException)
        {
            // A client still holding a connection must not fail the test that is already over.
        }
        await _app.DisposeAsync();
        _stopping.Dispose();
    }

    private async Task HandleAsync(HttpContext context)
    {
        var req = context.Request;
        if (req.Path == "/v1/models" && HttpMethods.IsGet(req.Method))
        {
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync($"{{\"object\":\"list\",\"data\":[{{\"id\":{JsonSerializer.Serialize(ModelName)},\"object\":\"model\",\"owned_by\":\"fake\"}}]}}", context.RequestAborted);
            return;
        }
        if (req.Path != "/v1/chat/completions" || !HttpMethods.IsPost(req.Method))
        {
            context.Response.StatusCode = 404;
            return;
        }

        int now = Interlocked.Increment(ref _inFlight);
        for (int seen = Volatile.Read(ref _maxInFlight); now > seen; seen = Volatile.Read(ref _maxInFlight))
            if (Interlocked.CompareExchange(ref _maxInFlight, now, seen) == seen) break;
        using var aborted = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, _stopping.Token);
        var token = aborted.Token;
        try
        {
            using var ms = new MemoryStream();
            await req.Body.CopyToAsync(ms, token);
            string body = Encoding.UTF8.GetString(ms.ToArray());
            var headers = req.Headers.Where(h => !h.Key.Equals("Authorization", StringComparison.OrdinalIgnoreCase))
                .ToDictionary(h => h.Key.ToLowerInvariant(), h => h.Value.ToString());
            string? auth = req.Headers.Authorization.Count > 0 ? req.Headers.Authorization.ToString() : null;
            var recorded = new FakeRequest(req.Method, req.Path.Value ?? "", body, headers, auth is not null,
                ExpectedApiKey is null ? null : auth == "Bearer " + ExpectedApiKey);
            _requests.Enqueue(recorded);

            var reply = _script.TryDequeue(out var r) ? r : Responder?.Invoke(recorded) ?? DefaultReply ?? FakeReply.Status(500, "{\"error\":{\"message\":\"script exhausted\"}}");
            if (reply.Gate is { } gate) await gate.WaitAsync(token);
            if (reply.Delay > TimeSpan.Zero) await Task.Delay(reply.Delay, token);
            await AnswerAsync(context, reply, recorded, token);
        }
        catch (OperationCanceledException)
        {
            // Client went away or the server is stopping: nothing left to answer. Killed: the connection is reset.
            if (_killed) context.Abort();
        }
        finally
        {
            Interlocked.Decrement(ref _inFlight);
        }
    }

    private async Task AnswerAsync(HttpContext context, FakeReply reply, FakeRequest request, CancellationToken token)
    {
        var response = context.Response;
        switch (reply.Kind)
        {
            case FakeReply.ReplyKind.Drop:
                context.Abort();
                return;
            case FakeReply.ReplyKind.Hang:
                await Task.Delay(Timeout.Infinite, token);
                return;
            case FakeReply.ReplyKind.Status:
                response.StatusCode = reply.StatusCode;
                if (reply.RetryAfter is { } ra) response.Headers.RetryAfter = ((int)Math.Ceiling(ra.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
                response.ContentType = "application/json";
                await response.Body.WriteAsync(reply.Body, token);
                return;
            case FakeReply.ReplyKind.Raw:
                response.ContentType = reply.ContentType;
                await response.Body.WriteAsync(reply.Body, token);
                return;
            case FakeReply.ReplyKind.Stream:
                await StreamAsync(context, reply.Chunks, reply.FinishReason, reply.DropMidStream, token, reply.DropWhen);
                return;
            case FakeReply.ReplyKind.Text when request.IsStream:
                var chunks = Enumerable.Range(0, (reply.ReplyText!.Length + 4) / 5).Select(i => reply.ReplyText.Substring(i * 5, Math.Min(5, reply.ReplyText.Length - i * 5))).ToList();
                await StreamAsync(context, chunks, reply.FinishReason, false, token);
                return;
            case FakeReply.ReplyKind.Text:
                response.ContentType = "application/json";
                var completion = new
                {
                    id = "chatcmpl-fake",
                    @object = "chat.completion",
                    created = 1_700_000_000,
                    model = ModelName,
                    choices = new[] { new { index = 0, message = new { role = "assistant", content = reply.ReplyText }, finish_reason = reply.FinishReason } },
                    usage = new { prompt_tokens = reply.PromptTokens, completion_tokens = reply.CompletionTokens, total_tokens = reply.PromptTokens + reply.CompletionTokens },
                };
                await response.WriteAsync(JsonSerializer.Serialize(completion), token);
                return;
        }
    }

    private async Task StreamAsync(HttpContext context, IReadOnlyList<string> chunks, string finishReason, bool dropMidStream, CancellationToken token, Task? dropWhen = null)
    {
        var response = context.Response;
        response.ContentType = "text/event-stream";
        for (int i = 0; i < chunks.Count; i++)
        {
            if (dropMidStream && i == chunks.Count / 2)
            {
                await response.Body.FlushAsync(token);
                // Abort resets the connection, and a reset discards data the client has not read yet: wait until the test
                // says the client has read it (or, without a signal, give it a moment).
                if (dropWhen is not null) await dropWhen.WaitAsync(token);
                else await Task.Delay(200, token);
                context.Abort();
                return;
            }
            var chunk = new { id = "chatcmpl-fake", @object = "chat.completion.chunk", model = ModelName, choices = new[] { new { index = 0, delta = new { content = chunks[i] }, finish_reason = (string?)null } } };
            await response.WriteAsync("data: " + JsonSerializer.Serialize(chunk) + "\n\n", token);
            await response.Body.FlushAsync(token);
        }
        var last = new { id = "chatcmpl-fake", @object = "chat.completion.chunk", model = ModelName, choices = new[] { new { index = 0, delta = new { }, finish_reason = finishReason } } };
        await response.WriteAsync("data: " + JsonSerializer.Serialize(last) + "\n\ndata: [DONE]\n\n", token);
    }
}
