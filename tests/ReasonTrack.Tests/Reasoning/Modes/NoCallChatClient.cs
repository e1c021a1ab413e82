using Microsoft.Extensions.AI;

namespace ReasonTrack.Tests.Reasoning.Modes;

/// <summary>A client for tests that exercise a reasoner's decisions without any call: any call fails the test.</summary>
internal sealed class NoCallChatClient : IChatClient
{
    public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        throw new InvalidOperationException("this test must not call the model");

    public IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        throw new InvalidOperationException("this test must not call the model");

    public object? GetService(Type serviceType, object? serviceKey = null) => null;

    public void Dispose() { }
}
