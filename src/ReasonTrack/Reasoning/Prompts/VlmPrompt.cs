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
}
