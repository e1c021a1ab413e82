namespace ReasonTrack.Reasoning.Modes;

/// <summary>One request sent and its reply: the text, why generation stopped, the sizes of the images sent and the prompt's hash.</summary>
public sealed record VlmExchange(string Text, string? FinishReason, IReadOnlyList<string> ImageSizes, string PromptHash)
{
    /// <summary>How each image was encoded (<see cref="Media.EncodedImage.Description"/>), in the order sent.</summary>
    public IReadOnlyList<string> ImageEncodings { get; init; } = [];

    /// <summary>Full paths of the thumbnails kept of the images sent (<see cref="Logging.SentImageThumbnails"/>); empty when none were kept.</summary>
    public IReadOnlyList<string> ImageThumbnails { get; init; } = [];

    /// <summary>The server stopped at the token limit (<c>finish_reason = length</c>): the reply may be cut off.</summary>
    public bool CutOff => string.Equals(FinishReason, "length", StringComparison.OrdinalIgnoreCase);

    /// <summary>A note for the log when the reply was cut off, combined with a parser's note.</summary>
    public string? Note(string? parseNote) => CutOff ? (parseNote is null ? "reply cut off at the token limit" : $"reply cut off at the token limit; {parseNote}") : parseNote;
}
