using Microsoft.Extensions.AI;
using ReasonTrack.Media;

namespace ReasonTrack.Tests.Reasoning.Vlm;

/// <summary>Small encoded test images and message builders shared by the VLM client tests.</summary>
internal static class VlmTestImages
{
    public static byte[] Jpeg(int width, int height, byte shade = 90)
    {
        using var frame = new ImageFrame(width, height, PixelFormat.Rgb24);
        frame.Pixels.Fill(shade);
        return JpegEncoder.Encode(frame, 80);
    }

    public static byte[] Png(int width, int height, byte shade = 150)
    {
        using var frame = new ImageFrame(width, height, PixelFormat.Rgb24);
        frame.Pixels.Fill(shade);
        return PngEncoder.Encode(frame);
    }

    /// <summary>system text, then user [image, image, text] — the ReasoningTrack/R1-Track message layout.</summary>
    public static List<ChatMessage> TwoImagesAndText(byte[] first, byte[] second, string text, string system = "You are a visual tracking assistant.") =>
    [
        new(ChatRole.System, system),
        new(ChatRole.User, [new DataContent(first, "image/jpeg"), new DataContent(second, "image/jpeg"), new TextContent(text)]),
    ];
}
