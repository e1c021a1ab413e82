using System.Text;
using ReasonTrack.Media;
using ReasonTrack.Trackers.External;

namespace ReasonTrack.Tests.Trackers.External;

/// <summary>Issue 12 item 1: the byte layout of docs/tracker-protocol.md, header by header and reply by reply.</summary>
public sealed class ExternalProtocolTests
{
    private static string? Parse(string line, out ExternalReply reply) => ExternalProtocol.Parse(Encoding.UTF8.GetBytes(line), out reply);

    [Fact]
    public void Headers_are_the_documented_json_lines()
    {
        var buffer = new byte[ExternalProtocol.HeaderCapacity("a \"red\" car")];
        string Text(int n) => Encoding.UTF8.GetString(buffer, 0, n);
        Text(ExternalProtocol.Hello(buffer)).ShouldBe("{\"op\":\"hello\",\"version\":1}\n");
        var frame = new ImageFrame(640, 480, PixelFormat.Rgb24) { Index = 7 };
        Text(ExternalProtocol.Frame(buffer, "update"u8, frame, null, false, null))
            .ShouldBe("{\"op\":\"update\",\"frame\":7,\"width\":640,\"height\":480,\"format\":\"rgb24\",\"channels\":3,\"bytes\":921600}\n");
        var gray = new ImageFrame(4, 2, PixelFormat.Gray8);
        Text(ExternalProtocol.Frame(buffer, "init"u8, gray, new ReasonTrack.Geometry.Box(1.5, 2, 3, 4), true, "a \"red\" car"))
            .ShouldBe("{\"op\":\"init\",\"frame\":0,\"width\":4,\"height\":2,\"format\":\"gray8\",\"channels\":1,\"bytes\":8,\"box\":[1.5,2,3,4],\"text\":\"a \\u0022red\\u0022 car\"}\n");
        Text(ExternalProtocol.Text(buffer, null)).ShouldBe("{\"op\":\"text\",\"text\":null}\n");
        Text(ExternalProtocol.Close(buffer)).ShouldBe("{\"op\":\"close\"}\n");
    }

    [Fact]
    public void A_reply_with_box_score_found_mask_and_unknown_fields_parses()
    {
        Parse("{\"box\":[1,2.5,3,4],\"future\":{\"x\":[1]},\"score\":0.5,\"found\":false,\"ms\":2.5,\"mask\":{\"width\":2,\"height\":2,\"counts\":[1,2,1]}}", out var r).ShouldBeNull();
        (r.HasBox, r.X, r.Y, r.W, r.H, r.Score, r.Found, r.HasFound, r.Milliseconds).ShouldBe((true, 1.0, 2.5, 3.0, 4.0, 0.5, false, true, 2.5));
        r.Mask!.ToDense().ShouldBe(new byte[] { 0, 1, 1, 0 });
    }

    [Fact]
    public void A_coco_rle_mask_is_column_major_as_a_list_or_a_compressed_string()
    {
        // 3 wide, 2 high. Column-major counts [1, 2, 3]: pixel 0 = (0,0) background, pixels 1, 2 = (0,1), (1,0) target.
        Parse("{\"box\":[0,0,1,1],\"mask\":{\"size\":[2,3],\"counts\":[1,2,3]}}", out var r).ShouldBeNull();
        r.Mask!.ToDense().ShouldBe(new byte[] { 0, 1, 0, 1, 0, 0 });
        // Strings encoded by hand with maskApi.c's rleToString: [3, 2, 1, 4] -> "3212" (the 4th count as 4 - 2);
        // [2, 5, 3, 1] -> "253L" (1 - 5 = -4: group -4 & 0x1f = 28 with the sign bit, 48 + 28 = 'L').
        Parse("{\"box\":[0,0,1,1],\"mask\":{\"size\":[5,2],\"counts\":\"3212\"}}", out r).ShouldBeNull();
        // Column-major 0 0 0 1 1 | 0 1 1 1 1 over 2 columns of 5: column 0 rows 3, 4; column 1 rows 1..4 (the 0 run of 1 then 4).
        r.Mask!.ToDense().ShouldBe(new byte[] { 0, 0, 0, 1, 0, 1, 1, 1, 1, 1 });
        Parse("{\"box\":[0,0,1,1],\"mask\":{\"size\":[11,1],\"counts\":\"253L\"}}", out r).ShouldBeNull();
        r.Mask!.ToDense().ShouldBe(new byte[] { 0, 0, 1, 1, 1, 1, 1, 0, 0, 0, 1 });
        // A long count takes several 5-bit groups: 100 = 0b11_00100 -> groups 4 (with 0x20: more) and 3 -> "T3".
        Parse("{\"box\":[0,0,1,1],\"mask\":{\"size\":[10,10],\"counts\":\"T3\"}}", out r).ShouldBeNull();
        r.Mask!.IsEmpty.ShouldBeTrue();
    }

    [Theory]
    [InlineData("not json at all", "not valid JSON")]
    [InlineData("[1,2,3,4]", "not a JSON object")]
    [InlineData("{\"box\":[1,2,3]}", "\"box\" is not four numbers")]
    [InlineData("{\"box\":[1,2,3,\"4\"]}", "\"box\" is not four numbers")]
    [InlineData("{\"box\":\"1,2,3,4\"}", "\"box\" is not an array")]
    [InlineData("{\"box\":[1,2,3,4],\"found\":\"yes\"}", "\"found\" is not true/false")]
    [InlineData("{\"box\":[1,2,3,4],\"score\":\"high\"}", "\"score\" is not a number")]
    [InlineData("{\"box\":[1,2,3,4]} trailing", "not valid JSON")]
    [InlineData("{\"box\":[1,2,3,4],\"mask\":{\"width\":2,\"height\":2,\"counts\":[1,2]}}", "mask counts add up to 3, not width x height = 4")]
    [InlineData("{\"box\":[1,2,3,4]", "not valid JSON")]
    [InlineData("{\"box\":[1,2,3,4],\"mask\":{\"size\":[2,2],\"counts\":\"3\"}}", "mask counts add up to 3, not width x height = 4")]
    [InlineData("{\"box\":[1,2,3,4],\"mask\":{\"size\":[2,2],\"counts\":\"4~\"}}", "has '~' at 1, outside '0'..'o'")]
    [InlineData("{\"box\":[1,2,3,4],\"mask\":{\"size\":[2,2],\"counts\":\"d\"}}", "ends inside a run")]
    [InlineData("{\"box\":[1,2,3,4],\"mask\":{\"width\":2,\"height\":2,\"counts\":\"4\"}}", "has no \"size\"")]
    [InlineData("{\"box\":[1,2,3,4],\"mask\":{\"size\":[2],\"counts\":[4]}}", "mask size is not [height, width]")]
    [InlineData("{\"box\":[1,2,3,4],\"mask\":{\"width\":\"2\",\"height\":2,\"counts\":[4]}}", "mask width is not an integer")]
    public void Garbage_is_named(string line, string expected) => Parse(line, out _).ShouldNotBeNull().ShouldContain(expected);
}
