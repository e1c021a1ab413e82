using System.Text.Json;
using ReasonTrack.Tests.Reasoning;

namespace ReasonTrack.Tests.Cli;

/// <summary>
/// <c>--image-encoding</c> / <c>--jpeg-quality</c> (issue 11 item 4) through the real CLI: the released default on
/// video input (no frame files: the PNG fallback, named in the log), an explicit JPEG quality, and clean refusals.
/// </summary>
public sealed class ImageEncodingOptionTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("rt-encoding-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Theory]
    [InlineData("", "image/png", "png (fallback: no source file)")]
    [InlineData("--image-encoding jpeg --jpeg-quality 80", "image/jpeg", "jpeg q80 4:2:0")]
    public async Task The_encoding_is_sent_and_named_in_the_reasoning_log(string options, string mime, string logged)
    {
        if (!File.Exists("/usr/bin/ffmpeg") && Environment.GetEnvironmentVariable("REASONTRACK_FFMPEG") is null)
            Assert.Skip("ffmpeg not installed (./setup.sh installs it)");
        var ct = TestContext.Current.CancellationToken;
        await using var server = await FakeVlmServer.StartAsync("reasoningtrack-3b", ct);
        server.DefaultReply = FakeReply.Text("<think>ok</think><d>no</d><answer>a textured square</answer>");

        string[] extra = options.Length == 0 ? [] : options.Split(' ');
        var o = await Task.Run(() => CliRunner.Run(["track", "--example", "--out", _dir, "--video", Path.Combine(_dir, "v.mp4"),
            "--reasoner", "reasoningtrack", "--vlm-url", server.BaseUrl.ToString(), "--model", "reasoningtrack-3b",
            "--text", "a textured square", "--trigger", "interval", "--interval", "100", .. extra]), ct);

        o.ExitCode.ShouldBe(0, o.Stdout + o.Stderr);
        server.Requests[0].Images().ShouldAllBe(i => i.DeclaredMime == mime);
        var first = JsonDocument.Parse(File.ReadLines(Path.Combine(_dir, "synthetic_reasoning.jsonl")).First()).RootElement;
        first.GetProperty("image_encodings").EnumerateArray().Select(e => e.GetString()).ShouldBe([logged, logged]);
    }

    [Theory]
    [InlineData("--image-encoding png", "only makes sense with --reasoner")]
    [InlineData("--reasoner r1track --model m --image-encoding gif", "--image-encoding must be")]
    [InlineData("--reasoner r1track --model m --jpeg-quality 80", "--jpeg-quality only makes sense with --image-encoding jpeg")]
    [InlineData("--reasoner r1track --model m --image-encoding jpeg --jpeg-quality 101", "--jpeg-quality must be 1..100")]
    public void Bad_encoding_options_fail_cleanly(string options, string message)
    {
        var o = CliRunner.Run(["track", "--example", "--out", _dir, .. options.Split(' ')]).ShouldFailCleanly();
        o.Stderr.ShouldContain(message);
    }
}
