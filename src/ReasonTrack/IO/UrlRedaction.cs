namespace ReasonTrack.IO;

/// <summary>
/// URLs as they may be shown: any user name and password (<c>http://user:pw@host/v1</c>) are dropped, so that
/// a credential given in a URL never reaches a log, a recording, a console line or an error message.
/// </summary>
public static class UrlRedaction
{
    /// <summary><paramref name="url"/> without user information (<c>http://host/v1</c>); the rest unchanged.</summary>
    public static string Redact(Uri url)
    {
        ArgumentNullException.ThrowIfNull(url);
        if (!url.IsAbsoluteUri || string.IsNullOrEmpty(url.UserInfo)) return url.ToString();
        return new UriBuilder(url) { UserName = "", Password = "" }.Uri.ToString();
    }

    /// <summary>
    /// A URL given as text, redacted when it parses as an absolute URL; otherwise anything before an <c>@</c> that
    /// follows <c>://</c> is dropped, so even a malformed address quoted in an error loses its credentials.
    /// </summary>
    public static string Redact(string? url)
    {
        if (string.IsNullOrEmpty(url)) return url ?? "";
        if (Uri.TryCreate(url, UriKind.Absolute, out var parsed) && !string.IsNullOrEmpty(parsed.Host)) return Redact(parsed);
        int scheme = url.IndexOf("://", StringComparison.Ordinal);
        if (scheme < 0) return url;
        int start = scheme + 3;
        int end = url.IndexOfAny(['/', '?', '#'], start);
        int at = url.LastIndexOf('@', end < 0 ? url.Length - 1 : end - 1);
        return at >= start ? url[..start] + url[(at + 1)..] : url;
    }
}
