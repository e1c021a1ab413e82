using System.CommandLine;
using ReasonTrack.Naming;
using ReasonTrack.Reasoning.Vlm;

namespace ReasonTrack.Cli.Commands;

/// <summary>
/// The options that name a vision-language model server, spelled and described the same in every command that calls
/// one (track, run, score, make-data): <c>--vlm-url</c>, <c>--model</c>, <c>--api-key-env</c>, <c>--coords</c>.
/// </summary>
internal static class VlmOptions
{
    public const string DefaultApiKeyEnv = "OPENAI_API_KEY";

    /// <summary>A repeatable <c>--vlm-url</c>: one server, or several that form a fleet.</summary>
    public static Option<string[]> Urls(string defaultUrl) => new("--vlm-url")
    {
        Description = "Base URL of an OpenAI-compatible server, ending in /v1 (vLLM, SGLang, llama.cpp server, Ollama, LM Studio). Repeat it for a fleet " +
                      "(ours): each request goes to the healthy server with the fewest requests in flight; a server that fails is left out for --vlm-cooldown and its requests go to the others.",
        DefaultValueFactory = _ => [defaultUrl],
    };

    /// <summary>A <c>--vlm-url</c> without a default, for commands where the server is only needed by some choices.</summary>
    public static Option<string?> OptionalUrl(string when) => new("--vlm-url")
    {
        Description = $"{when}: base URL of an OpenAI-compatible server, ending in /v1 (vLLM, SGLang, llama.cpp server, Ollama, LM Studio).",
    };

    public static Option<string?> Model(string description) => new("--model") { Description = description };

    public static Option<string> ApiKeyEnv() => new("--api-key-env")
    {
        Description = $"Environment variable holding the API key (never logged); 'EMPTY' is sent when it is unset.",
        DefaultValueFactory = _ => DefaultApiKeyEnv,
    };

    public static Option<CoordinateConvention?> Coords(string defaults) => CliOptions.OptionalEnum("--coords", Names.Coords,
        "How the model writes boxes: qwen2.5 (absolute pixels of the image after Qwen2.5-VL's smart resize, done client-side), " +
        "normalized1000 (0..1000: Qwen2-VL, Qwen3-VL), as-sent (pixels of the image as sent). " + defaults);

    /// <summary>The server's base URL, or a refusal naming --vlm-url.</summary>
    public static Uri ParseUrl(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var baseUrl) && (baseUrl.Scheme == Uri.UriSchemeHttp || baseUrl.Scheme == Uri.UriSchemeHttps)
            ? baseUrl
            : throw new ReasonTrackException($"--vlm-url must be an http(s) URL ending in /v1, not '{ReasonTrack.IO.UrlRedaction.Redact(url)}'");
}
