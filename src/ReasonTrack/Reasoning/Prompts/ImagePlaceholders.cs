using ReasonTrack.Media;

namespace ReasonTrack.Reasoning.Prompts;

/// <summary>
/// A prompt text with N image placeholders (<c>&lt;image&gt;</c>) and N images becomes an interleaved user turn: the
/// text up to the first placeholder, the first image, the text between, the second image, ..., the rest of the text.
/// Each placeholder is replaced in place and none is left in the text. This is what ms-swift's template does before
/// tokenizing (VPTracker's fork, <c>ms-swift/swift/llm/template/base.py</c>: <c>_split_special_tokens</c> ~1027-1042
/// splits the text at <c>&lt;image&gt;</c> and drops empty pieces, <c>_pre_tokenize_images</c> ~1139-1160 puts the
/// i-th image at the i-th tag), and over the OpenAI API it is the content list
/// <c>[text, image_url, text, image_url, text]</c>. It assumes the server renders content parts in order (Qwen2.5-VL's
/// chat template does).
/// <para>
/// Empty text pieces (a placeholder at the very start or end, or two adjacent ones) are not sent, as ms-swift drops
/// them. A count mismatch is an error here, where ms-swift would prepend missing tags or keep extra ones as literal
/// text (<c>_add_default_tags</c> ~1215-1242): a prompt whose images do not land where its text says is a bug, not
/// something to send.
/// </para>
/// </summary>
public static class ImagePlaceholders
{
    /// <summary>The placeholder ms-swift, LLaMA-Factory and the released prompts use.</summary>
    public const string Image = "<image>";

    /// <summary>How many times <paramref name="placeholder"/> occurs in <paramref name="text"/> (non-overlapping).</summary>
    public static int Count(string text, string placeholder = Image)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentException.ThrowIfNullOrEmpty(placeholder);
        int n = 0;
        for (int i = text.IndexOf(placeholder, StringComparison.Ordinal); i >= 0; i = text.IndexOf(placeholder, i + placeholder.Length, StringComparison.Ordinal)) n++;
        return n;
    }

    /// <summary>The interleaved parts of <paramref name="text"/> with the i-th placeholder replaced by the i-th image.</summary>
    /// <exception cref="ReasonTrackException">The text has a different number of placeholders than there are images.</exception>
    public static IReadOnlyList<PromptPart> Interleave(string text, IReadOnlyList<ImageFrame> images, string placeholder = Image)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(images);
        int count = Count(text, placeholder);
        if (count != images.Count)
            throw new ReasonTrackException($"the prompt has {count} '{placeholder}' placeholder{(count == 1 ? "" : "s")} but {images.Count} image{(images.Count == 1 ? " was" : "s were")} given: each image goes where one placeholder is");
        var parts = new List<PromptPart>(2 * count + 1);
        int start = 0;
        for (int k = 0; k < count; k++)
        {
            int at = text.IndexOf(placeholder, start, StringComparison.Ordinal);
            if (at > start) parts.Add(PromptPart.FromText(text[start..at]));
            parts.Add(PromptPart.FromImage(images[k]));
            start = at + placeholder.Length;
        }
        if (start < text.Length) parts.Add(PromptPart.FromText(text[start..]));
        return parts;
    }
}
