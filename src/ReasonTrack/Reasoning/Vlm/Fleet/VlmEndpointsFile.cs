using System.Globalization;
using ReasonTrack.IO;

namespace ReasonTrack.Reasoning.Vlm.Fleet;

/// <summary>
/// A file of VLM endpoints (ours): one per line, the base URL ending in <c>/v1</c>, optionally followed by
/// <c>max=N</c>, the most requests that endpoint is given at once; blank lines and lines starting with <c>#</c> are
/// skipped. Example: <c>http://gpu1:8000/v1 max=4</c>. Errors name the file and line (URLs redacted).
/// </summary>
public static class VlmEndpointsFile
{
    /// <summary>The endpoints of <paramref name="path"/>, in file order.</summary>
    /// <exception cref="DataFormatException">A bad line, a repeated endpoint, or no endpoint at all.</exception>
    public static IReadOnlyList<VlmEndpoint> Read(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path)) throw new DataFormatException(path, "the endpoints file does not exist");
        return Parse(File.ReadAllLines(path), path);
    }

    /// <summary>The endpoints of <paramref name="lines"/>; <paramref name="path"/> names the source in errors.</summary>
    public static IReadOnlyList<VlmEndpoint> Parse(IEnumerable<string> lines, string path)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var endpoints = new List<VlmEndpoint>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        int lineNo = 0;
        foreach (string raw in lines)
        {
            lineNo++;
            string line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#')) continue;
            string[] fields = line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            string url = fields[0];
            if (!Uri.TryCreate(url, UriKind.Absolute, out var baseUrl) || (baseUrl.Scheme != Uri.UriSchemeHttp && baseUrl.Scheme != Uri.UriSchemeHttps) || string.IsNullOrEmpty(baseUrl.Host))
                throw new DataFormatException(path, lineNo, $"'{UrlRedaction.Redact(url)}' is not an http(s) URL ending in /v1");
            int? max = null;
            foreach (string field in fields.Skip(1))
            {
                if (!field.StartsWith("max=", StringComparison.Ordinal))
                    throw new DataFormatException(path, lineNo, $"unknown field '{field}' after the URL (the only one is max=N, the most requests in flight at this endpoint)");
                if (max is not null) throw new DataFormatException(path, lineNo, "max= is given twice");
                if (!int.TryParse(field.AsSpan(4), NumberStyles.None, CultureInfo.InvariantCulture, out int m) || m < 1)
                    throw new DataFormatException(path, lineNo, $"max must be a whole number of at least 1, got '{field[4..]}'");
                max = m;
            }
            string key = baseUrl.AbsoluteUri.TrimEnd('/');
            if (seen.TryGetValue(key, out int first))
                throw new DataFormatException(path, lineNo, $"{UrlRedaction.Redact(baseUrl)} is already given on line {first}");
            seen[key] = lineNo;
            endpoints.Add(new VlmEndpoint(baseUrl, max));
        }
        if (endpoints.Count == 0) throw new DataFormatException(path, "holds no endpoint (one base URL per line, optionally followed by max=N)");
        return endpoints;
    }
}
