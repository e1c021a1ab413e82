using System.Text.Json;
using ReasonTrack.Media;

namespace ReasonTrack.Tests.Reasoning;

/// <summary>
/// A request as <see cref="FakeVlmServer"/> received it. The Authorization value is not kept, only whether it was
/// present and whether it matched the server's expected key.
/// </summary>
public sealed class FakeRequest
{
    internal FakeRequest(string method, string path, string body, IReadOnlyDictionary<string, string> headers, bool hasAuthorization, bool? authorizationMatches)
    {
        Method = method;
        Path = path;
        Body = body;
        Headers = headers;
        HasAuthorization = hasAuthorization;
        AuthorizationMatches = authorizationMatches;
        try
        {
            Json = JsonDocument.Parse(body).RootElement.Clone();
        }
        catch (JsonException)
        {
            Json = null;
        }
    }

    public string Method { get; }
    public string Path { get; }

    /// <summary>The raw request body.</summary>
    public string Body { get; }

    /// <summary>The body parsed, or null if it was not JSON.</summary>
    public JsonElement? Json { get; }

    /// <summary>Request headers (lower-case names) without Authorization.</summary>
    public IReadOnlyDictionary<string, string> Headers { get; }

    public bool HasAuthorization { get; }

    /// <summary>Whether Authorization was exactly <c>Bearer {ExpectedApiKey}</c>; null when the server expects no particular key.</summary>
    public bool? AuthorizationMatches { get; }

    public JsonElement Root => Json ?? throw new InvalidOperationException("request body was not JSON: " + Body);

    public bool IsStream => Root.TryGetProperty("stream", out var s) && s.ValueKind == JsonValueKind.True;

    /// <summary>Whether the top-level field was sent at all.</summary>
    public bool Has(string field) => Root.TryGetProperty(field, out _);

    /// <summary>All inline images of all messages, in order.</summary>
    public IReadOnlyList<FakeSentImage> Images()
    {
        var images = new List<FakeSentImage>();
        foreach (var message in Root.GetProperty("messages").EnumerateArray())
        {
            if (!message.TryGetProperty("content", out var content) || content.ValueKind != JsonValueKind.Array) continue;
            foreach (var part in content.EnumerateArray())
            {
                if (part.GetProperty("type").GetString() != "image_url") continue;
                string url = part.GetProperty("image_url").GetProperty("url").GetString() ?? "";
                const string prefix = "data:";
                int comma = url.IndexOf(";base64,", StringComparison.Ordinal);
                if (!url.StartsWith(prefix, StringComparison.Ordinal) || comma < 0) continue;
                byte[] bytes = Convert.FromBase64String(url[(comma + 8)..]);
                images.Add(new FakeSentImage(url[prefix.Length..comma], bytes, ImageHeader.TryRead(bytes, out var h) ? h : null));
            }
        }
        return images;
    }
}
