using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;
using System.Text.RegularExpressions;

namespace ReasonTrack.Cli.Commands;

/// <summary>
/// The standard help with enum defaults shown by their canonical names (<see cref="CliOptions.DefaultTexts"/>, not
/// the C# member names), then the command's examples (<see cref="HelpExamples"/>).
/// </summary>
internal sealed partial class ExamplesHelpAction(HelpAction inner) : SynchronousCommandLineAction
{
    public override bool ClearsParseErrors => true;

    public override int Invoke(ParseResult parseResult)
    {
        var config = parseResult.InvocationConfiguration;
        var output = config.Output;
        var captured = new StringWriter();
        config.Output = captured;
        try
        {
            inner.Invoke(parseResult);
        }
        finally
        {
            config.Output = output;
        }
        var command = parseResult.CommandResult.Command;
        var defaults = command.Options.Where(o => CliOptions.DefaultTexts.ContainsKey(o)).ToDictionary(o => o.Name, o => CliOptions.DefaultTexts[o]);
        foreach (string line in captured.ToString().TrimEnd().Split('\n'))
        {
            string l = line.TrimEnd('\r');
            var m = OptionLineRegex().Match(l);
            if (m.Success && defaults.TryGetValue(m.Groups[1].Value, out var text))
                l = DefaultRegex().Replace(l, $"[default: {text}]");
            output.WriteLine(l);
        }
        output.WriteLine();
        var examples = HelpExamples.For(command);
        if (examples.Count > 0)
        {
            output.WriteLine("Examples:");
            foreach (var e in examples) output.WriteLine("  " + e);
            output.WriteLine();
        }
        return 0;
    }

    [GeneratedRegex(@"^\s+(?:-\S+, )*(--[a-z0-9-]+)")]
    private static partial Regex OptionLineRegex();

    [GeneratedRegex(@"\[default: [^\]]*\]\s*$")]
    private static partial Regex DefaultRegex();
}
