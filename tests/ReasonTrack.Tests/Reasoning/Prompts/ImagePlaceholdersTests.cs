using ReasonTrack.Media;
using ReasonTrack.Reasoning.Prompts;

namespace ReasonTrack.Tests.Reasoning.Prompts;

/// <summary>
/// A prompt with N <c>&lt;image&gt;</c> placeholders and N images becomes an interleaved user turn (issue 11 item 2), as
/// ms-swift's template splits the text at the tags and drops empty pieces (VPTracker's fork, base.py
/// <c>_split_special_tokens</c>).
/// </summary>
public class ImagePlaceholdersTests
{
    [Fact]
    public void Each_placeholder_is_replaced_in_place_by_its_image_and_empty_pieces_are_not_sent()
    {
        using var a = new ImageFrame(2, 2, PixelFormat.Gray8);
        using var b = new ImageFrame(2, 2, PixelFormat.Gray8);
        using var c = new ImageFrame(2, 2, PixelFormat.Gray8);

        var parts = ImagePlaceholders.Interleave("<image>first <t><image></t> then<image><image>", [a, b, c, a]);

        parts.Select(p => p.IsImage ? "<img>" : p.Text).ShouldBe(["<img>", "first <t>", "<img>", "</t> then", "<img>", "<img>"]);
        parts.ShouldAllBe(p => p.IsImage || !p.Text!.Contains("<image>"));
        parts[0].Image.ShouldBeSameAs(a);
        parts[2].Image.ShouldBeSameAs(b);
        parts[4].Image.ShouldBeSameAs(c);
        parts[5].Image.ShouldBeSameAs(a);
    }

    [Fact]
    public void A_text_without_placeholders_and_no_images_is_one_text_part()
    {
        ImagePlaceholders.Interleave("just text", []).ShouldHaveSingleItem().Text.ShouldBe("just text");
        ImagePlaceholders.Interleave("", []).ShouldBeEmpty();
        ImagePlaceholders.Count("<image><image> x <image").ShouldBe(2);
    }

    [Fact]
    public void A_count_mismatch_is_an_error_naming_both_counts()
    {
        using var a = new ImageFrame(2, 2, PixelFormat.Gray8);
        var more = Should.Throw<ReasonTrackException>(() => ImagePlaceholders.Interleave("<image> and <image>", [a]));
        more.Message.ShouldContain("2 '<image>' placeholders but 1 image was given");
        var fewer = Should.Throw<ReasonTrackException>(() => ImagePlaceholders.Interleave("no tag", [a, a]));
        fewer.Message.ShouldContain("0 '<image>' placeholders but 2 images were given");
    }
}
