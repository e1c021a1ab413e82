namespace ReasonTrack.Reasoning.Prompts;

/// <summary>
/// Sampling fields of a chat-completions request; null means "do not send the field" (server default), which is what
/// ReasoningTrack's released client does for all of them.
/// </summary>
public sealed record SamplingParameters(double? Temperature = null, double? TopP = null, int? TopK = null, int? MaxTokens = null)
{
    /// <summary>Nothing sent: the server's defaults.</summary>
    public static SamplingParameters ServerDefaults { get; } = new();
}
