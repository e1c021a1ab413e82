using ReasonTrack.Media;

namespace ReasonTrack.Reasoning.Prompts;

/// <summary>
/// One item of a user turn: an image (encoded by the mode's <see cref="ImageEncoding"/> when sent) or a text. Exactly one of
/// <see cref="Image"/> and <see cref="Text"/> is set. The frame is not copied or owned: keep it alive until sent.
/// </summary>
public sealed record PromptPart
{
    private PromptPart(ImageFrame? image, string? text)
    {
        Image = image;
        Text = text;
    }

    public ImageFrame? Image { get; }
    public string? Text { get; }
    public bool IsImage => Image is not null;

    public static PromptPart FromImage(ImageFrame image) => new(image ?? throw new ArgumentNullException(nameof(image)), null);
    public static PromptPart FromText(string text) => new(null, text ?? throw new ArgumentNullException(nameof(text)));

    public override string ToString() => Image is { } i ? $"image {i.Width}x{i.Height}" : $"text \"{Text}\"";
}
