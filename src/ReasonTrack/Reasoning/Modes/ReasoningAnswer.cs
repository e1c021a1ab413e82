using ReasonTrack.Geometry;

namespace ReasonTrack.Reasoning.Modes;

/// <summary>What a reasoning call concluded, in the terms the frame loop applies, plus what to log.</summary>
public sealed record ReasoningAnswer
{
    /// <summary><c>ok</c>, or <c>fallback</c> when the reply was unusable and the previous state is kept.</summary>
    public string Status { get; init; } = "ok";

    /// <summary>A new description, when the call changes it.</summary>
    public string? Description { get; init; }

    /// <summary>A box in frame pixels (re-localization or VLM-as-tracker).</summary>
    public Box? Box { get; init; }

    /// <summary>False when the model said the target is not visible.</summary>
    public bool? Visible { get; init; }

    public string? Decision { get; init; }
    public string? RawReply { get; init; }
    public string? PromptHash { get; init; }
    public IReadOnlyList<string> Images { get; init; } = [];

    /// <summary>How each image was encoded, in the order sent (see <see cref="ReasonTrack.Media.ImageEncoding"/>).</summary>
    public IReadOnlyList<string> ImageEncodings { get; init; } = [];

    /// <summary>Full paths of the thumbnails of the images sent, when the run keeps them (see <see cref="VlmExchange.ImageThumbnails"/>).</summary>
    public IReadOnlyList<string> ImageThumbnails { get; init; } = [];
    public string? ParseNote { get; init; }

    /// <summary>Mode-specific data the reasoner's Apply reads back (e.g. R1-Track's crop-space fallback box); not logged.</summary>
    public object? Detail { get; init; }
}
