using Microsoft.Extensions.AI;
using ReasonTrack.Media;
using ReasonTrack.Reasoning.Logging;
using ReasonTrack.Reasoning.Prompts;

namespace ReasonTrack.Reasoning.Modes;

/// <summary>
/// Turns a transport-neutral <see cref="VlmPrompt"/> into one chat call on any <see cref="IChatClient"/>: a system
/// message when the prompt has one, one user message with the parts in order (images as JPEG data, as every released
/// system sends them), and only the sampling fields the prompt sets. Shared by every mode so that what goes on the wire
/// is decided in one place.
/// </summary>
public static class PromptSender
{
    /// <summary>The chat messages for <paramref name="prompt"/> and the sizes of its images.</summary>
    public static (List<ChatMessage> Messages, List<string> ImageSizes) ToMessages(VlmPrompt prompt, int jpegQuality)
    {
        ArgumentNullException.ThrowIfNull(prompt);
        var messages = new List<ChatMessage>();
        if (prompt.System is not null) messages.Add(new ChatMessage(ChatRole.System, prompt.System));
        var parts = new List<AIContent>();
        var sizes = new List<string>();
        foreach (var p in prompt.User)
        {
            if (p.Image is { } img)
            {
                parts.Add(new DataContent(JpegEncoder.Encode(img, jpegQuality), "image/jpeg"));
                sizes.Add($"{img.Width}x{img.Height}");
            }
            else parts.Add(new TextContent(p.Text));
        }
        messages.Add(new ChatMessage(ChatRole.User, parts));
        return (messages, sizes);
    }

    /// <summary>
    /// The sampling fields as chat options, or null when the prompt sets none (ReasoningTrack's released client sends
    /// no sampling field at all, and reproducing it means sending nothing).
    /// </summary>
    public static ChatOptions? ToOptions(SamplingParameters sampling)
    {
        ArgumentNullException.ThrowIfNull(sampling);
        if (sampling == SamplingParameters.ServerDefaults) return null;
        return new ChatOptions
        {
            Temperature = sampling.Temperature is { } t ? (float)t : null,
            TopP = sampling.TopP is { } p ? (float)p : null,
            TopK = sampling.TopK,
            MaxOutputTokens = sampling.MaxTokens,
        };
    }

    /// <summary>Sends <paramref name="prompt"/> and returns the reply with what the log needs.</summary>
    public static async Task<VlmExchange> SendAsync(IChatClient client, VlmPrompt prompt, int jpegQuality, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(client);
        var (messages, sizes) = ToMessages(prompt, jpegQuality);
        var response = await client.GetResponseAsync(messages, ToOptions(prompt.Sampling), cancellation).ConfigureAwait(false);
        return new VlmExchange(response.Text ?? "", response.FinishReason?.Value, sizes, ReasoningLog.Hash((prompt.System ?? "") + "\n" + prompt.UserText));
    }
}
