using Microsoft.Extensions.AI;
using ReasonTrack.Media;
using ReasonTrack.Reasoning.Logging;
using ReasonTrack.Reasoning.Prompts;

namespace ReasonTrack.Reasoning.Modes;

/// <summary>
/// Turns a transport-neutral <see cref="VlmPrompt"/> into one chat call on any <see cref="IChatClient"/>: a system
/// message when the prompt has one, one user message with the parts in order (images encoded by the mode's
/// <see cref="ImageEncoding"/> and declared with its MIME label), and only the sampling fields the prompt sets. Shared
/// by every mode so that what goes on the wire is decided in one place.
/// </summary>
public static class PromptSender
{
    /// <summary>The chat messages for <paramref name="prompt"/>, the sizes of its images and how each was encoded.</summary>
    public static (List<ChatMessage> Messages, List<string> ImageSizes, List<string> ImageEncodings) ToMessages(VlmPrompt prompt, ImageEncoding encoding)
    {
        ArgumentNullException.ThrowIfNull(prompt);
        ArgumentNullException.ThrowIfNull(encoding);
        var messages = new List<ChatMessage>();
        if (prompt.System is not null) messages.Add(new ChatMessage(ChatRole.System, prompt.System));
        var parts = new List<AIContent>();
        var sizes = new List<string>();
        var encodings = new List<string>();
        foreach (var p in prompt.User)
        {
            if (p.Image is { } img)
            {
                var encoded = encoding.Encode(img);
                parts.Add(new DataContent(encoded.Bytes, encoded.MediaType));
                sizes.Add($"{img.Width}x{img.Height}");
                encodings.Add(encoded.Description);
            }
            else parts.Add(new TextContent(p.Text));
        }
        messages.Add(new ChatMessage(ChatRole.User, parts));
        return (messages, sizes, encodings);
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
    public static async Task<VlmExchange> SendAsync(IChatClient client, VlmPrompt prompt, ImageEncoding encoding, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(client);
        var (messages, sizes, encodings) = ToMessages(prompt, encoding);
        // A run that keeps what the model saw wraps its client in SentImageThumbnails (ours); the images are saved as built.
        var thumbnails = new List<string>();
        if (client.GetService(typeof(SentImageThumbnails)) is SentImageThumbnails keeper)
            foreach (var p in prompt.User)
                if (p.Image is { } img) thumbnails.Add(keeper.Save(img));
        var response = await client.GetResponseAsync(messages, ToOptions(prompt.Sampling), cancellation).ConfigureAwait(false);
        return new VlmExchange(response.Text ?? "", response.FinishReason?.Value, sizes, ReasoningLog.Hash((prompt.System ?? "") + "\n" + prompt.UserText)) { ImageEncodings = encodings, ImageThumbnails = thumbnails };
    }
}
