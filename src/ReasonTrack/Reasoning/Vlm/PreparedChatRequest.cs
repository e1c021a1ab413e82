using System.Buffers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.AI;
using ReasonTrack.Media;

namespace ReasonTrack.Reasoning.Vlm;

/// <summary>
/// A chat call turned into what goes on the wire: the model, the messages (with image bytes), the sampling fields that
/// were actually set, and the recorded form + hash shared by the client's recorder and the replay client.
/// </summary>
internal sealed class PreparedChatRequest
{
    // Fields the client maps itself; AdditionalProperties with these names are not copied twice.
    private static readonly HashSet<string> HandledExtras = ["top_k", "repetition_penalty"];

    private readonly List<(string Role, List<Part> Parts)> _messages;

    private PreparedChatRequest(string model, List<(string Role, List<Part> Parts)> messages, JsonObject sampling)
    {
        Model = model;
        _messages = messages;
        Sampling = sampling;
        RecordedMessages = messages.Select(m => new VlmRecordedMessage(m.Role, m.Parts.Select(p => p.Recorded).ToList())).ToList();
        RequestHash = ComputeHash(model, RecordedMessages, sampling);
    }

    public string Model { get; }
    public JsonObject Sampling { get; }
    public IReadOnlyList<VlmRecordedMessage> RecordedMessages { get; }
    public string RequestHash { get; }

    public static PreparedChatRequest Create(IEnumerable<ChatMessage> messages, ChatOptions? chat, int? defaultTopK, double? defaultRepetitionPenalty, string defaultModel)
    {
        ArgumentNullException.ThrowIfNull(messages);
        string model = chat?.ModelId ?? defaultModel;
        var list = new List<(string, List<Part>)>();
        foreach (var message in messages)
        {
            var parts = new List<Part>();
            foreach (var content in message.Contents) parts.Add(ToPart(content));
            list.Add((message.Role.Value, parts));
        }
        return new PreparedChatRequest(model, list, BuildSampling(chat, defaultTopK, defaultRepetitionPenalty));
    }

    /// <summary>The JSON request body.</summary>
    public byte[] WriteBody(bool stream, bool streamIncludeUsage)
    {
        var buffer = new ArrayBufferWriter<byte>(1024);
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            w.WriteString("model", Model);
            w.WriteStartArray("messages");
            foreach (var (role, parts) in _messages)
            {
                w.WriteStartObject();
                w.WriteString("role", role);
                // A text-only message goes as a plain string: every OpenAI-compatible server accepts that, while some
                // (older llama.cpp builds) reject part arrays in system messages.
                if (parts.All(p => p.Text is not null) && parts.Count <= 1)
                {
                    w.WriteString("content", parts.Count == 0 ? "" : parts[0].Text);
                }
                else
                {
                    w.WriteStartArray("content");
                    foreach (var p in parts) p.Write(w);
                    w.WriteEndArray();
                }
                w.WriteEndObject();
            }
            w.WriteEndArray();
            foreach (var (key, value) in Sampling)
            {
                w.WritePropertyName(key);
                if (value is null) w.WriteNullValue(); else value.WriteTo(w);
            }
            if (stream)
            {
                w.WriteBoolean("stream", true);
                if (streamIncludeUsage)
                {
                    w.WriteStartObject("stream_options");
                    w.WriteBoolean("include_usage", true);
                    w.WriteEndObject();
                }
            }
            w.WriteEndObject();
        }
        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>
    /// The MIME type a data URL declares: the caller's when it names an image type (the image encoding decides the
    /// label: ReasoningTrack's released client sends PNG files labelled <c>image/jpeg</c>, and reproducing it means
    /// keeping that label), else the one the bytes' signature gives.
    /// </summary>
    public static string ImageMediaType(ReadOnlySpan<byte> data, string? declared) =>
        declared is not null && declared.StartsWith("image/", StringComparison.OrdinalIgnoreCase) ? declared : ImageHeader.Sniff(data) switch
    {
        ImageFileKind.Jpeg => "image/jpeg",
        ImageFileKind.Png => "image/png",
        ImageFileKind.Bmp => "image/bmp",
        _ => string.IsNullOrEmpty(declared) ? "application/octet-stream" : declared,
    };

