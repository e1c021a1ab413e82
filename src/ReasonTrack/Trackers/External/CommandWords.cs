using System.Text;

namespace ReasonTrack.Trackers.External;

/// <summary>
/// Splits a command line into words the way a POSIX shell would for plain words, single and double quotes and
/// backslash escapes (no variables, globs or pipes: no shell is started).
/// </summary>
public static class CommandWords
{
    public static IReadOnlyList<string> Split(string commandLine)
    {
        ArgumentNullException.ThrowIfNull(commandLine);
        var words = new List<string>();
        var w = new StringBuilder();
        bool inWord = false;
        char quote = '\0';
        for (int i = 0; i < commandLine.Length; i++)
        {
            char c = commandLine[i];
            if (quote == '\'')
            {
                if (c == '\'') quote = '\0'; else w.Append(c);
            }
            else if (quote == '"')
            {
                if (c == '"') quote = '\0';
                else if (c == '\\' && i + 1 < commandLine.Length && commandLine[i + 1] is '"' or '\\' or '$' or '`') w.Append(commandLine[++i]);
                else w.Append(c);
            }
            else if (char.IsWhiteSpace(c))
            {
                if (inWord) { words.Add(w.ToString()); w.Clear(); inWord = false; }
            }
            else
            {
                inWord = true;
                if (c is '\'' or '"') quote = c;
                else if (c == '\\' && i + 1 < commandLine.Length) w.Append(commandLine[++i]);
                else w.Append(c);
            }
        }
        if (quote != '\0') throw new InvalidSettingException("command", $"command {commandLine} has an unclosed {quote} quote");
        if (inWord) words.Add(w.ToString());
        return words;
    }
}
