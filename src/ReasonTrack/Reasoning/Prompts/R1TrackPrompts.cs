using System.Globalization;
using ReasonTrack.Geometry;
using ReasonTrack.Media;
using ReasonTrack.Reasoning.Crops;

namespace ReasonTrack.Reasoning.Prompts;

/// <summary>
/// What R1-Track sends (seed facts section 3): the template crop (frame 1, cached), the search crop around the last
/// box, and a text with the template box written in. Crops are <see cref="SampleTarget"/> with factor 4 and 336 px,
/// a multiple of 28 that Qwen2.5-VL does not resize, so crop pixels are model pixels.
/// </summary>
public static class R1TrackPrompts
{
    /// <summary>Placeholder replaced by the template box.</summary>
    public const string BoxFlag = "<BBOXFLAG>";

    /// <summary>The inference prompt (exact).</summary>
    public const string InferencePrompt =
        "<image> <image>Given two images, you need to:\n1. Analyze and Identify the target object marked by bounding box <BBOXFLAG> in <image_1>;\n2. Re-locate this target in <image_2>;\n3. Return [x_min, y_min, x_max, y_max] coordinates of the target in <image_2>.";

    /// <summary>Prepended in think mode, joined by one space (exact).</summary>
    public const string ThinkPrefix =
        "You FIRST think about the reasoning process as an internal monologue and then provide the final answer. \n The reasoning process MUST BE enclosed within <think> </think> tags. The final answer MUST BE put in <answer> </answer> tags.";

    /// <summary>The prompt of the older 5k-sample models (exact).</summary>
    public const string LegacyPrompt5k =
        "Please identify the target specified by the bounding box <BBOXFLAG> in the first image and locate it in the second image. Return the coordinates in [x_min,y_min,x_max,y_max] format.";

    /// <summary>Text initialisation (grounding on the full first frame); <c>{text}</c> is the description.</summary>
    public const string GroundingPromptTemplate = "Please return the coordinates of {text} in JSON format.";

    public const double TemplateFactor = 4;
    public const double SearchFactor = 4;
    public const int CropSize = 336;

    /// <summary>temperature 0, top_p 0.5, top_k 20, max_tokens 512.</summary>
    public static SamplingParameters Sampling { get; } = new(Temperature: 0, TopP: 0.5, TopK: 20, MaxTokens: 512);

    /// <summary>
    /// The template box as written into the prompt: <c>[x1,y1,x2,y2]</c>, no spaces, each value truncated toward zero
    /// like the released <c>list(map(int, box))</c> (not rounded).
    /// </summary>
    public static string BoxText(BoxXyxy box) => string.Create(CultureInfo.InvariantCulture,
        $"[{Truncate(box.X1)},{Truncate(box.Y1)},{Truncate(box.X2)},{Truncate(box.Y2)}]");

    /// <summary>The text part for a template box: <see cref="InferencePrompt"/> (or the 5k prompt), think prefix if asked.</summary>
    public static string Prompt(BoxXyxy templateBoxInCrop, bool think, bool legacy5k = false)
    {
        string p = (legacy5k ? LegacyPrompt5k : InferencePrompt).Replace(BoxFlag, BoxText(templateBoxInCrop), StringComparison.Ordinal);
        // The released code joins format_prompt.strip() and the prompt with one space.
        return think ? ThinkPrefix.Trim() + " " + p : p;
    }

    /// <summary>
    /// The per-frame request: [template crop, search crop, text], no system message. This is the released order, and
    /// the text is sent verbatim with its leading literal <c>&lt;image&gt; &lt;image&gt;</c> (<c>infer_script/r1track.py</c>
    /// <c>get_response_from_api</c> ~206-251: two <c>image_url</c> parts, then <c>self.prompt</c> as one text part); the
    /// tags are not image placeholders here (see <see cref="ImagePlaceholders"/>), since the released client does not
    /// replace them.
    /// </summary>
    public static VlmPrompt Build(TargetCrop template, ImageFrame searchCrop, bool think, bool legacy5k = false)
    {
        ArgumentNullException.ThrowIfNull(template);
        return new VlmPrompt(null,
            [PromptPart.FromImage(template.Image), PromptPart.FromImage(searchCrop), PromptPart.FromText(Prompt(template.TargetInCrop, think, legacy5k))],
            Sampling);
    }

    /// <summary>The template crop of frame 1 (factor 4, 336 px), cached for the whole sequence.</summary>
    public static TargetCrop TemplateCrop(ImageFrame firstFrame, Box initBox) => SampleTarget.Crop(firstFrame, initBox, TemplateFactor, CropSize);

    /// <summary>The search crop around the last box (factor 4, 336 px).</summary>
    public static TargetCrop SearchCrop(ImageFrame frame, Box lastBox) => SampleTarget.Crop(frame, lastBox, SearchFactor, CropSize);

    /// <summary>The grounding text for a description.</summary>
    public static string GroundingPrompt(string text) => GroundingPromptTemplate.Replace("{text}", text, StringComparison.Ordinal);

    /// <summary>Text initialisation request: [full first frame, grounding text]; the reply is read by GroundingReply.</summary>
    public static VlmPrompt BuildGrounding(ImageFrame firstFrame, string text) =>
        new(null, [PromptPart.FromImage(firstFrame), PromptPart.FromText(GroundingPrompt(text))], Sampling);

    private static long Truncate(double v) => double.IsFinite(v) ? (long)Math.Truncate(v) : 0;
}