    private static JsonObject BuildSampling(ChatOptions? chat, int? defaultTopK, double? defaultRepetitionPenalty)
    {
        var s = new JsonObject();
        var extra = chat?.AdditionalProperties;
        if (chat?.Temperature is { } t) s["temperature"] = t;
        if (chat?.TopP is { } p) s["top_p"] = p;
        JsonNode? topK = chat?.TopK is { } k ? JsonValue.Create(k) : Extra(extra, "top_k") ?? (defaultTopK is { } dk ? JsonValue.Create(dk) : null);
        if (topK is not null) s["top_k"] = topK;
        if (chat?.MaxOutputTokens is { } m) s["max_tokens"] = m;
        if (chat?.StopSequences is { Count: > 0 } stop) s["stop"] = new JsonArray(stop.Select(x => (JsonNode?)JsonValue.Create(x)).ToArray());
        if (chat?.Seed is { } seed) s["seed"] = seed;
        if (chat?.FrequencyPenalty is { } fp) s["frequency_penalty"] = fp;
        if (chat?.PresencePenalty is { } pp) s["presence_penalty"] = pp;
        JsonNode? rep = Extra(extra, "repetition_penalty") ?? (defaultRepetitionPenalty is { } dr ? JsonValue.Create(dr) : null);
        if (rep is not null) s["repetition_penalty"] = rep;
        if (extra is not null)
        {
            // Other vLLM fields (min_p, guided_json, ...) pass through verbatim; sorted so the hash does not depend on insertion order.
            foreach (var (key, value) in extra.OrderBy(e => e.Key, StringComparer.Ordinal))
                if (!HandledExtras.Contains(key) && !s.ContainsKey(key)) s[key] = ToNode(value);
        }
        return s;
    }

    private static JsonNode? Extra(AdditionalPropertiesDictionary? extra, string key) =>
        extra is not null && extra.TryGetValue(key, out object? v) && v is not null ? ToNode(v) : null;

    private static JsonNode? ToNode(object? value) => value switch
    {
        null => null,
        JsonNode n => n.DeepClone(),
        _ => JsonSerializer.SerializeToNode(value),
    };

    private static Part ToPart(AIContent content)
    {
        switch (content)
        {
            case TextContent text:
                return Part.ForText(text.Text ?? "");
            case DataContent data:
                byte[] bytes = data.Data.ToArray();
                return Part.ForImage(bytes, ImageMediaType(bytes, data.MediaType));
            case UriContent uri:
                return Part.ForUrl(uri.Uri.ToString());
            default:
                throw new NotSupportedException($"message content of type {content.GetType().Name} cannot be sent to an OpenAI-compatible chat endpoint (text, DataContent images and UriContent only)");
        }
    }

    private static string ComputeHash(string model, IReadOnlyList<VlmRecordedMessage> messages, JsonObject sampling)
    {
        var canonical = new JsonObject
        {
            ["model"] = model,
            ["messages"] = JsonSerializer.SerializeToNode(messages, VlmRecorder.Json),
            ["sampling"] = sampling.DeepClone(),
        };
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical.ToJsonString())));
    }

    private sealed class Part
    {
        public string? Text { get; private init; }
        public byte[]? Image { get; private init; }
        public string? MediaType { get; private init; }
        public string? Url { get; private init; }
        public required VlmRecordedPart Recorded { get; init; }

        public static Part ForText(string text) => new() { Text = text, Recorded = new VlmRecordedPart("text", Text: text) };

        public static Part ForImage(byte[] bytes, string mediaType) => new()
        {
            Image = bytes,
            MediaType = mediaType,
            Recorded = new VlmRecordedPart("image", Sha256: Convert.ToHexStringLower(SHA256.HashData(bytes)), MediaType: mediaType, Bytes: bytes.Length),
        };

        public static Part ForUrl(string url) => new()
        {
            Url = url,
            Recorded = new VlmRecordedPart("image", Sha256: Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(url))), Url: url),
        };

        public void Write(Utf8JsonWriter w)
        {
            w.WriteStartObject();
            if (Text is not null)
            {
                w.WriteString("type", "text");
                w.WriteString("text", Text);
            }
            else
            {
                w.WriteString("type", "image_url");
                w.WriteStartObject("image_url");
                w.WriteString("url", Url ?? $"data:{MediaType};base64,{Convert.ToBase64String(Image!)}");
                w.WriteEndObject();
            }
            w.WriteEndObject();
        }
    }
}
