using ReasonTrack.IO;
using ReasonTrack.Reasoning.Vlm.Fleet;

namespace ReasonTrack.Tests.Reasoning.Vlm.Fleet;

public sealed class VlmEndpointsFileTests
{
    [Fact]
    public void Reads_urls_in_order_with_optional_max_skipping_comments_and_blank_lines()
    {
        var endpoints = VlmEndpointsFile.Parse(["# three GPUs", "", "http://gpu1:8000/v1 max=4", "  https://gpu2/v1  ", "http://gpu3:8001/v1\tmax=12"], "fleet.txt");

        endpoints.ShouldBe([
            new VlmEndpoint(new Uri("http://gpu1:8000/v1"), 4),
            new VlmEndpoint(new Uri("https://gpu2/v1"), null),
            new VlmEndpoint(new Uri("http://gpu3:8001/v1"), 12),
        ]);
    }

    [Theory]
    [InlineData(new[] { "http://a/v1", "", "gpu2:8000/v1" }, 3, "is not an http(s) URL")]
    [InlineData(new[] { "ftp://a/v1" }, 1, "is not an http(s) URL")]
    [InlineData(new[] { "# c", "http://a/v1 maximum=4" }, 2, "unknown field 'maximum=4'")]
    [InlineData(new[] { "http://a/v1 max=0" }, 1, "max must be a whole number of at least 1, got '0'")]
    [InlineData(new[] { "http://a/v1 max=four" }, 1, "got 'four'")]
    [InlineData(new[] { "http://a/v1 max=2 max=3" }, 1, "max= is given twice")]
    [InlineData(new[] { "http://a/v1", "http://b/v1", "http://a/v1/ max=2" }, 3, "is already given on line 1")]
    public void A_bad_line_is_refused_with_file_and_line(string[] lines, int line, string reason)
    {
        var e = Should.Throw<DataFormatException>(() => VlmEndpointsFile.Parse(lines, "fleet.txt"));
        e.Line.ShouldBe(line);
        e.Message.ShouldStartWith($"fleet.txt:{line}: ");
        e.Reason.ShouldContain(reason);
    }

    [Fact]
    public void A_file_without_endpoints_and_a_missing_file_are_refused_and_credentials_never_shown()
    {
        Should.Throw<DataFormatException>(() => VlmEndpointsFile.Parse(["# nothing", " "], "fleet.txt")).Message.ShouldContain("holds no endpoint");
        Should.Throw<DataFormatException>(() => VlmEndpointsFile.Read("/nonexistent/fleet.txt")).Message.ShouldContain("does not exist");
        var e = Should.Throw<DataFormatException>(() => VlmEndpointsFile.Parse(["http://u:secret@a/v1", "http://u:secret@a/v1"], "fleet.txt"));
        e.Message.ShouldNotContain("secret");
        e.Message.ShouldContain("http://a/v1");
    }
}
