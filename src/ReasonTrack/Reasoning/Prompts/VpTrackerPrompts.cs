using System.Globalization;
using ReasonTrack.Geometry;
using ReasonTrack.Media;
using ReasonTrack.Reasoning.Crops;

namespace ReasonTrack.Reasoning.Prompts;

/// <summary>
/// What VPTracker sends (seed facts section 4): a template crop of frame 1, the description, and the whole current
/// frame with the visual prompt (a red 3 px outline, 4x the previous box, centred on it).
/// </summary>
public static class VpTrackerPrompts
{
    /// <summary>The inference prompt (exact); <c>{language}</c> is the raw description.</summary>
    public const string InferencePromptTemplate =
        "You are a visual object tracker.\nGiven the visual information of the target object, including an initial visual template <template><image></template>, \nand the language description of the target object, including an initial language description <ref>{language}</ref>.\n\nThen, detect the target object is in search image <search><image></search>.\n    1. determine whether the target is visible in the search image.\n    2. return the bounding box of its current position in the search image in the format [x_min, y_min, x_max, y_max]. \n\nPlease return the answer in JSON format, for example: ```json\n{\n  \"visible\": \"yes/no\", \n  \"bbox\":[x_min, y_min, x_max, y_max]\n}\n```.\n\nPlease note that you should first search for the target within the red rectangular bounding box. If you cannot find it, then search for the target outside the rectangular bounding box.";

    public const double TemplateFactor = 2;
    public const double PromptScale = 4;
    public const int PromptLineWidth = 3;

    /// <summary>temperature 0, max_tokens 1024.</summary>
    public static SamplingParameters Sampling { get; } = new(Temperature: 0, MaxTokens: 1024);

    public static string Prompt(string language) => InferencePromptTemplate.Replace("{language}", language, StringComparison.Ordinal);

    /// <summary>
    /// The template region as released (VPTracker <c>ms-swift/swift/llm/template/base.py</c>, <c>sample_target</c>
    /// ~2394-2435, <c>template_scale</c> 2, no resize): the box as corners <c>(x, y, x + w, y + h)</c> and back
    /// (<c>w = x2 - x1</c>), side <c>crop = ceil(sqrt(w*h) * 2)</c>, <c>x1 = int(round(x + 0.5*w - crop*0.5))</c>
    /// (Python's round: half to even), <c>x2 = x1 + crop</c>, then the array slice
    /// <c>[x1 + max(0, -x1) : x2 - max(x2 - W + 1, 0)]</c> (rows alike): clipped, never padded, and the released
    /// <c>+ 1</c> in the far pad drops the image's <b>last column (row)</b> whenever the crop reaches it, so the region
    /// ends at <c>W - 1</c> at most. The region may be non-square.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The box is not finite or its crop side is under 1 pixel (sample_target raises too).</exception>
    public static (int X, int Y, int W, int H) TemplateRegion(Box box, ImageSize image)
    {
        // sample_target receives [x, y, x + w, y + h] and converts it back: w is (x + w) - x, as a float.
        var asCorners = new Box(box.X, box.Y, (box.X + box.W) - box.X, (box.Y + box.H) - box.Y);
        int crop = SampleTarget.Side(asCorners, TemplateFactor);
        long x1 = (long)Math.Round(asCorners.X + 0.5 * asCorners.W - crop * 0.5, MidpointRounding.ToEven);
        long y1 = (long)Math.Round(asCorners.Y + 0.5 * asCorners.H - crop * 0.5, MidpointRounding.ToEven);
        long x2 = x1 + crop, y2 = y1 + crop;
        long c0 = x1 + Math.Max(0, -x1), c1 = x2 - Math.Max(x2 - image.Width + 1, 0);
        long r0 = y1 + Math.Max(0, -y1), r1 = y2 - Math.Max(y2 - image.Height + 1, 0);
        // Assumption: a crop wholly outside the image (a negative slice end would wrap in numpy) is empty here.
        c1 = Math.Max(c1, c0);
        r1 = Math.Max(r1, r0);
        c0 = Math.Min(c0, image.Width);
        r0 = Math.Min(r0, image.Height);
        c1 = Math.Min(c1, image.Width);
        r1 = Math.Min(r1, image.Height);
        return ((int)c0, (int)r0, (int)(c1 - c0), (int)(r1 - r0));
    }

    /// <summary>The template crop (no padding, no resize).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The region lies wholly outside the image.</exception>
    public static ImageFrame TemplateCrop(ImageFrame firstFrame, Box initBox)
    {
        ArgumentNullException.ThrowIfNull(firstFrame);
        var (x, y, w, h) = TemplateRegion(initBox, firstFrame.Size);
        if (w <= 0 || h <= 0) throw new ArgumentOutOfRangeException(nameof(initBox), $"template region of {initBox} is outside the {firstFrame.Size} image");
        return ImageOps.Crop(firstFrame, x, y, w, h, PadMode.Zero);
    }

    /// <summary>
    /// A copy of the frame with the visual prompt drawn on it (the input frame is not changed): the released
    /// <c>_draw_bbox</c> at inference, see <see cref="Drawing.DrawVisualPrompt"/>. Always RGB: a grey frame is converted
    /// first, or the red rectangle would be drawn as its grey luma.
    /// </summary>
    public static ImageFrame SearchImage(ImageFrame frame, Box previousBox)
    {
        ArgumentNullException.ThrowIfNull(frame);
        var copy = ImageOps.Convert(frame, PixelFormat.Rgb24);
        Drawing.DrawVisualPrompt(copy, previousBox, PromptScale, PromptLineWidth);
        return copy;
    }

    /// <summary>
    /// The request: the prompt with the template in place of the first <c>&lt;image&gt;</c> (inside
    /// <c>&lt;template&gt;...&lt;/template&gt;</c>) and the search image in place of the second (inside
    /// <c>&lt;search&gt;...&lt;/search&gt;</c>): [text, template, text, search image, text], no literal
    /// <c>&lt;image&gt;</c> left, as the fork's template places them (<see cref="ImagePlaceholders"/>).
    /// The placeholders are found in the prompt before the description is written in, so a description that itself
    /// contains <c>&lt;image&gt;</c> stays text (the fork would take it for the search image's tag).
    /// </summary>
    public static VlmPrompt Build(ImageFrame template, ImageFrame searchImage, string language)
    {
        ArgumentNullException.ThrowIfNull(language);
        var parts = ImagePlaceholders.Interleave(InferencePromptTemplate, [template, searchImage]);
        return new(null, parts.Select(p => p.IsImage ? p : PromptPart.FromText(p.Text!.Replace("{language}", language, StringComparison.Ordinal))).ToList(), Sampling);
    }

    /// <summary>One results line: <c>x, y, w, h</c> (comma and space), invariant culture, shortest round-trip numbers.</summary>
    public static string FormatResult(Box box) => string.Create(CultureInfo.InvariantCulture, $"{box.X}, {box.Y}, {box.W}, {box.H}");
}
