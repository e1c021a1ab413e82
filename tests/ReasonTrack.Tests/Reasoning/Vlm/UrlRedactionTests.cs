using Microsoft.Extensions.AI;
using ReasonTrack.IO;
using ReasonTrack.Reasoning.Vlm;

namespace ReasonTrack.Tests.Reasoning.Vlm;

/// <summary>Issue 10 item 10: a password in a URL never reaches a log, a recording or a message.</summary>
public sealed class UrlRedactionTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("rt-url-redact-").FullName;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Theory]
    [InlineData("http://user:pw@host/v1", "http://host/v1")]
    [InlineData("https://user@host:8443/v1", "https://host:8443/v1")]
    [InlineData("http://host/v1", "http://host/v1")]
    [InlineData("ftp//x", "ftp//x")]
    public void Redact_drops_user_information(string url, string expected) => UrlRedaction.Redact(url).ShouldBe(expected);

    [Fact]
    public void Redact_of_an_unparsable_url_still_drops_what_precedes_the_at_sign() =>
        UrlRedaction.Redact("http://user:s3cret@ho st/v1").ShouldNotContain("s3cret");

    [Fact]
    public async Task Client_errors_and_recordings_never_hold_the_password()
    {
        string path = Path.Combine(_dir, "calls.jsonl");
        await using var server = await FakeVlmServer.StartAsync(cancellationToken: Ct);
        server.Enqueue(FakeReply.Status(400, "{\"error\":{\"message\":\"bad\"}}"));
        var url = new UriBuilder(server.BaseUrl) { UserName = "alice", Password = "s3cret" }.Uri;
        url.ToString().ShouldContain("s3cret");
        using (var recorder = new VlmRecorder(path))
        using (var client = new OpenAiCompatibleChatClient(new VlmClientOptions { BaseUrl = url, Model = "m", MaxRetries = 0 }, recorder))
        {
            var e = await Should.ThrowAsync<VlmRequestException>(() => client.GetResponseAsync([new ChatMessage(ChatRole.User, "a")], cancellationToken: Ct));
            e.Message.ShouldNotContain("s3cret");
            e.Message.ShouldNotContain("alice");
            e.Message.ShouldContain(server.BaseUrl.Authority);
            client.GetService<ChatClientMetadata>()!.ProviderUri!.ToString().ShouldNotContain("s3cret");
        }
        (await File.ReadAllTextAsync(path, Ct)).ShouldNotContain("s3cret");
    }
}
