using System.CommandLine;
using ReasonTrack.Naming;

namespace ReasonTrack.Cli.Commands;

/// <summary>
/// Typed options built from the library's name tables, so help (<c>&lt;a|b|c&gt;</c>), parsing and the error message all
/// use the same canonical names; aliases a table accepts parse but are not shown. Also the options every command
/// spells the same way (<c>--jobs</c>).
/// </summary>
internal static class CliOptions
{
    /// <summary>The default of every <c>--jobs</c>: one per core.</summary>
    public static int DefaultJobs => Environment.ProcessorCount;

    /// <summary>An enum option with a default value.</summary>
    public static Option<T> Enum<T>(string name, NameTable<T> table, string description, T defaultValue, params string[] aliases) where T : struct, System.Enum
    {
        var o = new Option<T>(name, aliases)
        {
            Description = description,
            HelpName = string.Join("|", table.Names),
            DefaultValueFactory = _ => defaultValue,
            CustomParser = r => ParseToken(r, name, table),
        };
        o.CompletionSources.Add(table.Names.ToArray());
        DefaultTexts[o] = table.Name(defaultValue);
        return o;
    }

    /// <summary>An enum option that may be absent (null).</summary>
    public static Option<T?> OptionalEnum<T>(string name, NameTable<T> table, string description, params string[] aliases) where T : struct, System.Enum
    {
        var o = new Option<T?>(name, aliases)
        {
            Description = description,
            HelpName = string.Join("|", table.Names),
            CustomParser = r => ParseToken(r, name, table),
        };
        o.CompletionSources.Add(table.Names.ToArray());
        return o;
    }

    /// <summary>A comma list of names from a table (a set of flags such as --trigger), at least one.</summary>
    public static Option<IReadOnlyList<T>> EnumList<T>(string name, NameTable<T> table, string description, T defaultValue) where T : struct, System.Enum
    {
        var o = new Option<IReadOnlyList<T>>(name)
        {
            Description = description,
            HelpName = string.Join(",", table.Names),
            DefaultValueFactory = _ => [defaultValue],
            CustomParser = r =>
            {
                string text = r.Tokens.Count > 0 ? r.Tokens[^1].Value : "";
                var values = new List<T>();
                foreach (var n in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                {
                    if (!table.TryParse(n, out var v))
                    {
                        r.AddError($"{name} takes {string.Join(", ", table.Names)} (comma-separated), not '{n}'");
                        return [];
                    }
                    values.Add(v);
                }
                if (values.Count == 0) r.AddError($"{name} needs at least one of {string.Join(", ", table.Names)}");
                return values;
            },
        };
        DefaultTexts[o] = table.Name(defaultValue);
        return o;
    }

    /// <summary>How help shows an option's default where the value's own text is not its name (enums).</summary>
    public static Dictionary<Option, string> DefaultTexts { get; } = [];

    private static T ParseToken<T>(System.CommandLine.Parsing.ArgumentResult r, string name, NameTable<T> table) where T : struct, System.Enum
    {
        string text = r.Tokens.Count > 0 ? r.Tokens[^1].Value : "";
        if (table.TryParse(text, out var v)) return v;
        r.AddError($"{name} must be {table.Choices}, not '{text}'");
        return default;
    }

    /// <summary><c>--jobs/-j</c>: the same name, letter, default and check in every command.</summary>
    public static Option<int> Jobs(string what, string? note = null)
    {
        var o = new Option<int>("--jobs", "-j")
        {
            Description = $"{what} in parallel (default: one per core{(note is null ? "" : "; " + note)}).",
            DefaultValueFactory = _ => DefaultJobs,
        };
        AtLeast(o, 1, "");
        return o;
    }

    /// <summary>A string option whose value is one of <paramref name="keys"/> (case-insensitive), refused by the parser otherwise.</summary>
    public static Option<string> Choice(string name, IReadOnlyList<string> keys, string description, string defaultValue)
    {
        var o = new Option<string>(name)
        {
            Description = description,
            HelpName = string.Join("|", keys),
            DefaultValueFactory = _ => defaultValue,
            CustomParser = r =>
            {
                string text = r.Tokens.Count > 0 ? r.Tokens[^1].Value : "";
                string? key = keys.FirstOrDefault(k => string.Equals(k, text.Trim(), StringComparison.OrdinalIgnoreCase));
                if (key is null) r.AddError($"{name} must be one of {string.Join(", ", keys)}, not '{text}'");
                return key ?? defaultValue;
            },
        };
        o.CompletionSources.Add(keys.ToArray());
        return o;
    }

    /// <summary><c>--segmenter</c> (track, run): where masks come from when the tracker sends none; parsed by the library's text form.</summary>
    public static Option<Segmentation.SegmenterOptions> Segmenter() => new("--segmenter")
    {
        Description = "Masks from the boxes when the tracker gives none, written in the DAVIS layout beside the boxes (<out>/<seq>/00000.png): " +
                      "none, box (the box itself), colour (a colour model inside the box, weights-free), onnx:<encoder.onnx>,<decoder.onnx> (a SAM-family export). " +
                      "A tracker that sends masks (external) has them written anyway.",
        HelpName = "none|box|colour|onnx:<enc>,<dec>",
        DefaultValueFactory = _ => Segmentation.SegmenterOptions.None,
        CustomParser = r =>
        {
            string text = r.Tokens.Count > 0 ? r.Tokens[^1].Value : "";
            try
            {
                return Segmentation.SegmenterOptions.Parse(text);
            }
            catch (InvalidSettingException e)
            {
                r.AddError("--" + e.Message);
                return Segmentation.SegmenterOptions.None;
            }
        },
    };

    /// <summary><c>--mask-annotations</c> (report, track, run): ground-truth masks in the DAVIS layout, for J and F per frame in the report.</summary>
    public static Option<string?> MaskAnnotations() => new("--mask-annotations")
    {
        Description = "Ground-truth masks in the DAVIS layout: a folder holding <seq>/00000.png, ... (DAVIS's Annotations/480p), a DAVIS root, or one sequence's folder of PNGs; " +
                      "the report then charts J per frame of every tracker with masks.",
    };

    /// <summary>Makes an int option refuse values below <paramref name="min"/> (and non-numbers) as parse errors.</summary>
    public static void AtLeast(Option<int> o, int min, string unit)
    {
        o.CustomParser = r =>
        {
            string text = r.Tokens.Count > 0 ? r.Tokens[^1].Value : "";
            if (!int.TryParse(text, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out int v))
                r.AddError($"{o.Name} must be a whole number, not '{text}'");
            else if (v < min) r.AddError($"{o.Name} must be at least {min}{unit}");
            return v;
        };
    }

    /// <summary>Makes a double option refuse values that are not positive (and non-numbers) as parse errors.</summary>
    public static void Positive(Option<double> o, string unit)
    {
        o.CustomParser = r =>
        {
            string text = r.Tokens.Count > 0 ? r.Tokens[^1].Value : "";
            if (!double.TryParse(text, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out double v) || !(v > 0) || !double.IsFinite(v))
                r.AddError($"{o.Name} must be a positive number of {unit}, not '{text}'");
            return v;
        };
    }
}
