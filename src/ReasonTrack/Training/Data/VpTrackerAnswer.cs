using System.Globalization;
using ReasonTrack.Geometry;

namespace ReasonTrack.Training.Data;

/// <summary>
/// The VPTracker training target: the JSON block the inference prompt asks for, laid out like the prompt's own
/// example (<c>```json</c>, two-space indent, <c>"visible": "yes", </c> then <c>"bbox":[...]</c>), so the fine-tuned
/// model copies the layout the parser reads. The box is the ground truth clipped to the image (the parser rejects
/// values beyond the image) with each corner rounded to a whole pixel (half to even); an invisible target is written
/// <c>"visible": "no"</c> with <c>[0, 0, 0, 0]</c>. Rounding and the absent box are our assumptions: the seed facts
/// do not state them.
/// </summary>
public static class VpTrackerAnswer
{
    /// <summary>The box as written: clipped to the image, corners rounded half to even.</summary>
    public static int[] Corners(Box box, ImageSize image)
    {
        double x1 = Math.Clamp(box.X, 0, image.Width), y1 = Math.Clamp(box.Y, 0, image.Height);
        double x2 = Math.Clamp(box.Right, 0, image.Width), y2 = Math.Clamp(box.Bottom, 0, image.Height);
        return [R(x1), R(y1), R(x2), R(y2)];

        static int R(double v) => (int)Math.Round(v, MidpointRounding.ToEven);
    }

    /// <summary>The reply text; <paramref name="box"/> is ignored when the target is not visible.</summary>
    public static string Format(bool visible, Box box, ImageSize image)
    {
        int[] c = visible ? Corners(box, image) : [0, 0, 0, 0];
        return string.Create(CultureInfo.InvariantCulture,
            $"```json\n{{\n  \"visible\": \"{(visible ? "yes" : "no")}\", \n  \"bbox\":[{c[0]}, {c[1]}, {c[2]}, {c[3]}]\n}}\n```");
    }
}
