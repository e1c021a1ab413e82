using System.Globalization;

namespace ReasonTrack.Trackers;

/// <summary>Parsing of <c>name=value</c> tracker settings into typed values, with errors that name the setting.</summary>
public static class TrackerSettings
{
    /// <summary>Parses <c>k=v</c> strings (from <c>--set</c>) into a dictionary.</summary>
    public static Dictionary<string, string> Parse(IEnumerable<string> pairs)
    {
        var d = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var p in pairs)
        {
            int eq = p.IndexOf('=');
            if (eq <= 0) throw new InvalidSettingException("tracker settings", $"tracker setting '{p}' is not name=value");
            d[p[..eq].Trim()] = p[(eq + 1)..].Trim();
        }
        return d;
    }

    public static void RejectUnknown(string tracker, IReadOnlyDictionary<string, string> settings, IReadOnlyList<TrackerSetting> known)
    {
        foreach (var k in settings.Keys)
            if (!known.Any(s => string.Equals(s.Name, k, StringComparison.OrdinalIgnoreCase)))
                throw new InvalidSettingException("tracker settings", $"tracker {tracker} has no setting '{k}'" +
                    (known.Count > 0 ? $"; it accepts: {string.Join(", ", known.Select(s => s.Name))}" : "; it accepts none"));
    }

    public static double Double(IReadOnlyDictionary<string, string> settings, string name, double fallback)
    {
        if (!settings.TryGetValue(name, out var v)) return fallback;
        return double.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && double.IsFinite(d)
            ? d : throw new InvalidSettingException("tracker settings", $"setting {name}={v} is not a number");
    }

    public static int Int(IReadOnlyDictionary<string, string> settings, string name, int fallback)
    {
        if (!settings.TryGetValue(name, out var v)) return fallback;
        return int.TryParse(v, NumberStyles.Integer, CultureInfo.InvariantCulture, out var d)
            ? d : throw new InvalidSettingException("tracker settings", $"setting {name}={v} is not an integer");
    }

    public static bool Bool(IReadOnlyDictionary<string, string> settings, string name, bool fallback)
    {
        if (!settings.TryGetValue(name, out var v)) return fallback;
        return bool.TryParse(v, out var b) ? b : v switch { "1" or "yes" or "on" => true, "0" or "no" or "off" => false, _ => throw new InvalidSettingException("tracker settings", $"setting {name}={v} is not true/false") };
    }
}
