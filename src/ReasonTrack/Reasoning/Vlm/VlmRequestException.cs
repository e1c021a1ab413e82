using System.Net;

namespace ReasonTrack.Reasoning.Vlm;

/// <summary>
/// A chat completion request that failed for good: HTTP error status, connection failure, timeout or an unreadable
/// reply. Callers see this one type instead of HttpRequestException/IOException/JsonException from deep inside.
/// </summary>
public sealed class VlmRequestException : ReasonTrackException
{
    public VlmRequestException(string message, HttpStatusCode? statusCode = null, int attempts = 1, string? bodyExcerpt = null,
        bool isTimeout = false, Exception? innerException = null, bool isUnreachable = false)
        : base(message, innerException)
    {
        StatusCode = statusCode;
        Attempts = attempts;
        BodyExcerpt = bodyExcerpt;
        IsTimeout = isTimeout;
        IsUnreachable = isUnreachable;
    }

    /// <summary>The last HTTP status, or null when no response arrived (connection failure, timeout) or the body was bad.</summary>
    public HttpStatusCode? StatusCode { get; }

    /// <summary>HTTP attempts made, the first one included.</summary>
    public int Attempts { get; }

    /// <summary>True when more than one attempt was made.</summary>
    public bool WasRetried => Attempts > 1;

    /// <summary>The first few hundred characters of the last reply body, for diagnosis.</summary>
    public string? BodyExcerpt { get; }

    /// <summary>True when the last attempt ran out of <see cref="VlmClientOptions.RequestTimeout"/>.</summary>
    public bool IsTimeout { get; }

    /// <summary>
    /// True when the server could not be reached at all (connection refused, unknown host) before it had ever answered
    /// this client: the address is wrong or the server is not running. Not retried; a run stops on it at once.
    /// </summary>
    public bool IsUnreachable { get; }
}
