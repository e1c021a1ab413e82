using Microsoft.Extensions.AI;
using ReasonTrack.Media;

namespace ReasonTrack.Reasoning.Prompts;

/// <summary>
/// Everything one request to a vision-language model carries, independent of transport: an optional system message,
/// the user turn's parts in order, and the sampling fields. The HTTP client turns it into a chat-completions body.
/// </summary>
public sealed record VlmPrompt(string? System, IReadOnlyList<PromptPart> User, SamplingParameters Sampling)
{
    /// <summary>The text parts joined by newlines (for logs and tests).</summary>
    public string UserText => string.Join("\n", User.Where(p => !p.IsImage).Select(p => p.Text));

    public int ImageCount => User.Count(p => p.IsImage);

    /// <summary>
    /// The chat messages for an <see cref="IChatClient"/>: the system message when there is one, then one user message
    /// with the parts in order, images as JPEG (the released clients always send <c>image/jpeg</c>). Sampling fields
    /// are not part of the messages; callers that send none (ReasoningTrack) pass no options.
    /// </summary>
    public List<ChatMessage> ToChatMessages(int jpegQuality)
    {
        var messages = new List<ChatMessage>();
        if (System is not null) messages.Add(new ChatMessage(ChatRole.System, System));
        var parts = new List<AIContent>();
        foreach (var p in User)
            parts.Add(p.Image is { } img ? new DataContent(JpegEncoder.Encode(img, jpegQuality), "image/jpeg") : new TextContent(p.Text));
        messages.Add(new ChatMessage(ChatRole.User, parts));
        return messages;
    }
}
