using System.Globalization;
using System.Text;

namespace ReasonTrack.Training.Data.Formats;

/// <summary>
/// JSON text as Python's <c>json.dumps(obj, ensure_ascii=False)</c> writes it, which is what the <c>jsonlines</c>
/// writer of VPTracker's released builder produces (<c>separators=(", ", ": ")</c>; only <c>"</c>, <c>\</c> and
/// control characters escaped, <c>\n \r \t \b \f</c> by name and the rest as <c>\u00XX</c>; floats as Python's
/// <c>repr</c>, so 2.0 stays <c>2.0</c>). Lets a row be compared byte for byte with one the released script writes.
/// </summary>
internal sealed class PythonJson
{
    private readonly StringBuilder _text = new();
    private readonly Stack<bool> _hasItems = new();
    private bool _afterKey;

    public override string ToString() => _text.ToString();

    public PythonJson StartObject() => Open('{');

    public PythonJson EndObject() => Close('}');

    public PythonJson StartArray() => Open('[');

    public PythonJson EndArray() => Close(']');

    /// <summary>Starts a member: the key and <c>": "</c>; the value follows.</summary>
    public PythonJson Key(string name)
    {
        BeforeValue();
        String(name);
        _text.Append(": ");
        _afterKey = true;
        return this;
    }

    public PythonJson Value(string value)
    {
        BeforeValue();
        String(value);
        return this;
    }

    public PythonJson Value(int value)
    {
        BeforeValue();
        _text.Append(value.ToString(CultureInfo.InvariantCulture));
        return this;
    }

    public PythonJson Value(bool value)
    {
        BeforeValue();
        _text.Append(value ? "true" : "false");
        return this;
    }

    /// <summary>A float as Python's <c>float.__repr__</c> (see <see cref="FloatRepr"/>).</summary>
    public PythonJson Value(double value)
    {
        BeforeValue();
        _text.Append(FloatRepr(value));
        return this;
    }

    public PythonJson Values(IEnumerable<int> values)
    {
        StartArray();
        foreach (int v in values) Value(v);
        return EndArray();
    }

    public PythonJson Values(IEnumerable<string> values)
    {
        StartArray();
        foreach (string v in values) Value(v);
        return EndArray();
    }

    /// <summary>
    /// The shortest round-trip digits with <c>.0</c> on whole numbers and Python's exponent spelling (<c>1e-05</c>).
    /// Assumption: Python writes 1e15..1e16 without an exponent where .NET uses one; no value of these rows gets there.
    /// </summary>
    public static string FloatRepr(double value)
    {
        if (double.IsNaN(value)) return "NaN";
        if (double.IsInfinity(value)) return value > 0 ? "Infinity" : "-Infinity";
        string r = value.ToString("R", CultureInfo.InvariantCulture);
        int e = r.IndexOf('E', StringComparison.Ordinal);
        if (e >= 0)
        {
            int exp = int.Parse(r[(e + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
            return r[..e] + "e" + (exp < 0 ? "-" : "+") + Math.Abs(exp).ToString("00", CultureInfo.InvariantCulture);
        }
        return r.Contains('.', StringComparison.Ordinal) ? r : r + ".0";
    }

    private PythonJson Open(char c)
    {
        BeforeValue();
        _text.Append(c);
        _hasItems.Push(false);
        return this;
    }

    private PythonJson Close(char c)
    {
        _hasItems.Pop();
        _text.Append(c);
        return this;
    }

    private void BeforeValue()
    {
        if (_afterKey) { _afterKey = false; return; }
        if (_hasItems.Count == 0) return;
        if (_hasItems.Pop()) _text.Append(", ");
        _hasItems.Push(true);
    }

    private void String(string s)
    {
        _text.Append('"');
        foreach (char c in s)
        {
            switch (c)
            {
                case '"': _text.Append("\\\""); break;
                case '\\': _text.Append("\\\\"); break;
                case '\n': _text.Append("\\n"); break;
                case '\r': _text.Append("\\r"); break;
                case '\t': _text.Append("\\t"); break;
                case '\b': _text.Append("\\b"); break;
                case '\f': _text.Append("\\f"); break;
                default:
                    if (c < ' ') _text.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    else _text.Append(c);
                    break;
            }
        }
        _text.Append('"');
    }
}
